from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveBrandResponse200")


@_attrs_define
class RetrieveBrandResponse200:
    """
    Attributes:
        brand (Brand): A brand of the catalog.
    """

    brand: Brand
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.brand is not UNSET:
            field_dict["brand"] = to_json(self.brand)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _brand = d.pop("brand", UNSET)
        if isinstance(_brand, dict):
            _brand = Brand.from_dict(_brand)
        else:
            _brand = deviation("RetrieveBrandResponse200.brand", "Brand", _brand)

        retrieve_brand_response_200 = cls(
            brand=_brand,
        )

        retrieve_brand_response_200.additional_properties = d
        return retrieve_brand_response_200

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
from ..models.brand import Brand
