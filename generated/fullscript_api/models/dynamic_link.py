from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.redirect_url is not UNSET:
            field_dict["redirect_url"] = self.redirect_url
        if self.treatment_plan is not UNSET:
            field_dict["treatment_plan"] = to_json(self.treatment_plan)
        if self.patient is not UNSET:
            field_dict["patient"] = to_json(self.patient)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _redirect_url = d.pop("redirect_url", UNSET)
        if not (isinstance(_redirect_url, str) or _redirect_url is UNSET):
            _redirect_url = deviation("DynamicLink.redirect_url", "a string", _redirect_url)

        _treatment_plan = d.pop("treatment_plan", UNSET)
        if isinstance(_treatment_plan, dict):
            _treatment_plan = DynamicLinkTreatmentPlan.from_dict(_treatment_plan)
        elif not (_treatment_plan is UNSET):
            _treatment_plan = deviation(
                "DynamicLink.treatment_plan", "DynamicLinkTreatmentPlan", _treatment_plan
            )

        _patient = d.pop("patient", UNSET)
        if isinstance(_patient, dict):
            _patient = Patient.from_dict(_patient)
        elif not (_patient is UNSET or _patient is None):
            _patient = deviation("DynamicLink.patient", "null or Patient", _patient)

        dynamic_link = cls(
            redirect_url=_redirect_url,
            treatment_plan=_treatment_plan,
            patient=_patient,
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


# Imported last, once: these models may import this one in turn (see the template).
from ..models.dynamic_link_treatment_plan import DynamicLinkTreatmentPlan
from ..models.patient import Patient
