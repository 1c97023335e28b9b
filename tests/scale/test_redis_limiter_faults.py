"""RedisRateLimiter when Redis misbehaves: out of memory, a read-only replica, cancellations.

Each test breaks a real redis-server the way production does (`maxmemory` with `noeviction`,
`REPLICAOF` after a failover, a storm of cancelled callers) and asserts what the caller sees.
"""

from __future__ import annotations

import asyncio
import random

import httpx
import pytest
from support.redis_server import RedisServer

from fullscript import FullscriptError, FullscriptTransport
from fullscript.redis import RedisRateLimiter, RedisUnavailableError


async def test_a_redis_out_of_memory_is_a_typed_error(own_redis_server: RedisServer) -> None:
    own_redis_server.limit_memory("1mb")
    async with RedisRateLimiter(own_redis_server.url, 10, 60.0) as limiter:
        with pytest.raises(RedisUnavailableError) as refused:
            await limiter.pause(1.0, "q")
    assert isinstance(refused.value, FullscriptError)
    assert "OutOfMemoryError" in str(refused.value)
    assert "sharing a rate-limit pause" in str(refused.value)


async def test_a_read_only_replica_after_failover_is_a_typed_error(
    own_redis_server: RedisServer, redis_server: RedisServer
) -> None:
    own_redis_server.command("REPLICAOF", "127.0.0.1", str(redis_server.port))
    async with RedisRateLimiter(own_redis_server.url, 10, 60.0) as limiter:
        with pytest.raises(RedisUnavailableError, match="ReadOnlyError"):
            await limiter.acquire("q")
        with pytest.raises(RedisUnavailableError, match="ReadOnlyError"):
            await limiter.pause(1.0, "q")


async def test_a_release_redis_refuses_never_replaces_the_answer_that_arrived(
    own_redis_server: RedisServer,
) -> None:
    """The create was applied by the server: its 201 must reach the caller even though Redis
    ran out of memory before the slot could be released."""

    def server(request: httpx.Request) -> httpx.Response:
        own_redis_server.limit_memory("1mb")  # Redis fills up while the request is out
        return httpx.Response(201, json={"id": "tm-1"})

    async with RedisRateLimiter(own_redis_server.url, 10, 60.0) as limiter:
        transport = FullscriptTransport(httpx.MockTransport(server), limiter=limiter)
        async with httpx.AsyncClient(transport=transport) as http:
            response = await http.post("https://api.example/treatment_plans", json={})
        assert response.status_code == 201 and response.json() == {"id": "tm-1"}
        assert limiter.stats().in_flight == 0


async def test_cancelled_callers_leave_no_slot_in_flight_and_no_connection_in_use(
    redis_url: str,
) -> None:
    """A storm of cancellations at every point of acquire, request and release: afterwards
    Redis holds no slot still in flight, the local stats agree, and every pool connection is
    back in the pool."""
    chooser = random.Random(20)

    async def server(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(chooser.random() * 0.004)
        return httpx.Response(200)

    limiter = RedisRateLimiter(redis_url, 10_000, 60.0)
    transport = FullscriptTransport(httpx.MockTransport(server), limiter=limiter)
    async with httpx.AsyncClient(transport=transport) as http:
        for _ in range(8):
            calls = [asyncio.ensure_future(http.get("https://api.example/p")) for _ in range(40)]
            await asyncio.sleep(0)
            for call in calls:
                await asyncio.sleep(chooser.random() * 0.001)
                call.cancel()
            await asyncio.gather(*calls, return_exceptions=True)
        await _until_quiet(limiter)
        log, _ = limiter.keys("api.example")
        client = limiter._redis
        now = await client.time()
        in_flight_in_redis = await client.zcount(log, f"({now[0] + now[1] / 1e6}", "+inf")
        in_use = len(client.connection_pool._in_use_connections)  # type: ignore[attr-defined]
    await limiter.aclose()
    assert in_flight_in_redis == 0
    assert limiter.stats().in_flight == 0
    assert in_use == 0


async def _until_quiet(limiter: RedisRateLimiter) -> None:
    # Releases and returned slots finish in their own tasks: wait for them to be done.
    for _ in range(200):
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        if not pending:
            return
        await asyncio.sleep(0.01)
