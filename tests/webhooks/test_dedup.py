"""Deduplication: the seen-keys stores (memory, real Redis) and the receiver built on them."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from typing import Any

import pytest
import redis.asyncio as aioredis
from webhook_support import CHALLENGE, SECRET, START, delivery

from fullscript.redis import RedisUnavailableError
from fullscript.webhooks import (
    DeliveryKind,
    InMemorySeenStore,
    PatientUpdated,
    ProbePolicy,
    UnknownEvent,
    WebhookEvent,
    WebhookReceiver,
    WebhookSignatureError,
    event_key,
    parse_event,
    sign_payload,
)
from fullscript.webhooks.redis import RedisSeenStore


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


PATIENT_EVENT: dict[str, Any] = {
    "id": "ev-1",
    "type": "patient.updated",
    "clinic_id": "clinic-1",
    "integration_id": "integration-1",
    "data": {"patient": {"id": "p-1", "first_name": "Maya"}},
}


def receiver(**options: Any) -> WebhookReceiver:
    options.setdefault("clock", lambda: START)
    return WebhookReceiver([SECRET], challenge=CHALLENGE, **options)


def test_the_key_names_integration_clinic_and_event() -> None:
    event = parse_event(PATIENT_EVENT)
    assert event_key(event) == "integration-1:clinic-1:ev-1"
    other_integration = parse_event({**PATIENT_EVENT, "integration_id": "integration-2"})
    assert event_key(other_integration) != event_key(event)


async def test_memory_store_claims_a_key_once_until_it_expires() -> None:
    ticks = Ticks()
    store = InMemorySeenStore(ttl=60, clock=ticks)
    assert await store.claim("a") is True
    assert await store.claim("a") is False
    ticks.now = 59.9
    assert await store.claim("a") is False
    ticks.now = 60.0
    assert await store.claim("a") is True


async def test_memory_store_is_bounded_forgetting_the_oldest_first() -> None:
    store = InMemorySeenStore(max_keys=3)
    for key in "abcd":
        assert await store.claim(key)
    assert len(store) == 3
    assert await store.claim("a") is True  # forgotten: the oldest
    assert await store.claim("d") is False


async def test_memory_store_release_lets_the_key_be_claimed_again() -> None:
    store = InMemorySeenStore()
    await store.claim("a")
    await store.release("a")
    assert await store.claim("a") is True


@pytest.mark.parametrize(("option", "value"), [("ttl", 0), ("ttl", float("nan")), ("max_keys", 0)])
def test_memory_store_refuses_settings_that_would_disable_it(option: str, value: Any) -> None:
    with pytest.raises((TypeError, ValueError), match=option):
        InMemorySeenStore(**{option: value})


async def test_redis_store_lets_exactly_one_of_many_concurrent_claimants_win(
    redis_url: str,
) -> None:
    clients = [aioredis.Redis.from_url(redis_url) for _ in range(4)]
    stores = [RedisSeenStore(client, ttl=60) for client in clients]
    try:
        outcomes = await asyncio.gather(*(stores[i % 4].claim("k") for i in range(40)))
        assert outcomes.count(True) == 1
        ttl_ms = await clients[0].pttl("fullscript:seen:k")
        assert 0 < ttl_ms <= 60_000
        await stores[1].release("k")
        assert await stores[2].claim("k") is True
    finally:
        for client in clients:
            await client.aclose()


async def test_redis_store_from_a_url_closes_its_own_client(redis_url: str) -> None:
    store = RedisSeenStore(redis_url, prefix="app:")
    try:
        assert await store.claim("x") and not await store.claim("x")
        assert "app:" in repr(store)
    finally:
        await store.aclose()


async def test_redis_store_down_is_a_clear_error_not_a_fallback(own_redis_server: Any) -> None:
    store = RedisSeenStore(own_redis_server.url)
    try:
        assert await store.claim("x")
        own_redis_server.stop()
        with pytest.raises(RedisUnavailableError, match="already handled"):
            await store.claim("y")
    finally:
        await store.aclose()


def test_the_redis_store_names_the_extra_when_redis_py_is_missing() -> None:
    code = (
        "import sys; sys.modules['redis'] = None; sys.modules['redis.asyncio'] = None\n"
        "import fullscript, fullscript.webhooks\n"
        "try:\n    import fullscript.webhooks.redis\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'fullscript[redis]'" in out.stdout


async def test_a_duplicate_delivery_is_handled_once() -> None:
    hub = receiver()
    handled: list[str] = []

    @hub.on(PatientUpdated)
    async def record(event: PatientUpdated) -> None:
        handled.append(event.data.patient.id)

    body, headers = delivery(PATIENT_EVENT)
    first = await hub.receive(body, headers)
    second = await hub.receive(body, headers)
    assert (first.kind, second.kind) == (DeliveryKind.EVENT, DeliveryKind.DUPLICATE)
    assert await hub.handle(first) and await hub.handle(second)
    assert handled == ["p-1"]
    assert hub.answer() == {"challenge": CHALLENGE}


async def test_the_same_event_for_another_integration_is_handled_again() -> None:
    hub = receiver()
    kinds = [
        (await hub.receive(*delivery({**PATIENT_EVENT, "integration_id": name}))).kind
        for name in ("integration-1", "integration-2", "integration-1")
    ]
    assert kinds == [DeliveryKind.EVENT, DeliveryKind.EVENT, DeliveryKind.DUPLICATE]


async def test_handlers_are_chosen_by_class_type_name_unknown_and_star() -> None:
    hub = receiver()
    calls: list[str] = []
    hub.on(PatientUpdated)(lambda e: calls.append("class"))
    hub.on("patient.updated")(lambda e: calls.append("name"))
    hub.on(UnknownEvent)(lambda e: calls.append("unknown"))
    hub.on()(lambda e: calls.append("star"))
    await hub.handle(parse_event(PATIENT_EVENT))
    await hub.handle(parse_event({"id": "ev-9", "type": "brand.new"}))
    assert calls == ["class", "name", "star", "unknown", "star"]


async def test_a_typed_handler_never_receives_an_untypable_event_of_its_type() -> None:
    hub = receiver()
    typed: list[WebhookEvent] = []
    untyped: list[WebhookEvent] = []
    hub.on(PatientUpdated)(typed.append)
    hub.on("patient.updated")(typed.append)
    hub.on(UnknownEvent)(untyped.append)
    # A patient.updated with no data (the shape of an entry of Fullscript's event lists).
    without_data = {key: value for key, value in PATIENT_EVENT.items() if key != "data"}
    assert await hub.handle(parse_event(without_data)) is True
    assert typed == []
    assert [event.id for event in untyped] == [PATIENT_EVENT["id"]]


async def test_an_untypable_event_without_an_unknown_handler_is_logged_once_and_acknowledged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub = receiver()
    typed: list[WebhookEvent] = []
    hub.on(PatientUpdated)(typed.append)
    without_data = {key: value for key, value in PATIENT_EVENT.items() if key != "data"}
    delivered = await hub.receive(*delivery(without_data))
    with caplog.at_level(logging.WARNING, "fullscript.webhooks"):
        assert await hub.handle(delivered) is True
    assert typed == []
    assert sum("could not be typed" in r.getMessage() for r in caplog.records) == 1
    assert (await hub.receive(*delivery(without_data))).kind is DeliveryKind.DUPLICATE


async def test_a_failing_handler_is_logged_and_its_event_released_for_catch_up(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub = receiver()

    @hub.on(WebhookEvent)
    async def broken(event: WebhookEvent) -> None:
        raise RuntimeError("database down")

    delivered = await hub.receive(*delivery(PATIENT_EVENT))
    with caplog.at_level(logging.ERROR, "fullscript.webhooks"):
        assert await hub.handle(delivered) is False
    assert "ev-1" in caplog.text and "Maya" not in caplog.text
    assert (await hub.receive(*delivery(PATIENT_EVENT))).kind is DeliveryKind.EVENT


async def test_an_empty_probe_needs_a_signature_unless_the_policy_says_otherwise() -> None:
    signed_headers = {"Fullscript-Signature": sign_payload(SECRET, b"", int(START))}
    strict = receiver()
    assert (await strict.receive(b"", signed_headers)).kind is DeliveryKind.PROBE
    with pytest.raises(WebhookSignatureError, match="missing"):
        await strict.receive(b"", {})
    lenient = receiver(probe_policy=ProbePolicy.ANSWER_UNSIGNED)
    assert (await lenient.receive(b"", {})).kind is DeliveryKind.PROBE
    # The lenient policy is for empty bodies only: an unsigned event is still refused.
    with pytest.raises(WebhookSignatureError):
        await lenient.receive(delivery(PATIENT_EVENT)[0], {})


def test_receiver_settings_are_checked_when_it_is_built() -> None:
    with pytest.raises(WebhookSignatureError, match="bytes"):
        WebhookReceiver(SECRET.encode())  # type: ignore[arg-type]
    with pytest.raises(WebhookSignatureError, match="finite"):
        WebhookReceiver(SECRET, tolerance=float("nan"))
    assert SECRET not in repr(WebhookReceiver(SECRET, challenge=CHALLENGE))
    assert CHALLENGE not in repr(WebhookReceiver(SECRET, challenge=CHALLENGE))


async def test_an_event_claimed_by_a_process_that_died_is_offered_again_later() -> None:
    ticks = Ticks()
    hub = receiver(seen=InMemorySeenStore(clock=ticks), processing_ttl=900)
    body, headers = delivery(PATIENT_EVENT)
    assert (await hub.receive(body, headers)).kind is DeliveryKind.EVENT  # then: the crash
    ticks.now = 899
    assert (await hub.receive(body, headers)).kind is DeliveryKind.DUPLICATE
    ticks.now = 900
    retried = await hub.receive(body, headers)
    assert retried.kind is DeliveryKind.EVENT
    assert await hub.handle(retried)
    ticks.now = 900 + 86400  # handled: remembered for the full ttl, not the processing hold
    assert (await hub.receive(body, headers)).kind is DeliveryKind.DUPLICATE


async def test_redis_claims_are_provisional_until_confirmed(redis_url: str) -> None:
    client = aioredis.Redis.from_url(redis_url)
    store = RedisSeenStore(client, ttl=3600)
    try:
        assert await store.claim("k", ttl=5)
        assert 0 < await client.pttl("fullscript:seen:k") <= 5000
        await store.confirm("k")
        assert 5000 < await client.pttl("fullscript:seen:k") <= 3_600_000
    finally:
        await client.aclose()
