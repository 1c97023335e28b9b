from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.variant_id is not UNSET:
            field_dict["variant_id"] = self.variant_id
        if self.refill is not UNSET:
            field_dict["refill"] = self.refill
        if self.units_to_purchase is not UNSET:
            field_dict["units_to_purchase"] = self.units_to_purchase
        if self.dosage is not UNSET:
            field_dict["dosage"] = to_json(self.dosage)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _variant_id = d.pop("variant_id", UNSET)
        if not (isinstance(_variant_id, str) or _variant_id is UNSET):
            _variant_id = deviation("Recommendation.variant_id", "a string", _variant_id)

        _refill = d.pop("refill", UNSET)
        if not (isinstance(_refill, bool) or _refill is UNSET):
            _refill = deviation("Recommendation.refill", "a boolean", _refill)

        _units_to_purchase = d.pop("units_to_purchase", UNSET)
        if not (
            (isinstance(_units_to_purchase, int) and not isinstance(_units_to_purchase, bool))
            or isinstance(_units_to_purchase, str)
            or _units_to_purchase is UNSET
        ):
            _units_to_purchase = deviation(
                "Recommendation.units_to_purchase", "an integer or a string", _units_to_purchase
            )

        _dosage = d.pop("dosage", UNSET)
        if isinstance(_dosage, dict):
            _dosage = Dosage.from_dict(_dosage)
        elif not (_dosage is UNSET or _dosage is None):
            _dosage = deviation("Recommendation.dosage", "null or Dosage", _dosage)

        recommendation = cls(
            variant_id=_variant_id,
            refill=_refill,
            units_to_purchase=_units_to_purchase,
            dosage=_dosage,
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


# Imported last, once: these models may import this one in turn (see the template).
from ..models.dosage import Dosage
