from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.brand_summary import BrandSummary


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
        id = self.id

        name = self.name

        brand: dict[str, Any] | Unset = UNSET
        if not isinstance(self.brand, Unset):
            brand = self.brand.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if brand is not UNSET:
            field_dict["brand"] = brand

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.brand_summary import BrandSummary

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _brand = d.pop("brand", UNSET)
        brand: BrandSummary | Unset
        if isinstance(_brand, Unset):
            brand = UNSET
        else:
            brand = BrandSummary.from_dict(_brand)

        variant_product = cls(
            id=id,
            name=name,
            brand=brand,
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
