from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="CreateInOfficeCheckoutResponse201")


@_attrs_define
class CreateInOfficeCheckoutResponse201:
    """
    Attributes:
        in_office_checkout (InOfficeCheckout): An in-office checkout prepared from a treatment plan.
    """

    in_office_checkout: InOfficeCheckout
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.in_office_checkout is not UNSET:
            field_dict["in_office_checkout"] = to_json(self.in_office_checkout)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _in_office_checkout = d.pop("in_office_checkout", UNSET)
        if isinstance(_in_office_checkout, dict):
            _in_office_checkout = InOfficeCheckout.from_dict(_in_office_checkout)
        else:
            _in_office_checkout = deviation(
                "CreateInOfficeCheckoutResponse201.in_office_checkout",
                "InOfficeCheckout",
                _in_office_checkout,
            )

        create_in_office_checkout_response_201 = cls(
            in_office_checkout=_in_office_checkout,
        )

        create_in_office_checkout_response_201.additional_properties = d
        return create_in_office_checkout_response_201

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
from ..models.in_office_checkout import InOfficeCheckout
