"""The token chain between siblings sharing one store (two clients here stand for two
processes: each has its own token manager and in-memory token, like a separate worker).

Exactly one refresh per expiry; a sibling's rotation is adopted, on a 401 and before a
refresh; compare-and-set keeps one live chain even when the refresh lock is lost; a refused
refresh re-reads the store before calling the grant dead; a refresh is logged once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import httpx2
import pytest

from fullscript import (
    APIConnectionError,
    AuthenticationError,
    FileTokenStore,
    Fullscript,
    GrantRevokedError,
    InMemoryTokenStore,
    OAuthToken,
    TokenStore,
)
from fullscript.sandbox import Sandbox

from .grant_support import make_app_client, token_from
from .token_endpoint_counter import TokenEndpointCounter

StoreFactory = Callable[[], TokenStore]


@pytest.fixture(params=["memory", "file", "redis"])
async def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StoreFactory]:
    """Each sibling gets its own store object over the same data, as processes would."""
    if request.param == "memory":
        shared = InMemoryTokenStore()
        yield lambda: shared
    elif request.param == "file":
        yield lambda: FileTokenStore(tmp_path / "tokens.json")
    else:
        from fullscript.redis import RedisTokenStore

        url = request.getfixturevalue("redis_url")
        opened: list[RedisTokenStore] = []

        def connect() -> TokenStore:
            opened.append(RedisTokenStore(url))
            return opened[-1]

        yield connect
        for store in opened:
            await store.aclose()


class TokenCallHook(httpx2.AsyncBaseTransport):
    """The sandbox transport, with an optional coroutine run before each token call."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.inner = sandbox.transport()
        self.before_token_call: Callable[[httpx2.Request], Any] | None = None
        self.statuses: list[int] = []
        self.unauthorized_target = 0
        self.unauthorized_reached = asyncio.Event()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token") and self.before_token_call is not None:
            await self.before_token_call(request)
        response = await self.inner.handle_async_request(request)
        if "/oauth/" not in request.url.path:
            self.statuses.append(response.status_code)
            if self.unauthorized_target and self.statuses.count(401) >= self.unauthorized_target:
                self.unauthorized_reached.set()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class World:
    def __init__(self, make_store: StoreFactory) -> None:
        self.sandbox = Sandbox(seed=5, patients=2)
        self.counter = TokenEndpointCounter.install(self.sandbox)
        self.hook = TokenCallHook(self.sandbox)
        self.make_store = make_store
        self.first = token_from(self.sandbox.issue_token("us"))

    @contextlib.asynccontextmanager
    async def siblings(
        self, count: int = 2, store_wrapper: Callable[[TokenStore], TokenStore] | None = None
    ) -> AsyncIterator[list[Fullscript]]:
        await self.make_store().save(self.first)
        clients = []
        for _ in range(count):
            store = self.make_store()
            clients.append(
                make_app_client(
                    self.sandbox,
                    self.hook,
                    token_store=store_wrapper(store) if store_wrapper else store,
                )
            )
        try:
            for client in clients:
                await client.clinic.retrieve()  # each loads the first pair into memory
            yield clients
        finally:
            for client in clients:
                await client.aclose()

    def expire(self) -> None:
        self.sandbox.advance_time(self.sandbox.oauth.token_ttl + 1)


@pytest.fixture
def world(make_store: StoreFactory) -> World:
    return World(make_store)


async def test_a_sibling_meeting_a_401_adopts_the_pair_already_rotated(world: World) -> None:
    async with world.siblings() as (a, b):
        world.expire()
        await a.clinic.retrieve()  # 401, refresh, replay: the first pair is now retired
        await b.clinic.retrieve()  # 401 too: the store already holds the rotated pair
        assert world.counter.refreshes == 1
        assert b.refresh_stats().adopted == 1 and b.refresh_stats().refreshes == 0
        assert a.token_manager.current_token == b.token_manager.current_token
    assert world.counter.refused_refreshes == 0


async def test_siblings_expiring_together_make_exactly_one_refresh(world: World) -> None:
    async with world.siblings(count=4) as clients:
        world.expire()
        results = await asyncio.gather(
            *(client.clinic.retrieve() for client in clients for _ in range(10)),
            return_exceptions=True,
        )
        assert [r for r in results if isinstance(r, BaseException)] == []
        assert world.counter.refreshes == 1
        assert len({c.token_manager.current_token for c in clients}) == 1


