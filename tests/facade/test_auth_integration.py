"""Auth wired the way the Fullscript client wires it: API and token calls share one
FullscriptTransport, so token calls are paced, counted and retried like any other."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import httpx2
from support.manual_clock import ManualClock

from fullscript._auth import BearerAuth, TokenManager
from fullscript._limiters import RollingWindowLimiter
from fullscript._oauth import OAuthApp, OAuthClient
from fullscript._regions import Region
from fullscript._retry import RetryPolicy
from fullscript._tokens import OAuthToken
from fullscript._transport import FullscriptTransport
from fullscript.testing import RecordingLimiter
from fullscript.token_stores import InMemoryTokenStore

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)
REGION = Region.CA_SANDBOX.with_base_url("http://sandbox/ca-snd")


class CountingLimiter(RecordingLimiter):
    def __init__(self, clock: ManualClock) -> None:
        super().__init__(RollingWindowLimiter(5000, 300.0, clock=clock))


class Server:
    def __init__(self) -> None:
        self.token_attempts = 0
        self.api_calls = 0
        self.token_script: list[str] = []  # per attempt: "connect-error" | "429" | "ok"
        self.live = {"old-access"}

    async def __call__(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path == "/ca-snd/api/oauth/token":
            self.token_attempts += 1
            step = self.token_script.pop(0) if self.token_script else "ok"
            if step == "connect-error":
                raise httpx2.ConnectError("refused", request=request)
            if step == "429":
                return httpx2.Response(429, headers={"Retry-After": "1"})
            assert json.loads(request.content)["refresh_token"] == "old-refresh"
            self.live.add("new-access")
            return httpx2.Response(
                200,
                json={
                    "oauth": {
                        "access_token": "new-access",
                        "refresh_token": "new-refresh",
                        "expires_in": 7200,
                        "created_at": NOW.isoformat(),
                    }
                },
            )
        assert request.url.path == "/ca-snd/api/clinic/patients"
        self.api_calls += 1
        token = request.headers["authorization"].removeprefix("Bearer ")
        return httpx2.Response(200 if token in self.live else 401, json={"patients": []})


def wire(server: Server, *, expired: bool) -> tuple[httpx2.AsyncClient, CountingLimiter]:
    clock = ManualClock()
    limiter = CountingLimiter(clock)
    transport = FullscriptTransport(
        httpx2.MockTransport(server),
        limiter=limiter,
        retry=RetryPolicy(max_retries=2, initial_backoff=0.0, jitter=False),
        clock=clock,
    )
    created = NOW - timedelta(hours=3) if expired else NOW
    store = InMemoryTokenStore(
        [OAuthToken("old-access", "old-refresh", "ca-snd", created_at=created)]
    )
    oauth = OAuthClient(
        OAuthApp("id", "secret", "https://app/cb"), httpx2.AsyncClient(transport=transport)
    )
    manager = TokenManager(oauth, store, REGION, clock=clock, utcnow=lambda: NOW)
    api = httpx2.AsyncClient(transport=transport, auth=BearerAuth(manager))
    return api, limiter


async def test_token_calls_count_against_the_shared_limiter() -> None:
    server = Server()
    api, limiter = wire(server, expired=True)
    responses = await asyncio.gather(
        *(api.get("http://sandbox/ca-snd/api/clinic/patients") for _ in range(20))
    )
    assert {r.status_code for r in responses} == {200}
    assert server.token_attempts == 1
    assert limiter.acquired == server.token_attempts + server.api_calls == 21


async def test_refresh_survives_a_connect_error_and_a_429_via_the_transport() -> None:
    server = Server()
    server.token_script = ["connect-error", "429"]
    api, limiter = wire(server, expired=True)
    response = await api.get("http://sandbox/ca-snd/api/clinic/patients")
    assert response.status_code == 200
    assert server.token_attempts == 3
    assert limiter.acquired == 4


async def test_401_replay_is_counted_as_its_own_attempt() -> None:
    server = Server()
    server.live.clear()
    api, limiter = wire(server, expired=False)
    response = await api.get("http://sandbox/ca-snd/api/clinic/patients")
    assert response.status_code == 200
    assert (server.api_calls, server.token_attempts, limiter.acquired) == (2, 1, 3)
