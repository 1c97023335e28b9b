from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.treatment_plan_create_request_state import TreatmentPlanCreateRequestState
from ..types import UNSET, Unset

T = TypeVar("T", bound="TreatmentPlanCreateRequest")


@_attrs_define
class TreatmentPlanCreateRequest:
    """A new treatment plan for the patient in the path.

    Example:
        {'practitioner_id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'state': 'draft', 'recommendations': [{'variant_id':
            '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'units_to_purchase': 1, 'refill': True, 'dosage': {'amount': '1',
            'frequency': 'every night', 'format': 'capsule'}}]}

    Attributes:
        recommendations (list[RecommendationInput]): Products to recommend.
        practitioner_id (str | Unset): Practitioner the plan is written by. Required when the token belongs to a Staff
            member or a Clinic; defaults to the token's practitioner otherwise.
        personal_message (str | Unset): Note from the practitioner to the patient.
        state (TreatmentPlanCreateRequestState | Unset): `draft` creates a draft plan; `active` or null (the default)
            creates an active plan and sends it.
        metadata (MetadataInput | Unset): Identifier from your own system to attach to the object.
    """

    recommendations: list[RecommendationInput]
    practitioner_id: str | Unset = UNSET
    personal_message: str | Unset = UNSET
    state: TreatmentPlanCreateRequestState | Unset = UNSET
    metadata: MetadataInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        practitioner_id = self.practitioner_id

        personal_message = self.personal_message

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

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
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id
        if personal_message is not UNSET:
            field_dict["personal_message"] = personal_message
        if state is not UNSET:
            field_dict["state"] = state
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

        practitioner_id = d.pop("practitioner_id", UNSET)

        personal_message = d.pop("personal_message", UNSET)

        _state = d.pop("state", UNSET)
        state: TreatmentPlanCreateRequestState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = TreatmentPlanCreateRequestState(_state)

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataInput.from_dict(_metadata)

        treatment_plan_create_request = cls(
            recommendations=recommendations,
            practitioner_id=practitioner_id,
            personal_message=personal_message,
            state=state,
            metadata=metadata,
        )

        treatment_plan_create_request.additional_properties = d
        return treatment_plan_create_request

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
