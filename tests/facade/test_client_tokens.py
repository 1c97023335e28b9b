"""Token behaviour through the real `Fullscript` client against the embedded sandbox:
single-flight refresh under 1000 concurrent calls, early refresh on the monotonic clock,
and rotation safety (saved before use; network failure keeps the old pair; a revoked grant
is a clear `AuthenticationError` and the store still holds the old pair)."""

from __future__ import annotations

import asyncio

import httpx2
import pytest
from support.manual_clock import ManualClock

from fullscript import (
    APIConnectionError,
    AuthenticationError,
    InMemoryTokenStore,
    OAuthToken,
)
from fullscript._auth import DEFAULT_REFRESH_RETRIES
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Sandbox

from .conftest import RecordingTransport, make_client

TOKEN_PATH = "/us/api/oauth/token"


class GatedTokenEndpoint(httpx2.AsyncBaseTransport):
    """Holds token calls at a gate so that every concurrent caller piles up behind the refresh."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner
        self.gate = asyncio.Event()
        self.token_started = asyncio.Event()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token"):
            self.token_started.set()
            await self.gate.wait()
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class EventStore(InMemoryTokenStore):
    """Records saves, so the order "save, then use" can be checked against the traffic."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    async def save(
        self, token: OAuthToken, grant_id: str = "default", *, replaces: OAuthToken | None = None
    ) -> bool:
        self.events.append(f"save {token.access_token}")
        return await super().save(token, grant_id, replaces=replaces)


async def _thousand_calls_with_one_refresh(
    sandbox: Sandbox, *, expire_on: str
) -> tuple[RecordingTransport, OAuthToken, OAuthToken]:
    recorder = RecordingTransport(sandbox.transport())
    gated = GatedTokenEndpoint(recorder)
    clock = ManualClock(10_000)
    async with make_client(sandbox, transport=gated, clock=clock) as fs:
        old = await fs.token_manager.get_token()
        if expire_on == "client clock":
            clock.t += 7200  # our monotonic clock says the token expired: early refresh path
        else:
            sandbox.advance_time(7300)  # the server refuses the token: the 401 path
        tasks = [asyncio.create_task(fs.clinic.retrieve()) for _ in range(1000)]
        await gated.token_started.wait()
        for _ in range(20):  # let every other task reach the token manager
            await asyncio.sleep(0)
        gated.gate.set()
        clinics = await asyncio.gather(*tasks)
        assert all(clinic.name for clinic in clinics)
        new = fs.token_manager.current_token
    assert new is not None
    return recorder, old, new


@pytest.mark.parametrize("expire_on", ["client clock", "server 401"])
async def test_1000_concurrent_calls_through_the_client_make_exactly_one_refresh(
    sandbox: Sandbox, expire_on: str
) -> None:
    recorder, old, new = await _thousand_calls_with_one_refresh(sandbox, expire_on=expire_on)
    assert recorder.count(TOKEN_PATH) == 1
    assert new.access_token != old.access_token
    api_calls = [s for s in recorder.sent if s.path == "/us/api/clinic"]
    successful = [s for s in api_calls if s.authorization == f"Bearer {new.access_token}"]
    assert len(successful) == 1000
    if expire_on == "client clock":
        assert len(api_calls) == 1000  # refreshed before sending: no 401 round trips


async def test_early_refresh_follows_the_monotonic_clock_not_the_server(sandbox: Sandbox) -> None:
    recorder = RecordingTransport(sandbox.transport())
    clock = ManualClock(10_000)
    async with make_client(sandbox, transport=recorder, clock=clock) as fs:
        await fs.clinic.retrieve()
        clock.t += 7200 - 301  # 301 s left: outside the default 300 s leeway
        await fs.clinic.retrieve()
        assert recorder.count(TOKEN_PATH) == 0
        clock.t += 2  # 299 s left: inside it; the server would still accept the old token
        await fs.clinic.retrieve()  # sent with the valid token, the refresh runs beside it
        await fs.token_manager.settle()
        assert recorder.count(TOKEN_PATH) == 1
        await fs.clinic.retrieve()
        assert [s.path for s in recorder.sent][-2:] == [TOKEN_PATH, "/us/api/clinic"]


