from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveLabTestResponse200")


@_attrs_define
class RetrieveLabTestResponse200:
    """
    Attributes:
        lab_test (LabTest): A lab test, part of a lab order.
    """

    lab_test: LabTest
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.lab_test is not UNSET:
            field_dict["lab_test"] = to_json(self.lab_test)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _lab_test = d.pop("lab_test", UNSET)
        if isinstance(_lab_test, dict):
            _lab_test = LabTest.from_dict(_lab_test)
        else:
            _lab_test = deviation("RetrieveLabTestResponse200.lab_test", "LabTest", _lab_test)

        retrieve_lab_test_response_200 = cls(
            lab_test=_lab_test,
        )

        retrieve_lab_test_response_200.additional_properties = d
        return retrieve_lab_test_response_200

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
from ..models.lab_test import LabTest
