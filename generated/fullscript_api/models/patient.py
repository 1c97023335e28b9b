from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="Patient")


@_attrs_define
class Patient:
    """A patient of the clinic.

    Example:
        {'id': '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'first_name': 'Maya', 'last_name': 'Lindqvist', 'email':
            'maya.lindqvist@example.org', 'archived': False, 'date_of_birth': '1986-04-09', 'gender': 'female', 'discount':
            5, 'total_discount': 15, 'mobile_number': '+15145550123', 'text_message_notification': True, 'metadata': {'id':
            'ehr-10442'}, 'is_dependent': False, 'guardian_patient_id': None}

    Attributes:
        id (str): Fullscript identifier of the patient.
        first_name (str | Unset): Given name.
        last_name (str | Unset): Family name.
        email (str | Unset): Email address; unique among patients.
        archived (bool | Unset): True when the patient has been archived by the clinic.
        date_of_birth (None | str | Unset): Birth date as `yyyy-mm-dd`, or null when unknown.
        gender (Gender | None | Unset): `male`, `female` or `x`; null when not recorded.
        discount (float | Unset): Patient-level discount in percent, applied on top of the clinic discount.
        total_discount (float | Unset): Combined discount in percent (clinic plus patient) applied to the patient's
            orders.
        mobile_number (None | str | Unset): Mobile phone number such as `+12223334444`; may be null or empty.
        text_message_notification (bool | int | Unset): Whether the patient opted in to text message notifications.
            Usually a boolean; some examples show 0/1.
        metadata (MetadataReference | Unset): The identifier from your own system attached to a Fullscript object.
        is_dependent (bool | Unset): True when this patient is a dependent managed by a guardian.
        guardian_patient_id (None | str | Unset): Identifier of the guardian patient for a dependent; null otherwise.
    """

    id: str
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    email: str | Unset = UNSET
    archived: bool | Unset = UNSET
    date_of_birth: None | str | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    discount: float | Unset = UNSET
    total_discount: float | Unset = UNSET
    mobile_number: None | str | Unset = UNSET
    text_message_notification: bool | int | Unset = UNSET
    metadata: MetadataReference | Unset = UNSET
    is_dependent: bool | Unset = UNSET
    guardian_patient_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.first_name is not UNSET:
            field_dict["first_name"] = self.first_name
        if self.last_name is not UNSET:
            field_dict["last_name"] = self.last_name
        if self.email is not UNSET:
            field_dict["email"] = self.email
        if self.archived is not UNSET:
            field_dict["archived"] = self.archived
        if self.date_of_birth is not UNSET:
            field_dict["date_of_birth"] = self.date_of_birth
        if self.gender is not UNSET:
            field_dict["gender"] = to_json(self.gender)
        if self.discount is not UNSET:
            field_dict["discount"] = self.discount
        if self.total_discount is not UNSET:
            field_dict["total_discount"] = self.total_discount
        if self.mobile_number is not UNSET:
            field_dict["mobile_number"] = self.mobile_number
        if self.text_message_notification is not UNSET:
            field_dict["text_message_notification"] = self.text_message_notification
        if self.metadata is not UNSET:
            field_dict["metadata"] = to_json(self.metadata)
        if self.is_dependent is not UNSET:
            field_dict["is_dependent"] = self.is_dependent
        if self.guardian_patient_id is not UNSET:
            field_dict["guardian_patient_id"] = self.guardian_patient_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Patient.id", "a string", _id)

        _first_name = d.pop("first_name", UNSET)
        if not (isinstance(_first_name, str) or _first_name is UNSET):
            _first_name = deviation("Patient.first_name", "a string", _first_name)

        _last_name = d.pop("last_name", UNSET)
        if not (isinstance(_last_name, str) or _last_name is UNSET):
            _last_name = deviation("Patient.last_name", "a string", _last_name)

        _email = d.pop("email", UNSET)
        if not (isinstance(_email, str) or _email is UNSET):
            _email = deviation("Patient.email", "a string", _email)

        _archived = d.pop("archived", UNSET)
        if not (isinstance(_archived, bool) or _archived is UNSET):
            _archived = deviation("Patient.archived", "a boolean", _archived)

        _date_of_birth = d.pop("date_of_birth", UNSET)
        if not (
            isinstance(_date_of_birth, str) or _date_of_birth is UNSET or _date_of_birth is None
        ):
            _date_of_birth = deviation("Patient.date_of_birth", "a string or null", _date_of_birth)

        _gender = d.pop("gender", UNSET)
        if isinstance(_gender, str):
            if _gender in Gender._value2member_map_:
                _gender = Gender._value2member_map_[_gender]
            else:
                _gender = unknown_enum_value(Gender, _gender, "Patient.gender")
        elif not (_gender is UNSET or _gender is None):
            _gender = deviation("Patient.gender", "null or Gender", _gender)

        _discount = d.pop("discount", UNSET)
        if not (
            (isinstance(_discount, (int, float)) and not isinstance(_discount, bool))
            or _discount is UNSET
        ):
            _discount = deviation("Patient.discount", "a number", _discount)

        _total_discount = d.pop("total_discount", UNSET)
        if not (
            (isinstance(_total_discount, (int, float)) and not isinstance(_total_discount, bool))
            or _total_discount is UNSET
        ):
            _total_discount = deviation("Patient.total_discount", "a number", _total_discount)

        _mobile_number = d.pop("mobile_number", UNSET)
        if not (
            isinstance(_mobile_number, str) or _mobile_number is UNSET or _mobile_number is None
        ):
            _mobile_number = deviation("Patient.mobile_number", "a string or null", _mobile_number)

        _text_message_notification = d.pop("text_message_notification", UNSET)
        if not (
            isinstance(_text_message_notification, bool)
            or (
                isinstance(_text_message_notification, int)
                and not isinstance(_text_message_notification, bool)
            )
            or _text_message_notification is UNSET
        ):
            _text_message_notification = deviation(
                "Patient.text_message_notification",
                "a boolean or an integer",
                _text_message_notification,
            )

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            _metadata = MetadataReference.from_dict(_metadata)
        elif not (_metadata is UNSET):
            _metadata = deviation("Patient.metadata", "MetadataReference", _metadata)

        _is_dependent = d.pop("is_dependent", UNSET)
        if not (isinstance(_is_dependent, bool) or _is_dependent is UNSET):
            _is_dependent = deviation("Patient.is_dependent", "a boolean", _is_dependent)

        _guardian_patient_id = d.pop("guardian_patient_id", UNSET)
        if not (
            isinstance(_guardian_patient_id, str)
            or _guardian_patient_id is UNSET
            or _guardian_patient_id is None
        ):
            _guardian_patient_id = deviation(
                "Patient.guardian_patient_id", "a string or null", _guardian_patient_id
            )

        patient = cls(
            id=_id,
            first_name=_first_name,
            last_name=_last_name,
            email=_email,
            archived=_archived,
            date_of_birth=_date_of_birth,
            gender=_gender,
            discount=_discount,
            total_discount=_total_discount,
            mobile_number=_mobile_number,
            text_message_notification=_text_message_notification,
            metadata=_metadata,
            is_dependent=_is_dependent,
            guardian_patient_id=_guardian_patient_id,
        )

        patient.additional_properties = d
        return patient

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
from ..models.metadata_reference import MetadataReference
