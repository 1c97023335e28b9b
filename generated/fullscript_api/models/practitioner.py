from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata_reference import MetadataReference


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
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        practitioner_type_id = self.practitioner_type_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

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
        if practitioner_type_id is not UNSET:
            field_dict["practitioner_type_id"] = practitioner_type_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadata_reference import MetadataReference

        d = dict(src_dict)
        id = d.pop("id")

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        email = d.pop("email", UNSET)

        practitioner_type_id = d.pop("practitioner_type_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataReference | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataReference.from_dict(_metadata)

        practitioner = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            practitioner_type_id=practitioner_type_id,
            metadata=metadata,
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
