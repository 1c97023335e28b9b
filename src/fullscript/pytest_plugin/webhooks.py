"""The ``fullscript_webhooks`` fixture: the sandbox's signed deliveries, readable in the test.

By default deliveries are captured and acknowledged, as an app that echoes the challenge would.
``forward_to(app)`` sends them to your ASGI app instead (in-process), ``forward_to(url)`` to a
URL (loopback); either way every delivery and your app's answer are recorded.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import httpx2

from fullscript.sandbox import DEFAULT_WEBHOOK_CHALLENGE, DEFAULT_WEBHOOK_SECRET, Sandbox

__all__ = ["CAPTURE_URL", "CapturedWebhook", "WebhookCapture"]

#: Where captured deliveries are addressed (no server listens there; the capture answers).
CAPTURE_URL = "http://webhooks.fullscript.test/webhooks/fullscript"


@attrs.frozen
class CapturedWebhook:
    """One delivery: the event it carried, the signed request, and how it was answered."""

    event: dict[str, Any]
    body: bytes = attrs.field(repr=False)
    headers: dict[str, str] = attrs.field(repr=False)
    status: int

    @property
    def event_type(self) -> str:
        """The event's ``type``, e.g. ``"patient.updated"``."""
        return str(self.event.get("type", ""))

    @property
    def event_id(self) -> str:
        """The event's id (duplicated deliveries share it)."""
        return str(self.event.get("id"))


class _RecordingTransport(httpx2.AsyncBaseTransport):
    def __init__(self, capture: WebhookCapture, inner: httpx2.AsyncBaseTransport | None) -> None:
        self._capture = capture
        self._inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        body = await request.aread()
        if self._inner is None:
            response = httpx2.Response(200, json={"challenge": DEFAULT_WEBHOOK_CHALLENGE})
        else:
            response = await self._inner.handle_async_request(request)
            await response.aread()
        if body:  # the empty-body probe carries no event
            payload = json.loads(body)
            self._capture.received.append(
                CapturedWebhook(
                    event=payload.get("event", payload),
                    body=body,
                    headers=dict(request.headers),
                    status=response.status_code,
                )
            )
        return response

    async def aclose(self) -> None:
        if self._inner is not None:
            await self._inner.aclose()


class WebhookCapture:
    """The deliveries of a test's sandbox. ``await deliver()`` sends what is due and returns it;
    ``received`` lists every delivery so far, in the order sent."""

    #: The secret deliveries are signed with (your receiver verifies with it).
    secret = DEFAULT_WEBHOOK_SECRET
    #: The challenge token your receiver echoes.
    challenge = DEFAULT_WEBHOOK_CHALLENGE

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self.received: list[CapturedWebhook] = []
        self._use(CAPTURE_URL, None)

    def __repr__(self) -> str:
        return f"WebhookCapture(received={len(self.received)})"

    def _use(self, url: str, inner: httpx2.AsyncBaseTransport | None) -> None:
        self._sandbox.configure_webhooks(
            url=url,
            secret=self.secret,
            challenge=self.challenge,
            transport=_RecordingTransport(self, inner),
        )

    def forward_to(self, target: Any, path: str = "/webhooks/fullscript") -> None:
        """Deliver to ``target``: an ASGI app (in-process, at ``path``) or an http(s) URL."""
        if isinstance(target, str):
            self._use(target, httpx2.AsyncHTTPTransport())
        else:
            self._use(f"http://app.test{path}", httpx2.ASGITransport(app=target))

    async def deliver(self) -> list[CapturedWebhook]:
        """Send every due delivery now; returns the ones this call sent."""
        before = len(self.received)
        await self._sandbox.deliver_webhooks()
        return self.received[before:]

    @property
    def event_types(self) -> list[str]:
        """The event type of every delivery so far, in the order sent."""
        return [delivery.event_type for delivery in self.received]
