"""RedisTokenStore when Redis misbehaves: out of memory, a read-only replica, a stall that
outlives the client's lock request, a restart."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis
from support.redis_server import RedisServer
from support.token_pairs import pair

from fullscript.redis import RedisTokenStore, RedisUnavailableError


async def test_a_save_redis_refuses_for_lack_of_memory_is_a_typed_error(
    own_redis_server: RedisServer,
) -> None:
    async with RedisTokenStore(own_redis_server.url) as store:
        await store.save(pair(1), "g")
        own_redis_server.limit_memory("1mb")
        with pytest.raises(RedisUnavailableError, match="OutOfMemoryError") as plain:
            await store.save(pair(2), "g")
        with pytest.raises(RedisUnavailableError, match="OutOfMemoryError") as swapped:
            await store.save(pair(2), "g", replaces=pair(1))
        assert await store.load("us", "g") == pair(1)
    for refused in (plain.value, swapped.value):
        assert "SECRET" not in str(refused)


async def test_a_read_only_replica_refuses_saves_and_locks_with_a_typed_error(
    own_redis_server: RedisServer, redis_server: RedisServer
) -> None:
    own_redis_server.command("REPLICAOF", "127.0.0.1", str(redis_server.port))
    async with RedisTokenStore(own_redis_server.url) as store:
        with pytest.raises(RedisUnavailableError, match="ReadOnlyError"):
            await store.save(pair(1), "g")
        with pytest.raises(RedisUnavailableError, match="ReadOnlyError"):
            async with store.refresh_lock("us", "g"):
                pass


async def test_a_lock_request_that_timed_out_does_not_stall_the_next_refresh(
    own_redis_server: RedisServer,
) -> None:
    """Redis stalls (SIGSTOP) while the lock request is on its way: the client gives up, Redis
    later takes the lock for nobody. The next refresh must not wait lock_timeout for it."""
    client = aioredis.Redis.from_url(own_redis_server.url, socket_timeout=0.3)
    store = RedisTokenStore(client, lock_timeout=15, lock_wait=1)
    async with client, store:
        await store.load("us", "g")  # a pooled connection, open before the stall
        own_redis_server.freeze()
        try:
            with pytest.raises(RedisUnavailableError, match="refresh lock of grant 'g'"):
                async with store.refresh_lock("us", "g"):
                    pass
        finally:
            own_redis_server.thaw()
        await asyncio.sleep(0.1)  # Redis now runs what it was sent while frozen
        async with store.refresh_lock("us", "g"):
            pass


async def test_the_store_answers_at_once_after_a_redis_restart(
    own_redis_server: RedisServer,
) -> None:
    async with RedisTokenStore(own_redis_server.url) as store:
        await store.save(pair(1), "g")
        own_redis_server.restart_empty()
        assert await store.load("us", "g") is None  # not a RedisUnavailableError


async def test_a_save_that_timed_out_says_its_outcome_is_unknown(
    own_redis_server: RedisServer,
) -> None:
    client = aioredis.Redis.from_url(own_redis_server.url, socket_timeout=0.3)
    store = RedisTokenStore(client)
    async with client, store:
        await store.save(pair(1), "g")
        assert await store.save(pair(1), "g", replaces=pair(1))  # the script is loaded
        own_redis_server.freeze()
        try:
            with pytest.raises(RedisUnavailableError, match="outcome is unknown") as unknown:
                await store.save(pair(2), "g", replaces=pair(1))
        finally:
            own_redis_server.thaw()
        await asyncio.sleep(0.1)
        # Redis did save it once it ran again: "not saved" would have been wrong.
        assert await store.load("us", "g") == pair(2)
    assert "SECRET" not in str(unknown.value)
