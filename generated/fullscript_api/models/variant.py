from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.variant_product import VariantProduct


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
        id = self.id

        sku = self.sku

        primary = self.primary

        units: int | None | Unset
        if isinstance(self.units, Unset):
            units = UNSET
        else:
            units = self.units

        unit_of_measure: None | str | Unset
        if isinstance(self.unit_of_measure, Unset):
            unit_of_measure = UNSET
        else:
            unit_of_measure = self.unit_of_measure

        availability = self.availability

        status = self.status

        upc: None | str | Unset
        if isinstance(self.upc, Unset):
            upc = UNSET
        else:
            upc = self.upc

        msrp: float | None | str | Unset
        if isinstance(self.msrp, Unset):
            msrp = UNSET
        else:
            msrp = self.msrp

        supplier_sku: None | str | Unset
        if isinstance(self.supplier_sku, Unset):
            supplier_sku = UNSET
        else:
            supplier_sku = self.supplier_sku

        image_url_small: None | str | Unset
        if isinstance(self.image_url_small, Unset):
            image_url_small = UNSET
        else:
            image_url_small = self.image_url_small

        image_url_medium: None | str | Unset
        if isinstance(self.image_url_medium, Unset):
            image_url_medium = UNSET
        else:
            image_url_medium = self.image_url_medium

        image_url_large: None | str | Unset
        if isinstance(self.image_url_large, Unset):
            image_url_large = UNSET
        else:
            image_url_large = self.image_url_large

        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if sku is not UNSET:
            field_dict["sku"] = sku
        if primary is not UNSET:
            field_dict["primary"] = primary
        if units is not UNSET:
            field_dict["units"] = units
        if unit_of_measure is not UNSET:
            field_dict["unit_of_measure"] = unit_of_measure
        if availability is not UNSET:
            field_dict["availability"] = availability
        if status is not UNSET:
            field_dict["status"] = status
        if upc is not UNSET:
            field_dict["upc"] = upc
        if msrp is not UNSET:
            field_dict["msrp"] = msrp
        if supplier_sku is not UNSET:
            field_dict["supplier_sku"] = supplier_sku
        if image_url_small is not UNSET:
            field_dict["image_url_small"] = image_url_small
        if image_url_medium is not UNSET:
            field_dict["image_url_medium"] = image_url_medium
        if image_url_large is not UNSET:
            field_dict["image_url_large"] = image_url_large
        if product is not UNSET:
            field_dict["product"] = product

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.variant_product import VariantProduct

        d = dict(src_dict)
        id = d.pop("id")

        sku = d.pop("sku", UNSET)

        primary = d.pop("primary", UNSET)

        def _parse_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        units = _parse_units(d.pop("units", UNSET))

        def _parse_unit_of_measure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_of_measure = _parse_unit_of_measure(d.pop("unit_of_measure", UNSET))

        availability = d.pop("availability", UNSET)

        status = d.pop("status", UNSET)

        def _parse_upc(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upc = _parse_upc(d.pop("upc", UNSET))

        def _parse_msrp(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        msrp = _parse_msrp(d.pop("msrp", UNSET))

        def _parse_supplier_sku(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supplier_sku = _parse_supplier_sku(d.pop("supplier_sku", UNSET))

        def _parse_image_url_small(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url_small = _parse_image_url_small(d.pop("image_url_small", UNSET))

        def _parse_image_url_medium(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url_medium = _parse_image_url_medium(d.pop("image_url_medium", UNSET))

        def _parse_image_url_large(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url_large = _parse_image_url_large(d.pop("image_url_large", UNSET))

        _product = d.pop("product", UNSET)
        product: VariantProduct | Unset
        if isinstance(_product, Unset):
            product = UNSET
        else:
            product = VariantProduct.from_dict(_product)

        variant = cls(
            id=id,
            sku=sku,
            primary=primary,
            units=units,
            unit_of_measure=unit_of_measure,
            availability=availability,
            status=status,
            upc=upc,
            msrp=msrp,
            supplier_sku=supplier_sku,
            image_url_small=image_url_small,
            image_url_medium=image_url_medium,
            image_url_large=image_url_large,
            product=product,
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
