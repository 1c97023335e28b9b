from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="InOfficeCheckout")


@_attrs_define
class InOfficeCheckout:
    """An in-office checkout prepared from a treatment plan.

    Attributes:
        url (str | Unset): Address where the practitioner completes the checkout for the patient.
    """

    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.url is not UNSET:
            field_dict["url"] = self.url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _url = d.pop("url", UNSET)
        if not (isinstance(_url, str) or _url is UNSET):
            _url = deviation("InOfficeCheckout.url", "a string", _url)

        in_office_checkout = cls(
            url=_url,
        )

        in_office_checkout.additional_properties = d
        return in_office_checkout

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
