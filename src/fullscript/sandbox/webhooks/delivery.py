"""Delivering events to the app's webhook URL, signed, retried and recorded like Fullscript does.

Besides retries with backoff, the dispatcher can reproduce what a receiver must survive
(Fullscript documents each as possible): duplicates (``duplicates=N`` extra copies of every
delivery), out-of-order delivery (``out_of_order=True``: each flush sends in a seeded random
order), several deliveries in flight at once (``concurrency=N``, so duplicates race on a
multi-worker receiver), lost deliveries (``drop_next=N``: the next N events are never
delivered; the events API still lists them), late ones (``delay=SECONDS`` of sandbox time before
a new event's first attempt), and the empty-body probe of a new URL (``send_probe()``, signed or not:
whether Fullscript signs it is not documented).
"""

from __future__ import annotations

import asyncio
import json
import random
from typing import Any
from urllib.parse import urlsplit

import attrs
import httpx2

from fullscript._http_package import refuse_old_httpx
from fullscript.webhooks import SIGNATURE_HEADER, sign_payload

from ..state.clock import SandboxClock, format_timestamp
from ..state.store import Record, RegionState, public

__all__ = [
    "MAX_ATTEMPTS",
    "MAX_CONCURRENCY",
    "MAX_DUPLICATES",
    "PendingDelivery",
    "WebhookDispatcher",
    "retry_delay",
]

#: Fullscript tries a delivery up to six times.
MAX_ATTEMPTS = 6
#: Bounds of the misbehaviour settings (more would only slow tests down).
MAX_DUPLICATES = 5
MAX_CONCURRENCY = 32
MAX_DROPPED = 1000
MAX_DELAY = 86400.0


def retry_delay(attempt: int) -> float:
    """Seconds before attempt ``attempt + 1``: 1, 2, 4, 8, 16 minutes (about 30 in total)."""
    return 60.0 * float(2 ** (attempt - 1))


# Settings are checked when given: a bad one would otherwise surface later as a crash of the
# delivery (or of the clinic action that triggered it) instead of a clear refusal.
def _checked_url(url: object) -> str | None:
    if url is None:
        return None
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"webhook url must be an http(s) URL, not {url!r}")
    return url


def _checked_secret(secret: object) -> str:
    if not isinstance(secret, str) or not secret:
        raise ValueError("webhook secret must be a non-empty string")  # never echo it
    return secret


def _checked_challenge(challenge: object) -> str | None:
    if challenge is not None and not isinstance(challenge, str):
        raise ValueError("webhook challenge must be a string")
    return challenge


def _checked_transport(
    transport: httpx2.AsyncBaseTransport | None,
) -> httpx2.AsyncBaseTransport | None:
    refuse_old_httpx(
        transport,
        argument="webhook transport",
        expected="an httpx2 transport (httpx2.ASGITransport(app), ...)",
    )
    return transport


def _checked_count(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"webhook {name} must be a whole number from {low} to {high}")
    return value


def _checked_delay(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_DELAY:
        raise ValueError(f"webhook delay must be a number of seconds from 0 to {MAX_DELAY:g}")
    return float(value)


def _checked_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"webhook {name} must be true or false")
    return value


@attrs.define
class PendingDelivery:
    """An event waiting for its next delivery attempt."""

    state: RegionState = attrs.field(repr=False)
    event: Record = attrs.field(repr=False)
    attempt: int
    due: float
    previous_attempt_at: float | None = None


