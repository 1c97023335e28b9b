"""TokenManager + BearerAuth: early refresh, single flight, replay on 401, safe rotation."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx2
import pytest
from support.manual_clock import ManualClock

from fullscript._auth import BearerAuth, TokenManager
from fullscript._errors import (
    APIConnectionError,
    AuthenticationError,
    RegionMismatchError,
    ServerError,
    TokenMissingError,
)
from fullscript._grants import GrantRevokedError
from fullscript._oauth import OAuthApp, OAuthClient
from fullscript._regions import Region
from fullscript._tokens import OAuthToken
from fullscript.token_stores import InMemoryTokenStore, TokenStore, TokenStoreError

CLIENT_SECRET = "client-SECRET-xyz"
APP = OAuthApp("client-id", CLIENT_SECRET, "https://app.example/cb")
NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
REGION = Region.US_SANDBOX.with_base_url("http://fake/us-snd")
API = "http://fake/us-snd/api/clinic/patients"


class FakeFullscript:
    """Token endpoint with rotation + an API that accepts only live access tokens."""

    def __init__(self) -> None:
        self.generation = 0
        self.live_access = {"access-SECRET-0"}
        self.live_refresh = {"refresh-SECRET-0"}
        self.token_calls = 0
        self.api_calls: list[tuple[str, bytes]] = []
        self.events: list[tuple[str, str]] = []
        self.token_gate: asyncio.Event | None = None
        self.token_started = asyncio.Event()
        self.token_failure: str | None = None  # "network" | "revoked" | None
        self.api_always_401 = False
        self.created_at = NOW.isoformat()  # the server's wall clock
        self.expires_in: object = 7200
        self.token_503s = 0  # the next token calls answering 503

    def initial_token(self, created_at: datetime = NOW, region: str = "us-snd") -> OAuthToken:
        return OAuthToken(
            "access-SECRET-0", "refresh-SECRET-0", region, expires_in=7200, created_at=created_at
        )

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token"):
            return await self.token(request)
        auth = request.headers.get("authorization", "")
        access = auth.removeprefix("Bearer ")
        self.api_calls.append((access, request.content))
        self.events.append(("api", access))
        if self.api_always_401 or access not in self.live_access:
            return httpx2.Response(401, json={"error": "The access token is invalid"})
        return httpx2.Response(200, json={"patients": [], "echo": request.content.decode()})

    async def token(self, request: httpx2.Request) -> httpx2.Response:
        self.token_calls += 1
        self.token_started.set()
        if self.token_gate is not None:
            await self.token_gate.wait()
        if self.token_failure == "network":
            raise httpx2.ConnectError("connection reset", request=request)
        if self.token_503s:
            self.token_503s -= 1
            return httpx2.Response(503, json={"error": "unavailable"})
        body = json.loads(request.content)
        if self.token_failure == "revoked" or body["refresh_token"] not in self.live_refresh:
            return httpx2.Response(
                400, json={"error": "invalid_grant", "error_description": "Grant revoked."}
            )
        self.generation += 1
        n = self.generation
        # Rotation: the old refresh token stays usable until the new access token is used;
        # modelled loosely by keeping old ones live (tests check what the SDK sends).
        self.live_access.add(f"access-SECRET-{n}")
        self.live_refresh.add(f"refresh-SECRET-{n}")
        return httpx2.Response(
            200,
            json={
                "oauth": {
                    "access_token": f"access-SECRET-{n}",
                    "token_type": "Bearer",
                    "expires_in": self.expires_in,
                    "refresh_token": f"refresh-SECRET-{n}",
                    "scope": "catalog:read",
                    "created_at": self.created_at,
                    "resource_owner": {"id": "p1", "type": "Practitioner"},
                }
            },
        )


class RecordingStore(InMemoryTokenStore):
    def __init__(self, server: FakeFullscript, tokens: list[OAuthToken]) -> None:
        super().__init__(tokens)
        self.server = server
        self.saves = 0
        self.fail_saves = False

    async def save(
        self, token: OAuthToken, grant_id: str = "default", *, replaces: OAuthToken | None = None
    ) -> bool:
        self.saves += 1
        if self.fail_saves:
            raise RuntimeError(f"database down while writing {token.access_token}")
        self.server.events.append(("save", token.access_token))
        return await super().save(token, grant_id, replaces=replaces)


class Harness:
    def __init__(
        self, *, created_at: datetime = NOW, stored: bool = True, refresh_retries: int = 3
    ) -> None:
        self.server = FakeFullscript()
        self.clock = ManualClock(1000)
        self.wall = NOW
        self.transport = httpx2.MockTransport(self.server)
        self.store = RecordingStore(
            self.server, [self.server.initial_token(created_at)] if stored else []
        )
        self.oauth = OAuthClient(APP, httpx2.AsyncClient(transport=self.transport))
        self.manager = TokenManager(
            self.oauth,
            self.store,
            REGION,
            leeway=300,
            clock=self.clock,
            utcnow=lambda: self.wall,
            refresh_retries=refresh_retries,
        )
        self.http = httpx2.AsyncClient(transport=self.transport, auth=BearerAuth(self.manager))

    async def get(self) -> httpx2.Response:
        return await self.http.get(API)

    def sent_tokens(self) -> list[str]:
        return [access for access, _ in self.server.api_calls]


async def settle_while_refresh_is_held(h: Harness) -> None:
    """Wait until the refresh is in flight, then let every other task park at the manager."""
    await h.server.token_started.wait()
    for _ in range(10):
        await asyncio.sleep(0)


async def test_adds_the_stored_bearer_token() -> None:
    h = Harness()
    response = await h.get()
    assert response.status_code == 200
    assert h.sent_tokens() == ["access-SECRET-0"]
    assert h.server.token_calls == 0


async def test_no_stored_token_is_a_clear_error() -> None:
    h = Harness(stored=False)
    with pytest.raises(TokenMissingError, match="us-snd") as caught:
        await h.get()
    assert h.server.api_calls == []
    # It names what a `Fullscript` user calls, not the lower-level OAuthClient.
    assert "fs.exchange_code(code)" in str(caught.value)
    assert "fs.authorization_url(state)" in str(caught.value)


async def test_token_from_another_region_is_refused_naming_both_regions() -> None:
    h = Harness()
    await h.store.save(h.server.initial_token(region="ca"))
    h.store._tokens[("default", "us-snd")] = h.server.initial_token(region="ca")
    with pytest.raises(RegionMismatchError) as info:
        await h.get()
    assert "'ca'" in str(info.value) and "'us-snd'" in str(info.value)
    assert h.server.api_calls == []


async def test_refresh_with_a_token_of_another_region_is_refused() -> None:
    h = Harness()
    with pytest.raises(RegionMismatchError):
        await h.manager.refresh(h.server.initial_token(region="us"))
    assert h.server.token_calls == 0


async def test_refreshes_early_within_the_leeway_on_the_monotonic_clock() -> None:
    h = Harness()
    await h.get()
    h.clock.advance(7200 - 301)
    await h.get()
    assert h.server.token_calls == 0
    h.clock.advance(2)  # now 299 s left: inside the 300 s leeway
    await h.get()  # sent with the still-valid token while the refresh runs beside it
    await h.manager.settle()
    assert h.server.token_calls == 1
    await h.get()
    assert h.sent_tokens() == [
        "access-SECRET-0",
        "access-SECRET-0",
        "access-SECRET-0",
        "access-SECRET-1",
    ]


async def test_short_lived_tokens_are_refreshed_at_half_life_not_on_every_request() -> None:
    h = Harness()
    await h.store.save(
        OAuthToken("access-SECRET-0", "refresh-SECRET-0", "us-snd", expires_in=120, created_at=NOW)
    )
    await h.get()
    h.clock.advance(59)
    await h.get()
    assert h.server.token_calls == 0
    h.clock.advance(2)
    await h.get()
    await h.manager.settle()
    await h.get()
    assert h.server.token_calls == 1


async def test_wall_clock_jumps_after_loading_do_not_matter() -> None:
    h = Harness()
    await h.get()
    h.wall = NOW + timedelta(days=3)  # NTP step, suspend/resume, ...
    await h.get()
    assert h.server.token_calls == 0


async def test_refreshed_token_expiry_ignores_server_created_at() -> None:
    h = Harness()
    h.server.created_at = "2020-01-01T00:00:00Z"  # badly skewed server clock
    await h.manager.refresh(h.server.initial_token())
    assert h.manager.seconds_left() == 7200
    await h.get()
    await h.get()
    assert h.server.token_calls == 1


async def test_a_stored_token_already_expired_is_refreshed_before_use() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 1
    assert h.sent_tokens() == ["access-SECRET-1"]


async def test_new_pair_is_saved_before_it_is_used() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    await h.get()
    assert h.server.events == [("save", "access-SECRET-1"), ("api", "access-SECRET-1")]
    stored = await h.store.load("us-snd")
    assert stored is not None and stored.refresh_token == "refresh-SECRET-1"


async def test_401_refreshes_and_replays_once() -> None:
    h = Harness()
    h.server.live_access.clear()  # the server revoked the access token early
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 1
    assert h.sent_tokens() == ["access-SECRET-0", "access-SECRET-1"]


async def test_replay_sends_the_same_body() -> None:
    h = Harness()
    h.server.live_access.clear()
    response = await h.http.post(API, json={"patient": {"first_name": "Ada"}})
    assert response.status_code == 200
    bodies = [body for _, body in h.server.api_calls]
    assert len(bodies) == 2 and bodies[0] == bodies[1] and b"Ada" in bodies[0]


async def test_replay_sends_the_same_streamed_body() -> None:
    # A body given as an async iterator is consumed by the first send; BearerAuth buffers it
    # first, or the replay after the 401 would fail with StreamConsumed.
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"patient": '
        yield b'{"first_name": "Ada"}}'

    h = Harness()

    class NetworkLikeTransport(httpx2.AsyncBaseTransport):
        # Drains the stream as a socket transport does; MockTransport's aread() would cache
        # the body and hide a missing buffer.
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            body = b"".join([chunk async for chunk in request.stream])  # type: ignore[union-attr]
            sent = httpx2.Request(
                request.method, request.url, headers=request.headers, content=body
            )
            return await h.server(sent)

    http = httpx2.AsyncClient(transport=NetworkLikeTransport(), auth=BearerAuth(h.manager))
    h.server.live_access.clear()
    response = await http.post(API, content=chunks())
    assert response.status_code == 200
    bodies = [body for _, body in h.server.api_calls]
    assert bodies == [b'{"patient": {"first_name": "Ada"}}'] * 2


async def test_second_401_after_replay_is_returned_without_looping() -> None:
    h = Harness()
    h.server.api_always_401 = True
    response = await h.get()
    assert response.status_code == 401
    assert h.server.token_calls == 1
    assert len(h.server.api_calls) == 2


async def test_1000_concurrent_requests_with_an_expired_token_make_one_refresh() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_gate = asyncio.Event()
    tasks = [asyncio.create_task(h.get()) for _ in range(1000)]
    await settle_while_refresh_is_held(h)
    h.server.token_gate.set()
    responses = await asyncio.gather(*tasks)
    assert [r.status_code for r in responses] == [200] * 1000
    assert h.server.token_calls == 1
    assert h.store.saves == 1
    assert set(h.sent_tokens()) == {"access-SECRET-1"}


async def test_1000_concurrent_401s_make_one_refresh() -> None:
    h = Harness()
    await h.get()  # token loaded and valid by the clock
    h.server.live_access.clear()
    h.server.token_gate = asyncio.Event()
    tasks = [asyncio.create_task(h.get()) for _ in range(1000)]
    await settle_while_refresh_is_held(h)
    h.server.token_gate.set()
    responses = await asyncio.gather(*tasks)
    assert [r.status_code for r in responses] == [200] * 1000
    assert h.server.token_calls == 1
    assert h.sent_tokens().count("access-SECRET-1") == 1000


async def test_caller_with_an_already_replaced_token_gets_the_new_one_without_a_call() -> None:
    h = Harness()
    stale = h.server.initial_token()
    first = await h.manager.refresh(stale)
    second = await h.manager.refresh(stale)
    assert first == second
    assert h.server.token_calls == 1


async def test_rotation_by_another_client_sharing_the_store_is_adopted() -> None:
    h = Harness()
    await h.get()
    # Another process sharing the store refreshed and saved a newer pair.
    other = TokenManager(h.oauth, h.store, REGION, clock=h.clock, utcnow=lambda: h.wall)
    await other.refresh(h.server.initial_token())
    assert h.server.token_calls == 1
    h.server.live_access.discard("access-SECRET-0")
    response = await h.get()  # 401 with the old token -> adopts the stored one, no new call
    assert response.status_code == 200
    assert h.server.token_calls == 1
    assert h.sent_tokens()[-1] == "access-SECRET-1"


async def test_network_failure_keeps_the_old_tokens_and_can_be_retried() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3), refresh_retries=0)
    h.server.token_failure = "network"
    with pytest.raises(APIConnectionError):
        await h.get()
    assert await h.store.load("us-snd") == h.server.initial_token(NOW - timedelta(hours=3))
    assert h.server.api_calls == []
    h.server.token_failure = None
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 2


async def test_concurrent_callers_share_one_failed_refresh() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3), refresh_retries=0)
    h.server.token_failure = "network"
    h.server.token_gate = asyncio.Event()
    tasks = [asyncio.create_task(h.get()) for _ in range(50)]
    await settle_while_refresh_is_held(h)
    h.server.token_gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, APIConnectionError) for r in results)
    assert h.server.token_calls == 1


async def test_early_refresh_network_failure_falls_back_to_the_still_valid_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    h = Harness()
    await h.get()
    h.clock.advance(7200 - 100)  # inside the leeway, not yet expired
    h.server.token_failure = "network"
    response = await h.get()
    await h.manager.settle()
    assert response.status_code == 200
    assert h.sent_tokens()[-1] == "access-SECRET-0"
    assert "the current token stays in use" in caplog.text
    assert "SECRET" not in caplog.text


async def test_revoked_refresh_token_raises_and_loses_nothing() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    original = await h.store.load("us-snd")
    h.server.token_failure = "revoked"
    with pytest.raises(AuthenticationError) as info:
        await h.get()
    assert "authorize the app again" in str(info.value)
    assert "SECRET" not in str(info.value)
    assert h.store.saves == 0
    assert await h.store.load("us-snd") == original
    assert h.manager.current_token == original


async def test_failing_store_save_means_the_new_token_is_not_used() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3), refresh_retries=0)
    h.store.fail_saves = True
    with pytest.raises(TokenStoreError) as info:
        await h.get()
    assert "SECRET" not in str(info.value)
    assert isinstance(info.value.__cause__, RuntimeError)
    assert h.server.api_calls == []  # the new access token never reached the API
    assert h.manager.current_token == h.server.initial_token(NOW - timedelta(hours=3))
    # Once the store works again the refresh is retried with the old refresh token.
    h.store.fail_saves = False
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 2


async def test_cancelled_refresh_leader_does_not_strand_the_waiters() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_gate = asyncio.Event()
    leader = asyncio.create_task(h.get())
    await h.server.token_started.wait()
    follower = asyncio.create_task(h.get())
    await asyncio.sleep(0)
    leader.cancel()
    with pytest.raises(asyncio.CancelledError):
        await leader
    h.server.token_gate.set()
    response = await follower
    assert response.status_code == 200
    assert h.server.token_calls == 1  # the follower got the refresh the leader started


async def test_cancelling_the_caller_during_the_save_still_completes_the_rotation() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    save_gate = asyncio.Event()
    save_started = asyncio.Event()
    plain_save = h.store.save

    async def slow_save(token: OAuthToken, *args: Any, **kwargs: Any) -> bool:
        save_started.set()
        await save_gate.wait()
        return await plain_save(token, *args, **kwargs)

    h.store.save = slow_save  # type: ignore[method-assign]
    caller = asyncio.create_task(h.get())
    await save_started.wait()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    save_gate.set()
    stored = await wait_for_stored(h, "access-SECRET-1")
    assert stored.refresh_token == "refresh-SECRET-1"
    # The rotated pair is the one in use; no second refresh is needed.
    assert (await h.get()).status_code == 200
    assert h.sent_tokens() == ["access-SECRET-1"]
    assert h.server.token_calls == 1


async def wait_for_stored(h: Harness, access_token: str) -> OAuthToken:
    for _ in range(100):
        stored = await h.store.load("us-snd")
        if stored is not None and stored.access_token == access_token:
            return stored
        await asyncio.sleep(0)
    raise AssertionError("the rotated token was never saved")


async def test_set_token_saves_and_uses_it() -> None:
    h = Harness(stored=False)
    token = h.server.initial_token()
    await h.manager.set_token(token)
    assert await h.store.load("us-snd") == token
    assert (await h.get()).status_code == 200
    with pytest.raises(RegionMismatchError):
        await h.manager.set_token(h.server.initial_token(region="ca"))


async def test_revoke_calls_the_server_and_forgets_the_token() -> None:
    revoked: list[dict[str, Any]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        revoked.append(json.loads(request.content))
        return httpx2.Response(200, json={})

    h = Harness()
    h.manager._oauth = OAuthClient(APP, httpx2.AsyncClient(transport=httpx2.MockTransport(handler)))
    await h.manager.revoke()
    assert revoked == [
        {"client_id": "client-id", "client_secret": CLIENT_SECRET, "token": "access-SECRET-0"}
    ]
    assert await h.store.load("us-snd") is None
    with pytest.raises(TokenMissingError):
        await h.manager.get_token()


async def test_nothing_secret_in_reprs_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.live_access.discard("access-SECRET-1")  # force a 401 + second refresh
    await h.get()
    for text in (
        repr(h.manager),
        repr(h.http.auth),
        repr(h.oauth),
        repr(h.manager.current_token),
        repr(APP),
        caplog.text,
    ):
        assert "SECRET" not in text
    assert "us-snd" in caplog.text


def test_sync_clients_are_refused() -> None:
    h = Harness()
    with (
        httpx2.Client(
            transport=httpx2.MockTransport(lambda r: httpx2.Response(200)),
            auth=BearerAuth(h.manager),
        ) as client,
        pytest.raises(RuntimeError, match="AsyncClient"),
    ):
        client.get(API)


def test_negative_leeway_is_rejected() -> None:
    h = Harness()
    store: TokenStore = h.store
    with pytest.raises(ValueError):
        TokenManager(h.oauth, store, REGION, leeway=-1)


# The abandoned task is destroyed pending when the test ends; that noise is the point.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_refresh_stranded_on_a_closed_event_loop_does_not_block_the_next_loop(
    caplog: pytest.LogCaptureFixture,
) -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_gate = asyncio.Event()
    stranded: list[asyncio.Task[httpx2.Response]] = []

    async def start_refresh_and_abandon_it() -> None:
        stranded.append(asyncio.ensure_future(h.get()))
        await h.server.token_started.wait()

    first_loop = asyncio.new_event_loop()
    first_loop.run_until_complete(start_refresh_and_abandon_it())
    first_loop.close()  # the refresh task never finishes
    h.server.token_gate = None

    response = asyncio.run(h.get())
    assert response.status_code == 200
    assert h.server.token_calls == 2
    with caplog.at_level(logging.CRITICAL, logger="asyncio"):
        stranded.clear()
        gc.collect()


# --- A token answer without a usable lifetime ------------------------------------------------


@pytest.mark.parametrize("expires_in", [0, -5, "0", "-1"])
async def test_a_rotated_pair_without_a_usable_lifetime_is_kept_and_refreshed_once_per_expiry(
    caplog: pytest.LogCaptureFixture, expires_in: object
) -> None:
    caplog.set_level(logging.WARNING, logger="fullscript")
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.expires_in = expires_in
    responses = [await h.get() for _ in range(20)]
    assert [r.status_code for r in responses] == [200] * 20
    assert h.server.token_calls == 1  # not one per request
    stored = await h.store.load("us-snd")
    assert stored is not None and stored.refresh_token == "refresh-SECRET-1"  # never discarded
    assert set(h.sent_tokens()) == {"access-SECRET-1"}
    lifetime_warnings = [r for r in caplog.records if "no usable lifetime" in r.getMessage()]
    assert len(lifetime_warnings) == 1
    # Its expiry shows as a 401: one refresh, and the request is replayed.
    h.server.live_access.discard("access-SECRET-1")
    assert (await h.get()).status_code == 200
    assert (await h.get()).status_code == 200
    assert h.server.token_calls == 2
    assert "SECRET" not in caplog.text


# --- The store loses its data, or fails, while the held pair is valid -------------------------


async def test_a_store_that_comes_back_empty_gets_the_held_pair_written_back() -> None:
    h = Harness()
    await h.get()
    await h.store.delete("us-snd")  # Redis restarted without persistence
    h.server.live_access.discard("access-SECRET-0")  # forces a refresh
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 1
    stored = await h.store.load("us-snd")
    assert stored is not None and stored.refresh_token == "refresh-SECRET-1"


async def test_an_early_refresh_after_the_store_lost_its_data_writes_the_pair_back() -> None:
    h = Harness()
    await h.get()
    await h.store.delete("us-snd")
    h.clock.advance(7200 - 100)
    assert (await h.get()).status_code == 200
    await h.manager.settle()
    stored = await h.store.load("us-snd")
    assert stored is not None and stored.refresh_token == "refresh-SECRET-1"
    assert h.manager.current_token == stored


class FailingStore(RecordingStore):
    """A store whose every call fails with ``error`` while ``down`` is set."""

    def __init__(self, server: FakeFullscript, tokens: list[OAuthToken], error: Exception) -> None:
        super().__init__(server, tokens)
        self.error = error
        self.down = False

    async def load(self, region: str, grant_id: str = "default") -> OAuthToken | None:
        if self.down:
            raise self.error
        return await super().load(region, grant_id)


def redis_unavailable() -> Exception:
    from fullscript.redis import RedisUnavailableError

    return RedisUnavailableError("Redis at redis://127.0.0.1:1 is unavailable", url="redis://x")


@pytest.mark.parametrize(
    "error",
    [TokenStoreError("the token store is down"), redis_unavailable()],
    ids=["TokenStoreError", "RedisUnavailableError"],
)
async def test_a_store_down_while_the_held_token_is_valid_does_not_fail_calls(
    error: Exception,
) -> None:
    h = Harness()
    store = FailingStore(h.server, [h.server.initial_token()], error)
    h.manager = TokenManager(h.oauth, store, REGION, clock=h.clock, utcnow=lambda: h.wall)
    h.http = httpx2.AsyncClient(transport=h.transport, auth=BearerAuth(h.manager))
    await h.get()
    store.down = True
    h.clock.advance(7200 - 100)  # inside the leeway: the refresh needs the store
    responses = [await h.get() for _ in range(3)]
    await h.manager.settle()
    assert [r.status_code for r in responses] == [200] * 3
    assert set(h.sent_tokens()) == {"access-SECRET-0"}
    # Once the store is back, the next early refresh goes through.
    store.down = False
    h.clock.advance(10)
    await h.get()
    await h.manager.settle()
    assert h.manager.current_token is not None
    assert h.manager.current_token.access_token == "access-SECRET-1"


@pytest.mark.parametrize(
    "error",
    [TokenStoreError("the token store is down"), redis_unavailable()],
    ids=["TokenStoreError", "RedisUnavailableError"],
)
async def test_a_store_failing_briefly_during_a_refresh_is_tried_again_while_callers_wait(
    error: Exception,
) -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    store = FailingStore(h.server, [h.server.initial_token(NOW - timedelta(hours=3))], error)
    h.manager = TokenManager(h.oauth, store, REGION, clock=h.clock, utcnow=lambda: h.wall)
    h.http = httpx2.AsyncClient(transport=h.transport, auth=BearerAuth(h.manager))
    plain_lock = store.refresh_lock
    failures = iter([True, False])

    def flaky_lock(region: str, grant_id: str = "default") -> Any:
        if next(failures, False):
            raise error
        return plain_lock(region, grant_id)

    store.refresh_lock = flaky_lock  # type: ignore[method-assign]
    response = await h.get()
    assert response.status_code == 200
    assert h.server.token_calls == 1


# --- The early refresh does not block callers ---------------------------------------------------


async def test_an_early_refresh_runs_in_the_background_while_callers_use_the_valid_token() -> None:
    h = Harness()
    await h.get()
    h.clock.advance(7200 - 100)  # inside the leeway, 100 s left
    h.server.token_gate = asyncio.Event()  # the token endpoint hangs
    tasks = [asyncio.create_task(h.get()) for _ in range(200)]
    await h.server.token_started.wait()
    for _ in range(20):
        await asyncio.sleep(0)
    assert all(task.done() for task in tasks)  # nobody waited for the slow refresh
    assert [task.result().status_code for task in tasks] == [200] * 200
    assert h.server.token_calls == 1
    h.server.token_gate.set()
    await h.manager.settle()
    await h.get()
    assert h.sent_tokens()[-1] == "access-SECRET-1"
    assert h.server.token_calls == 1


# --- Refresh retries while callers wait -------------------------------------------------------


async def test_an_expired_token_whose_refresh_fails_three_times_does_not_fail_the_callers() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_503s = 3
    h.server.token_gate = asyncio.Event()
    tasks = [asyncio.create_task(h.get()) for _ in range(100)]
    await settle_while_refresh_is_held(h)
    h.server.token_gate.set()
    responses = await asyncio.gather(*tasks)
    assert [r.status_code for r in responses] == [200] * 100
    assert h.server.token_calls == 4
    assert set(h.sent_tokens()) == {"access-SECRET-1"}


async def test_the_refresh_retries_stop_when_every_caller_has_given_up() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_503s = 100
    h.server.token_gate = asyncio.Event()
    caller = asyncio.create_task(h.get())
    await h.server.token_started.wait()
    caller.cancel()  # its deadline passed
    with pytest.raises(asyncio.CancelledError):
        await caller
    h.server.token_gate.set()
    await h.manager.settle()
    assert h.server.token_calls == 1


async def test_the_refresh_retry_budget_is_bounded() -> None:
    h = Harness(created_at=NOW - timedelta(hours=3))
    h.server.token_503s = 100
    with pytest.raises(ServerError):
        await h.get()
    assert h.server.token_calls == 1 + 3


# --- A dead grant ------------------------------------------------------------------------------


async def test_a_dead_grant_fails_locally_until_it_is_authorized_again() -> None:
    h = Harness()
    await h.get()
    h.server.live_access.clear()  # the clinic revoked the app: access and refresh are dead
    h.server.live_refresh.clear()
    with pytest.raises(GrantRevokedError):
        await h.get()
    api_calls, token_calls = len(h.server.api_calls), h.server.token_calls
    for _ in range(5):
        with pytest.raises(GrantRevokedError) as info:
            await h.get()
        assert "authorize the app again" in str(info.value)
    assert len(h.server.api_calls) == api_calls  # no request spent on a dead grant
    assert h.server.token_calls == token_calls
    # Authorized again (here, or by another process sharing the store): calls work again.
    h.server.live_access.add("access-SECRET-9")
    h.server.live_refresh.add("refresh-SECRET-9")
    await h.store.save(OAuthToken("access-SECRET-9", "refresh-SECRET-9", "us-snd", created_at=NOW))
    assert (await h.get()).status_code == 200
    assert h.sent_tokens()[-1] == "access-SECRET-9"


# --- A server clock far off -------------------------------------------------------------------


class ExpiringServer:
    """A token endpoint whose wall clock is `skew` seconds off ours, and an API that refuses
    an access token once its lifetime has passed (on the true clock)."""

    def __init__(self, clock: ManualClock, skew: float, lifetime: int = 7200) -> None:
        self.clock, self.skew, self.lifetime = clock, skew, lifetime
        self.valid_until: dict[str, float] = {}
        self.token_calls = 0
        self.unauthorized = 0

    def wall(self) -> datetime:
        return NOW + timedelta(seconds=self.clock.t - 1000.0)

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token"):
            self.token_calls += 1
            access = f"access-SECRET-{self.token_calls}"
            self.valid_until[access] = self.clock.t + self.lifetime
            created = self.wall() + timedelta(seconds=self.skew)
            return httpx2.Response(
                200,
                json={
                    "oauth": {
                        "access_token": access,
                        "refresh_token": f"refresh-SECRET-{self.token_calls}",
                        "expires_in": self.lifetime,
                        "created_at": created.isoformat(),
                    }
                },
            )
        access = request.headers.get("authorization", "").removeprefix("Bearer ")
        if self.clock.t >= self.valid_until.get(access, -1.0):
            self.unauthorized += 1
            return httpx2.Response(401, json={"error": "invalid_token"})
        return httpx2.Response(200, json={"patients": []})


@pytest.mark.parametrize("skew", [-7200, -7000, -3600, -600, 0, 600, 3600, 7000, 7200])
async def test_processes_sharing_a_store_refresh_once_per_expiry_whatever_the_server_clock(
    skew: int,
) -> None:
    clock = ManualClock(1000)
    server = ExpiringServer(clock, skew)
    transport = httpx2.MockTransport(server)
    store = InMemoryTokenStore()
    oauth = OAuthClient(APP, httpx2.AsyncClient(transport=transport))
    processes = [
        TokenManager(oauth, store, REGION, clock=clock, utcnow=server.wall) for _ in range(3)
    ]
    clients = [httpx2.AsyncClient(transport=transport, auth=BearerAuth(m)) for m in processes]
    await processes[0].exchange_code("code-from-the-redirect")
    lifetimes = 3
    for _ in range(lifetimes * 7200 // 60):
        for client, manager in zip(clients, processes, strict=True):
            assert (await client.get(API)).status_code == 200
            await manager.settle()
        clock.advance(60)
    assert server.unauthorized == 0
    assert server.token_calls == 1 + lifetimes  # the exchange, then one refresh per expiry


async def test_the_bearer_header_is_built_once_per_token() -> None:
    h = Harness()
    first = await h.manager.get_token()
    header = h.manager.bearer_header(first)
    assert header == "Bearer access-SECRET-0"
    assert h.manager.bearer_header(first) is header
    h.clock.advance(7200)  # expired: the next request refreshes and sends the new token
    assert h.manager.fresh_token() is None
    await h.get()
    fresh = h.manager.current_token
    assert fresh is not None and fresh is not first
    assert h.manager.bearer_header(fresh) == "Bearer access-SECRET-1"
    assert h.sent_tokens() == ["access-SECRET-1"]


async def test_a_token_not_yet_due_for_refresh_is_handed_out_without_waiting() -> None:
    h = Harness()
    assert h.manager.fresh_token() is None  # nothing loaded yet: `get_token` loads it
    token = await h.manager.get_token()
    assert h.manager.fresh_token() is token
    h.clock.advance(7200 - 300)  # within the leeway: due for an early refresh
    assert h.manager.fresh_token() is None
