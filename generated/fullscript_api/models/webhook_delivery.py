from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, deviation, to_json

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.attempt_number is not UNSET:
            field_dict["attempt_number"] = self.attempt_number
        if self.attempted_at is not UNSET:
            field_dict["attempted_at"] = self.attempted_at
        if self.previous_attempt_at is not UNSET:
            field_dict["previous_attempt_at"] = self.previous_attempt_at
        if self.next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = self.next_attempt_at
        if self.successfully_delivered is not UNSET:
            field_dict["successfully_delivered"] = self.successfully_delivered
        if self.response_body is not UNSET:
            field_dict["response_body"] = self.response_body
        if self.response_header is not UNSET:
            field_dict["response_header"] = self.response_header
        if self.response_status is not UNSET:
            field_dict["response_status"] = self.response_status
        if self.response_ip_address is not UNSET:
            field_dict["response_ip_address"] = self.response_ip_address
        if self.response_errors is not UNSET:
            field_dict["response_errors"] = self.response_errors
        if self.event_payload is not UNSET:
            field_dict["event_payload"] = to_json(self.event_payload)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        if not isinstance(_id, str):
            _id = deviation("WebhookDelivery.id", "a string", _id)

        _attempt_number = d.pop("attempt_number", UNSET)
        if not (
            (isinstance(_attempt_number, int) and not isinstance(_attempt_number, bool))
            or _attempt_number is UNSET
        ):
            _attempt_number = deviation(
                "WebhookDelivery.attempt_number", "an integer", _attempt_number
            )

        _attempted_at = d.pop("attempted_at", UNSET)
        if not (isinstance(_attempted_at, str) or _attempted_at is UNSET):
            _attempted_at = deviation("WebhookDelivery.attempted_at", "a string", _attempted_at)

        _previous_attempt_at = d.pop("previous_attempt_at", UNSET)
        if not (
            isinstance(_previous_attempt_at, str)
            or _previous_attempt_at is UNSET
            or _previous_attempt_at is None
        ):
            _previous_attempt_at = deviation(
                "WebhookDelivery.previous_attempt_at", "a string or null", _previous_attempt_at
            )

        _next_attempt_at = d.pop("next_attempt_at", UNSET)
        if not (
            isinstance(_next_attempt_at, str)
            or _next_attempt_at is UNSET
            or _next_attempt_at is None
        ):
            _next_attempt_at = deviation(
                "WebhookDelivery.next_attempt_at", "a string or null", _next_attempt_at
            )

        _successfully_delivered = d.pop("successfully_delivered", UNSET)
        if not (isinstance(_successfully_delivered, bool) or _successfully_delivered is UNSET):
            _successfully_delivered = deviation(
                "WebhookDelivery.successfully_delivered", "a boolean", _successfully_delivered
            )

        _response_body = d.pop("response_body", UNSET)
        if not (
            isinstance(_response_body, str) or _response_body is UNSET or _response_body is None
        ):
            _response_body = deviation(
                "WebhookDelivery.response_body", "a string or null", _response_body
            )

        _response_header = d.pop("response_header", UNSET)
        if not (
            isinstance(_response_header, str)
            or _response_header is UNSET
            or _response_header is None
        ):
            _response_header = deviation(
                "WebhookDelivery.response_header", "a string or null", _response_header
            )

        _response_status = d.pop("response_status", UNSET)
        if not (
            (isinstance(_response_status, int) and not isinstance(_response_status, bool))
            or _response_status is UNSET
            or _response_status is None
        ):
            _response_status = deviation(
                "WebhookDelivery.response_status", "an integer or null", _response_status
            )

        _response_ip_address = d.pop("response_ip_address", UNSET)
        if not (
            isinstance(_response_ip_address, str)
            or _response_ip_address is UNSET
            or _response_ip_address is None
        ):
            _response_ip_address = deviation(
                "WebhookDelivery.response_ip_address", "a string or null", _response_ip_address
            )

        _response_errors = d.pop("response_errors", UNSET)
        if not (
            isinstance(_response_errors, str)
            or _response_errors is UNSET
            or _response_errors is None
        ):
            _response_errors = deviation(
                "WebhookDelivery.response_errors", "a string or null", _response_errors
            )

        _event_payload = d.pop("event_payload", UNSET)
        if isinstance(_event_payload, dict):
            _event_payload = WebhookEventPayload.from_dict(_event_payload)
        elif not (_event_payload is UNSET):
            _event_payload = deviation(
                "WebhookDelivery.event_payload", "WebhookEventPayload", _event_payload
            )

        webhook_delivery = cls(
            id=_id,
            attempt_number=_attempt_number,
            attempted_at=_attempted_at,
            previous_attempt_at=_previous_attempt_at,
            next_attempt_at=_next_attempt_at,
            successfully_delivered=_successfully_delivered,
            response_body=_response_body,
            response_header=_response_header,
            response_status=_response_status,
            response_ip_address=_response_ip_address,
            response_errors=_response_errors,
            event_payload=_event_payload,
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


# Imported last, once: these models may import this one in turn (see the template).
from ..models.webhook_event_payload import WebhookEventPayload
