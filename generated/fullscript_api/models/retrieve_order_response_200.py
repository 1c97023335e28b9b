from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveOrderResponse200")


@_attrs_define
class RetrieveOrderResponse200:
    """
    Attributes:
        order (Order): A completed or refunded order placed by a patient. Example: {'id':
            '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', 'order_number': 'R482913057', 'completed_at':
            '2026-01-18T10:12:03.000-05:00', 'patient_id': '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'treatment_plan_ids':
            ['7d4e5f6a-8b9c-4d0e-a1f2-3b4c5d6e7f80'], 'variant_ids': ['3f2e1d0c-9b8a-4765-b432-10fedcba9876'],
            'practitioner_ids': ['c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f'], 'item_total': '44.10', 'msrp_total': '49.00',
            'payment_total': '51.73', 'line_items': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'quantity': 2,
            'type': 'supplement'}]}.
    """

    order: Order
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.order is not UNSET:
            field_dict["order"] = to_json(self.order)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _order = d.pop("order", UNSET)
        if isinstance(_order, dict):
            _order = Order.from_dict(_order)
        else:
            _order = deviation("RetrieveOrderResponse200.order", "Order", _order)

        retrieve_order_response_200 = cls(
            order=_order,
        )

        retrieve_order_response_200.additional_properties = d
        return retrieve_order_response_200

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
from ..models.order import Order
