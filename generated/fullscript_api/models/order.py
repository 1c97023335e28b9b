from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """A completed or refunded order placed by a patient.

    Example:
        {'id': '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', 'order_number': 'R482913057', 'completed_at':
            '2026-01-18T10:12:03.000-05:00', 'patient_id': '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'treatment_plan_ids':
            ['7d4e5f6a-8b9c-4d0e-a1f2-3b4c5d6e7f80'], 'variant_ids': ['3f2e1d0c-9b8a-4765-b432-10fedcba9876'],
            'practitioner_ids': ['c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f'], 'item_total': '44.10', 'msrp_total': '49.00',
            'payment_total': '51.73', 'line_items': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876', 'quantity': 2,
            'type': 'supplement'}]}

    Attributes:
        id (str): Fullscript identifier of the order.
        order_number (str | Unset): Public order number, such as `R000000000`.
        completed_at (None | str | Unset): When the order was completed; null if it was not.
        patient_id (str | Unset): Identifier of the patient who placed the order.
        treatment_plan_ids (list[str] | Unset): Plans the order fulfils.
        variant_ids (list[str] | Unset): Variants in the order.
        practitioner_ids (list[str] | Unset): Practitioners credited with the order.
        item_total (str | Unset): Order amount before tax and shipping, after discounts.
        msrp_total (str | Unset): Order amount before tax and shipping, at suggested retail prices.
        payment_total (str | Unset): Amount paid, including tax, shipping and refunds.
        line_items (list[LineItem] | Unset): Lines of the order.
    """

    id: str
    order_number: str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    patient_id: str | Unset = UNSET
    treatment_plan_ids: list[str] | Unset = UNSET
    variant_ids: list[str] | Unset = UNSET
    practitioner_ids: list[str] | Unset = UNSET
    item_total: str | Unset = UNSET
    msrp_total: str | Unset = UNSET
    payment_total: str | Unset = UNSET
    line_items: list[LineItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.order_number is not UNSET:
            field_dict["order_number"] = self.order_number
        if self.completed_at is not UNSET:
            field_dict["completed_at"] = self.completed_at
        if self.patient_id is not UNSET:
            field_dict["patient_id"] = self.patient_id
        if self.treatment_plan_ids is not UNSET:
            field_dict["treatment_plan_ids"] = to_json(self.treatment_plan_ids)
        if self.variant_ids is not UNSET:
            field_dict["variant_ids"] = to_json(self.variant_ids)
        if self.practitioner_ids is not UNSET:
            field_dict["practitioner_ids"] = to_json(self.practitioner_ids)
        if self.item_total is not UNSET:
            field_dict["item_total"] = self.item_total
        if self.msrp_total is not UNSET:
            field_dict["msrp_total"] = self.msrp_total
        if self.payment_total is not UNSET:
            field_dict["payment_total"] = self.payment_total
        if self.line_items is not UNSET:
            field_dict["line_items"] = to_json(self.line_items)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Order.id", "a string", _id)

        _order_number = d.pop("order_number", UNSET)
        if not (isinstance(_order_number, str) or _order_number is UNSET):
            _order_number = deviation("Order.order_number", "a string", _order_number)

        _completed_at = d.pop("completed_at", UNSET)
        if not (isinstance(_completed_at, str) or _completed_at is UNSET or _completed_at is None):
            _completed_at = deviation("Order.completed_at", "a string or null", _completed_at)

        _patient_id = d.pop("patient_id", UNSET)
        if not (isinstance(_patient_id, str) or _patient_id is UNSET):
            _patient_id = deviation("Order.patient_id", "a string", _patient_id)

        _treatment_plan_ids = d.pop("treatment_plan_ids", UNSET)
        if isinstance(_treatment_plan_ids, list):
            for _each1 in _treatment_plan_ids:
                if not isinstance(_each1, str):
                    _each1 = deviation("Order.treatment_plan_ids[]", "a string", _each1)
        elif not (_treatment_plan_ids is UNSET):
            _treatment_plan_ids = deviation(
                "Order.treatment_plan_ids", "an array", _treatment_plan_ids
            )

        _variant_ids = d.pop("variant_ids", UNSET)
        if isinstance(_variant_ids, list):
            for _each1 in _variant_ids:
                if not isinstance(_each1, str):
                    _each1 = deviation("Order.variant_ids[]", "a string", _each1)
        elif not (_variant_ids is UNSET):
            _variant_ids = deviation("Order.variant_ids", "an array", _variant_ids)

        _practitioner_ids = d.pop("practitioner_ids", UNSET)
        if isinstance(_practitioner_ids, list):
            for _each1 in _practitioner_ids:
                if not isinstance(_each1, str):
                    _each1 = deviation("Order.practitioner_ids[]", "a string", _each1)
        elif not (_practitioner_ids is UNSET):
            _practitioner_ids = deviation("Order.practitioner_ids", "an array", _practitioner_ids)

        _item_total = d.pop("item_total", UNSET)
        if not (isinstance(_item_total, str) or _item_total is UNSET):
            _item_total = deviation("Order.item_total", "a string", _item_total)

        _msrp_total = d.pop("msrp_total", UNSET)
        if not (isinstance(_msrp_total, str) or _msrp_total is UNSET):
            _msrp_total = deviation("Order.msrp_total", "a string", _msrp_total)

        _payment_total = d.pop("payment_total", UNSET)
        if not (isinstance(_payment_total, str) or _payment_total is UNSET):
            _payment_total = deviation("Order.payment_total", "a string", _payment_total)

        _line_items = d.pop("line_items", UNSET)
        if isinstance(_line_items, list):
            _items1 = []
            for _each1 in _line_items:
                if isinstance(_each1, dict):
                    _each1 = LineItem.from_dict(_each1)
                else:
                    _each1 = deviation("Order.line_items[]", "LineItem", _each1)
                _items1.append(_each1)
            _line_items = _items1
        elif not (_line_items is UNSET):
            _line_items = deviation("Order.line_items", "an array", _line_items)

        order = cls(
            id=_id,
            order_number=_order_number,
            completed_at=_completed_at,
            patient_id=_patient_id,
            treatment_plan_ids=_treatment_plan_ids,
            variant_ids=_variant_ids,
            practitioner_ids=_practitioner_ids,
            item_total=_item_total,
            msrp_total=_msrp_total,
            payment_total=_payment_total,
            line_items=_line_items,
        )

        order.additional_properties = d
        return order

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
from ..models.line_item import LineItem
