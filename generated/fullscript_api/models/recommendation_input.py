from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationInput")


@_attrs_define
class RecommendationInput:
    """One product to recommend on a treatment plan.

    Attributes:
        variant_id (str): Identifier of the variant to recommend.
        units_to_purchase (int | str): How many units of the variant to recommend.
        refill (bool | str | Unset): Whether to send refill reminders.
        dosage (DosageInput | Unset): Dosage instructions sent when writing a treatment plan.
    """

    variant_id: str
    units_to_purchase: int | str
    refill: bool | str | Unset = UNSET
    dosage: DosageInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        units_to_purchase: int | str
        units_to_purchase = self.units_to_purchase

        refill: bool | str | Unset
        if isinstance(self.refill, Unset):
            refill = UNSET
        else:
            refill = self.refill

        dosage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dosage, Unset):
            dosage = self.dosage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "variant_id": variant_id,
                "units_to_purchase": units_to_purchase,
            }
        )
        if refill is not UNSET:
            field_dict["refill"] = refill
        if dosage is not UNSET:
            field_dict["dosage"] = dosage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        variant_id = d.pop("variant_id")

        def _parse_units_to_purchase(data: object) -> int | str:
            return cast(int | str, data)

        units_to_purchase = _parse_units_to_purchase(d.pop("units_to_purchase"))

        def _parse_refill(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        refill = _parse_refill(d.pop("refill", UNSET))

        _dosage = d.pop("dosage", UNSET)
        dosage: DosageInput | Unset
        if isinstance(_dosage, Unset):
            dosage = UNSET
        else:
            dosage = DosageInput.from_dict(_dosage)

        recommendation_input = cls(
            variant_id=variant_id,
            units_to_purchase=units_to_purchase,
            refill=refill,
            dosage=dosage,
        )

        recommendation_input.additional_properties = d
        return recommendation_input

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
from ..models.dosage_input import DosageInput
