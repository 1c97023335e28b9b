from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="LabResult")


@_attrs_define
class LabResult:
    """A result produced by a lab test.

    Attributes:
        id (str): Fullscript identifier of the result.
        lab_test_id (None | str | Unset): Identifier of the lab test that produced it.
        status (None | str | Unset): Status of the result.
        created_at (None | str | Unset): When the result was recorded.
    """

    id: str
    lab_test_id: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.lab_test_id is not UNSET:
            field_dict["lab_test_id"] = self.lab_test_id
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.created_at is not UNSET:
            field_dict["created_at"] = self.created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("LabResult.id", "a string", _id)

        _lab_test_id = d.pop("lab_test_id", UNSET)
        if not (isinstance(_lab_test_id, str) or _lab_test_id is UNSET or _lab_test_id is None):
            _lab_test_id = deviation("LabResult.lab_test_id", "a string or null", _lab_test_id)

        _status = d.pop("status", UNSET)
        if not (isinstance(_status, str) or _status is UNSET or _status is None):
            _status = deviation("LabResult.status", "a string or null", _status)

        _created_at = d.pop("created_at", UNSET)
        if not (isinstance(_created_at, str) or _created_at is UNSET or _created_at is None):
            _created_at = deviation("LabResult.created_at", "a string or null", _created_at)

        lab_result = cls(
            id=_id,
            lab_test_id=_lab_test_id,
            status=_status,
            created_at=_created_at,
        )

        lab_result.additional_properties = d
        return lab_result

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
