from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metadatum_type import MetadatumType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadatum_data import MetadatumData


T = TypeVar("T", bound="Metadatum")


@_attrs_define
class Metadatum:
    """A Fullscript object found by the identifier from your system.

    Attributes:
        id (str | Unset): Your system's identifier.
        type_ (MetadatumType | Unset): Kind of object found.
        data (MetadatumData | Unset): The object itself: a patient, practitioner, staff member or treatment plan,
            depending on `type`.
    """

    id: str | Unset = UNSET
    type_: MetadatumType | Unset = UNSET
    data: MetadatumData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metadatum_data import MetadatumData

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: MetadatumType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetadatumType(_type_)

        _data = d.pop("data", UNSET)
        data: MetadatumData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = MetadatumData.from_dict(_data)

        metadatum = cls(
            id=id,
            type_=type_,
            data=data,
        )

        metadatum.additional_properties = d
        return metadatum

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
