from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DynamicLinkCreateRequest")


@_attrs_define
class DynamicLinkCreateRequest:
    """What the draft treatment plan link is for.

    Attributes:
        treatment_plan (DynamicLinkTreatmentPlanInput): The treatment plan to open.
        patient (DynamicLinkPatientInput | Unset): Patient to find, or create when none matches.
    """

    treatment_plan: DynamicLinkTreatmentPlanInput
    patient: DynamicLinkPatientInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        treatment_plan = self.treatment_plan.to_dict()

        patient: dict[str, Any] | Unset = UNSET
        if not isinstance(self.patient, Unset):
            patient = self.patient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "treatment_plan": treatment_plan,
            }
        )
        if patient is not UNSET:
            field_dict["patient"] = patient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        treatment_plan = DynamicLinkTreatmentPlanInput.from_dict(d.pop("treatment_plan"))

        _patient = d.pop("patient", UNSET)
        patient: DynamicLinkPatientInput | Unset
        if isinstance(_patient, Unset):
            patient = UNSET
        else:
            patient = DynamicLinkPatientInput.from_dict(_patient)

        dynamic_link_create_request = cls(
            treatment_plan=treatment_plan,
            patient=patient,
        )

        dynamic_link_create_request.additional_properties = d
        return dynamic_link_create_request

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
from ..models.dynamic_link_patient_input import DynamicLinkPatientInput
from ..models.dynamic_link_treatment_plan_input import DynamicLinkTreatmentPlanInput
