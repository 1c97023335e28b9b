"""RedisTokenStore with encryption at rest, against a real redis-server: the hash holds only
ciphertexts, the Lua compare-and-set still compares like with like, keys rotate, and pairs
written before encryption was turned on are read and sealed on their next save."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis
from support.token_pairs import pair

from fullscript import TokenEncryption
from fullscript.redis import RedisTokenStore

KEY_1 = TokenEncryption.generate_key()
KEY_2 = TokenEncryption.generate_key()


@pytest.fixture
async def raw(redis_url: str) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def at_rest(raw: aioredis.Redis) -> str:
    return repr(await raw.hgetall("fullscript:tokens:us"))


async def test_redis_holds_ciphertexts_and_compare_and_set_still_works(
    redis_url: str, raw: aioredis.Redis
) -> None:
    async with RedisTokenStore(redis_url, encryption=TokenEncryption(KEY_1)) as store:
        await store.save(pair(1), "clinic-a")
        assert "refresh-SECRET" not in await at_rest(raw)
        assert "access-SECRET" not in await at_rest(raw)
        loaded = await store.load("us", "clinic-a")
        assert loaded == pair(1)
        assert await store.save(pair(2), "clinic-a", replaces=loaded)
        assert not await store.save(pair(3), "clinic-a", replaces=loaded)
        current = await store.load("us", "clinic-a")
        assert current == pair(2)
        assert await store.save(pair(4), "clinic-a", replaces=current)
        assert await store.grant_ids("us") == ["clinic-a"]
    assert "refresh-SECRET" not in await at_rest(raw)


async def test_another_process_sharing_the_redis_compares_correctly(redis_url: str) -> None:
    # Two stores (two processes) with the same key: each seals independently.
    async with (
        RedisTokenStore(redis_url, encryption=TokenEncryption(KEY_1)) as first,
        RedisTokenStore(redis_url, encryption=TokenEncryption(KEY_1)) as second,
    ):
        await first.save(pair(1), "clinic-a")
        seen_by_second = await second.load("us", "clinic-a")
        seen_by_first = await first.load("us", "clinic-a")
        assert await second.save(pair(2), "clinic-a", replaces=seen_by_second)
        assert not await first.save(pair(3), "clinic-a", replaces=seen_by_first)
        assert await first.load("us", "clinic-a") == pair(2)


async def test_keys_rotate_and_plaintext_pairs_are_sealed_on_their_next_save(
    redis_url: str, raw: aioredis.Redis
) -> None:
    async with RedisTokenStore(redis_url) as plain:
        await plain.save(pair(1), "clinic-a")
    assert "refresh-SECRET-1" in await at_rest(raw)
    async with RedisTokenStore(redis_url, encryption=TokenEncryption(KEY_1)) as old_key:
        loaded = await old_key.load("us", "clinic-a")
        assert loaded == pair(1)
        assert await old_key.save(pair(2), "clinic-a", replaces=loaded)
    assert "refresh-SECRET" not in await at_rest(raw)
    rotating = TokenEncryption([KEY_2, KEY_1])
    async with RedisTokenStore(redis_url, encryption=rotating) as store:
        loaded = await store.load("us", "clinic-a")
        assert await store.save(pair(3), "clinic-a", replaces=loaded)
    async with RedisTokenStore(redis_url, encryption=TokenEncryption(KEY_2)) as new_only:
        assert await new_only.load("us", "clinic-a") == pair(3)
