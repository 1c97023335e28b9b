"""The token manager over a real redis-server that restarts empty or goes down: a grant whose
pair this process holds is not lost, and a valid token keeps serving while Redis is away."""

from __future__ import annotations

from support.manual_clock import ManualClock
from support.redis_server import RedisServer

from fullscript.redis import RedisTokenStore
from fullscript.sandbox import Sandbox

from .grant_support import GrantTracingTransport, make_app_client


async def test_a_redis_restart_that_lost_the_pair_does_not_make_the_grant_reauthorize(
    own_redis_server: RedisServer,
) -> None:
    server = own_redis_server
    sandbox = Sandbox(seed=4, patients=2)
    traced = GrantTracingTransport(sandbox)
    store = RedisTokenStore(server.url, lock_timeout=2)
    async with store, make_app_client(sandbox, traced, token_store=store) as fs:
        first = traced.mint("g")
        await fs.add_grant("g", first)
        view = fs.for_grant("g")
        await view.clinic.retrieve()
        server.stop()
        server.start()  # same port, no persistence: every pair is gone
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)  # the server wants a refresh (401)
        assert (await view.clinic.retrieve()).name
        stored = await store.load("us", "g")
    assert stored is not None
    assert stored.refresh_token != first.refresh_token  # the chain went on from the held pair
    assert fs.refresh_stats().refreshes == 1


async def test_a_valid_token_keeps_serving_while_redis_is_down_inside_the_leeway(
    own_redis_server: RedisServer,
) -> None:
    server = own_redis_server
    sandbox = Sandbox(seed=5, patients=2)
    traced = GrantTracingTransport(sandbox)
    clock = ManualClock()
    store = RedisTokenStore(server.url, lock_timeout=2)
    async with store, make_app_client(sandbox, traced, token_store=store, clock=clock) as fs:
        await fs.add_grant("g", traced.mint("g"))
        view = fs.for_grant("g")
        await view.clinic.retrieve()
        server.stop()
        try:
            clock.t += sandbox.oauth.token_ttl - 100  # due for refresh, still valid
            for _ in range(3):
                assert (await view.clinic.retrieve()).name
            await view.token_manager.settle()  # the refresh failed in the background
        finally:
            server.start()
        assert fs.refresh_stats().failures >= 1
        assert fs.refresh_stats().refreshes == 0
        clock.t += 10  # past the pause after a failed early refresh
        assert (await view.clinic.retrieve()).name
        await view.token_manager.settle()
        assert fs.refresh_stats().refreshes == 1
