from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Staff")


@_attrs_define
class Staff:
    """A staff member of the clinic.

    Example:
        {'id': 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8', 'first_name': 'Priya', 'last_name': 'Raman', 'email':
            'front.desk@clinic.example.org', 'metadata': {'id': 'staff-7'}}

    Attributes:
        id (str): Fullscript identifier of the staff member.
        first_name (str | Unset): Given name.
        last_name (str | Unset): Family name.
        email (str | Unset): Email address; staff emails are unique in Fullscript.
        metadata (MetadataReference | Unset): The identifier from your own system attached to a Fullscript object.
    """

    id: str
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    email: str | Unset = UNSET
    metadata: MetadataReference | Unset = UNSET
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
        if self.metadata is not UNSET:
            field_dict["metadata"] = to_json(self.metadata)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Staff.id", "a string", _id)

        _first_name = d.pop("first_name", UNSET)
        if not (isinstance(_first_name, str) or _first_name is UNSET):
            _first_name = deviation("Staff.first_name", "a string", _first_name)

        _last_name = d.pop("last_name", UNSET)
        if not (isinstance(_last_name, str) or _last_name is UNSET):
            _last_name = deviation("Staff.last_name", "a string", _last_name)

        _email = d.pop("email", UNSET)
        if not (isinstance(_email, str) or _email is UNSET):
            _email = deviation("Staff.email", "a string", _email)

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            _metadata = MetadataReference.from_dict(_metadata)
        elif not (_metadata is UNSET):
            _metadata = deviation("Staff.metadata", "MetadataReference", _metadata)

        staff = cls(
            id=_id,
            first_name=_first_name,
            last_name=_last_name,
            email=_email,
            metadata=_metadata,
        )

        staff.additional_properties = d
        return staff

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
