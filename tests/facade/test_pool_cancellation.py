"""A storm of cancelled calls leaves the connection pool usable (encode/httpcore#1093).

httpcore 1.0.9 lost a pool slot each time a cancellation landed at the wrong moment: such a
storm left all 10 connections stuck and every later call failed with a pool timeout (the SDK
once carried a guard that repaired the pool). httpcore2 (under httpx2) no longer does; these
tests keep it so. The defect would live in the real pool over real sockets, so they run httpx2's
real transport against a sandbox served by uvicorn on loopback, or against a tiny HTTP/1.1
server on loopback. A pool timeout (every connection busy) is not retried: waiting another pool
timeout would not free a connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import Counter
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest
from support.loopback_http import CLINIC, loopback_client, loopback_server, read_request_head
from support.sandbox_clients import token_from

from fullscript import APITimeoutError, Fullscript, Region, RetryPolicy
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
    ServedSandbox,
    serve,
)

MAX_CONNECTIONS = 10
WORKERS = 2 * MAX_CONNECTIONS  # contention: requests queue for a connection
CALLS_PER_WORKER = 20


@pytest.fixture(scope="module")
def served() -> Iterator[ServedSandbox]:
    with serve(Sandbox(rate_limit="1000000/300")) as served:
        yield served


def _pool_transport() -> httpx2.AsyncHTTPTransport:
    return httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=MAX_CONNECTIONS))


def _stuck(transport: httpx2.AsyncHTTPTransport) -> list[str]:
    """Connections of the pool that are not idle although no call is running."""
    return [repr(c) for c in transport._pool.connections if not c.is_idle()]


async def _cancel_after_ticks(call: asyncio.Task[object], rng: random.Random) -> None:
    """Cancel ``call`` after a random number of event-loop ticks, then (sometimes) again while
    it cleans up: the second cancellation is what cut httpcore 1.0.9's own clean-up short."""
    for _ in range(rng.randrange(40)):
        await asyncio.sleep(0)
    call.cancel()
    if rng.random() < 0.5:
        for _ in range(rng.randrange(3)):
            await asyncio.sleep(0)
        call.cancel()
    await asyncio.gather(call, return_exceptions=True)


@pytest.mark.parametrize("seed", [1, 2])
async def test_calls_after_a_cancellation_storm_all_succeed(
    served: ServedSandbox, seed: int
) -> None:
    transport = _pool_transport()
    fs = Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.from_key("us").with_base_url(served.base_url("us")),
        token=token_from(served.sandbox.issue_token("us")),
        transport=transport,
        timeout=httpx2.Timeout(10.0, pool=5.0),
        retry=RetryPolicy(max_retries=0),  # a later call must succeed first time, not on retry
    )
    rng = random.Random(seed)
    async with fs:

        async def worker() -> None:
            for _ in range(CALLS_PER_WORKER):
                await _cancel_after_ticks(asyncio.create_task(fs.clinic.retrieve()), rng)

        await asyncio.gather(*(worker() for _ in range(WORKERS)))

        outcomes = Counter[str]()

        async def normal_call() -> None:
            try:
                clinic = await fs.clinic.retrieve()
            except Exception as error:  # every failure is an outcome to report
                outcomes[f"{type(error).__name__}: {error}"] += 1
            else:
                outcomes["ok" if clinic.id else "no clinic id"] += 1

        await asyncio.gather(*(normal_call() for _ in range(30)))
        assert outcomes == {"ok": 30}
        assert _stuck(transport) == []


