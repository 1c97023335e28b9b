from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveLabOrderResponse200")


@_attrs_define
class RetrieveLabOrderResponse200:
    """
    Attributes:
        lab_order (LabOrder): Lab tests a patient purchased from a treatment plan recommendation.
    """

    lab_order: LabOrder
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.lab_order is not UNSET:
            field_dict["lab_order"] = to_json(self.lab_order)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _lab_order = d.pop("lab_order", UNSET)
        if isinstance(_lab_order, dict):
            _lab_order = LabOrder.from_dict(_lab_order)
        else:
            _lab_order = deviation("RetrieveLabOrderResponse200.lab_order", "LabOrder", _lab_order)

        retrieve_lab_order_response_200 = cls(
            lab_order=_lab_order,
        )

        retrieve_lab_order_response_200.additional_properties = d
        return retrieve_lab_order_response_200

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
from ..models.lab_order import LabOrder
