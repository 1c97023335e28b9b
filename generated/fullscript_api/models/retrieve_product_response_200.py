from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveProductResponse200")


@_attrs_define
class RetrieveProductResponse200:
    """
    Attributes:
        product (Product): A product of the Fullscript catalog.
    """

    product: Product
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.product is not UNSET:
            field_dict["product"] = to_json(self.product)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _product = d.pop("product", UNSET)
        if isinstance(_product, dict):
            _product = Product.from_dict(_product)
        else:
            _product = deviation("RetrieveProductResponse200.product", "Product", _product)

        retrieve_product_response_200 = cls(
            product=_product,
        )

        retrieve_product_response_200.additional_properties = d
        return retrieve_product_response_200

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
from ..models.product import Product
