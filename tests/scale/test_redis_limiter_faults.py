"""RedisRateLimiter when Redis misbehaves: out of memory, a read-only replica, cancellations.

Each test breaks a real redis-server the way production does (`maxmemory` with `noeviction`,
`REPLICAOF` after a failover, a storm of cancelled callers) and asserts what the caller sees.
"""

from __future__ import annotations

import asyncio
import random

import httpx2
import pytest
from support.redis_server import RedisServer

from fullscript import FullscriptError, FullscriptTransport, RateLimitWaitExceeded
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

    def server(request: httpx2.Request) -> httpx2.Response:
        own_redis_server.limit_memory("1mb")  # Redis fills up while the request is out
        return httpx2.Response(201, json={"id": "tm-1"})

    async with RedisRateLimiter(own_redis_server.url, 10, 60.0) as limiter:
        transport = FullscriptTransport(httpx2.MockTransport(server), limiter=limiter)
        async with httpx2.AsyncClient(transport=transport) as http:
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

    async def server(request: httpx2.Request) -> httpx2.Response:
        await asyncio.sleep(chooser.random() * 0.004)
        return httpx2.Response(200)

    limiter = RedisRateLimiter(redis_url, 10_000, 60.0)
    transport = FullscriptTransport(httpx2.MockTransport(server), limiter=limiter)
    async with httpx2.AsyncClient(transport=transport) as http:
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
        in_use = len(client.connection_pool._in_use_connections)
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


async def test_after_redis_restarts_empty_the_window_starts_full_in_every_process(
    own_redis_server: RedisServer,
) -> None:
    """The server still counts the requests of the log Redis lost: granting a fresh window
    would overrun the quota, so every process waits one window first."""
    async with (
        RedisRateLimiter(own_redis_server.url, 5, 30.0) as limiter,
        RedisRateLimiter(own_redis_server.url, 5, 30.0) as other_process,
    ):
        for _ in range(5):
            await limiter.release(await limiter.acquire("q", max_wait=0))
        own_redis_server.restart_empty()
        with pytest.raises(RateLimitWaitExceeded) as refused:
            await limiter.acquire("q", max_wait=1.0)
        with pytest.raises(RateLimitWaitExceeded) as refused_too:
            await other_process.acquire("q", max_wait=1.0)
    assert refused.value.would_wait == pytest.approx(30.0, abs=1.0)
    assert 0 < refused_too.value.would_wait <= 30.0


async def test_a_lost_log_holds_the_quota_for_one_window_only(
    own_redis_server: RedisServer,
) -> None:
    async with RedisRateLimiter(own_redis_server.url, 5, 0.3, jitter=0.0) as limiter:
        await limiter.release(await limiter.acquire("q", max_wait=0))
        own_redis_server.restart_empty()
        permit = await limiter.acquire("q", max_wait=5.0)
        assert permit.waited > 0  # it waited for the lost window to pass
        assert await limiter.used("q") == 1


async def test_a_log_that_expired_while_idle_is_not_taken_for_lost_data(redis_url: str) -> None:
    async with RedisRateLimiter(redis_url, 5, 0.1, lease=0.1) as limiter:
        await limiter.release(await limiter.acquire("q", max_wait=0))
        log, _ = limiter.keys("q")
        for _ in range(100):  # idle for lease + window: Redis expires the log
            if not await limiter._redis.exists(log):
                break
            await asyncio.sleep(0.05)
        assert not await limiter._redis.exists(log)
        await limiter.acquire("q", max_wait=0)  # no pause: granted at once


async def test_the_first_command_after_a_redis_restart_succeeds(
    own_redis_server: RedisServer,
) -> None:
    async with RedisRateLimiter(own_redis_server.url, 5, 30.0) as limiter:
        await limiter.release(await limiter.acquire("q", max_wait=0))
        own_redis_server.stop()
        own_redis_server.start()
        await limiter.pause(0.001, "q")  # on a pooled connection to the old process
        assert await limiter.used("q") == 0
