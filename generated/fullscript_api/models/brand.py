from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="Brand")


@_attrs_define
class Brand:
    """A brand of the catalog.

    Attributes:
        id (str): Fullscript identifier of the brand.
        name (str | Unset): Brand name.
        status (str | Unset): `available` when the brand has products in stock, `unavailable` otherwise (ignores per-
            clinic brand restrictions).
        prefix (str | Unset): Brand prefix.
    """

    id: str
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    prefix: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.prefix is not UNSET:
            field_dict["prefix"] = self.prefix

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Brand.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("Brand.name", "a string", _name)

        _status = d.pop("status", UNSET)
        if not (isinstance(_status, str) or _status is UNSET):
            _status = deviation("Brand.status", "a string", _status)

        _prefix = d.pop("prefix", UNSET)
        if not (isinstance(_prefix, str) or _prefix is UNSET):
            _prefix = deviation("Brand.prefix", "a string", _prefix)

        brand = cls(
            id=_id,
            name=_name,
            status=_status,
            prefix=_prefix,
        )

        brand.additional_properties = d
        return brand

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
