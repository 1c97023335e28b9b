from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="CreatePatientResponse201")


@_attrs_define
class CreatePatientResponse201:
    """
    Attributes:
        patient (Patient): A patient of the clinic. Example: {'id': '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e',
            'first_name': 'Maya', 'last_name': 'Lindqvist', 'email': 'maya.lindqvist@example.org', 'archived': False,
            'date_of_birth': '1986-04-09', 'gender': 'female', 'discount': 5, 'total_discount': 15, 'mobile_number':
            '+15145550123', 'text_message_notification': True, 'metadata': {'id': 'ehr-10442'}, 'is_dependent': False,
            'guardian_patient_id': None}.
    """

    patient: Patient
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.patient is not UNSET:
            field_dict["patient"] = to_json(self.patient)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _patient = d.pop("patient", UNSET)
        if isinstance(_patient, dict):
            _patient = Patient.from_dict(_patient)
        else:
            _patient = deviation("CreatePatientResponse201.patient", "Patient", _patient)

        create_patient_response_201 = cls(
            patient=_patient,
        )

        create_patient_response_201.additional_properties = d
        return create_patient_response_201

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
from ..models.patient import Patient
