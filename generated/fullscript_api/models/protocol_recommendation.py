from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.variant_id is not UNSET:
            field_dict["variant_id"] = self.variant_id
        if self.quantity_recommended is not UNSET:
            field_dict["quantity_recommended"] = self.quantity_recommended
        if self.refill is not UNSET:
            field_dict["refill"] = self.refill
        if self.dosage_amount is not UNSET:
            field_dict["dosage_amount"] = self.dosage_amount
        if self.dosage_frequency is not UNSET:
            field_dict["dosage_frequency"] = self.dosage_frequency
        if self.dosage_duration is not UNSET:
            field_dict["dosage_duration"] = self.dosage_duration
        if self.dosage_permutations is not UNSET:
            field_dict["dosage_permutations"] = self.dosage_permutations
        if self.dosage_format is not UNSET:
            field_dict["dosage_format"] = self.dosage_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _variant_id = d.pop("variant_id", UNSET)
        if not (isinstance(_variant_id, str) or _variant_id is UNSET):
            _variant_id = deviation("ProtocolRecommendation.variant_id", "a string", _variant_id)

        _quantity_recommended = d.pop("quantity_recommended", UNSET)
        if not (
            (isinstance(_quantity_recommended, int) and not isinstance(_quantity_recommended, bool))
            or isinstance(_quantity_recommended, str)
            or _quantity_recommended is UNSET
        ):
            _quantity_recommended = deviation(
                "ProtocolRecommendation.quantity_recommended",
                "an integer or a string",
                _quantity_recommended,
            )

        _refill = d.pop("refill", UNSET)
        if not (isinstance(_refill, bool) or _refill is UNSET):
            _refill = deviation("ProtocolRecommendation.refill", "a boolean", _refill)

        _dosage_amount = d.pop("dosage_amount", UNSET)
        if not (
            isinstance(_dosage_amount, str) or _dosage_amount is UNSET or _dosage_amount is None
        ):
            _dosage_amount = deviation(
                "ProtocolRecommendation.dosage_amount", "a string or null", _dosage_amount
            )

        _dosage_frequency = d.pop("dosage_frequency", UNSET)
        if not (
            isinstance(_dosage_frequency, str)
            or _dosage_frequency is UNSET
            or _dosage_frequency is None
        ):
            _dosage_frequency = deviation(
                "ProtocolRecommendation.dosage_frequency", "a string or null", _dosage_frequency
            )

        _dosage_duration = d.pop("dosage_duration", UNSET)
        if not (
            isinstance(_dosage_duration, str)
            or _dosage_duration is UNSET
            or _dosage_duration is None
        ):
            _dosage_duration = deviation(
                "ProtocolRecommendation.dosage_duration", "a string or null", _dosage_duration
            )

        _dosage_permutations = d.pop("dosage_permutations", UNSET)
        if not (
            isinstance(_dosage_permutations, str)
            or _dosage_permutations is UNSET
            or _dosage_permutations is None
        ):
            _dosage_permutations = deviation(
                "ProtocolRecommendation.dosage_permutations",
                "a string or null",
                _dosage_permutations,
            )

        _dosage_format = d.pop("dosage_format", UNSET)
        if not (
            isinstance(_dosage_format, str) or _dosage_format is UNSET or _dosage_format is None
        ):
            _dosage_format = deviation(
                "ProtocolRecommendation.dosage_format", "a string or null", _dosage_format
            )

        protocol_recommendation = cls(
            variant_id=_variant_id,
            quantity_recommended=_quantity_recommended,
            refill=_refill,
            dosage_amount=_dosage_amount,
            dosage_frequency=_dosage_frequency,
            dosage_duration=_dosage_duration,
            dosage_permutations=_dosage_permutations,
            dosage_format=_dosage_format,
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
