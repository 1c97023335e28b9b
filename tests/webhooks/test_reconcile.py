"""Reconciliation against the in-process sandbox: events made while the receiver was down
arrive exactly once, in order, and an event also delivered by webhook is not handled twice."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import httpx2
import pytest
from support.forwarding_transport import ForwardingTransport
from webhook_support import (
    CHALLENGE,
    SECRET,
    FakeTime,
    delivery,
    events_of_each_type,
    sdk_client,
)

from fullscript.sandbox import Sandbox
from fullscript.webhooks import (
    EVENT_LISTS,
    EVENT_TYPES,
    DeliveryKind,
    InMemorySeenStore,
    PatientUpdated,
    TypedEvent,
    WebhookEvent,
    WebhookReceiver,
    reconcile,
)


def make_receiver(sandbox: Sandbox) -> tuple[WebhookReceiver, list[WebhookEvent]]:
    receiver = WebhookReceiver(SECRET, challenge=CHALLENGE, clock=sandbox.now)
    handled: list[WebhookEvent] = []
    receiver.on()(handled.append)
    return receiver, handled


async def test_events_missed_while_down_arrive_exactly_once_and_webhooked_ones_are_skipped(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    receiver, handled = make_receiver(sandbox)
    since = datetime.fromtimestamp(sandbox.now(), UTC)
    clinic = sandbox.clinic("us")
    patient_id = sandbox.records("us", "patients")[0]["id"]

    # Up: this event arrives by webhook and is handled.
    while_up = clinic.update_patient(patient_id, first_name="Delivered")
    await receiver.handle(await receiver.receive(*delivery(while_up, at=sandbox.now())))
    assert [e.id for e in handled] == [while_up["id"]]

    # Down: one event of every type, a second apart, and no delivery reaches us.
    sandbox_time.value += 1
    missed = []
    for raw in events_of_each_type(sandbox):  # each happens when taken
        missed.append(raw)
        sandbox_time.value += 1

    async with sdk_client(sandbox) as fs:
        assert await receiver.catch_up(fs, since) == len(missed)
        assert await receiver.catch_up(fs, since) == 0  # nothing new the second time

    ids = [e.id for e in handled]
    assert Counter(ids) == Counter([while_up["id"], *(raw["id"] for raw in missed)])
    assert ids[1:] == [raw["id"] for raw in missed]  # in the order they happened
    assert {e.type for e in handled[1:]} == set(EVENT_TYPES)
    assert all(isinstance(e, TypedEvent) for e in handled)
    # Seeded events from before `since` are not offered.
    assert all(e.created_at is not None and e.created_at >= since for e in handled)

    # A late webhook retry of a reconciled event is a duplicate, not handled again.
    late = await receiver.receive(*delivery(missed[0], at=sandbox.now()))
    assert late.kind is DeliveryKind.DUPLICATE
    await receiver.handle(late)
    assert len(handled) == 1 + len(missed)


async def test_reconcile_pages_with_prefetch_and_types_like_deliveries(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    since = datetime.fromtimestamp(sandbox.now(), UTC)
    clinic = sandbox.clinic("us")
    patients = sandbox.records("us", "patients")[:23]
    made = []
    for patient in patients:
        made.append(clinic.update_patient(patient["id"], last_name="Paged")["id"])
        sandbox_time.value += 1
    seen = InMemorySeenStore()
    async with sdk_client(sandbox) as fs:
        got = [
            event
            async for event in reconcile(
                fs, since, seen=seen, categories=["patients"], page_size=5, prefetch=2
            )
        ]
    assert [e.id for e in got] == made
    assert all(isinstance(e, PatientUpdated) and e.data.patient.last_name == "Paged" for e in got)


async def test_an_event_whose_handler_failed_is_offered_again(sandbox: Sandbox) -> None:
    receiver = WebhookReceiver(SECRET, clock=sandbox.now)
    attempts: list[str] = []

    @receiver.on(PatientUpdated)
    def flaky(event: PatientUpdated) -> None:
        attempts.append(event.id)
        if len(attempts) == 1:
            raise RuntimeError("the database blinked")

    since = datetime.fromtimestamp(sandbox.now(), UTC)
    patient_id = sandbox.records("us", "patients")[0]["id"]
    event = sandbox.clinic("us").update_patient(patient_id, last_name="Retry")
    async with sdk_client(sandbox) as fs:
        await receiver.catch_up(fs, since)
        await receiver.catch_up(fs, since)
        await receiver.catch_up(fs, since)
    assert attempts == [event["id"], event["id"]]


async def test_unknown_categories_are_refused(sandbox: Sandbox) -> None:
    async with sdk_client(sandbox) as fs:
        with pytest.raises(ValueError, match="unknown event categories"):
            async for _ in reconcile(
                fs, datetime.now(UTC), seen=InMemorySeenStore(), categories=["brands"]
            ):
                pass


async def test_a_client_without_a_token_fails_clearly_and_closes_every_list(
    sandbox: Sandbox,
) -> None:
    from fullscript import TokenMissingError

    async with sdk_client(sandbox) as fs:
        stranger = fs.for_grant("nobody")
        with pytest.raises(TokenMissingError):
            async for _ in reconcile(stranger, datetime.now(UTC), seen=InMemorySeenStore()):
                pass


def _three_patient_updates(
    sandbox: Sandbox, sandbox_time: FakeTime, *, last_name: str
) -> list[str]:
    """Three ``patient.updated`` events a second apart; their ids, in order."""
    clinic = sandbox.clinic("us")
    made = []
    for patient in sandbox.records("us", "patients")[:3]:
        made.append(clinic.update_patient(patient["id"], last_name=last_name)["id"])
        sandbox_time.value += 1
    return made


class _EventFetches(ForwardingTransport):
    """Counts the ``GET /events/{id}`` requests (fetching one event's data)."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        super().__init__(inner)
        self.fetched: list[str] = []

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        parts = request.url.path.rstrip("/").split("/")
        if request.method == "GET" and parts[-2] == "events" and parts[-1] not in EVENT_LISTS:
            self.fetched.append(parts[-1])
        return await super().handle_async_request(request)


async def test_an_event_already_handled_costs_no_request_for_its_data(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    since = datetime.fromtimestamp(sandbox.now(), UTC)
    made = _three_patient_updates(sandbox, sandbox_time, last_name="Once")
    seen = InMemorySeenStore()
    fetches = _EventFetches(sandbox.transport())
    async with sdk_client(sandbox, transport=fetches) as fs:
        first = [e.id async for e in reconcile(fs, since, seen=seen, categories=["patients"])]
        assert fetches.fetched == made  # each listed entry's data fetched once
        again = [e.id async for e in reconcile(fs, since, seen=seen, categories=["patients"])]
    assert first == made and again == []
    assert fetches.fetched == made  # the second walk listed them and fetched nothing


class _ListPages(ForwardingTransport):
    """Records the page numbers asked of the event lists, by list."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        super().__init__(inner)
        self.asked: dict[str, list[int]] = {}

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        parts = request.url.path.rstrip("/").split("/")
        if request.method == "GET" and parts[-2] == "events" and parts[-1] in EVENT_LISTS:
            number = int(request.url.params.get("page[number]", "1"))
            self.asked.setdefault(parts[-1], []).append(number)
        return await super().handle_async_request(request)


async def test_short_event_lists_cost_one_request_each_despite_the_default_prefetch(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    since = datetime.fromtimestamp(sandbox.now(), UTC)
    made = _three_patient_updates(sandbox, sandbox_time, last_name="Short")
    pages = _ListPages(sandbox.transport())
    async with sdk_client(sandbox, transport=pages) as fs:
        got = [e.id async for e in reconcile(fs, since, seen=InMemorySeenStore())]
    assert got == made
    # Every list fits one page: the default prefetch guesses no pages past it.
    assert pages.asked == {category: [1] for category in EVENT_LISTS}


async def test_events_claimed_ahead_but_not_yielded_are_released_when_the_caller_stops(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    since = datetime.fromtimestamp(sandbox.now(), UTC)
    clinic = sandbox.clinic("us")
    made = []
    for patient in sandbox.records("us", "patients")[:6]:
        made.append(clinic.update_patient(patient["id"], last_name="Ahead")["id"])
        sandbox_time.value += 1
    seen = InMemorySeenStore()
    async with sdk_client(sandbox) as fs:
        walk = reconcile(fs, since, seen=seen, categories=["patients"], prefetch=4)
        first = await anext(walk)  # the others are claimed and fetched ahead meanwhile
        await walk.aclose()  # the caller stops after one
        rest = [e.id async for e in reconcile(fs, since, seen=seen, categories=["patients"])]
    assert first.id == made[0]
    assert rest == made[1:]  # nothing lost to a claim the first walk never yielded


def test_every_event_list_of_the_spec_is_walked_and_nothing_else() -> None:
    # Derived from the generated operation table: a list added to the spec is walked with no
    # hand-written change, and every entry names a method `fs.events` has.
    import json
    from pathlib import Path

    from fullscript_api.api.events import EventsResource

    spec = json.loads((Path(__file__).resolve().parents[2] / "openapi/openapi.json").read_text())
    lists = {
        path.removeprefix("/api/events/")
        for path, item in spec["paths"].items()
        if path.startswith("/api/events/") and "{" not in path and "get" in item
    }
    assert set(EVENT_LISTS) == lists and len(lists) >= 6
    assert all(callable(getattr(EventsResource, method, None)) for method in EVENT_LISTS.values())
