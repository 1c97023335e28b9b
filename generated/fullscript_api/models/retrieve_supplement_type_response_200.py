from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveSupplementTypeResponse200")


@_attrs_define
class RetrieveSupplementTypeResponse200:
    """
    Attributes:
        supplement_type (SupplementType): A group of products sharing attributes (e.g. `vitamins`).
    """

    supplement_type: SupplementType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.supplement_type is not UNSET:
            field_dict["supplement_type"] = to_json(self.supplement_type)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _supplement_type = d.pop("supplement_type", UNSET)
        if isinstance(_supplement_type, dict):
            _supplement_type = SupplementType.from_dict(_supplement_type)
        else:
            _supplement_type = deviation(
                "RetrieveSupplementTypeResponse200.supplement_type",
                "SupplementType",
                _supplement_type,
            )

        retrieve_supplement_type_response_200 = cls(
            supplement_type=_supplement_type,
        )

        retrieve_supplement_type_response_200.additional_properties = d
        return retrieve_supplement_type_response_200

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
from ..models.supplement_type import SupplementType
