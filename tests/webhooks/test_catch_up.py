"""Startup catch-up on many workers: once per clinic across the workers sharing a ledger, from
the cursor of the last event handled (not a fixed look-back), no request without a grant."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
import pytest
from support.sandbox_clients import sandbox_region, token_from
from webhook_support import CHALLENGE, SECRET, FakeTime

from fullscript import Fullscript, InMemoryTokenStore, InvalidParameterError
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.webhooks import (
    CatchUpCursor,
    CatchUpLedger,
    FileCatchUpLedger,
    InMemoryCatchUpLedger,
    WebhookEvent,
    WebhookReceiver,
)
from fullscript.webhooks.redis import RedisCatchUpLedger

GRANT = "clinic-a"


class CountingTransport(httpx2.AsyncBaseTransport):
    """The sandbox's transport, counting the event-list requests it carries."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.inner = sandbox.transport()
        self.event_lists = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.method == "GET" and "/events/" in request.url.path:
            self.event_lists += 1
        return await self.inner.handle_async_request(request)


def client(
    sandbox: Sandbox, transport: httpx2.AsyncBaseTransport, store: InMemoryTokenStore
) -> Fullscript:
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, "us"),
        transport=transport,
        token_store=store,
        max_retries=0,
    )


def worker(sandbox: Sandbox) -> tuple[WebhookReceiver, list[WebhookEvent]]:
    """One worker's receiver, with its own (per-process) dedup memory."""
    receiver = WebhookReceiver(SECRET, challenge=CHALLENGE, clock=sandbox.now)
    handled: list[WebhookEvent] = []
    receiver.on()(handled.append)
    return receiver, handled


def missed_events(sandbox: Sandbox, sandbox_time: FakeTime, count: int, name: str) -> list[str]:
    clinic = sandbox.clinic("us")
    ids = []
    for record in sandbox.records("us", "patients")[:count]:
        sandbox_time.value += 1
        ids.append(clinic.update_patient(record["id"], last_name=name)["id"])
    return ids


@pytest.fixture
async def grant_store(sandbox: Sandbox) -> InMemoryTokenStore:
    store = InMemoryTokenStore()
    await store.save(token_from(sandbox.issue_token("us")), GRANT)
    return store


async def test_workers_sharing_a_ledger_catch_each_clinic_up_once(
    sandbox: Sandbox, sandbox_time: FakeTime, grant_store: InMemoryTokenStore
) -> None:
    missed = missed_events(sandbox, sandbox_time, 5, "Missed")

    async def requests_of(workers: int) -> tuple[int, list[str], list[object]]:
        transport = CountingTransport(sandbox)
        ledger = InMemoryCatchUpLedger(clock=sandbox.now)
        receivers = [worker(sandbox) for _ in range(workers)]
        async with client(sandbox, transport, grant_store) as fs:
            results = await asyncio.gather(
                *(r.catch_up_clinics(fs, ledger=ledger) for r, _ in receivers)
            )
        handled = [event.id for _, events in receivers for event in events]
        return transport.event_lists, handled, [result[GRANT] for result in results]

    one_requests, one_handled, _ = await requests_of(1)
    four_requests, four_handled, four_results = await requests_of(4)
    assert sorted(one_handled) == sorted(missed)
    assert sorted(four_handled) == sorted(missed)  # each event once across the four
    assert four_requests == one_requests  # the list requests do not grow with workers
    assert sorted(four_results, key=str) == [5, None, None, None]


async def test_the_next_catch_up_lists_from_the_cursor_not_a_fixed_look_back(
    sandbox: Sandbox, sandbox_time: FakeTime, grant_store: InMemoryTokenStore
) -> None:
    ledger = InMemoryCatchUpLedger(clock=sandbox.now)
    first = missed_events(sandbox, sandbox_time, 4, "First")
    receiver, handled = worker(sandbox)
    async with client(sandbox, sandbox.transport(), grant_store) as fs:
        assert await receiver.catch_up_clinics(fs, ledger=ledger, lease=60) == {GRANT: 4}
        assert [e.id for e in handled] == first
        cursor = await ledger.cursor(f"us:{GRANT}")
        assert cursor is not None and cursor.key.endswith(first[-1])

        # A later deploy: the lease has lapsed; the new process remembers nothing itself.
        sandbox_time.value += 3600
        later = missed_events(sandbox, sandbox_time, 3, "Later")
        restarted, handled_after = worker(sandbox)
        assert await restarted.catch_up_clinics(fs, ledger=ledger, lease=60) == {GRANT: 3}
    assert [e.id for e in handled_after] == later  # nothing before the cursor again


async def test_a_restart_within_the_lease_does_not_repeat_the_catch_up(
    sandbox: Sandbox, sandbox_time: FakeTime, grant_store: InMemoryTokenStore
) -> None:
    missed_events(sandbox, sandbox_time, 2, "Missed")
    ledger = InMemoryCatchUpLedger(clock=sandbox.now)
    transport = CountingTransport(sandbox)
    async with client(sandbox, transport, grant_store) as fs:
        assert await worker(sandbox)[0].catch_up_clinics(fs, ledger=ledger, lease=300) == {GRANT: 2}
        made = transport.event_lists
        sandbox_time.value += 60  # the next worker of the same deploy starts
        assert await worker(sandbox)[0].catch_up_clinics(fs, ledger=ledger) == {GRANT: None}
    assert transport.event_lists == made


