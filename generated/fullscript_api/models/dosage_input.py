from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dosage_input_format import DosageInputFormat
from ..models.dosage_input_frequency import DosageInputFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="DosageInput")


@_attrs_define
class DosageInput:
    """Dosage instructions sent when writing a treatment plan.

    Attributes:
        amount (str | Unset): Dose per intake; a number, a range (`1-2`) or a fraction (`1/2`).
        frequency (DosageInputFrequency | Unset): How often the dose is taken.
        duration (str | Unset): For how long: a number of days (`120` means about four months) or one of `as needed`,
            `until symptoms resolve`, `ongoing`.
        additional_info (str | Unset): Further instructions, such as `with meals`.
        format_ (DosageInputFormat | Unset): Form of the dose.
    """

    amount: str | Unset = UNSET
    frequency: DosageInputFrequency | Unset = UNSET
    duration: str | Unset = UNSET
    additional_info: str | Unset = UNSET
    format_: DosageInputFormat | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        duration = self.duration

        additional_info = self.additional_info

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if duration is not UNSET:
            field_dict["duration"] = duration
        if additional_info is not UNSET:
            field_dict["additional_info"] = additional_info
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount", UNSET)

        _frequency = d.pop("frequency", UNSET)
        frequency: DosageInputFrequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = DosageInputFrequency(_frequency)

        duration = d.pop("duration", UNSET)

        additional_info = d.pop("additional_info", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: DosageInputFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = DosageInputFormat(_format_)

        dosage_input = cls(
            amount=amount,
            frequency=frequency,
            duration=duration,
            additional_info=additional_info,
            format_=format_,
        )

        dosage_input.additional_properties = d
        return dosage_input

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
