from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Dosage")


@_attrs_define
class Dosage:
    """How a recommended product is to be taken, as stored on a treatment plan.

    Attributes:
        amount (None | str | Unset): Dose per intake; a number, a range (`1-2`) or a fraction (`1/2`).
        frequency (None | str | Unset): How often: `once per day`, `twice per day`, `three times per day`, `four times
            per day`, `every morning` or `every night`.
        duration (None | str | Unset): For how long: a number of days (`120`) or `as needed`, `until symptoms resolve`,
            `ongoing`.
        format_ (None | str | Unset): Form of the dose, such as `capsule`, `tablet` or `drops`.
        additional_info (None | str | Unset): Further instructions, such as `with food`.
        time_of_day (list[str] | None | Unset): Times of day at which to take the dose.
        take_with (None | str | Unset): What to take the dose with (for example food or water).
    """

    amount: None | str | Unset = UNSET
    frequency: None | str | Unset = UNSET
    duration: None | str | Unset = UNSET
    format_: None | str | Unset = UNSET
    additional_info: None | str | Unset = UNSET
    time_of_day: list[str] | None | Unset = UNSET
    take_with: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        else:
            frequency = self.frequency

        duration: None | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        else:
            format_ = self.format_

        additional_info: None | str | Unset
        if isinstance(self.additional_info, Unset):
            additional_info = UNSET
        else:
            additional_info = self.additional_info

        time_of_day: list[str] | None | Unset
        if isinstance(self.time_of_day, Unset):
            time_of_day = UNSET
        elif isinstance(self.time_of_day, list):
            time_of_day = self.time_of_day

        else:
            time_of_day = self.time_of_day

        take_with: None | str | Unset
        if isinstance(self.take_with, Unset):
            take_with = UNSET
        else:
            take_with = self.take_with

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if duration is not UNSET:
            field_dict["duration"] = duration
        if format_ is not UNSET:
            field_dict["format"] = format_
        if additional_info is not UNSET:
            field_dict["additional_info"] = additional_info
        if time_of_day is not UNSET:
            field_dict["time_of_day"] = time_of_day
        if take_with is not UNSET:
            field_dict["take_with"] = take_with

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_duration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_format_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_additional_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        additional_info = _parse_additional_info(d.pop("additional_info", UNSET))

        def _parse_time_of_day(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                time_of_day_type_0 = cast(list[str], data)

                return time_of_day_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        time_of_day = _parse_time_of_day(d.pop("time_of_day", UNSET))

        def _parse_take_with(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        take_with = _parse_take_with(d.pop("take_with", UNSET))

        dosage = cls(
            amount=amount,
            frequency=frequency,
            duration=duration,
            format_=format_,
            additional_info=additional_info,
            time_of_day=time_of_day,
            take_with=take_with,
        )

        dosage.additional_properties = d
        return dosage

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
