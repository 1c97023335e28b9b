from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata_reference import MetadataReference


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
        id = self.id

        first_name = self.first_name

        last_name = self.last_name

        email = self.email

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

        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataReference | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MetadataReference.from_dict(_metadata)

        staff = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            metadata=metadata,
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
