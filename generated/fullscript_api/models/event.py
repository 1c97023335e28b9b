from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_data_type_0 import EventDataType0


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
        from ..models.event_data_type_0 import EventDataType0

        id = self.id

        type_ = self.type_

        created_at = self.created_at

        clinic_id: None | str | Unset
        if isinstance(self.clinic_id, Unset):
            clinic_id = UNSET
        else:
            clinic_id = self.clinic_id

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, EventDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if clinic_id is not UNSET:
            field_dict["clinic_id"] = clinic_id
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_data_type_0 import EventDataType0

        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_clinic_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        clinic_id = _parse_clinic_id(d.pop("clinic_id", UNSET))

        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integration_id", UNSET))

        def _parse_data(data: object) -> EventDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = EventDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        event = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            clinic_id=clinic_id,
            integration_id=integration_id,
            data=data,
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
