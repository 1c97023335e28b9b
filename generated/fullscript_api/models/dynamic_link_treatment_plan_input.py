from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DynamicLinkTreatmentPlanInput")


@_attrs_define
class DynamicLinkTreatmentPlanInput:
    """The treatment plan to open.

    Attributes:
        practitioner_id (str): Practitioner the draft plan is created for.
    """

    practitioner_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        practitioner_id = self.practitioner_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "practitioner_id": practitioner_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        practitioner_id = d.pop("practitioner_id")

        dynamic_link_treatment_plan_input = cls(
            practitioner_id=practitioner_id,
        )

        dynamic_link_treatment_plan_input.additional_properties = d
        return dynamic_link_treatment_plan_input

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