async def test_rotated_pair_is_saved_before_it_is_sent(sandbox: Sandbox) -> None:
    events: list[str] = []
    recorder = RecordingTransport(sandbox.transport())

    class Tap(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            auth = request.headers.get("authorization")
            events.append(f"send {auth.removeprefix('Bearer ') if auth else request.url.path}")
            return await recorder.handle_async_request(request)

    store = EventStore(events)
    async with make_client(sandbox, transport=Tap(), token_store=store) as fs:
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)
        await fs.clinic.retrieve()
        new = fs.token_manager.current_token
    assert new is not None
    first_use = events.index(f"send {new.access_token}")
    assert events.index(f"save {new.access_token}") < first_use
    assert events[first_use - 1] == f"save {new.access_token}"


async def test_network_failure_during_refresh_keeps_the_old_pair_and_is_retried(
    sandbox: Sandbox,
) -> None:
    store = InMemoryTokenStore()
    recorder = RecordingTransport(sandbox.transport())
    async with make_client(
        sandbox, transport=recorder, token_store=store, max_retries=0, clock=ManualClock(10_000)
    ) as fs:
        await fs.clinic.retrieve()
        old = await store.load("us")
        sandbox.advance_time(7300)
        # One more drop than the token manager's own retries: the caller sees it.
        sandbox.faults.drop(operation_id="create_oauth_token", times=DEFAULT_REFRESH_RETRIES + 1)
        with pytest.raises(APIConnectionError):
            await fs.clinic.retrieve()
        assert await store.load("us") == old
        assert fs.token_manager.current_token == old
        # The dropped refresh never reached the server: the old refresh token still works.
        assert (await fs.clinic.retrieve()).name
        new = await store.load("us")
    assert old is not None and new is not None
    assert new.refresh_token != old.refresh_token
    assert recorder.count(TOKEN_PATH) == DEFAULT_REFRESH_RETRIES + 2


async def test_a_dropped_refresh_is_tried_again_while_the_caller_waits(sandbox: Sandbox) -> None:
    recorder = RecordingTransport(sandbox.transport())
    async with make_client(
        sandbox, transport=recorder, max_retries=0, clock=ManualClock(10_000)
    ) as fs:
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)
        sandbox.faults.drop(operation_id="create_oauth_token", times=DEFAULT_REFRESH_RETRIES)
        assert (await fs.clinic.retrieve()).name
    assert recorder.count(TOKEN_PATH) == DEFAULT_REFRESH_RETRIES + 1


async def test_revoked_grant_is_a_clear_authentication_error_and_the_store_keeps_the_pair(
    sandbox: Sandbox,
) -> None:
    store = InMemoryTokenStore()
    async with make_client(sandbox, token_store=store) as fs:
        await fs.clinic.retrieve()
        old = await store.load("us")
        assert old is not None
        # The user revoked the app's access elsewhere: both tokens of the pair die.
        async with httpx2.AsyncClient(transport=sandbox.transport()) as other:
            revoked = await other.post(
                f"{fs.region.api_url}/oauth/revoke",
                json={
                    "client_id": DEFAULT_CLIENT_ID,
                    "client_secret": DEFAULT_CLIENT_SECRET,
                    "token": old.access_token,
                },
            )
            assert revoked.status_code == 200
        with pytest.raises(AuthenticationError) as raised:
            await fs.clinic.retrieve()
        message = str(raised.value)
        assert "refresh" in message.lower() and "authorize" in message.lower()
        assert raised.value.status_code == 400
        for secret in (old.access_token, old.refresh_token, DEFAULT_CLIENT_SECRET):
            assert secret not in message and secret not in repr(raised.value)
        # Nothing lost: the store still holds the pair it had (no delete, no half-written pair).
        assert await store.load("us") == old
