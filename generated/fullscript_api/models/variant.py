from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Variant")


@_attrs_define
class Variant:
    """A purchasable variant (size or format) of a product.

    Example:
        {'id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'sku': 'NFL-MAG-120', 'primary': True, 'units': 120,
            'unit_of_measure': 'capsules', 'availability': 'In Stock', 'status': 'available', 'upc': '0812345678901',
            'msrp': '24.50', 'supplier_sku': 'MAG120', 'image_url_small': None, 'image_url_medium': None, 'image_url_large':
            None, 'product': {'id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'name': 'Magnesium Glycinate', 'brand': {'id':
            'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e', 'name': 'Northfield Labs', 'prefix': 'NFL'}}}

    Attributes:
        id (str): Fullscript identifier of the variant.
        sku (str | Unset): Fullscript SKU.
        primary (bool | Unset): True for the variant shown by default for its product.
        units (int | None | Unset): Number of units in the package (e.g. 90).
        unit_of_measure (None | str | Unset): Unit of measure, such as `capsules`.
        availability (str | Unset): Availability label, such as `In Stock`.
        status (str | Unset): Variant status: `available`, `discontinued`, `backordered`, `unavailable` or `vendor
            backorder`.
        upc (None | str | Unset): UPC / EAN-13 barcode.
        msrp (float | None | str | Unset): Suggested retail price, e.g. `19.99`. Examples send a string, the 2021
            reference declares a number; both are accepted.
        supplier_sku (None | str | Unset): The supplier's SKU.
        image_url_small (None | str | Unset): Thumbnail image address.
        image_url_medium (None | str | Unset): Medium image address.
        image_url_large (None | str | Unset): Large image address.
        product (VariantProduct | Unset): Short form of the product a variant belongs to.
    """

    id: str
    sku: str | Unset = UNSET
    primary: bool | Unset = UNSET
    units: int | None | Unset = UNSET
    unit_of_measure: None | str | Unset = UNSET
    availability: str | Unset = UNSET
    status: str | Unset = UNSET
    upc: None | str | Unset = UNSET
    msrp: float | None | str | Unset = UNSET
    supplier_sku: None | str | Unset = UNSET
    image_url_small: None | str | Unset = UNSET
    image_url_medium: None | str | Unset = UNSET
    image_url_large: None | str | Unset = UNSET
    product: VariantProduct | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.sku is not UNSET:
            field_dict["sku"] = self.sku
        if self.primary is not UNSET:
            field_dict["primary"] = self.primary
        if self.units is not UNSET:
            field_dict["units"] = self.units
        if self.unit_of_measure is not UNSET:
            field_dict["unit_of_measure"] = self.unit_of_measure
        if self.availability is not UNSET:
            field_dict["availability"] = self.availability
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.upc is not UNSET:
            field_dict["upc"] = self.upc
        if self.msrp is not UNSET:
            field_dict["msrp"] = self.msrp
        if self.supplier_sku is not UNSET:
            field_dict["supplier_sku"] = self.supplier_sku
        if self.image_url_small is not UNSET:
            field_dict["image_url_small"] = self.image_url_small
        if self.image_url_medium is not UNSET:
            field_dict["image_url_medium"] = self.image_url_medium
        if self.image_url_large is not UNSET:
            field_dict["image_url_large"] = self.image_url_large
        if self.product is not UNSET:
            field_dict["product"] = to_json(self.product)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Variant.id", "a string", _id)

        _sku = d.pop("sku", UNSET)
        if not (isinstance(_sku, str) or _sku is UNSET):
            _sku = deviation("Variant.sku", "a string", _sku)

        _primary = d.pop("primary", UNSET)
        if not (isinstance(_primary, bool) or _primary is UNSET):
            _primary = deviation("Variant.primary", "a boolean", _primary)

        _units = d.pop("units", UNSET)
        if not (
            (isinstance(_units, int) and not isinstance(_units, bool))
            or _units is UNSET
            or _units is None
        ):
            _units = deviation("Variant.units", "an integer or null", _units)

        _unit_of_measure = d.pop("unit_of_measure", UNSET)
        if not (
            isinstance(_unit_of_measure, str)
            or _unit_of_measure is UNSET
            or _unit_of_measure is None
        ):
            _unit_of_measure = deviation(
                "Variant.unit_of_measure", "a string or null", _unit_of_measure
            )

        _availability = d.pop("availability", UNSET)
        if not (isinstance(_availability, str) or _availability is UNSET):
            _availability = deviation("Variant.availability", "a string", _availability)

        _status = d.pop("status", UNSET)
        if not (isinstance(_status, str) or _status is UNSET):
            _status = deviation("Variant.status", "a string", _status)

        _upc = d.pop("upc", UNSET)
        if not (isinstance(_upc, str) or _upc is UNSET or _upc is None):
            _upc = deviation("Variant.upc", "a string or null", _upc)

        _msrp = d.pop("msrp", UNSET)
        if not (
            (isinstance(_msrp, (int, float)) and not isinstance(_msrp, bool))
            or isinstance(_msrp, str)
            or _msrp is UNSET
            or _msrp is None
        ):
            _msrp = deviation("Variant.msrp", "a number or a string or null", _msrp)

        _supplier_sku = d.pop("supplier_sku", UNSET)
        if not (isinstance(_supplier_sku, str) or _supplier_sku is UNSET or _supplier_sku is None):
            _supplier_sku = deviation("Variant.supplier_sku", "a string or null", _supplier_sku)

        _image_url_small = d.pop("image_url_small", UNSET)
        if not (
            isinstance(_image_url_small, str)
            or _image_url_small is UNSET
            or _image_url_small is None
        ):
            _image_url_small = deviation(
                "Variant.image_url_small", "a string or null", _image_url_small
            )

        _image_url_medium = d.pop("image_url_medium", UNSET)
        if not (
            isinstance(_image_url_medium, str)
            or _image_url_medium is UNSET
            or _image_url_medium is None
        ):
            _image_url_medium = deviation(
                "Variant.image_url_medium", "a string or null", _image_url_medium
            )

        _image_url_large = d.pop("image_url_large", UNSET)
        if not (
            isinstance(_image_url_large, str)
            or _image_url_large is UNSET
            or _image_url_large is None
        ):
            _image_url_large = deviation(
                "Variant.image_url_large", "a string or null", _image_url_large
            )

        _product = d.pop("product", UNSET)
        if isinstance(_product, dict):
            _product = VariantProduct.from_dict(_product)
        elif not (_product is UNSET):
            _product = deviation("Variant.product", "VariantProduct", _product)

        variant = cls(
            id=_id,
            sku=_sku,
            primary=_primary,
            units=_units,
            unit_of_measure=_unit_of_measure,
            availability=_availability,
            status=_status,
            upc=_upc,
            msrp=_msrp,
            supplier_sku=_supplier_sku,
            image_url_small=_image_url_small,
            image_url_medium=_image_url_medium,
            image_url_large=_image_url_large,
            product=_product,
        )

        variant.additional_properties = d
        return variant

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
from ..models.variant_product import VariantProduct
