from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_item import LineItem


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
        id = self.id

        order_number = self.order_number

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        patient_id = self.patient_id

        treatment_plan_ids: list[str] | Unset = UNSET
        if not isinstance(self.treatment_plan_ids, Unset):
            treatment_plan_ids = self.treatment_plan_ids

        variant_ids: list[str] | Unset = UNSET
        if not isinstance(self.variant_ids, Unset):
            variant_ids = self.variant_ids

        practitioner_ids: list[str] | Unset = UNSET
        if not isinstance(self.practitioner_ids, Unset):
            practitioner_ids = self.practitioner_ids

        item_total = self.item_total

        msrp_total = self.msrp_total

        payment_total = self.payment_total

        line_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.line_items, Unset):
            line_items = []
            for line_items_item_data in self.line_items:
                line_items_item = line_items_item_data.to_dict()
                line_items.append(line_items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if order_number is not UNSET:
            field_dict["order_number"] = order_number
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if patient_id is not UNSET:
            field_dict["patient_id"] = patient_id
        if treatment_plan_ids is not UNSET:
            field_dict["treatment_plan_ids"] = treatment_plan_ids
        if variant_ids is not UNSET:
            field_dict["variant_ids"] = variant_ids
        if practitioner_ids is not UNSET:
            field_dict["practitioner_ids"] = practitioner_ids
        if item_total is not UNSET:
            field_dict["item_total"] = item_total
        if msrp_total is not UNSET:
            field_dict["msrp_total"] = msrp_total
        if payment_total is not UNSET:
            field_dict["payment_total"] = payment_total
        if line_items is not UNSET:
            field_dict["line_items"] = line_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.line_item import LineItem

        d = dict(src_dict)
        id = d.pop("id")

        order_number = d.pop("order_number", UNSET)

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        patient_id = d.pop("patient_id", UNSET)

        treatment_plan_ids = cast(list[str], d.pop("treatment_plan_ids", UNSET))

        variant_ids = cast(list[str], d.pop("variant_ids", UNSET))

        practitioner_ids = cast(list[str], d.pop("practitioner_ids", UNSET))

        item_total = d.pop("item_total", UNSET)

        msrp_total = d.pop("msrp_total", UNSET)

        payment_total = d.pop("payment_total", UNSET)

        _line_items = d.pop("line_items", UNSET)
        line_items: list[LineItem] | Unset = UNSET
        if _line_items is not UNSET:
            line_items = []
            for line_items_item_data in _line_items:
                line_items_item = LineItem.from_dict(line_items_item_data)

                line_items.append(line_items_item)

        order = cls(
            id=id,
            order_number=order_number,
            completed_at=completed_at,
            patient_id=patient_id,
            treatment_plan_ids=treatment_plan_ids,
            variant_ids=variant_ids,
            practitioner_ids=practitioner_ids,
            item_total=item_total,
            msrp_total=msrp_total,
            payment_total=payment_total,
            line_items=line_items,
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
