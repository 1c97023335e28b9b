from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """Something that happened in Fullscript. Kept 30 days; never created for API actions.

    Example:
        {'id': '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d', 'type': 'patient.updated', 'created_at':
            '2026-01-16T09:30:00.000Z', 'clinic_id': '0c9e6a4d-2f7b-4b1e-9d53-6e8f1a2b3c4d', 'data': {'patient': {'id':
            '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'first_name': 'Maya'}}}

    Attributes:
        id (str): Fullscript identifier of the event.
        type_ (str | Unset): Event type, such as `patient.created`.
        created_at (str | Unset): When the event happened (UTC).
        clinic_id (None | str | Unset): Clinic the event is scoped to, when there is one.
        integration_id (None | str | Unset): Integration the event was sent for, when relevant.
        data (EventDataType0 | None | Unset): The object the event is about, wrapped in its singular key (e.g.
            `{"patient": {...}}`).
    """

    id: str
    type_: str | Unset = UNSET
    created_at: str | Unset = UNSET
    clinic_id: None | str | Unset = UNSET
    integration_id: None | str | Unset = UNSET
    data: EventDataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.type_ is not UNSET:
            field_dict["type"] = self.type_
        if self.created_at is not UNSET:
            field_dict["created_at"] = self.created_at
        if self.clinic_id is not UNSET:
            field_dict["clinic_id"] = self.clinic_id
        if self.integration_id is not UNSET:
            field_dict["integration_id"] = self.integration_id
        if self.data is not UNSET:
            field_dict["data"] = to_json(self.data)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("Event.id", "a string", _id)

        _type_ = d.pop("type", UNSET)
        if not (isinstance(_type_, str) or _type_ is UNSET):
            _type_ = deviation("Event.type", "a string", _type_)

        _created_at = d.pop("created_at", UNSET)
        if not (isinstance(_created_at, str) or _created_at is UNSET):
            _created_at = deviation("Event.created_at", "a string", _created_at)

        _clinic_id = d.pop("clinic_id", UNSET)
        if not (isinstance(_clinic_id, str) or _clinic_id is UNSET or _clinic_id is None):
            _clinic_id = deviation("Event.clinic_id", "a string or null", _clinic_id)

        _integration_id = d.pop("integration_id", UNSET)
        if not (
            isinstance(_integration_id, str) or _integration_id is UNSET or _integration_id is None
        ):
            _integration_id = deviation("Event.integration_id", "a string or null", _integration_id)

        _data = d.pop("data", UNSET)
        if isinstance(_data, dict):
            _data = EventDataType0.from_dict(_data)
        elif not (_data is UNSET or _data is None):
            _data = deviation("Event.data", "EventDataType0 or null", _data)

        event = cls(
            id=_id,
            type_=_type_,
            created_at=_created_at,
            clinic_id=_clinic_id,
            integration_id=_integration_id,
            data=_data,
        )

        event.additional_properties = d
        return event

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
from ..models.event_data_type_0 import EventDataType0
