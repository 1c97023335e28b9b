from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatientCreateRequest")


@_attrs_define
class PatientCreateRequest:
    """Fields of a new patient.

    Example:
        {'email': 'maya.lindqvist@example.org', 'first_name': 'Maya', 'last_name': 'Lindqvist', 'date_of_birth':
            '1986-04-09', 'gender': 'female', 'send_welcome_email': False, 'metadata': {'id': 'ehr-10442'}}

    Attributes:
        email (str): Email address; unique among patients.
        first_name (str): Given name.
        last_name (str): Family name.
        date_of_birth (str | Unset): Birth date as `yyyy-mm-dd`.
        gender (Gender | Unset): Gender of a patient: `male`, `female` or `x`.
        mobile_number (str | Unset): Mobile phone number such as `+12223334444`.
        send_welcome_email (bool | str | Unset): `true` (default) sends the patient a welcome email.
        discount (float | str | Unset): Patient discount in percent, on top of the clinic's (default 0).
        metadata (MetadataInput | Unset): Identifier from your own system to attach to the object.
    """

    email: str
    first_name: str
    last_name: str
    date_of_birth: str | Unset = UNSET
    gender: Gender | Unset = UNSET
    mobile_number: str | Unset = UNSET
    send_welcome_email: bool | str | Unset = UNSET
    discount: float | str | Unset = UNSET
    metadata: MetadataInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        date_of_birth = self.date_of_birth

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        mobile_number = self.mobile_number

        send_welcome_email: bool | str | Unset
        if isinstance(self.send_welcome_email, Unset):
            send_welcome_email = UNSET
        else:
            send_welcome_email = self.send_welcome_email

        discount: float | str | Unset
        if isinstance(self.discount, Unset):
            discount = UNSET
        else:
            discount = self.discount

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if gender is not UNSET:
            field_dict["gender"] = gender
        if mobile_number is not UNSET:
            field_dict["mobile_number"] = mobile_number
        if send_welcome_email is not UNSET:
            field_dict["send_welcome_email"] = send_welcome_email
        if discount is not UNSET:
            field_dict["discount"] = discount
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        date_of_birth = d.pop("date_of_birth", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: Gender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = Gender(_gender)

        mobile_number = d.pop("mobile_number", UNSET)

        def _parse_send_welcome_email(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        send_welcome_email = _parse_send_welcome_email(d.pop("send_welcome_email", UNSET))

        def _parse_discount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        discount = _parse_discount(d.pop("discount", UNSET))

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataInput | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataInput.from_dict(_metadata)

        patient_create_request = cls(
            email=email,
            first_name=first_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
            gender=gender,
            mobile_number=mobile_number,
            send_welcome_email=send_welcome_email,
            discount=discount,
            metadata=metadata,
        )

        patient_create_request.additional_properties = d
        return patient_create_request

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
from ..models.metadata_input import MetadataInput
