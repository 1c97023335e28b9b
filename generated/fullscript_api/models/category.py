from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="Category")


@_attrs_define
class Category:
    """A product category the clinic curates.

    Attributes:
        id (str): Fullscript identifier of the category.
        name (str | Unset): Category name.
        product_count (int | Unset): How many products the category holds.
    """

    id: str
    name: str | Unset = UNSET
    product_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.product_count is not UNSET:
            field_dict["product_count"] = self.product_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Category.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("Category.name", "a string", _name)

        _product_count = d.pop("product_count", UNSET)
        if not (
            (isinstance(_product_count, int) and not isinstance(_product_count, bool))
            or _product_count is UNSET
        ):
            _product_count = deviation("Category.product_count", "an integer", _product_count)

        category = cls(
            id=_id,
            name=_name,
            product_count=_product_count,
        )

        category.additional_properties = d
        return category

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
