"""RedisTokenStore against a real redis-server: the contract (compare-and-set, grants), real
processes sharing it against a served sandbox, a lock holder killed mid-refresh, Redis down,
and a revoked grant among live ones."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis
from support.redis_server import RedisServer
from support.token_pairs import pair

from fullscript import GrantRevokedError, TokenStore, TokenStoreError
from fullscript.redis import RedisTokenStore, RedisUnavailableError
from fullscript.sandbox import Sandbox

from .grant_support import (
    GrantTracingTransport,
    acting_for,
    add_minted_grants,
    clinic_for_each,
    make_app_client,
    revoke,
)
from .process_support import (
    assert_one_refresh_per_expiry,
    run_refresh_scenario,
    start_worker,
)


@pytest.fixture
async def store(redis_url: str) -> AsyncIterator[RedisTokenStore]:
    async with RedisTokenStore(redis_url, prefix="test-app") as opened:
        yield opened


async def test_the_store_contract_on_real_redis(store: RedisTokenStore) -> None:
    assert isinstance(store, TokenStore)
    assert await store.load("us") is None
    assert await store.save(pair(1))
    assert await store.save(pair(2), "tenant-b")
    assert await store.save(pair(3, "ca"), "tenant-c")
    assert await store.load("us") == pair(1)
    assert await store.grant_ids("us") == ["default", "tenant-b"]
    assert await store.grant_ids("ca") == ["tenant-c"]
    # Compare-and-set: only over the pair the refresh started from.
    assert not await store.save(pair(4), "tenant-b", replaces=pair(1))
    assert await store.load("us", "tenant-b") == pair(2)
    assert await store.save(pair(4), "tenant-b", replaces=pair(2))
    assert await store.load("us", "tenant-b") == pair(4)
    assert not await store.save(pair(5), "nobody", replaces=pair(4))  # nothing stored: no CAS
    await store.delete("us", "tenant-b")
    await store.delete("us", "tenant-b")
    assert await store.grant_ids("us") == ["default"]
    assert "SECRET" not in repr(store)


async def test_compare_and_set_is_atomic_under_contention(store: RedisTokenStore) -> None:
    await store.save(pair(0))
    outcomes = await asyncio.gather(*(store.save(pair(n), replaces=pair(0)) for n in range(1, 41)))
    assert outcomes.count(True) == 1  # exactly one writer replaced pair 0


@pytest.mark.slow
async def test_processes_sharing_redis_refresh_once_per_expiry(redis_url: str) -> None:
    grants = ["clinic-a", "clinic-b", "clinic-c"]
    async with RedisTokenStore(redis_url, prefix="shared") as seeding:
        scenario = await run_refresh_scenario(
            seeding, ["--store", redis_url, "--prefix", "shared"], grants=grants
        )
    assert_one_refresh_per_expiry(scenario, grants)


async def test_a_lock_holder_killed_mid_refresh_delays_the_others_only_until_expiry(
    redis_url: str,
) -> None:
    sandbox = Sandbox(seed=2, patients=2)
    traced = GrantTracingTransport(sandbox)
    holder = start_worker("hold-lock", "--store", redis_url, "--grant", "g", "--lock-timeout", "2")
    try:
        assert holder.stdout is not None
        assert json.loads(await asyncio.to_thread(holder.stdout.readline)) == {"holding": True}
        holder.send_signal(signal.SIGKILL)  # dies holding the lock: nobody will release it
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    raw = aioredis.Redis.from_url(redis_url)
    try:
        assert await raw.pttl("fullscript:refresh-lock:us:g") > 0  # still held by the dead
    finally:
        await raw.aclose()

    store = RedisTokenStore(redis_url, lock_timeout=2)
    async with store, make_app_client(sandbox, traced, token_store=store) as fs:
        await fs.add_grant("g", traced.mint("g"))
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)
        acting_for.set("g")
        await fs.for_grant("g").clinic.retrieve()  # waits out the dead holder, refreshes
        assert fs.refresh_stats().refreshes == 1
    assert traced.token_endpoint.refreshes == 1


async def test_waiting_for_a_live_holder_gives_up_with_a_clear_error(
    store: RedisTokenStore,
) -> None:
    impatient = RedisTokenStore(store._redis, prefix="test-app", lock_timeout=5, lock_wait=0.2)
    async with impatient, store.refresh_lock("us", "busy"):
        with pytest.raises(TokenStoreError, match="waiting for the refresh lock of grant 'busy'"):
            async with impatient.refresh_lock("us", "busy"):
                pass


async def test_redis_down_raises_a_typed_error_naming_redis(own_redis_server: RedisServer) -> None:
    server = own_redis_server
    sandbox = Sandbox(seed=2, patients=2)
    traced = GrantTracingTransport(sandbox)
    store = RedisTokenStore(server.url, lock_timeout=2)
    async with store, make_app_client(sandbox, traced, token_store=store) as fs:
        await fs.add_grant("g", traced.mint("g"))
        await store.save(traced.mint("h"), "h")  # stored, never loaded by this client
        view = fs.for_grant("g")
        await view.clinic.retrieve()
        server.stop()
        # The token in memory still serves: no store round-trip per request.
        await view.clinic.retrieve()
        # A grant not loaded yet needs Redis: a typed error naming it.
        with pytest.raises(
            RedisUnavailableError,
            match=r"Redis at redis://127\.0\.0\.1:\d+/0 is unavailable while loading the OAuth token of grant 'h'",
        ):
            await fs.for_grant("h").clinic.retrieve()
        # A refresh needs Redis too (the lock, the re-read, the save).
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)
        with pytest.raises(RedisUnavailableError, match="refresh lock of grant 'g'"):
            await view.clinic.retrieve()


async def test_a_revoked_grant_among_live_ones_fails_alone(store: RedisTokenStore) -> None:
    sandbox = Sandbox(seed=2, patients=2)
    traced = GrantTracingTransport(sandbox)
    grants = [f"clinic-{n}" for n in range(5)]
    async with make_app_client(sandbox, traced, token_store=store) as fs:
        tokens = await add_minted_grants(fs, traced, grants)
        revoke(sandbox, tokens["clinic-3"])
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)
        results = await clinic_for_each(fs, grants)
    failed = {g: r for g, r in results.items() if isinstance(r, BaseException)}
    assert list(failed) == ["clinic-3"]
    assert isinstance(failed["clinic-3"], GrantRevokedError)
    assert "grant 'clinic-3' in region 'us' is dead" in str(failed["clinic-3"])
    assert all(c.token_of == c.acting_for for c in traced.calls)
