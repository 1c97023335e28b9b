from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Practitioner")


@_attrs_define
class Practitioner:
    """A practitioner of the clinic.

    Example:
        {'id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'first_name': 'Jonas', 'last_name': 'Okafor', 'email':
            'j.okafor@clinic.example.org', 'practitioner_type_id': '9e1d2c3b-4a5f-4e6d-8c7b-1a2b3c4d5e6f', 'metadata':
            {'id': None}}

    Attributes:
        id (str): Fullscript identifier of the practitioner.
        first_name (str | Unset): Given name.
        last_name (str | Unset): Family name.
        email (str | Unset): Email address; practitioner emails are unique in Fullscript.
        practitioner_type_id (str | Unset): Identifier of the practitioner's type (see practitioner types).
        metadata (MetadataReference | Unset): The identifier from your own system attached to a Fullscript object.
    """

    id: str
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    email: str | Unset = UNSET
    practitioner_type_id: str | Unset = UNSET
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
        if self.practitioner_type_id is not UNSET:
            field_dict["practitioner_type_id"] = self.practitioner_type_id
        if self.metadata is not UNSET:
            field_dict["metadata"] = to_json(self.metadata)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Practitioner.id", "a string", _id)

        _first_name = d.pop("first_name", UNSET)
        if not (isinstance(_first_name, str) or _first_name is UNSET):
            _first_name = deviation("Practitioner.first_name", "a string", _first_name)

        _last_name = d.pop("last_name", UNSET)
        if not (isinstance(_last_name, str) or _last_name is UNSET):
            _last_name = deviation("Practitioner.last_name", "a string", _last_name)

        _email = d.pop("email", UNSET)
        if not (isinstance(_email, str) or _email is UNSET):
            _email = deviation("Practitioner.email", "a string", _email)

        _practitioner_type_id = d.pop("practitioner_type_id", UNSET)
        if not (isinstance(_practitioner_type_id, str) or _practitioner_type_id is UNSET):
            _practitioner_type_id = deviation(
                "Practitioner.practitioner_type_id", "a string", _practitioner_type_id
            )

        _metadata = d.pop("metadata", UNSET)
        if isinstance(_metadata, dict):
            _metadata = MetadataReference.from_dict(_metadata)
        elif not (_metadata is UNSET):
            _metadata = deviation("Practitioner.metadata", "MetadataReference", _metadata)

        practitioner = cls(
            id=_id,
            first_name=_first_name,
            last_name=_last_name,
            email=_email,
            practitioner_type_id=_practitioner_type_id,
            metadata=_metadata,
        )

        practitioner.additional_properties = d
        return practitioner

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
