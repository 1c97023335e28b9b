from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="Clinic")


@_attrs_define
class Clinic:
    """The clinic the access token (or `X-FS-Clinic-Key`) belongs to.

    Example:
        {'id': '0c9e6a4d-2f7b-4b1e-9d53-6e8f1a2b3c4d', 'name': 'Riverside Integrative Health', 'patient_count': 412,
            'practitioner_count': 3, 'discount': 10, 'dispensary_url': 'https://us.fullscript.com/welcome/riverside',
            'integration_id': '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e', 'integration_activated_at':
            '2025-11-02T16:45:00.000Z'}

    Attributes:
        id (str): Fullscript identifier of the clinic; webhook events carry it as `clinic_id`.
        name (str | Unset): Clinic name.
        patient_count (int | Unset): How many patients the clinic has.
        practitioner_count (int | Unset): How many practitioners the clinic has.
        discount (float | Unset): Clinic-wide discount in percent applied to every patient order.
        dispensary_url (str | Unset): Address of the clinic's patient-facing dispensary.
        integration_id (str | Unset): Identifier of this integration for the clinic.
        integration_activated_at (None | str | Unset): When the integration became active (first request with a valid
            clinic key).
    """

    id: str
    name: str | Unset = UNSET
    patient_count: int | Unset = UNSET
    practitioner_count: int | Unset = UNSET
    discount: float | Unset = UNSET
    dispensary_url: str | Unset = UNSET
    integration_id: str | Unset = UNSET
    integration_activated_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.patient_count is not UNSET:
            field_dict["patient_count"] = self.patient_count
        if self.practitioner_count is not UNSET:
            field_dict["practitioner_count"] = self.practitioner_count
        if self.discount is not UNSET:
            field_dict["discount"] = self.discount
        if self.dispensary_url is not UNSET:
            field_dict["dispensary_url"] = self.dispensary_url
        if self.integration_id is not UNSET:
            field_dict["integration_id"] = self.integration_id
        if self.integration_activated_at is not UNSET:
            field_dict["integration_activated_at"] = self.integration_activated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Clinic.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("Clinic.name", "a string", _name)

        _patient_count = d.pop("patient_count", UNSET)
        if not (
            (isinstance(_patient_count, int) and not isinstance(_patient_count, bool))
            or _patient_count is UNSET
        ):
            _patient_count = deviation("Clinic.patient_count", "an integer", _patient_count)

        _practitioner_count = d.pop("practitioner_count", UNSET)
        if not (
            (isinstance(_practitioner_count, int) and not isinstance(_practitioner_count, bool))
            or _practitioner_count is UNSET
        ):
            _practitioner_count = deviation(
                "Clinic.practitioner_count", "an integer", _practitioner_count
            )

        _discount = d.pop("discount", UNSET)
        if not (
            (isinstance(_discount, (int, float)) and not isinstance(_discount, bool))
            or _discount is UNSET
        ):
            _discount = deviation("Clinic.discount", "a number", _discount)

        _dispensary_url = d.pop("dispensary_url", UNSET)
        if not (isinstance(_dispensary_url, str) or _dispensary_url is UNSET):
            _dispensary_url = deviation("Clinic.dispensary_url", "a string", _dispensary_url)

        _integration_id = d.pop("integration_id", UNSET)
        if not (isinstance(_integration_id, str) or _integration_id is UNSET):
            _integration_id = deviation("Clinic.integration_id", "a string", _integration_id)

        _integration_activated_at = d.pop("integration_activated_at", UNSET)
        if not (
            isinstance(_integration_activated_at, str)
            or _integration_activated_at is UNSET
            or _integration_activated_at is None
        ):
            _integration_activated_at = deviation(
                "Clinic.integration_activated_at", "a string or null", _integration_activated_at
            )

        clinic = cls(
            id=_id,
            name=_name,
            patient_count=_patient_count,
            practitioner_count=_practitioner_count,
            discount=_discount,
            dispensary_url=_dispensary_url,
            integration_id=_integration_id,
            integration_activated_at=_integration_activated_at,
        )

        clinic.additional_properties = d
        return clinic

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
