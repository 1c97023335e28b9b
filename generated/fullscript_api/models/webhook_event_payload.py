from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event import Event
    from ..models.webhook_event_payload_data_type_0 import WebhookEventPayloadDataType0


T = TypeVar("T", bound="WebhookEventPayload")


@_attrs_define
class WebhookEventPayload:
    """The event body that was delivered.

    Attributes:
        event (Event | Unset): Something that happened in Fullscript. Kept 30 days; never created for API actions.
            Example: {'id': '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d', 'type': 'patient.updated', 'created_at':
            '2026-01-16T09:30:00.000Z', 'clinic_id': '0c9e6a4d-2f7b-4b1e-9d53-6e8f1a2b3c4d', 'data': {'patient': {'id':
            '5b0f1e52-7c2d-4c4e-9a11-0a6a2b3c4d5e', 'first_name': 'Maya'}}}.
        id (str | Unset): Identifier of the event (flat form).
        type_ (str | Unset): Event type (flat form).
        created_at (str | Unset): When the event happened (flat form).
        clinic_id (None | str | Unset): Clinic of the event (flat form).
        integration_id (None | str | Unset): Integration of the event (flat form).
        data (None | str | Unset | WebhookEventPayloadDataType0): Event data (flat form).
    """

    event: Event | Unset = UNSET
    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    created_at: str | Unset = UNSET
    clinic_id: None | str | Unset = UNSET
    integration_id: None | str | Unset = UNSET
    data: None | str | Unset | WebhookEventPayloadDataType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_event_payload_data_type_0 import WebhookEventPayloadDataType0

        event: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.to_dict()

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

        data: dict[str, Any] | None | str | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, WebhookEventPayloadDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event is not UNSET:
            field_dict["event"] = event
        if id is not UNSET:
            field_dict["id"] = id
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
        from ..models.event import Event
        from ..models.webhook_event_payload_data_type_0 import WebhookEventPayloadDataType0

        d = dict(src_dict)
        _event = d.pop("event", UNSET)
        event: Event | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = Event.from_dict(_event)

        id = d.pop("id", UNSET)

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

        def _parse_data(data: object) -> None | str | Unset | WebhookEventPayloadDataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = WebhookEventPayloadDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | str | Unset | WebhookEventPayloadDataType0, data)

        data = _parse_data(d.pop("data", UNSET))

        webhook_event_payload = cls(
            event=event,
            id=id,
            type_=type_,
            created_at=created_at,
            clinic_id=clinic_id,
            integration_id=integration_id,
            data=data,
        )

        webhook_event_payload.additional_properties = d
        return webhook_event_payload

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
