from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata_reference import MetadataReference


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
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        archived = self.archived

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = self.date_of_birth

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        discount = self.discount

        total_discount = self.total_discount

        mobile_number: None | str | Unset
        if isinstance(self.mobile_number, Unset):
            mobile_number = UNSET
        else:
            mobile_number = self.mobile_number

        text_message_notification: bool | int | Unset
        if isinstance(self.text_message_notification, Unset):
            text_message_notification = UNSET
        else:
            text_message_notification = self.text_message_notification

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        is_dependent = self.is_dependent

        guardian_patient_id: None | str | Unset
        if isinstance(self.guardian_patient_id, Unset):
            guardian_patient_id = UNSET
        else:
            guardian_patient_id = self.guardian_patient_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if email is not UNSET:
            field_dict["email"] = email
        if archived is not UNSET:
            field_dict["archived"] = archived
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if gender is not UNSET:
            field_dict["gender"] = gender
        if discount is not UNSET:
            field_dict["discount"] = discount
        if total_discount is not UNSET:
            field_dict["total_discount"] = total_discount
        if mobile_number is not UNSET:
            field_dict["mobile_number"] = mobile_number
        if text_message_notification is not UNSET:
            field_dict["text_message_notification"] = text_message_notification
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if is_dependent is not UNSET:
            field_dict["is_dependent"] = is_dependent
        if guardian_patient_id is not UNSET:
            field_dict["guardian_patient_id"] = guardian_patient_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata_reference import MetadataReference

        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        email = d.pop("email", UNSET)

        archived = d.pop("archived", UNSET)

        def _parse_date_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_1 = Gender(data)

                return gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        discount = d.pop("discount", UNSET)

        total_discount = d.pop("total_discount", UNSET)

        def _parse_mobile_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number", UNSET))

        def _parse_text_message_notification(data: object) -> bool | int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | int | Unset, data)

        text_message_notification = _parse_text_message_notification(
            d.pop("text_message_notification", UNSET)
        )

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataReference | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataReference.from_dict(_metadata)

        is_dependent = d.pop("is_dependent", UNSET)

        def _parse_guardian_patient_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guardian_patient_id = _parse_guardian_patient_id(d.pop("guardian_patient_id", UNSET))

        patient = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            archived=archived,
            date_of_birth=date_of_birth,
            gender=gender,
            discount=discount,
            total_discount=total_discount,
            mobile_number=mobile_number,
            text_message_notification=text_message_notification,
            metadata=metadata,
            is_dependent=is_dependent,
            guardian_patient_id=guardian_patient_id,
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
