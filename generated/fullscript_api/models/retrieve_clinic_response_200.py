from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveClinicResponse200")


@_attrs_define
class RetrieveClinicResponse200:
    """
    Attributes:
        clinic (Clinic): The clinic the access token (or `X-FS-Clinic-Key`) belongs to. Example: {'id':
            '0c9e6a4d-2f7b-4b1e-9d53-6e8f1a2b3c4d', 'name': 'Riverside Integrative Health', 'patient_count': 412,
            'practitioner_count': 3, 'discount': 10, 'dispensary_url': 'https://us.fullscript.com/welcome/riverside',
            'integration_id': '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e', 'integration_activated_at':
            '2025-11-02T16:45:00.000Z'}.
    """

    clinic: Clinic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.clinic is not UNSET:
            field_dict["clinic"] = to_json(self.clinic)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _clinic = d.pop("clinic", UNSET)
        if isinstance(_clinic, dict):
            _clinic = Clinic.from_dict(_clinic)
        else:
            _clinic = deviation("RetrieveClinicResponse200.clinic", "Clinic", _clinic)

        retrieve_clinic_response_200 = cls(
            clinic=_clinic,
        )

        retrieve_clinic_response_200.additional_properties = d
        return retrieve_clinic_response_200

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
from ..models.clinic import Clinic
