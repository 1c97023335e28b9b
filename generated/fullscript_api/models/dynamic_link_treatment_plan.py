from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        id = self.id

        state = self.state

        available_at: None | str | Unset
        if isinstance(self.available_at, Unset):
            available_at = UNSET
        else:
            available_at = self.available_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if state is not UNSET:
            field_dict["state"] = state
        if available_at is not UNSET:
            field_dict["available_at"] = available_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        state = d.pop("state", UNSET)

        def _parse_available_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        available_at = _parse_available_at(d.pop("available_at", UNSET))

        dynamic_link_treatment_plan = cls(
            id=id,
            state=state,
            available_at=available_at,
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
