from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="CreateStaffResponse201")


@_attrs_define
class CreateStaffResponse201:
    """
    Attributes:
        staff (Staff): A staff member of the clinic. Example: {'id': 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8',
            'first_name': 'Priya', 'last_name': 'Raman', 'email': 'front.desk@clinic.example.org', 'metadata': {'id':
            'staff-7'}}.
    """

    staff: Staff
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.staff is not UNSET:
            field_dict["staff"] = to_json(self.staff)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _staff = d.pop("staff", UNSET)
        if isinstance(_staff, dict):
            _staff = Staff.from_dict(_staff)
        else:
            _staff = deviation("CreateStaffResponse201.staff", "Staff", _staff)

        create_staff_response_201 = cls(
            staff=_staff,
        )

        create_staff_response_201.additional_properties = d
        return create_staff_response_201

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
from ..models.staff import Staff
