from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="CreateTreatmentPlanLinkResponse200")


@_attrs_define
class CreateTreatmentPlanLinkResponse200:
    """
    Attributes:
        dynamic_links (DynamicLink): A link that opens Fullscript on a treatment plan.
    """

    dynamic_links: DynamicLink
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.dynamic_links is not UNSET:
            field_dict["dynamic_links"] = to_json(self.dynamic_links)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _dynamic_links = d.pop("dynamic_links", UNSET)
        if isinstance(_dynamic_links, dict):
            _dynamic_links = DynamicLink.from_dict(_dynamic_links)
        else:
            _dynamic_links = deviation(
                "CreateTreatmentPlanLinkResponse200.dynamic_links", "DynamicLink", _dynamic_links
            )

        create_treatment_plan_link_response_200 = cls(
            dynamic_links=_dynamic_links,
        )

        create_treatment_plan_link_response_200.additional_properties = d
        return create_treatment_plan_link_response_200

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
from ..models.dynamic_link import DynamicLink
