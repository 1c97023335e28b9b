from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Product")


@_attrs_define
class Product:
    """A product of the Fullscript catalog.

    Attributes:
        id (str): Fullscript identifier of the product.
        name (str | Unset): Product name.
        status (str | Unset): `available` when any variant is available, else `backordered` when any variant is
            backordered, else `unavailable`.
        variant_count (int | Unset): How many variants the product has.
        brand (BrandSummary | Unset): Short form of a brand embedded in products and variants.
        primary_variant (None | Unset | Variant): The variant shown by default.
        description_html (None | str | Unset): HTML description, when there is one.
        variants (list[Variant] | Unset): All variants of the product.
        dosage (None | ProductDosage | Unset): The manufacturer's dosage guidance.
        custom_dosage (None | ProductDosage | Unset): The practitioner's own dosage for the product; null when none was
            set.
    """

    id: str
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    variant_count: int | Unset = UNSET
    brand: BrandSummary | Unset = UNSET
    primary_variant: None | Unset | Variant = UNSET
    description_html: None | str | Unset = UNSET
    variants: list[Variant] | Unset = UNSET
    dosage: None | ProductDosage | Unset = UNSET
    custom_dosage: None | ProductDosage | Unset = UNSET
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
        if self.variant_count is not UNSET:
            field_dict["variant_count"] = self.variant_count
        if self.brand is not UNSET:
            field_dict["brand"] = to_json(self.brand)
        if self.primary_variant is not UNSET:
            field_dict["primary_variant"] = to_json(self.primary_variant)
        if self.description_html is not UNSET:
            field_dict["description_html"] = self.description_html
        if self.variants is not UNSET:
            field_dict["variants"] = to_json(self.variants)
        if self.dosage is not UNSET:
            field_dict["dosage"] = to_json(self.dosage)
        if self.custom_dosage is not UNSET:
            field_dict["custom_dosage"] = to_json(self.custom_dosage)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Product.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("Product.name", "a string", _name)

        _status = d.pop("status", UNSET)
        if not (isinstance(_status, str) or _status is UNSET):
            _status = deviation("Product.status", "a string", _status)

        _variant_count = d.pop("variant_count", UNSET)
        if not (
            (isinstance(_variant_count, int) and not isinstance(_variant_count, bool))
            or _variant_count is UNSET
        ):
            _variant_count = deviation("Product.variant_count", "an integer", _variant_count)

        _brand = d.pop("brand", UNSET)
        if isinstance(_brand, dict):
            _brand = BrandSummary.from_dict(_brand)
        elif not (_brand is UNSET):
            _brand = deviation("Product.brand", "BrandSummary", _brand)

        _primary_variant = d.pop("primary_variant", UNSET)
        if isinstance(_primary_variant, dict):
            _primary_variant = Variant.from_dict(_primary_variant)
        elif not (_primary_variant is UNSET or _primary_variant is None):
            _primary_variant = deviation(
                "Product.primary_variant", "null or Variant", _primary_variant
            )

        _description_html = d.pop("description_html", UNSET)
        if not (
            isinstance(_description_html, str)
            or _description_html is UNSET
            or _description_html is None
        ):
            _description_html = deviation(
                "Product.description_html", "a string or null", _description_html
            )

        _variants = d.pop("variants", UNSET)
        if isinstance(_variants, list):
            _items1 = []
            for _each1 in _variants:
                if isinstance(_each1, dict):
                    _each1 = Variant.from_dict(_each1)
                else:
                    _each1 = deviation("Product.variants[]", "Variant", _each1)
                _items1.append(_each1)
            _variants = _items1
        elif not (_variants is UNSET):
            _variants = deviation("Product.variants", "an array", _variants)

        _dosage = d.pop("dosage", UNSET)
        if isinstance(_dosage, dict):
            _dosage = ProductDosage.from_dict(_dosage)
        elif not (_dosage is UNSET or _dosage is None):
            _dosage = deviation("Product.dosage", "null or ProductDosage", _dosage)

        _custom_dosage = d.pop("custom_dosage", UNSET)
        if isinstance(_custom_dosage, dict):
            _custom_dosage = ProductDosage.from_dict(_custom_dosage)
        elif not (_custom_dosage is UNSET or _custom_dosage is None):
            _custom_dosage = deviation(
                "Product.custom_dosage", "null or ProductDosage", _custom_dosage
            )

        product = cls(
            id=_id,
            name=_name,
            status=_status,
            variant_count=_variant_count,
            brand=_brand,
            primary_variant=_primary_variant,
            description_html=_description_html,
            variants=_variants,
            dosage=_dosage,
            custom_dosage=_custom_dosage,
        )

        product.additional_properties = d
        return product

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
from ..models.product_dosage import ProductDosage
from ..models.variant import Variant
