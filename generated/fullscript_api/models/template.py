from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.protocol_recommendation import ProtocolRecommendation


T = TypeVar("T", bound="Template")


@_attrs_define
class Template:
    """A reusable treatment plan (older form of protocols, being deprecated).

    Attributes:
        id (str): Fullscript identifier of the template.
        name (str | Unset): Template name.
        current_state (str | Unset): `draft`, `active` or `cancelled`.
        practitioner_id (str | Unset): Identifier of the practitioner who wrote it.
        personal_message (None | str | Unset): Note the practitioner attaches to plans made from it.
        recommendations (list[ProtocolRecommendation] | Unset): Recommended products.
    """

    id: str
    name: str | Unset = UNSET
    current_state: str | Unset = UNSET
    practitioner_id: str | Unset = UNSET
    personal_message: None | str | Unset = UNSET
    recommendations: list[ProtocolRecommendation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        current_state = self.current_state

        practitioner_id = self.practitioner_id

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
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id
        if personal_message is not UNSET:
            field_dict["personal_message"] = personal_message
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.protocol_recommendation import ProtocolRecommendation

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        current_state = d.pop("current_state", UNSET)

        practitioner_id = d.pop("practitioner_id", UNSET)

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

        template = cls(
            id=id,
            name=name,
            current_state=current_state,
            practitioner_id=practitioner_id,
            personal_message=personal_message,
            recommendations=recommendations,
        )

        template.additional_properties = d
        return template

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
