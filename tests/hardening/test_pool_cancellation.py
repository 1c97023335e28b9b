"""A storm of cancelled calls leaves the connection pool usable (encode/httpcore#1093).

httpcore 1.0.9 lost a pool slot each time a cancellation landed at the wrong moment: such a
storm left all 10 connections stuck and every later call failed with a pool timeout (the SDK
once carried a guard that repaired the pool). httpcore2 (under httpx2) no longer does; these
tests keep it so. The defect would live in the real pool over real sockets, so they run httpx2's
real transport against a sandbox served by uvicorn on loopback.
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

from fullscript import Fullscript, Region, RetryPolicy
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
