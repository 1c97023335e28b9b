from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lab_order import LabOrder
    from ..models.pagination_meta import PaginationMeta


T = TypeVar("T", bound="ListLabOrdersResponse200")


@_attrs_define
class ListLabOrdersResponse200:
    """
    Attributes:
        lab_orders (list[LabOrder]):
        meta (PaginationMeta | Unset): Position of this page within the whole collection. Example: {'current_page': 2,
            'next_page': 3, 'prev_page': 1, 'total_pages': 5, 'total_count': 93}.
    """

    lab_orders: list[LabOrder]
    meta: PaginationMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lab_orders = []
        for lab_orders_item_data in self.lab_orders:
            lab_orders_item = lab_orders_item_data.to_dict()
            lab_orders.append(lab_orders_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lab_orders": lab_orders,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lab_order import LabOrder
        from ..models.pagination_meta import PaginationMeta

        d = dict(src_dict)
        lab_orders = []
        _lab_orders = d.pop("lab_orders")
        for lab_orders_item_data in _lab_orders:
            lab_orders_item = LabOrder.from_dict(lab_orders_item_data)

            lab_orders.append(lab_orders_item)

        _meta = d.pop("meta", UNSET)
        meta: PaginationMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = PaginationMeta.from_dict(_meta)

        list_lab_orders_response_200 = cls(
            lab_orders=lab_orders,
            meta=meta,
        )

        list_lab_orders_response_200.additional_properties = d
        return list_lab_orders_response_200

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
