from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.object_reference import ObjectReference
    from ..models.protocol_recommendation import ProtocolRecommendation


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
        id = self.id

        name = self.name

        current_state = self.current_state

        practitioner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.practitioner, Unset):
            practitioner = self.practitioner.to_dict()

        personal_message: None | str | Unset
        if isinstance(self.personal_message, Unset):
            personal_message = UNSET
        else:
            personal_message = self.personal_message

        recommendations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recommendations, Unset):
            recommendations = []
            for recommendations_item_data in self.recommendations:
                recommendations_item = recommendations_item_data.to_dict()
                recommendations.append(recommendations_item)

        ownership_type = self.ownership_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if current_state is not UNSET:
            field_dict["current_state"] = current_state
        if practitioner is not UNSET:
            field_dict["practitioner"] = practitioner
        if personal_message is not UNSET:
            field_dict["personal_message"] = personal_message
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations
        if ownership_type is not UNSET:
            field_dict["ownership_type"] = ownership_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.object_reference import ObjectReference
        from ..models.protocol_recommendation import ProtocolRecommendation

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        current_state = d.pop("current_state", UNSET)

        _practitioner = d.pop("practitioner", UNSET)
        practitioner: ObjectReference | Unset
        if isinstance(_practitioner, Unset):
            practitioner = UNSET
        else:
            practitioner = ObjectReference.from_dict(_practitioner)

        def _parse_personal_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        personal_message = _parse_personal_message(d.pop("personal_message", UNSET))

        _recommendations = d.pop("recommendations", UNSET)
        recommendations: list[ProtocolRecommendation] | Unset = UNSET
        if _recommendations is not UNSET:
            recommendations = []
            for recommendations_item_data in _recommendations:
                recommendations_item = ProtocolRecommendation.from_dict(recommendations_item_data)

                recommendations.append(recommendations_item)

        ownership_type = d.pop("ownership_type", UNSET)

        protocol = cls(
            id=id,
            name=name,
            current_state=current_state,
            practitioner=practitioner,
            personal_message=personal_message,
            recommendations=recommendations,
            ownership_type=ownership_type,
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