class LockLost:
    """A store whose refresh lock excludes nobody: what a lock that expired mid-refresh gives."""

    def __init__(self, store: TokenStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def refresh_lock(
        self, region: str, grant_id: str = "default"
    ) -> AbstractAsyncContextManager[None]:
        return contextlib.nullcontext()  # type: ignore[return-value]


async def test_compare_and_set_keeps_one_live_chain_when_the_lock_is_lost(world: World) -> None:
    both_refreshing = asyncio.Barrier(2)

    async def meet(request: httpx2.Request) -> None:
        await both_refreshing.wait()  # both siblings refresh the same pair at once

    async with world.siblings(store_wrapper=LockLost) as (a, b):  # type: ignore[arg-type]
        world.hook.before_token_call = meet
        world.expire()
        await asyncio.gather(a.clinic.retrieve(), b.clinic.retrieve())
        world.hook.before_token_call = None
        # Two refreshes happened, but only one pair is in use by anyone: the loser of the
        # compare-and-set adopted the winner's pair and never sent its own.
        assert world.counter.refreshes == 2
        in_use = a.token_manager.current_token
        assert in_use is not None and in_use == b.token_manager.current_token
        assert in_use == await a.token_manager.store.load("us")
        assert a.refresh_stats().adopted + b.refresh_stats().adopted == 1
        for _ in range(3):
            await a.clinic.retrieve()
            await b.clinic.retrieve()
        assert world.counter.refreshes == 2  # no further refresh: one chain


async def test_a_refused_refresh_rereads_the_store_before_calling_the_grant_dead(
    world: World,
) -> None:
    async with world.siblings(store_wrapper=LockLost) as (a, _b):  # type: ignore[arg-type]
        store = a.token_manager.store
        world.expire()

        async def sibling_rotates_first(request: httpx2.Request) -> None:
            # Another process, not sharing our lock, refreshes the pair and uses the new one
            # (retiring the old refresh token) just before our refresh reaches the server.
            world.hook.before_token_call = None
            async with httpx2.AsyncClient(transport=world.sandbox.transport()) as http:
                answer = await http.post(
                    f"{world.sandbox.base_url('us')}/api/oauth/token",
                    json={
                        "grant_type": "refresh_token",
                        "client_id": "sandbox-client-id",
                        "client_secret": "sandbox-client-secret",
                        "refresh_token": world.first.refresh_token,
                    },
                )
                sibling = OAuthToken.from_response(answer.json(), region="us")
                used = await http.get(
                    f"{world.sandbox.base_url('us')}/api/clinic",
                    headers={"Authorization": f"Bearer {sibling.access_token}"},
                )
                assert used.status_code == 200
            await store.save(sibling)

        world.hook.before_token_call = sibling_rotates_first
        await a.clinic.retrieve()  # our refresh is refused; the store's newer pair is used
        assert world.counter.refused_refreshes == 1
        assert a.refresh_stats().adopted == 1 and a.refresh_stats().dead_grants == 0
        assert a.token_manager.current_token == await store.load("us")


async def test_a_failed_refresh_is_logged_once_however_many_callers_wait(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    callers = 30
    async with world.siblings(count=1) as (client,):
        world.hook.statuses.clear()
        world.hook.unauthorized_target = callers

        async def fail_once_everyone_waits(request: httpx2.Request) -> None:
            await world.hook.unauthorized_reached.wait()  # every caller met its 401
            raise httpx2.ConnectError("token endpoint unreachable", request=request)

        world.hook.before_token_call = fail_once_everyone_waits
        world.expire()
        with caplog.at_level(logging.INFO, logger="fullscript"):
            results = await asyncio.gather(
                *(client.clinic.retrieve() for _ in range(callers)), return_exceptions=True
            )
    assert all(isinstance(r, APIConnectionError) for r in results)
    warnings = [
        r for r in caplog.records if r.name == "fullscript" and r.levelno == logging.WARNING
    ]
    assert len(warnings) == 1
    assert (
        "refreshing the OAuth token of grant 'default' in region 'us' failed" in warnings[0].message
    )
    assert client.refresh_stats().failures == 1


async def test_refused_app_credentials_are_not_reported_as_a_dead_grant(world: World) -> None:
    async with world.siblings(count=1) as (client,):
        world.sandbox.oauth.apps["sandbox-client-id"].client_secret = "rotated-in-the-dashboard"
        world.expire()
        with pytest.raises(AuthenticationError, match="invalid_client") as info:
            await client.clinic.retrieve()
        assert not isinstance(info.value, GrantRevokedError)
        assert client.refresh_stats().dead_grants == 0
