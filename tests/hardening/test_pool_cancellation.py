"""A storm of cancelled calls leaves the connection pool usable (httpcore issue 1093).

httpcore 1.0.9 (the latest release) loses a pool slot each time a cancellation lands at the
wrong moment; with plain httpx such a storm leaves all 10 connections stuck and every later
call fails with a pool timeout. The defect lives in httpcore's real pool over real sockets, so
these tests run httpx's real transport against a sandbox served by uvicorn on loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections import Counter
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from fullscript import Fullscript, OAuthToken, Region, RetryPolicy
from fullscript._pool_guard import PoolGuard
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


def _token(served: ServedSandbox) -> OAuthToken:
    issued = served.sandbox.issue_token("us")
    return OAuthToken.from_response(
        {
            "access_token": issued.access_token,
            "refresh_token": issued.refresh_token,
            "expires_in": issued.expires_in,
            "created_at": issued.created_at,
            "scope": issued.scope,
            "resource_owner": issued.resource_owner,
        },
        region="us",
    )


def _pool_transport() -> httpx.AsyncHTTPTransport:
    return httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=MAX_CONNECTIONS))


def _stuck(transport: httpx.AsyncHTTPTransport) -> list[str]:
    """Connections of the pool that are not idle although no call is running."""
    return [repr(c) for c in transport._pool.connections if not c.is_idle()]


async def _cancel_after_ticks(call: asyncio.Task[object], rng: random.Random) -> None:
    """Cancel ``call`` after a random number of event-loop ticks, then (sometimes) again while
    it cleans up: the second cancellation is what cuts httpcore's own clean-up short."""
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
        token=_token(served),
        transport=transport,
        timeout=httpx.Timeout(10.0, pool=5.0),
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


async def test_plain_httpx_through_the_guard_survives_wait_for_timeouts(
    served: ServedSandbox,
) -> None:
    """The guard repairs any httpx client's pool, not only the SDK's (the same storm leaves
    10 of 10 connections stuck without it)."""
    transport = _pool_transport()
    token = served.sandbox.issue_token("us")
    rng = random.Random(3)
    async with httpx.AsyncClient(
        transport=PoolGuard(transport),
        base_url=served.base_url("us"),
        headers={"Authorization": token.authorization},
        timeout=httpx.Timeout(10.0, pool=5.0),
    ) as http:

        async def worker() -> None:
            for _ in range(CALLS_PER_WORKER):
                # Deadlines around the time a call takes: some finish, most are cancelled.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(http.get("/api/clinic"), rng.uniform(0.0, 0.02))

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        statuses = await asyncio.gather(*(http.get("/api/clinic") for _ in range(30)))
        assert [response.status_code for response in statuses] == [200] * 30
        assert _stuck(transport) == []


CLINIC = json.dumps({"clinic": {"id": "c1", "name": "Loopback clinic"}}).encode()


async def _answer_slowly(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 keep-alive: headers and half the body at once, the rest a moment later, so a
    cancellation can land while the client reads the body or cleans up after it."""
    with contextlib.suppress(Exception, asyncio.CancelledError):
        while True:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = await reader.read(4096)
                if not chunk:
                    return
                head += chunk
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
    server = await asyncio.start_server(_answer_slowly, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()


async def test_one_call_cancelled_at_any_point_leaves_a_one_connection_pool_usable(
    slow_loopback: str,
) -> None:
    """Deterministic: one call, cancelled after N ticks and again during its clean-up, for
    every N; the pool has one connection, so a single stuck one fails the next call. (Without
    the guard: from some N on, the connection is left NEW with its socket open, or ACTIVE with
    no request, and the next call raises a pool timeout.)"""
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=1))
    fs = Fullscript(
        client_id="app-id",
        client_secret="app-secret-value",
        redirect_uri="https://app.example/cb",
        region=Region.US.with_base_url(slow_loopback),
        token=OAuthToken(access_token="access-value", refresh_token="refresh-value", region="us"),
        transport=transport,
        timeout=httpx.Timeout(10.0, pool=5.0),
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
