from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dosage import Dosage


T = TypeVar("T", bound="Recommendation")


@_attrs_define
class Recommendation:
    """One product recommended on a treatment plan.

    Attributes:
        variant_id (str | Unset): Identifier of the recommended variant.
        refill (bool | Unset): Whether the patient receives refill reminders.
        units_to_purchase (int | str | Unset): How many units of the variant to buy (integer in examples, string in the
            reference).
        dosage (Dosage | None | Unset): How to take it.
    """

    variant_id: str | Unset = UNSET
    refill: bool | Unset = UNSET
    units_to_purchase: int | str | Unset = UNSET
    dosage: Dosage | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dosage import Dosage

        variant_id = self.variant_id

        refill = self.refill

        units_to_purchase: int | str | Unset
        if isinstance(self.units_to_purchase, Unset):
            units_to_purchase = UNSET
        else:
            units_to_purchase = self.units_to_purchase

        dosage: dict[str, Any] | None | Unset
        if isinstance(self.dosage, Unset):
            dosage = UNSET
        elif isinstance(self.dosage, Dosage):
            dosage = self.dosage.to_dict()
        else:
            dosage = self.dosage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if variant_id is not UNSET:
            field_dict["variant_id"] = variant_id
        if refill is not UNSET:
            field_dict["refill"] = refill
        if units_to_purchase is not UNSET:
            field_dict["units_to_purchase"] = units_to_purchase
        if dosage is not UNSET:
            field_dict["dosage"] = dosage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dosage import Dosage

        d = dict(src_dict)
        variant_id = d.pop("variant_id", UNSET)

        refill = d.pop("refill", UNSET)

        def _parse_units_to_purchase(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        units_to_purchase = _parse_units_to_purchase(d.pop("units_to_purchase", UNSET))

        def _parse_dosage(data: object) -> Dosage | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dosage_type_1 = Dosage.from_dict(data)

                return dosage_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dosage | None | Unset, data)

        dosage = _parse_dosage(d.pop("dosage", UNSET))

        recommendation = cls(
            variant_id=variant_id,
            refill=refill,
            units_to_purchase=units_to_purchase,
            dosage=dosage,
        )

        recommendation.additional_properties = d
        return recommendation

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
