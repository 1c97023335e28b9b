from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        id = self.id

        name = self.name

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        lab_order_id: None | str | Unset
        if isinstance(self.lab_order_id, Unset):
            lab_order_id = UNSET
        else:
            lab_order_id = self.lab_order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if lab_order_id is not UNSET:
            field_dict["lab_order_id"] = lab_order_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_lab_order_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lab_order_id = _parse_lab_order_id(d.pop("lab_order_id", UNSET))

        lab_test = cls(
            id=id,
            name=name,
            status=status,
            lab_order_id=lab_order_id,
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
