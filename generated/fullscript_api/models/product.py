from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.brand_summary import BrandSummary
    from ..models.product_dosage import ProductDosage
    from ..models.variant import Variant


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
        from ..models.product_dosage import ProductDosage
        from ..models.variant import Variant

        id = self.id

        name = self.name

        status = self.status

        variant_count = self.variant_count

        brand: dict[str, Any] | Unset = UNSET
        if not isinstance(self.brand, Unset):
            brand = self.brand.to_dict()

        primary_variant: dict[str, Any] | None | Unset
        if isinstance(self.primary_variant, Unset):
            primary_variant = UNSET
        elif isinstance(self.primary_variant, Variant):
            primary_variant = self.primary_variant.to_dict()
        else:
            primary_variant = self.primary_variant

        description_html: None | str | Unset
        if isinstance(self.description_html, Unset):
            description_html = UNSET
        else:
            description_html = self.description_html

        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)

        dosage: dict[str, Any] | None | Unset
        if isinstance(self.dosage, Unset):
            dosage = UNSET
        elif isinstance(self.dosage, ProductDosage):
            dosage = self.dosage.to_dict()
        else:
            dosage = self.dosage

        custom_dosage: dict[str, Any] | None | Unset
        if isinstance(self.custom_dosage, Unset):
            custom_dosage = UNSET
        elif isinstance(self.custom_dosage, ProductDosage):
            custom_dosage = self.custom_dosage.to_dict()
        else:
            custom_dosage = self.custom_dosage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if variant_count is not UNSET:
            field_dict["variant_count"] = variant_count
        if brand is not UNSET:
            field_dict["brand"] = brand
        if primary_variant is not UNSET:
            field_dict["primary_variant"] = primary_variant
        if description_html is not UNSET:
            field_dict["description_html"] = description_html
        if variants is not UNSET:
            field_dict["variants"] = variants
        if dosage is not UNSET:
            field_dict["dosage"] = dosage
        if custom_dosage is not UNSET:
            field_dict["custom_dosage"] = custom_dosage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.brand_summary import BrandSummary
        from ..models.product_dosage import ProductDosage
        from ..models.variant import Variant

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        variant_count = d.pop("variant_count", UNSET)

        _brand = d.pop("brand", UNSET)
        brand: BrandSummary | Unset
        if isinstance(_brand, Unset):
            brand = UNSET
        else:
            brand = BrandSummary.from_dict(_brand)

        def _parse_primary_variant(data: object) -> None | Unset | Variant:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                primary_variant_type_1 = Variant.from_dict(data)

                return primary_variant_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Variant, data)

        primary_variant = _parse_primary_variant(d.pop("primary_variant", UNSET))

        def _parse_description_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description_html = _parse_description_html(d.pop("description_html", UNSET))

        _variants = d.pop("variants", UNSET)
        variants: list[Variant] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = Variant.from_dict(variants_item_data)

                variants.append(variants_item)

        def _parse_dosage(data: object) -> None | ProductDosage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dosage_type_1 = ProductDosage.from_dict(data)

                return dosage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductDosage | Unset, data)

        dosage = _parse_dosage(d.pop("dosage", UNSET))

        def _parse_custom_dosage(data: object) -> None | ProductDosage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_dosage_type_1 = ProductDosage.from_dict(data)

                return custom_dosage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductDosage | Unset, data)

        custom_dosage = _parse_custom_dosage(d.pop("custom_dosage", UNSET))

        product = cls(
            id=id,
            name=name,
            status=status,
            variant_count=variant_count,
            brand=brand,
            primary_variant=primary_variant,
            description_html=description_html,
            variants=variants,
            dosage=dosage,
            custom_dosage=custom_dosage,
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