async def test_a_failed_handler_gives_the_lease_back_and_keeps_its_event_ahead_of_the_cursor(
    sandbox: Sandbox, sandbox_time: FakeTime, grant_store: InMemoryTokenStore
) -> None:
    missed = missed_events(sandbox, sandbox_time, 3, "Missed")
    ledger = InMemoryCatchUpLedger(clock=sandbox.now)
    failing, _ = worker(sandbox)

    @failing.on()
    def broken(event: WebhookEvent) -> None:
        if event.id == missed[1]:
            raise RuntimeError("database down")

    async with client(sandbox, sandbox.transport(), grant_store) as fs:
        assert await failing.catch_up_clinics(fs, ledger=ledger) == {GRANT: 3}
        cursor = await ledger.cursor(f"us:{GRANT}")
        assert cursor is not None and cursor.key.endswith(missed[0])
        # Given back at once: the next start retries, from before the failed event.
        retry, handled = worker(sandbox)
        retry.seen = failing.seen
        assert await retry.catch_up_clinics(fs, ledger=ledger) == {GRANT: 1}
    assert [e.id for e in handled] == [missed[1]]


async def test_without_any_grant_the_catch_up_sends_nothing(sandbox: Sandbox) -> None:
    transport = CountingTransport(sandbox)
    async with client(sandbox, transport, InMemoryTokenStore()) as fs:
        results = await worker(sandbox)[0].catch_up_clinics(fs, ledger=InMemoryCatchUpLedger())
    assert results == {}
    assert transport.event_lists == 0


async def test_a_clinic_whose_catch_up_fails_does_not_stop_the_others(
    sandbox: Sandbox, sandbox_time: FakeTime, grant_store: InMemoryTokenStore
) -> None:
    missed_events(sandbox, sandbox_time, 1, "Missed")
    ledger = InMemoryCatchUpLedger(clock=sandbox.now)
    async with client(sandbox, sandbox.transport(), grant_store) as fs:
        results = await worker(sandbox)[0].catch_up_clinics(
            fs, ledger=ledger, grants=["clinic-unknown", GRANT]
        )
    assert results == {GRANT: 1}  # the unknown grant failed, logged, and was left out


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("ledger", object()),
        ("first_look_back", 3600),
        ("first_look_back", timedelta(0)),
        ("lease", -1),
    ],
)
async def test_bad_settings_raise_a_typed_error_naming_them_before_any_clinic(
    sandbox: Sandbox, grant_store: InMemoryTokenStore, option: str, value: object
) -> None:
    settings: dict[str, Any] = {"ledger": InMemoryCatchUpLedger(), option: value}
    transport = CountingTransport(sandbox)
    async with client(sandbox, transport, grant_store) as fs:
        with pytest.raises(InvalidParameterError, match=option):
            await worker(sandbox)[0].catch_up_clinics(fs, **settings)
    assert transport.event_lists == 0


# --- the ledgers ---------------------------------------------------------------------------


@pytest.fixture(params=["memory", "file", "redis"])
async def ledger_factory(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[Callable[[], CatchUpLedger]]:
    made: list[RedisCatchUpLedger] = []
    prefix = f"test-{uuid.uuid4().hex}:"
    shared = InMemoryCatchUpLedger()

    def make() -> CatchUpLedger:
        if request.param == "memory":
            return shared
        if request.param == "file":
            return FileCatchUpLedger(tmp_path / "catch-up.json")
        ledger = RedisCatchUpLedger(request.getfixturevalue("redis_url"), prefix=prefix)
        made.append(ledger)
        return ledger

    yield make
    for ledger in made:
        await ledger.aclose()


async def test_a_ledger_lease_has_one_holder_and_only_it_moves_the_cursor(
    ledger_factory: Callable[[], CatchUpLedger],
) -> None:
    one, two = ledger_factory(), ledger_factory()  # two workers' views of one ledger
    cursor = CatchUpCursor(at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), key="-:clinic:event-1")
    assert await one.cursor("us:a") is None
    assert await one.acquire("us:a", holder="h1", lease=60)
    assert not await two.acquire("us:a", holder="h2", lease=60)
    assert await two.acquire("us:b", holder="h2", lease=60)  # per clinic
    assert not await two.advance("us:a", cursor, holder="h2", lease=60)
    assert await two.cursor("us:a") is None
    assert await one.advance("us:a", cursor, holder="h1", lease=60)
    assert await two.cursor("us:a") == cursor
    await two.release("us:a", holder="h2")  # not its lease: nothing happens
    assert not await two.acquire("us:a", holder="h2", lease=60)
    await one.release("us:a", holder="h1")
    assert await two.acquire("us:a", holder="h2", lease=60)
    assert await one.cursor("us:a") == cursor  # the cursor outlives the lease
