from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="LabTest")


@_attrs_define
class LabTest:
    """A lab test, part of a lab order.

    Attributes:
        id (str): Fullscript identifier of the lab test.
        name (str | Unset): Name of the test.
        status (None | str | Unset): Status of the test.
        lab_order_id (None | str | Unset): Identifier of the lab order the test belongs to.
    """

    id: str
    name: str | Unset = UNSET
    status: None | str | Unset = UNSET
    lab_order_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.lab_order_id is not UNSET:
            field_dict["lab_order_id"] = self.lab_order_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("LabTest.id", "a string", _id)

        _name = d.pop("name", UNSET)
        if not (isinstance(_name, str) or _name is UNSET):
            _name = deviation("LabTest.name", "a string", _name)

        _status = d.pop("status", UNSET)
        if not (isinstance(_status, str) or _status is UNSET or _status is None):
            _status = deviation("LabTest.status", "a string or null", _status)

        _lab_order_id = d.pop("lab_order_id", UNSET)
        if not (isinstance(_lab_order_id, str) or _lab_order_id is UNSET or _lab_order_id is None):
            _lab_order_id = deviation("LabTest.lab_order_id", "a string or null", _lab_order_id)

        lab_test = cls(
            id=_id,
            name=_name,
            status=_status,
            lab_order_id=_lab_order_id,
        )

        lab_test.additional_properties = d
        return lab_test

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
