from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dynamic_link_treatment_plan import DynamicLinkTreatmentPlan
    from ..models.patient import Patient


T = TypeVar("T", bound="DynamicLink")


@_attrs_define
class DynamicLink:
    """A link that opens Fullscript on a treatment plan.

    Attributes:
        redirect_url (str | Unset): Absolute address to send the practitioner's browser to.
        treatment_plan (DynamicLinkTreatmentPlan | Unset): The draft treatment plan a dynamic link opens.
        patient (None | Patient | Unset): The patient found or created for the plan.
    """

    redirect_url: str | Unset = UNSET
    treatment_plan: DynamicLinkTreatmentPlan | Unset = UNSET
    patient: None | Patient | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.patient import Patient

        redirect_url = self.redirect_url

        treatment_plan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.treatment_plan, Unset):
            treatment_plan = self.treatment_plan.to_dict()

        patient: dict[str, Any] | None | Unset
        if isinstance(self.patient, Unset):
            patient = UNSET
        elif isinstance(self.patient, Patient):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url
        if treatment_plan is not UNSET:
            field_dict["treatment_plan"] = treatment_plan
        if patient is not UNSET:
            field_dict["patient"] = patient

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dynamic_link_treatment_plan import DynamicLinkTreatmentPlan
        from ..models.patient import Patient

        d = dict(src_dict)
        redirect_url = d.pop("redirect_url", UNSET)

        _treatment_plan = d.pop("treatment_plan", UNSET)
        treatment_plan: DynamicLinkTreatmentPlan | Unset
        if isinstance(_treatment_plan, Unset):
            treatment_plan = UNSET
        else:
            treatment_plan = DynamicLinkTreatmentPlan.from_dict(_treatment_plan)

        def _parse_patient(data: object) -> None | Patient | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_1 = Patient.from_dict(data)

                return patient_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Patient | Unset, data)

        patient = _parse_patient(d.pop("patient", UNSET))

        dynamic_link = cls(
            redirect_url=redirect_url,
            treatment_plan=treatment_plan,
            patient=patient,
        )

        dynamic_link.additional_properties = d
        return dynamic_link

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
