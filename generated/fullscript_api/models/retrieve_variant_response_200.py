from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveVariantResponse200")


@_attrs_define
class RetrieveVariantResponse200:
    """
    Attributes:
        variant (Variant): A purchasable variant (size or format) of a product. Example: {'id':
            '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'sku': 'NFL-MAG-120', 'primary': True, 'units': 120, 'unit_of_measure':
            'capsules', 'availability': 'In Stock', 'status': 'available', 'upc': '0812345678901', 'msrp': '24.50',
            'supplier_sku': 'MAG120', 'image_url_small': None, 'image_url_medium': None, 'image_url_large': None, 'product':
            {'id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'name': 'Magnesium Glycinate', 'brand': {'id':
            'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e', 'name': 'Northfield Labs', 'prefix': 'NFL'}}}.
    """

    variant: Variant
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.variant is not UNSET:
            field_dict["variant"] = to_json(self.variant)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _variant = d.pop("variant", UNSET)
        if isinstance(_variant, dict):
            _variant = Variant.from_dict(_variant)
        else:
            _variant = deviation("RetrieveVariantResponse200.variant", "Variant", _variant)

        retrieve_variant_response_200 = cls(
            variant=_variant,
        )

        retrieve_variant_response_200.additional_properties = d
        return retrieve_variant_response_200

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
from ..models.variant import Variant
