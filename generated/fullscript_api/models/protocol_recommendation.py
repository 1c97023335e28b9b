from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProtocolRecommendation")


@_attrs_define
class ProtocolRecommendation:
    """One product recommended by a protocol or template.

    Attributes:
        variant_id (str | Unset): Identifier of the recommended variant.
        quantity_recommended (int | str | Unset): How many units to recommend.
        refill (bool | Unset): Whether refill reminders are sent.
        dosage_amount (None | str | Unset): Dose per intake.
        dosage_frequency (None | str | Unset): How often to take the dose.
        dosage_duration (None | str | Unset): For how long to take the dose.
        dosage_permutations (None | str | Unset): Further instructions, such as `with food`.
        dosage_format (None | str | Unset): Form of the dose.
    """

    variant_id: str | Unset = UNSET
    quantity_recommended: int | str | Unset = UNSET
    refill: bool | Unset = UNSET
    dosage_amount: None | str | Unset = UNSET
    dosage_frequency: None | str | Unset = UNSET
    dosage_duration: None | str | Unset = UNSET
    dosage_permutations: None | str | Unset = UNSET
    dosage_format: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        variant_id = self.variant_id

        quantity_recommended: int | str | Unset
        if isinstance(self.quantity_recommended, Unset):
            quantity_recommended = UNSET
        else:
            quantity_recommended = self.quantity_recommended

        refill = self.refill

        dosage_amount: None | str | Unset
        if isinstance(self.dosage_amount, Unset):
            dosage_amount = UNSET
        else:
            dosage_amount = self.dosage_amount

        dosage_frequency: None | str | Unset
        if isinstance(self.dosage_frequency, Unset):
            dosage_frequency = UNSET
        else:
            dosage_frequency = self.dosage_frequency

        dosage_duration: None | str | Unset
        if isinstance(self.dosage_duration, Unset):
            dosage_duration = UNSET
        else:
            dosage_duration = self.dosage_duration

        dosage_permutations: None | str | Unset
        if isinstance(self.dosage_permutations, Unset):
            dosage_permutations = UNSET
        else:
            dosage_permutations = self.dosage_permutations

        dosage_format: None | str | Unset
        if isinstance(self.dosage_format, Unset):
            dosage_format = UNSET
        else:
            dosage_format = self.dosage_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if variant_id is not UNSET:
            field_dict["variant_id"] = variant_id
        if quantity_recommended is not UNSET:
            field_dict["quantity_recommended"] = quantity_recommended
        if refill is not UNSET:
            field_dict["refill"] = refill
        if dosage_amount is not UNSET:
            field_dict["dosage_amount"] = dosage_amount
        if dosage_frequency is not UNSET:
            field_dict["dosage_frequency"] = dosage_frequency
        if dosage_duration is not UNSET:
            field_dict["dosage_duration"] = dosage_duration
        if dosage_permutations is not UNSET:
            field_dict["dosage_permutations"] = dosage_permutations
        if dosage_format is not UNSET:
            field_dict["dosage_format"] = dosage_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        variant_id = d.pop("variant_id", UNSET)

        def _parse_quantity_recommended(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        quantity_recommended = _parse_quantity_recommended(d.pop("quantity_recommended", UNSET))

        refill = d.pop("refill", UNSET)

        def _parse_dosage_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dosage_amount = _parse_dosage_amount(d.pop("dosage_amount", UNSET))

        def _parse_dosage_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dosage_frequency = _parse_dosage_frequency(d.pop("dosage_frequency", UNSET))

        def _parse_dosage_duration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dosage_duration = _parse_dosage_duration(d.pop("dosage_duration", UNSET))

        def _parse_dosage_permutations(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dosage_permutations = _parse_dosage_permutations(d.pop("dosage_permutations", UNSET))

        def _parse_dosage_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dosage_format = _parse_dosage_format(d.pop("dosage_format", UNSET))

        protocol_recommendation = cls(
            variant_id=variant_id,
            quantity_recommended=quantity_recommended,
            refill=refill,
            dosage_amount=dosage_amount,
            dosage_frequency=dosage_frequency,
            dosage_duration=dosage_duration,
            dosage_permutations=dosage_permutations,
            dosage_format=dosage_format,
        )

        protocol_recommendation.additional_properties = d
        return protocol_recommendation

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