async def _answer_slowly(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 keep-alive: headers and half the body at once, the rest a moment later, so a
    cancellation can land while the client reads the body or cleans up after it."""
    with contextlib.suppress(Exception, asyncio.CancelledError):
        while True:
            if await read_request_head(reader) is None:
                return
            half = len(CLINIC) // 2
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(CLINIC)}\r\n\r\n".encode()
                + CLINIC[:half]
            )
            await writer.drain()
            await asyncio.sleep(0.005)
            writer.write(CLINIC[half:])
            await writer.drain()


@pytest.fixture
async def slow_loopback() -> AsyncIterator[str]:
    async with loopback_server(_answer_slowly) as base_url:
        yield base_url


async def test_one_call_cancelled_at_any_point_leaves_a_one_connection_pool_usable(
    slow_loopback: str,
) -> None:
    """Deterministic: one call, cancelled after N ticks and again during its clean-up, for
    every N; the pool has one connection, so a single stuck one fails the next call. (On
    httpcore 1.0.9, from some N on, the connection was left NEW with its socket open, or ACTIVE
    with no request, and the next call raised a pool timeout.)"""
    transport = httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=1))
    fs = loopback_client(
        slow_loopback,
        transport=transport,
        timeout=httpx2.Timeout(10.0, pool=5.0),
        retry=RetryPolicy(max_retries=0),
    )
    failures: dict[tuple[int, int], str] = {}
    async with fs:
        for ticks in range(40):
            for cleanup_ticks in range(3):
                call = asyncio.create_task(fs.clinic.retrieve())
                for _ in range(ticks):
                    await asyncio.sleep(0)
                call.cancel()
                for _ in range(cleanup_ticks):
                    await asyncio.sleep(0)
                call.cancel()
                await asyncio.gather(call, return_exceptions=True)
                try:
                    clinic = await fs.clinic.retrieve()
                except Exception as error:  # every failure is an outcome to report
                    failures[ticks, cleanup_ticks] = f"{type(error).__name__}: {error}"
                    break
                assert clinic.id == "c1"
            if failures:
                break
    assert failures == {}
    assert _stuck(transport) == []


# --- a tiny loopback server: a storm of cancelled SDK calls, and a pool timeout ----------------

HANGING: list[asyncio.Event] = []  # set when the server receives GET /hang


async def _serve_or_hang(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        while True:
            head = await read_request_head(reader)
            if head is None:
                return
            if b" /hang " in head:  # headers, then a body that never comes
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
                await writer.drain()
                for event in HANGING:
                    event.set()
                await asyncio.sleep(3600)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(CLINIC)).encode() + b"\r\n\r\n" + CLINIC
            )
            await writer.drain()
    with contextlib.suppress(Exception):
        writer.close()


@pytest.fixture
async def loopback() -> AsyncIterator[str]:
    async with loopback_server(_serve_or_hang) as base_url:
        yield base_url


def _loopback_fullscript(base_url: str, *, max_connections: int = 10) -> Fullscript:
    return loopback_client(
        base_url,
        transport=httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=max_connections)),
        timeout=httpx2.Timeout(5.0, pool=1.0),
        retry=RetryPolicy(initial_backoff=0.0, max_backoff=0.0, jitter=False),
    )


async def test_a_cancellation_storm_leaves_the_pool_usable(loopback: str) -> None:
    async with _loopback_fullscript(loopback) as fs:
        await fs.clinic.retrieve()
        # Cancel 20 concurrent calls (pool of 10) after 0..5 ticks of the loop, many times:
        # one of those moments is the one that stranded a connection in httpcore 1.0.9.
        for round_number in range(30):
            calls = [asyncio.create_task(fs.clinic.retrieve()) for _ in range(20)]
            for _ in range(round_number % 6):
                await asyncio.sleep(0)
            for call in calls:
                call.cancel()
            await asyncio.gather(*calls, return_exceptions=True)
        results = await asyncio.gather(*(fs.clinic.retrieve() for _ in range(30)))
    assert [clinic.id for clinic in results] == ["c1"] * 30


async def test_a_pool_timeout_is_not_retried(loopback: str) -> None:
    # One connection, held by a response whose body never arrives: no other call can get one.
    async with _loopback_fullscript(loopback, max_connections=1) as fs:
        http = fs._connection.anonymous_http
        hanging = asyncio.Event()
        HANGING.append(hanging)
        held = asyncio.create_task(http.get(f"{loopback}/hang"))
        await hanging.wait()
        HANGING.remove(hanging)
        attempts = 0
        inner = fs._shared.transport._inner

        class Counting(httpx2.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                nonlocal attempts
                attempts += 1
                return await inner.handle_async_request(request)

        fs._shared.transport._inner = Counting()
        try:
            with pytest.raises(APITimeoutError, match="pool") as caught:
                await fs.clinic.retrieve()
        finally:
            fs._shared.transport._inner = inner
            held.cancel()
            await asyncio.gather(held, return_exceptions=True)
    assert attempts == 1  # waiting another pool timeout (or two) would not free a connection
    assert "max_connections" in str(caught.value)
