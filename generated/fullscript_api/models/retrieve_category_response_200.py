from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveCategoryResponse200")


@_attrs_define
class RetrieveCategoryResponse200:
    """
    Attributes:
        category (Category): A product category the clinic curates.
    """

    category: Category
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.category is not UNSET:
            field_dict["category"] = to_json(self.category)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        if isinstance(_category, dict):
            _category = Category.from_dict(_category)
        else:
            _category = deviation("RetrieveCategoryResponse200.category", "Category", _category)

        retrieve_category_response_200 = cls(
            category=_category,
        )

        retrieve_category_response_200.additional_properties = d
        return retrieve_category_response_200

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
from ..models.category import Category
