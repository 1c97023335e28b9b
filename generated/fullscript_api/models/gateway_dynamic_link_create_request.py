from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gateway_dynamic_link_create_request_entrypoint import (
    GatewayDynamicLinkCreateRequestEntrypoint,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GatewayDynamicLinkCreateRequest")


@_attrs_define
class GatewayDynamicLinkCreateRequest:
    """What the gateway treatment plan link is for.

    Attributes:
        treatment_plan (DynamicLinkTreatmentPlanInput): The treatment plan to open.
        entrypoint (GatewayDynamicLinkCreateRequestEntrypoint | Unset): Page the practitioner lands on.
        patient (GatewayPatientInput | Unset): Patient to match in Fullscript's patient matching screen.
    """

    treatment_plan: DynamicLinkTreatmentPlanInput
    entrypoint: GatewayDynamicLinkCreateRequestEntrypoint | Unset = UNSET
    patient: GatewayPatientInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        treatment_plan = self.treatment_plan.to_dict()

        entrypoint: str | Unset = UNSET
        if not isinstance(self.entrypoint, Unset):
            entrypoint = self.entrypoint.value

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
        if entrypoint is not UNSET:
            field_dict["entrypoint"] = entrypoint
        if patient is not UNSET:
            field_dict["patient"] = patient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        treatment_plan = DynamicLinkTreatmentPlanInput.from_dict(d.pop("treatment_plan"))

        _entrypoint = d.pop("entrypoint", UNSET)
        entrypoint: GatewayDynamicLinkCreateRequestEntrypoint | Unset
        if isinstance(_entrypoint, Unset):
            entrypoint = UNSET
        else:
            entrypoint = GatewayDynamicLinkCreateRequestEntrypoint(_entrypoint)

        _patient = d.pop("patient", UNSET)
        patient: GatewayPatientInput | Unset
        if isinstance(_patient, Unset):
            patient = UNSET
        else:
            patient = GatewayPatientInput.from_dict(_patient)

        gateway_dynamic_link_create_request = cls(
            treatment_plan=treatment_plan,
            entrypoint=entrypoint,
            patient=patient,
        )

        gateway_dynamic_link_create_request.additional_properties = d
        return gateway_dynamic_link_create_request

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
from ..models.dynamic_link_treatment_plan_input import DynamicLinkTreatmentPlanInput
from ..models.gateway_patient_input import GatewayPatientInput
