from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation

T = TypeVar("T", bound="DynamicLinkTreatmentPlan")


@_attrs_define
class DynamicLinkTreatmentPlan:
    """The draft treatment plan a dynamic link opens.

    Attributes:
        id (str | Unset): Fullscript identifier of the treatment plan.
        state (str | Unset): `draft` or `active`.
        available_at (None | str | Unset): When the plan was sent to the patient; null while a draft.
    """

    id: str | Unset = UNSET
    state: str | Unset = UNSET
    available_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.state is not UNSET:
            field_dict["state"] = self.state
        if self.available_at is not UNSET:
            field_dict["available_at"] = self.available_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not (isinstance(_id, str) or _id is UNSET):
            _id = deviation("DynamicLinkTreatmentPlan.id", "a string", _id)

        _state = d.pop("state", UNSET)
        if not (isinstance(_state, str) or _state is UNSET):
            _state = deviation("DynamicLinkTreatmentPlan.state", "a string", _state)

        _available_at = d.pop("available_at", UNSET)
        if not (isinstance(_available_at, str) or _available_at is UNSET or _available_at is None):
            _available_at = deviation(
                "DynamicLinkTreatmentPlan.available_at", "a string or null", _available_at
            )

        dynamic_link_treatment_plan = cls(
            id=_id,
            state=_state,
            available_at=_available_at,
        )

        dynamic_link_treatment_plan.additional_properties = d
        return dynamic_link_treatment_plan

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
