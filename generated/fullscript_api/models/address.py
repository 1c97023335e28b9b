from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """A postal address of a patient.

    Attributes:
        id (str): Fullscript identifier of the address.
        address1 (str | Unset): Street line.
        address2 (None | str | Unset): Apartment, suite, floor or building; may be null.
        zipcode (str | Unset): ZIP code (US) or postal code (Canada).
        city (str | Unset): City.
        state (str | Unset): State (US) or province (Canada) code, such as `AZ`.
        country (str | Unset): Country code, such as `US`.
    """

    id: str
    address1: str | Unset = UNSET
    address2: None | str | Unset = UNSET
    zipcode: str | Unset = UNSET
    city: str | Unset = UNSET
    state: str | Unset = UNSET
    country: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.address1 is not UNSET:
            field_dict["address1"] = self.address1
        if self.address2 is not UNSET:
            field_dict["address2"] = self.address2
        if self.zipcode is not UNSET:
            field_dict["zipcode"] = self.zipcode
        if self.city is not UNSET:
            field_dict["city"] = self.city
        if self.state is not UNSET:
            field_dict["state"] = self.state
        if self.country is not UNSET:
            field_dict["country"] = self.country

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Address.id", "a string", _id)

        _address1 = d.pop("address1", UNSET)
        if not (isinstance(_address1, str) or _address1 is UNSET):
            _address1 = deviation("Address.address1", "a string", _address1)

        _address2 = d.pop("address2", UNSET)
        if not (isinstance(_address2, str) or _address2 is UNSET or _address2 is None):
            _address2 = deviation("Address.address2", "a string or null", _address2)

        _zipcode = d.pop("zipcode", UNSET)
        if not (isinstance(_zipcode, str) or _zipcode is UNSET):
            _zipcode = deviation("Address.zipcode", "a string", _zipcode)

        _city = d.pop("city", UNSET)
        if not (isinstance(_city, str) or _city is UNSET):
            _city = deviation("Address.city", "a string", _city)

        _state = d.pop("state", UNSET)
        if not (isinstance(_state, str) or _state is UNSET):
            _state = deviation("Address.state", "a string", _state)

        _country = d.pop("country", UNSET)
        if not (isinstance(_country, str) or _country is UNSET):
            _country = deviation("Address.country", "a string", _country)

        address = cls(
            id=_id,
            address1=_address1,
            address2=_address2,
            zipcode=_zipcode,
            city=_city,
            state=_state,
            country=_country,
        )

        address.additional_properties = d
        return address

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
