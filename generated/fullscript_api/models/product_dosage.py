from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.recommended_amount is not UNSET:
            field_dict["recommended_amount"] = self.recommended_amount
        if self.recommended_frequency is not UNSET:
            field_dict["recommended_frequency"] = self.recommended_frequency
        if self.recommended_duration is not UNSET:
            field_dict["recommended_duration"] = self.recommended_duration
        if self.format_ is not UNSET:
            field_dict["format"] = self.format_
        if self.additional_info is not UNSET:
            field_dict["additional_info"] = self.additional_info
        if self.practitioner_id is not UNSET:
            field_dict["practitioner_id"] = self.practitioner_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _recommended_amount = d.pop("recommended_amount", UNSET)
        if not (
            isinstance(_recommended_amount, str)
            or _recommended_amount is UNSET
            or _recommended_amount is None
        ):
            _recommended_amount = deviation(
                "ProductDosage.recommended_amount", "a string or null", _recommended_amount
            )

        _recommended_frequency = d.pop("recommended_frequency", UNSET)
        if not (
            isinstance(_recommended_frequency, str)
            or _recommended_frequency is UNSET
            or _recommended_frequency is None
        ):
            _recommended_frequency = deviation(
                "ProductDosage.recommended_frequency", "a string or null", _recommended_frequency
            )

        _recommended_duration = d.pop("recommended_duration", UNSET)
        if not (
            isinstance(_recommended_duration, str)
            or _recommended_duration is UNSET
            or _recommended_duration is None
        ):
            _recommended_duration = deviation(
                "ProductDosage.recommended_duration", "a string or null", _recommended_duration
            )

        _format_ = d.pop("format", UNSET)
        if not (isinstance(_format_, str) or _format_ is UNSET or _format_ is None):
            _format_ = deviation("ProductDosage.format", "a string or null", _format_)

        _additional_info = d.pop("additional_info", UNSET)
        if not (
            isinstance(_additional_info, str)
            or _additional_info is UNSET
            or _additional_info is None
        ):
            _additional_info = deviation(
                "ProductDosage.additional_info", "a string or null", _additional_info
            )

        _practitioner_id = d.pop("practitioner_id", UNSET)
        if not (
            isinstance(_practitioner_id, str)
            or _practitioner_id is UNSET
            or _practitioner_id is None
        ):
            _practitioner_id = deviation(
                "ProductDosage.practitioner_id", "a string or null", _practitioner_id
            )

        product_dosage = cls(
            recommended_amount=_recommended_amount,
            recommended_frequency=_recommended_frequency,
            recommended_duration=_recommended_duration,
            format_=_format_,
            additional_info=_additional_info,
            practitioner_id=_practitioner_id,
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
