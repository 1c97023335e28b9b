from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="LabRecommendation")


@_attrs_define
class LabRecommendation:
    """A lab test recommended on a treatment plan.

    Attributes:
        id (str | Unset): Fullscript identifier of the lab recommendation.
        lab_test_id (str | Unset): Identifier of the recommended lab test.
    """

    id: str | Unset = UNSET
    lab_test_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.lab_test_id is not UNSET:
            field_dict["lab_test_id"] = self.lab_test_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not (isinstance(_id, str) or _id is UNSET):
            _id = deviation("LabRecommendation.id", "a string", _id)

        _lab_test_id = d.pop("lab_test_id", UNSET)
        if not (isinstance(_lab_test_id, str) or _lab_test_id is UNSET):
            _lab_test_id = deviation("LabRecommendation.lab_test_id", "a string", _lab_test_id)

        lab_recommendation = cls(
            id=_id,
            lab_test_id=_lab_test_id,
        )

        lab_recommendation.additional_properties = d
        return lab_recommendation

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
