from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Protocol")


@_attrs_define
class Protocol:
    """A reusable treatment plan written by or shared with a practitioner.

    Attributes:
        id (str): Fullscript identifier of the protocol.
        name (str | Unset): Protocol name.
        current_state (str | Unset): `draft`, `active` or `cancelled`.
        practitioner (ObjectReference | Unset): A pointer to another Fullscript object by its identifier.
        personal_message (None | str | Unset): Note the practitioner attaches to plans made from it.
        recommendations (list[ProtocolRecommendation] | Unset): Recommended products.
        ownership_type (str | Unset): `owned` (written by the practitioner) or `shared` (shared with them).
    """

    id: str
    name: str | Unset = UNSET
    current_state: str | Unset = UNSET
    practitioner: ObjectReference | Unset = UNSET
    personal_message: None | str | Unset = UNSET
    recommendations: list[ProtocolRecommendation] | Unset = UNSET
    ownership_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.current_state is not UNSET:
            field_dict["current_state"] = self.current_state
        if self.practitioner is not UNSET:
            field_dict["practitioner"] = to_json(self.practitioner)
        if self.personal_message is not UNSET:
            field_dict["personal_message"] = self.personal_message
        if self.recommendations is not UNSET:
            field_dict["recommendations"] = to_json(self.recommendations)
        if self.ownership_type is not UNSET:
            field_dict["ownership_type"] = self.ownership_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Protocol.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("Protocol.name", "a string", _name)

        _current_state = d.pop("current_state", UNSET)
        if not (isinstance(_current_state, str) or _current_state is UNSET):
            _current_state = deviation("Protocol.current_state", "a string", _current_state)

        _practitioner = d.pop("practitioner", UNSET)
        if isinstance(_practitioner, dict):
            _practitioner = ObjectReference.from_dict(_practitioner)
        elif not (_practitioner is UNSET):
            _practitioner = deviation("Protocol.practitioner", "ObjectReference", _practitioner)

        _personal_message = d.pop("personal_message", UNSET)
        if not (
            isinstance(_personal_message, str)
            or _personal_message is UNSET
            or _personal_message is None
        ):
            _personal_message = deviation(
                "Protocol.personal_message", "a string or null", _personal_message
            )

        _recommendations = d.pop("recommendations", UNSET)
        if isinstance(_recommendations, list):
            _items1 = []
            for _each1 in _recommendations:
                if isinstance(_each1, dict):
                    _each1 = ProtocolRecommendation.from_dict(_each1)
                else:
                    _each1 = deviation(
                        "Protocol.recommendations[]", "ProtocolRecommendation", _each1
                    )
                _items1.append(_each1)
            _recommendations = _items1
        elif not (_recommendations is UNSET):
            _recommendations = deviation("Protocol.recommendations", "an array", _recommendations)

        _ownership_type = d.pop("ownership_type", UNSET)
        if not (isinstance(_ownership_type, str) or _ownership_type is UNSET):
            _ownership_type = deviation("Protocol.ownership_type", "a string", _ownership_type)

        protocol = cls(
            id=_id,
            name=_name,
            current_state=_current_state,
            practitioner=_practitioner,
            personal_message=_personal_message,
            recommendations=_recommendations,
            ownership_type=_ownership_type,
        )

        protocol.additional_properties = d
        return protocol

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last, once: these models may import this one in turn (see the template).
from ..models.object_reference import ObjectReference
from ..models.protocol_recommendation import ProtocolRecommendation
