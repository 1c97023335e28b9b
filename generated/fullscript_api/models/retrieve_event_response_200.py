from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, deviation, to_json

T = TypeVar("T", bound="RetrieveEventResponse200")


@_attrs_define
class RetrieveEventResponse200:
    """
    Attributes:
        event (Event): Something that happened in Fullscript. Kept 30 days; never created for API actions. Example:
            {'id': '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d', 'type': 'patient.updated', 'created_at':
            '2026-01-16T09:30:00.000Z', 'clinic_id': '0c9e6a4d-2f7b-4b1e-9d53-6e8f1a2b3c4d', 'data': {'patient': {'id':
            '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'first_name': 'Maya'}}}.
    """

    event: Event
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.event is not UNSET:
            field_dict["event"] = to_json(self.event)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _event = d.pop("event", UNSET)
        if isinstance(_event, dict):
            _event = Event.from_dict(_event)
        else:
            _event = deviation("RetrieveEventResponse200.event", "Event", _event)

        retrieve_event_response_200 = cls(
            event=_event,
        )

        retrieve_event_response_200.additional_properties = d
        return retrieve_event_response_200

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
from ..models.event import Event
