from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        id = self.id

        name = self.name

        patient_count = self.patient_count

        practitioner_count = self.practitioner_count

        discount = self.discount

        dispensary_url = self.dispensary_url

        integration_id = self.integration_id

        integration_activated_at: None | str | Unset
        if isinstance(self.integration_activated_at, Unset):
            integration_activated_at = UNSET
        else:
            integration_activated_at = self.integration_activated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if patient_count is not UNSET:
            field_dict["patient_count"] = patient_count
        if practitioner_count is not UNSET:
            field_dict["practitioner_count"] = practitioner_count
        if discount is not UNSET:
            field_dict["discount"] = discount
        if dispensary_url is not UNSET:
            field_dict["dispensary_url"] = dispensary_url
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if integration_activated_at is not UNSET:
            field_dict["integration_activated_at"] = integration_activated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        patient_count = d.pop("patient_count", UNSET)

        practitioner_count = d.pop("practitioner_count", UNSET)

        discount = d.pop("discount", UNSET)

        dispensary_url = d.pop("dispensary_url", UNSET)

        integration_id = d.pop("integration_id", UNSET)

        def _parse_integration_activated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_activated_at = _parse_integration_activated_at(
            d.pop("integration_activated_at", UNSET)
        )

        clinic = cls(
            id=id,
            name=name,
            patient_count=patient_count,
            practitioner_count=practitioner_count,
            discount=discount,
            dispensary_url=dispensary_url,
            integration_id=integration_id,
            integration_activated_at=integration_activated_at,
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
