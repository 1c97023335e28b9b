from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.line_item_type import LineItemType
from ..types import UNSET, Unset, deviation, to_json, unknown_enum_value

T = TypeVar("T", bound="LineItem")


@_attrs_define
class LineItem:
    """One line of an order.

    Attributes:
        variant_id (str | Unset): Identifier of the ordered variant.
        quantity (int | Unset): Units ordered.
        type_ (LineItemType | Unset): Whether the line is a supplement or a lab test.
    """

    variant_id: str | Unset = UNSET
    quantity: int | Unset = UNSET
    type_: LineItemType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.variant_id is not UNSET:
            field_dict["variant_id"] = self.variant_id
        if self.quantity is not UNSET:
            field_dict["quantity"] = self.quantity
        if self.type_ is not UNSET:
            field_dict["type"] = to_json(self.type_)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _variant_id = d.pop("variant_id", UNSET)
        if not (isinstance(_variant_id, str) or _variant_id is UNSET):
            _variant_id = deviation("LineItem.variant_id", "a string", _variant_id)

        _quantity = d.pop("quantity", UNSET)
        if not (
            (isinstance(_quantity, int) and not isinstance(_quantity, bool)) or _quantity is UNSET
        ):
            _quantity = deviation("LineItem.quantity", "an integer", _quantity)

        _type_ = d.pop("type", UNSET)
        if isinstance(_type_, str):
            if _type_ in LineItemType._value2member_map_:
                _type_ = LineItemType._value2member_map_[_type_]
            else:
                _type_ = unknown_enum_value(LineItemType, _type_, "LineItem.type")
        elif not (_type_ is UNSET):
            _type_ = deviation("LineItem.type", "LineItemType", _type_)

        line_item = cls(
            variant_id=_variant_id,
            quantity=_quantity,
            type_=_type_,
        )

        line_item.additional_properties = d
        return line_item

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
