"""The sandbox's webhook delivery reproduces what a receiver must survive - duplicates,
out-of-order and concurrent delivery, the empty probe - and a WebhookReceiver survives it."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import Any

import httpx2
import pytest
from webhook_support import CHALLENGE, SECRET

from fullscript import WrongHTTPPackageError
from fullscript.sandbox import Sandbox
from fullscript.webhooks import (
    DeliveryKind,
    ProbePolicy,
    WebhookEvent,
    WebhookPayloadError,
    WebhookReceiver,
    WebhookSignatureError,
)

HOOK = "http://receiver.test/hooks"


class ReceiverApp:
    """A minimal ASGI receiver around a WebhookReceiver, counting requests in flight."""

    def __init__(self, receiver: WebhookReceiver) -> None:
        self.receiver = receiver
        self.handled: list[WebhookEvent] = []
        receiver.on()(self.handled.append)
        self.in_flight = 0
        self.most_in_flight = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await asyncio.sleep(0)  # let other deliveries in, as a real server would
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        try:
            delivery = await self.receiver.receive(body, headers)
            status, answer = 200, self.receiver.answer()
        except (WebhookSignatureError, WebhookPayloadError):
            delivery, status, answer = None, 400, {"error": "invalid"}
        self.in_flight -= 1
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": json.dumps(answer).encode()})
        if delivery is not None and delivery.kind is DeliveryKind.EVENT:
            await self.receiver.handle(delivery)


def wire(sandbox: Sandbox, **settings: Any) -> ReceiverApp:
    probe_policy = settings.pop("probe_policy", ProbePolicy.REQUIRE_SIGNATURE)
    app = ReceiverApp(
        WebhookReceiver(SECRET, challenge=CHALLENGE, clock=sandbox.now, probe_policy=probe_policy)
    )
    sandbox.configure_webhooks(
        url=HOOK,
        secret=SECRET,
        challenge=CHALLENGE,
        transport=httpx2.ASGITransport(app=app),
        **settings,
    )
    return app


def make_events(sandbox: Sandbox, count: int) -> list[str]:
    clinic = sandbox.clinic("us")
    patients = sandbox.records("us", "patients")
    return [clinic.update_patient(patients[i]["id"], last_name=f"N{i}")["id"] for i in range(count)]


async def test_duplicates_are_each_delivered_and_acknowledged_but_handled_once(
    sandbox: Sandbox,
) -> None:
    app = wire(sandbox, duplicates=2)
    made = make_events(sandbox, 4)
    records = await sandbox.deliver_webhooks()
    assert Counter(r["event_payload"]["event"]["id"] for r in records) == {i: 3 for i in made}
    assert all(r["successfully_delivered"] for r in records)
    assert [e.id for e in app.handled] == made


async def test_out_of_order_delivery_is_seeded_and_loses_nothing(sandbox: Sandbox) -> None:
    app = wire(sandbox, out_of_order=True)
    made = make_events(sandbox, 12)
    records = await sandbox.deliver_webhooks()
    order = [r["event_payload"]["event"]["id"] for r in records]
    assert sorted(order) == sorted(made) and order != made
    assert Counter(e.id for e in app.handled) == Counter(made)
    # The same seed gives the same order.
    again = Sandbox(seed=3, patients=40, clock=sandbox.clock.now)
    wire(again, out_of_order=True)
    make_events(again, 12)
    positions = [made.index(i) for i in order]
    replay = [r["event_payload"]["event"]["id"] for r in await again.deliver_webhooks()]
    assert [
        [e["id"] for e in again.records("us", "events")[-12:]].index(i) for i in replay
    ] == positions


async def test_concurrent_delivery_puts_several_in_flight(sandbox: Sandbox) -> None:
    app = wire(sandbox, concurrency=8, duplicates=1)
    made = make_events(sandbox, 6)
    records = await sandbox.deliver_webhooks()
    assert len(records) == 12 and all(r["successfully_delivered"] for r in records)
    assert app.most_in_flight > 1
    assert Counter(e.id for e in app.handled) == Counter(made)


async def test_a_failed_attempt_is_retried_later_and_then_handled_once(sandbox: Sandbox) -> None:
    app = wire(sandbox)
    sandbox.configure_webhooks(challenge="not-what-the-receiver-answers")
    [made] = make_events(sandbox, 1)
    [first] = await sandbox.deliver_webhooks()
    assert not first["successfully_delivered"] and first["next_attempt_at"]
    sandbox.configure_webhooks(challenge=CHALLENGE)
    sandbox.advance_time(60)
    [second] = await sandbox.deliver_webhooks()
    assert second["successfully_delivered"] and second["attempt_number"] == 2
    # The first attempt reached the receiver too: it was handled then, and not again.
    assert [e.id for e in app.handled] == [made]


@pytest.mark.parametrize(
    ("policy", "signed", "acknowledged"),
    [
        (ProbePolicy.REQUIRE_SIGNATURE, True, True),
        (ProbePolicy.REQUIRE_SIGNATURE, False, False),
        (ProbePolicy.ANSWER_UNSIGNED, False, True),
        (ProbePolicy.ANSWER_UNSIGNED, True, True),
    ],
)
async def test_the_empty_probe_signed_or_not_meets_the_receivers_policy(
    sandbox: Sandbox, policy: ProbePolicy, signed: bool, acknowledged: bool
) -> None:
    app = wire(sandbox, probe_policy=policy)
    recorded = len(sandbox.records("us", "webhook_deliveries"))
    outcome = await sandbox.send_webhook_probe(signed=signed)
    assert outcome["acknowledged"] is acknowledged and outcome["signed"] is signed
    assert outcome["status"] == (200 if acknowledged else 400)
    assert app.handled == []
    assert len(sandbox.records("us", "webhook_deliveries")) == recorded  # a probe is no delivery


@pytest.mark.parametrize(
    "setting",
    [
        {"duplicates": -1},
        {"duplicates": 6},
        {"duplicates": True},
        {"concurrency": 0},
        {"concurrency": 1.5},
        {"out_of_order": "yes"},
    ],
)
async def test_bad_delivery_settings_are_refused_in_python_and_over_http(
    sandbox: Sandbox, setting: dict[str, Any]
) -> None:
    name = next(iter(setting))
    with pytest.raises(ValueError, match=name):
        sandbox.configure_webhooks(**setting)
    async with httpx2.AsyncClient(transport=sandbox.transport()) as http:
        answer = await http.post("http://fullscript-sandbox/_sandbox/webhooks", json=setting)
    assert answer.status_code == 422 and name in answer.json()["error"]
    assert sandbox.webhooks.duplicates == 0 and sandbox.webhooks.concurrency == 1


def test_a_webhook_transport_from_old_httpx_is_refused_naming_httpx2(sandbox: Sandbox) -> None:
    old_transport = type("ASGITransport", (), {"__module__": "httpx"})()

    with pytest.raises(WrongHTTPPackageError, match=r"^webhook transport got httpx\.ASGITransport"):
        sandbox.configure_webhooks(url="https://app.example/hooks", transport=old_transport)
    assert sandbox.webhooks.transport is None
