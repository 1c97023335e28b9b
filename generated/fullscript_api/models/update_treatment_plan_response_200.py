from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="UpdateTreatmentPlanResponse200")


@_attrs_define
class UpdateTreatmentPlanResponse200:
    """
    Attributes:
        treatment_plan (TreatmentPlan): A treatment plan: the practitioner's prescription of products for a patient.
            Example: {'id': '7d4e5f6a-8b9c-4d0e-a1f2-3b4c5d6e7f80', 'state': 'active', 'patient': {'id':
            '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e'}, 'practitioner': {'id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f'},
            'available_at': '2026-01-15', 'created_at': '2026-01-15T14:02:11.000Z', 'updated_at':
            '2026-01-15T14:05:40.000Z', 'invitation_url': 'https://us.fullscript.com/welcome/riverside/8c1f2e',
            'personal_message': 'Start with one capsule and increase after a week.', 'metadata': {'id': 'plan-2231'},
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'refill': True, 'units_to_purchase':
            2, 'dosage': {'amount': '1-2', 'frequency': 'twice per day', 'duration': '90', 'format': 'capsule',
            'additional_info': 'with breakfast and dinner', 'time_of_day': ['morning', 'evening'], 'take_with': 'food'}}],
            'resources': [], 'lab_recommendations': []}.
    """

    treatment_plan: TreatmentPlan
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.treatment_plan is not UNSET:
            field_dict["treatment_plan"] = to_json(self.treatment_plan)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _treatment_plan = d.pop("treatment_plan", UNSET)
        if isinstance(_treatment_plan, dict):
            _treatment_plan = TreatmentPlan.from_dict(_treatment_plan)
        else:
            _treatment_plan = deviation(
                "UpdateTreatmentPlanResponse200.treatment_plan", "TreatmentPlan", _treatment_plan
            )

        update_treatment_plan_response_200 = cls(
            treatment_plan=_treatment_plan,
        )

        update_treatment_plan_response_200.additional_properties = d
        return update_treatment_plan_response_200

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
from ..models.treatment_plan import TreatmentPlan
