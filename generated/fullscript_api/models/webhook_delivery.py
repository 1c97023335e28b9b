from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_event_payload import WebhookEventPayload


T = TypeVar("T", bound="WebhookDelivery")


@_attrs_define
class WebhookDelivery:
    """One attempt to deliver an event to the webhook address.

    Attributes:
        id (str): Identifier of the delivery.
        attempt_number (int | Unset): Which attempt this was (up to 6).
        attempted_at (str | Unset): When the attempt was made (UTC).
        previous_attempt_at (None | str | Unset): When the previous attempt was made, if any.
        next_attempt_at (None | str | Unset): When the next attempt is scheduled, if any.
        successfully_delivered (bool | Unset): Whether the receiver acknowledged the event.
        response_body (None | str | Unset): Body your server answered.
        response_header (None | str | Unset): Headers your server answered.
        response_status (int | None | Unset): HTTP status your server answered.
        response_ip_address (None | str | Unset): IP address that answered.
        response_errors (None | str | Unset): Errors met while delivering.
        event_payload (WebhookEventPayload | Unset): The event body that was delivered.
    """

    id: str
    attempt_number: int | Unset = UNSET
    attempted_at: str | Unset = UNSET
    previous_attempt_at: None | str | Unset = UNSET
    next_attempt_at: None | str | Unset = UNSET
    successfully_delivered: bool | Unset = UNSET
    response_body: None | str | Unset = UNSET
    response_header: None | str | Unset = UNSET
    response_status: int | None | Unset = UNSET
    response_ip_address: None | str | Unset = UNSET
    response_errors: None | str | Unset = UNSET
    event_payload: WebhookEventPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        attempt_number = self.attempt_number

        attempted_at = self.attempted_at

        previous_attempt_at: None | str | Unset
        if isinstance(self.previous_attempt_at, Unset):
            previous_attempt_at = UNSET
        else:
            previous_attempt_at = self.previous_attempt_at

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = self.next_attempt_at

        successfully_delivered = self.successfully_delivered

        response_body: None | str | Unset
        if isinstance(self.response_body, Unset):
            response_body = UNSET
        else:
            response_body = self.response_body

        response_header: None | str | Unset
        if isinstance(self.response_header, Unset):
            response_header = UNSET
        else:
            response_header = self.response_header

        response_status: int | None | Unset
        if isinstance(self.response_status, Unset):
            response_status = UNSET
        else:
            response_status = self.response_status

        response_ip_address: None | str | Unset
        if isinstance(self.response_ip_address, Unset):
            response_ip_address = UNSET
        else:
            response_ip_address = self.response_ip_address

        response_errors: None | str | Unset
        if isinstance(self.response_errors, Unset):
            response_errors = UNSET
        else:
            response_errors = self.response_errors

        event_payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_payload, Unset):
            event_payload = self.event_payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if attempt_number is not UNSET:
            field_dict["attempt_number"] = attempt_number
        if attempted_at is not UNSET:
            field_dict["attempted_at"] = attempted_at
        if previous_attempt_at is not UNSET:
            field_dict["previous_attempt_at"] = previous_attempt_at
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if successfully_delivered is not UNSET:
            field_dict["successfully_delivered"] = successfully_delivered
        if response_body is not UNSET:
            field_dict["response_body"] = response_body
        if response_header is not UNSET:
            field_dict["response_header"] = response_header
        if response_status is not UNSET:
            field_dict["response_status"] = response_status
        if response_ip_address is not UNSET:
            field_dict["response_ip_address"] = response_ip_address
        if response_errors is not UNSET:
            field_dict["response_errors"] = response_errors
        if event_payload is not UNSET:
            field_dict["event_payload"] = event_payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_event_payload import WebhookEventPayload

        d = dict(src_dict)
        id = d.pop("id")

        attempt_number = d.pop("attempt_number", UNSET)

        attempted_at = d.pop("attempted_at", UNSET)

        def _parse_previous_attempt_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_attempt_at = _parse_previous_attempt_at(d.pop("previous_attempt_at", UNSET))

        def _parse_next_attempt_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))

        successfully_delivered = d.pop("successfully_delivered", UNSET)

        def _parse_response_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_body = _parse_response_body(d.pop("response_body", UNSET))

        def _parse_response_header(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_header = _parse_response_header(d.pop("response_header", UNSET))

        def _parse_response_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_status = _parse_response_status(d.pop("response_status", UNSET))

        def _parse_response_ip_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_ip_address = _parse_response_ip_address(d.pop("response_ip_address", UNSET))

        def _parse_response_errors(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_errors = _parse_response_errors(d.pop("response_errors", UNSET))

        _event_payload = d.pop("event_payload", UNSET)
        event_payload: WebhookEventPayload | Unset
        if isinstance(_event_payload, Unset):
            event_payload = UNSET
        else:
            event_payload = WebhookEventPayload.from_dict(_event_payload)

        webhook_delivery = cls(
            id=id,
            attempt_number=attempt_number,
            attempted_at=attempted_at,
            previous_attempt_at=previous_attempt_at,
            next_attempt_at=next_attempt_at,
            successfully_delivered=successfully_delivered,
            response_body=response_body,
            response_header=response_header,
            response_status=response_status,
            response_ip_address=response_ip_address,
            response_errors=response_errors,
            event_payload=event_payload,
        )

        webhook_delivery.additional_properties = d
        return webhook_delivery

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
