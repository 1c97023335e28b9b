from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TreatmentPlanUpdateRequest")


@_attrs_define
class TreatmentPlanUpdateRequest:
    """Treatment plan fields to change.

    Attributes:
        recommendations (list[RecommendationInput]): Products to recommend (replaces the current list).
        personal_message (str | Unset): Note from the practitioner to the patient.
        metadata (MetadataInput | Unset): Identifier from your own system to attach to the object.
    """

    recommendations: list[RecommendationInput]
    personal_message: str | Unset = UNSET
    metadata: MetadataInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        personal_message = self.personal_message

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recommendations": recommendations,
            }
        )
        if personal_message is not UNSET:
            field_dict["personal_message"] = personal_message
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = RecommendationInput.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        personal_message = d.pop("personal_message", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataInput.from_dict(_metadata)

        treatment_plan_update_request = cls(
            recommendations=recommendations,
            personal_message=personal_message,
            metadata=metadata,
        )

        treatment_plan_update_request.additional_properties = d
        return treatment_plan_update_request

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
from ..models.metadata_input import MetadataInput
from ..models.recommendation_input import RecommendationInput
