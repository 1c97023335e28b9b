from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.treatment_plan import TreatmentPlan


T = TypeVar("T", bound="CancelTreatmentPlanResponse200")


@_attrs_define
class CancelTreatmentPlanResponse200:
    """
    Attributes:
        treatment_plan (TreatmentPlan): A treatment plan: the practitioner's prescription of products for a patient.
    """

    treatment_plan: TreatmentPlan
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        treatment_plan = self.treatment_plan.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "treatment_plan": treatment_plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.treatment_plan import TreatmentPlan

        d = dict(src_dict)
        treatment_plan = TreatmentPlan.from_dict(d.pop("treatment_plan"))

        cancel_treatment_plan_response_200 = cls(
            treatment_plan=treatment_plan,
        )

        cancel_treatment_plan_response_200.additional_properties = d
        return cancel_treatment_plan_response_200

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
