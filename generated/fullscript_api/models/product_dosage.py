from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProductDosage")


@_attrs_define
class ProductDosage:
    """Dosage guidance for a product.

    Attributes:
        recommended_amount (None | str | Unset): Dose per intake in terms of the format.
        recommended_frequency (None | str | Unset): How often to take the dose.
        recommended_duration (None | str | Unset): For how long to take the dose.
        format_ (None | str | Unset): Form of the dose, such as `capsule` or `drop`.
        additional_info (None | str | Unset): Further instructions, such as `with meals`.
        practitioner_id (None | str | Unset): For a custom dosage: the practitioner who wrote it.
    """

    recommended_amount: None | str | Unset = UNSET
    recommended_frequency: None | str | Unset = UNSET
    recommended_duration: None | str | Unset = UNSET
    format_: None | str | Unset = UNSET
    additional_info: None | str | Unset = UNSET
    practitioner_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recommended_amount: None | str | Unset
        if isinstance(self.recommended_amount, Unset):
            recommended_amount = UNSET
        else:
            recommended_amount = self.recommended_amount

        recommended_frequency: None | str | Unset
        if isinstance(self.recommended_frequency, Unset):
            recommended_frequency = UNSET
        else:
            recommended_frequency = self.recommended_frequency

        recommended_duration: None | str | Unset
        if isinstance(self.recommended_duration, Unset):
            recommended_duration = UNSET
        else:
            recommended_duration = self.recommended_duration

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

        practitioner_id: None | str | Unset
        if isinstance(self.practitioner_id, Unset):
            practitioner_id = UNSET
        else:
            practitioner_id = self.practitioner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if recommended_amount is not UNSET:
            field_dict["recommended_amount"] = recommended_amount
        if recommended_frequency is not UNSET:
            field_dict["recommended_frequency"] = recommended_frequency
        if recommended_duration is not UNSET:
            field_dict["recommended_duration"] = recommended_duration
        if format_ is not UNSET:
            field_dict["format"] = format_
        if additional_info is not UNSET:
            field_dict["additional_info"] = additional_info
        if practitioner_id is not UNSET:
            field_dict["practitioner_id"] = practitioner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_recommended_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recommended_amount = _parse_recommended_amount(d.pop("recommended_amount", UNSET))

        def _parse_recommended_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recommended_frequency = _parse_recommended_frequency(d.pop("recommended_frequency", UNSET))

        def _parse_recommended_duration(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recommended_duration = _parse_recommended_duration(d.pop("recommended_duration", UNSET))

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

        def _parse_practitioner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        practitioner_id = _parse_practitioner_id(d.pop("practitioner_id", UNSET))

        product_dosage = cls(
            recommended_amount=recommended_amount,
            recommended_frequency=recommended_frequency,
            recommended_duration=recommended_duration,
            format_=format_,
            additional_info=additional_info,
            practitioner_id=practitioner_id,
        )

        product_dosage.additional_properties = d
        return product_dosage

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
