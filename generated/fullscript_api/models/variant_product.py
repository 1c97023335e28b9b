from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="VariantProduct")


@_attrs_define
class VariantProduct:
    """Short form of the product a variant belongs to.

    Attributes:
        id (str | Unset): Fullscript identifier of the product.
        name (str | Unset): Product name.
        brand (BrandSummary | Unset): Short form of a brand embedded in products and variants.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    brand: BrandSummary | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.brand is not UNSET:
            field_dict["brand"] = to_json(self.brand)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not (isinstance(_id, str) or _id is UNSET):
            _id = deviation("VariantProduct.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("VariantProduct.name", "a string", _name)

        _brand = d.pop("brand", UNSET)
        if isinstance(_brand, dict):
            _brand = BrandSummary.from_dict(_brand)
        elif not (_brand is UNSET):
            _brand = deviation("VariantProduct.brand", "BrandSummary", _brand)

        variant_product = cls(
            id=_id,
            name=_name,
            brand=_brand,
        )

        variant_product.additional_properties = d
        return variant_product

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
from ..models.brand_summary import BrandSummary
