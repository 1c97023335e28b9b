from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.amount is not UNSET:
            field_dict["amount"] = self.amount
        if self.frequency is not UNSET:
            field_dict["frequency"] = self.frequency
        if self.duration is not UNSET:
            field_dict["duration"] = self.duration
        if self.format_ is not UNSET:
            field_dict["format"] = self.format_
        if self.additional_info is not UNSET:
            field_dict["additional_info"] = self.additional_info
        if self.time_of_day is not UNSET:
            field_dict["time_of_day"] = to_json(self.time_of_day)
        if self.take_with is not UNSET:
            field_dict["take_with"] = self.take_with

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _amount = d.pop("amount", UNSET)
        if not (isinstance(_amount, str) or _amount is UNSET or _amount is None):
            _amount = deviation("Dosage.amount", "a string or null", _amount)

        _frequency = d.pop("frequency", UNSET)
        if not (isinstance(_frequency, str) or _frequency is UNSET or _frequency is None):
            _frequency = deviation("Dosage.frequency", "a string or null", _frequency)

        _duration = d.pop("duration", UNSET)
        if not (isinstance(_duration, str) or _duration is UNSET or _duration is None):
            _duration = deviation("Dosage.duration", "a string or null", _duration)

        _format_ = d.pop("format", UNSET)
        if not (isinstance(_format_, str) or _format_ is UNSET or _format_ is None):
            _format_ = deviation("Dosage.format", "a string or null", _format_)

        _additional_info = d.pop("additional_info", UNSET)
        if not (
            isinstance(_additional_info, str)
            or _additional_info is UNSET
            or _additional_info is None
        ):
            _additional_info = deviation(
                "Dosage.additional_info", "a string or null", _additional_info
            )

        _time_of_day = d.pop("time_of_day", UNSET)
        if isinstance(_time_of_day, list):
            for _each1 in _time_of_day:
                if not isinstance(_each1, str):
                    _each1 = deviation("Dosage.time_of_day[]", "a string", _each1)
        elif not (_time_of_day is UNSET or _time_of_day is None):
            _time_of_day = deviation("Dosage.time_of_day", "an array or null", _time_of_day)

        _take_with = d.pop("take_with", UNSET)
        if not (isinstance(_take_with, str) or _take_with is UNSET or _take_with is None):
            _take_with = deviation("Dosage.take_with", "a string or null", _take_with)

        dosage = cls(
            amount=_amount,
            frequency=_frequency,
            duration=_duration,
            format_=_format_,
            additional_info=_additional_info,
            time_of_day=_time_of_day,
            take_with=_take_with,
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