class WebhookDispatcher:
    """Queues events and POSTs them, signed, to one URL per sandbox (like one per environment).

    Deliveries happen when :meth:`flush` is awaited, so tests decide when traffic flows;
    failed attempts are retried with exponential backoff on later flushes once the sandbox
    clock has moved past their due time.
    """

    def __init__(
        self,
        clock: SandboxClock,
        *,
        url: str | None,
        secret: str,
        challenge: str | None,
        transport: httpx2.AsyncBaseTransport | None = None,
        timeout: float = 5.0,
        seed: int = 0,
    ) -> None:
        self._clock = clock
        self.url = _checked_url(url)
        self._secret = _checked_secret(secret)
        self._challenge = _checked_challenge(challenge)
        self.transport = _checked_transport(transport)
        self.timeout = timeout
        self.disabled = False
        self.pending: list[PendingDelivery] = []
        self.duplicates = 0
        self.out_of_order = False
        self.concurrency = 1
        self.drop_next = 0
        self.delay = 0.0
        self._seed = seed
        self._order = random.Random(seed)  # the same seed, the same delivery order

    def __repr__(self) -> str:
        return f"WebhookDispatcher(url={self.url!r}, pending={len(self.pending)})"

    def configure(
        self,
        *,
        url: str | None = None,
        secret: str | None = None,
        challenge: str | None = None,
        transport: httpx2.AsyncBaseTransport | None = None,
        duplicates: int | None = None,
        out_of_order: bool | None = None,
        concurrency: int | None = None,
        drop_next: int | None = None,
        delay: float | None = None,
    ) -> None:
        """Change the endpoint settings; re-enables an endpoint disabled by a 410.

        ``duplicates``: extra copies of every event queued from now on (0 to 5), each
        delivered and retried on its own. ``out_of_order``: send each flush's due deliveries
        in a seeded random order. ``concurrency``: deliveries in flight at once (1 to 32).
        ``drop_next``: the next N events are lost (never delivered). ``delay``: seconds of
        sandbox time before each new event's first attempt. All are checked before any is applied (ValueError naming the setting).
        """
        checked_url = _checked_url(url) if url is not None else self.url
        checked_secret = _checked_secret(secret) if secret is not None else self._secret
        checked_challenge = _checked_challenge(challenge) if challenge is not None else None
        checked_transport = _checked_transport(transport)
        checked_duplicates = (
            _checked_count("duplicates", duplicates, 0, MAX_DUPLICATES)
            if duplicates is not None
            else self.duplicates
        )
        checked_order = (
            _checked_flag("out_of_order", out_of_order)
            if out_of_order is not None
            else self.out_of_order
        )
        checked_concurrency = (
            _checked_count("concurrency", concurrency, 1, MAX_CONCURRENCY)
            if concurrency is not None
            else self.concurrency
        )
        checked_drop = (
            _checked_count("drop_next", drop_next, 0, MAX_DROPPED)
            if drop_next is not None
            else self.drop_next
        )
        checked_delay = _checked_delay(delay) if delay is not None else self.delay
        self.url, self._secret = checked_url, checked_secret
        if challenge is not None:
            self._challenge = checked_challenge
        if checked_transport is not None:
            self.transport = checked_transport
        self.duplicates = checked_duplicates
        self.out_of_order = checked_order
        self.concurrency = checked_concurrency
        self.drop_next = checked_drop
        self.delay = checked_delay
        self.disabled = False

    def reset(self) -> None:
        """Drop pending deliveries and restart the seeded delivery order."""
        self.pending.clear()
        self._order = random.Random(self._seed)

    def enqueue(self, state: RegionState, event: Record) -> None:
        """Queue an event (and its duplicates) for the next :meth:`flush`, due now (or after
        ``delay``); a lost event (``drop_next``) is not queued at all."""
        if self.drop_next > 0:
            self.drop_next -= 1
            return
        due = self._clock.now() + self.delay
        for _ in range(1 + self.duplicates):
            self.pending.append(PendingDelivery(state, event, attempt=1, due=due))

    async def flush(self) -> list[Record]:
        """Attempt every delivery that is due; return the delivery records created."""
        if self.url is None or self.disabled:
            return []
        now = self._clock.now()
        due = [item for item in self.pending if item.due <= now]
        self.pending = [item for item in self.pending if item.due > now]
        if not due:
            return []
        if self.out_of_order:
            self._order.shuffle(due)
        gate = asyncio.Semaphore(self.concurrency)

        async def send(client: httpx2.AsyncClient, item: PendingDelivery) -> Record | None:
            async with gate:
                if self.disabled:  # a 410 meanwhile: keep it for a re-enabled endpoint
                    self.pending.append(item)
                    return None
                return await self._attempt(client, item)

        async with httpx2.AsyncClient(transport=self.transport, timeout=self.timeout) as client:
            outcomes = await asyncio.gather(*(send(client, item) for item in due))
        return [record for record in outcomes if record is not None]

    async def send_probe(self, *, signed: bool = True) -> dict[str, Any]:
        """POST the empty-body probe Fullscript sends to a new URL; say how it was answered.

        Not recorded as a delivery (it carries no event). Whether Fullscript signs the probe
        is not documented, so both are available.
        """
        if self.url is None:
            raise ValueError("no webhook url is configured")
        headers = {"User-Agent": "Fullscript-Webhooks (sandbox)"}
        if signed:
            headers[SIGNATURE_HEADER] = sign_payload(self._secret, b"", int(self._clock.now()))
        async with httpx2.AsyncClient(transport=self.transport, timeout=self.timeout) as client:
            try:
                response = await client.post(self.url, content=b"", headers=headers)
            except httpx2.HTTPError as exc:
                return {"signed": signed, "status": None, "errors": type(exc).__name__}
        errors = self._judge(response)
        return {
            "signed": signed,
            "status": response.status_code,
            "acknowledged": errors is None,
            "errors": errors,
        }

    async def _attempt(self, client: httpx2.AsyncClient, item: PendingDelivery) -> Record:
        assert self.url is not None
        now = self._clock.now()
        payload = {"event": public(item.event)}
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Fullscript-Webhooks (sandbox)",
            SIGNATURE_HEADER: sign_payload(self._secret, body, int(now)),
        }
        status: int | None = None
        response_body: str | None = None
        response_header: str | None = None
        errors: str | None = None
        try:
            response = await client.post(self.url, content=body, headers=headers)
            status = response.status_code
            response_body = response.text
            response_header = json.dumps(dict(response.headers))
            errors = self._judge(response)
        except httpx2.HTTPError as exc:
            errors = f"{type(exc).__name__}: delivery failed"
        delivered = errors is None
        if status == 410:
            self.disabled = True  # Fullscript stops delivering to an endpoint that answers 410
        retry = not delivered and not self.disabled and item.attempt < MAX_ATTEMPTS
        next_at = now + retry_delay(item.attempt) if retry else None
        record: dict[str, Any] = {
            "id": item.state.new_id(),
            "attempt_number": item.attempt,
            "attempted_at": format_timestamp(now),
            "previous_attempt_at": (
                format_timestamp(item.previous_attempt_at) if item.previous_attempt_at else None
            ),
            "next_attempt_at": format_timestamp(next_at) if next_at is not None else None,
            "successfully_delivered": delivered,
            "response_body": response_body,
            "response_header": response_header,
            "response_status": status,
            "response_ip_address": "127.0.0.1" if status is not None else None,
            "response_errors": errors,
            "event_payload": payload,
            "_event_id": item.event["id"],
            "_created": now,
        }
        item.state.add("webhook_deliveries", record)
        if next_at is not None:
            self.pending.append(
                PendingDelivery(item.state, item.event, item.attempt + 1, next_at, now)
            )
        return record

    def _judge(self, response: httpx2.Response) -> str | None:
        """None when the receiver acknowledged the delivery, else why it did not."""
        if response.status_code not in (200, 201):
            return f"unexpected status {response.status_code}"
        if self._challenge is None:
            return None
        try:
            answered = response.json().get("challenge")
        except (ValueError, AttributeError):
            answered = None
        if answered != self._challenge:
            return "the response body did not echo the challenge token"
        return None
