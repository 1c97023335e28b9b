"""The token endpoint: retried like a read, judged on our clock, clear about what went wrong."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx2
import pytest

from fullscript import (
    AuthenticationError,
    Fullscript,
    OAuthToken,
    RetryPolicy,
)
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_REDIRECT_URI, Sandbox
from fullscript.testing import run_in_virtual_time

from .conftest import make_client, token_from

NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0, jitter=False)


class TokenServer:
    """A token endpoint answering from a script, and an API that checks expiry on our clock."""

    def __init__(self, *, skew: float = 0.0, expires_in: object = 3600) -> None:
        self.skew = skew  # seconds the server's wall clock is ahead of ours
        self.expires_in = expires_in
        self.script: list[Callable[[], httpx2.Response]] = []
        self.token_calls = 0
        self.api_calls = 0
        self.minted = 0
        self.valid_until: dict[str, float] = {}

    def _mint(self) -> httpx2.Response:
        self.minted += 1
        now = asyncio.get_running_loop().time()
        access = f"access-token-number-{self.minted:04d}"
        lifetime = self.expires_in if isinstance(self.expires_in, int | float) else 3600
        self.valid_until[access] = now + float(lifetime)
        created = datetime.now(UTC) + timedelta(seconds=self.skew)
        return httpx2.Response(
            200,
            json={
                "oauth": {
                    "access_token": access,
                    "refresh_token": f"refresh-token-number-{self.minted:04d}",
                    "expires_in": self.expires_in,
                    "created_at": created.isoformat(),
                    "token_type": "Bearer",
                }
            },
        )

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token"):
            self.token_calls += 1
            if self.script:
                return self.script.pop(0)()
            return self._mint()
        self.api_calls += 1
        access = request.headers.get("authorization", "").removeprefix("Bearer ")
        if asyncio.get_running_loop().time() >= self.valid_until.get(access, -1.0):
            return httpx2.Response(401, json={"error": "invalid_token"})
        return httpx2.Response(200, json={"clinic": {"id": "c1", "name": "Clinic"}})


def _client(server: TokenServer, **options: object) -> Fullscript:
    options.setdefault("retry", NO_WAIT)
    return Fullscript(
        client_id="app-id",
        client_secret="app-secret-value",
        redirect_uri="https://app.example/cb",
        transport=httpx2.MockTransport(server),
        **options,  # type: ignore[arg-type]
    )


def _status(code: int) -> Callable[[], httpx2.Response]:
    return lambda: httpx2.Response(code, json={"error": "unavailable"})


def _drop() -> httpx2.Response:
    raise httpx2.ConnectError("connection reset")  # refused before anything was sent


def _read_drop() -> httpx2.Response:
    raise httpx2.ReadError("connection dropped after sending")


@pytest.mark.parametrize(
    "failures",
    [[_status(503), _status(503)], [_status(429), _status(502)], [_read_drop, _drop]],
    ids=["503 twice", "429 then 502", "drops"],
)
def test_an_expired_token_is_refreshed_through_transient_failures(
    failures: list[Callable[[], httpx2.Response]],
) -> None:
    async def scenario() -> tuple[int, int]:
        server = TokenServer()
        async with _client(server) as fs:
            await fs.exchange_code("code")
            await asyncio.sleep(3600)  # the access token has expired
            server.script = list(failures)
            results = await asyncio.gather(*(fs.clinic.retrieve() for _ in range(50)))
        assert all(clinic.id == "c1" for clinic in results)
        return server.token_calls, server.minted

    token_calls, minted = run_in_virtual_time(scenario())
    assert minted == 2  # the exchange, then one refresh shared by all 50 calls
    assert token_calls == 1 + len(failures) + 1


def test_code_exchange_is_not_retried_after_a_5xx() -> None:
    async def scenario() -> int:
        server = TokenServer()
        server.script = [_status(503)]
        async with _client(server) as fs:
            with pytest.raises(Exception, match="503"):
                await fs.exchange_code("code")  # a code is single use: asking twice is unsafe
        return server.token_calls

    assert run_in_virtual_time(scenario()) == 1


@pytest.mark.parametrize(
    "malformed",
    [
        lambda: httpx2.Response(200, text='{"oauth": {"access_tok'),
        lambda: httpx2.Response(200, json={"oauth": {"token_type": "Bearer"}}),
    ],
    ids=["truncated", "no token in it"],
)
def test_a_malformed_200_from_the_token_endpoint_keeps_the_valid_token(
    malformed: Callable[[], httpx2.Response],
) -> None:
    async def scenario() -> tuple[str, str]:
        server = TokenServer()
        async with _client(server, retry=RetryPolicy(max_retries=0)) as fs:
            first = await fs.exchange_code("code")
            await asyncio.sleep(3600 - 100)  # inside the refresh leeway, still valid
            server.script = [malformed]
            clinic = await fs.clinic.retrieve()  # the early refresh fails: old token used
            assert clinic.id == "c1"
            used = fs.token_manager.current_token
            assert used is not None
            return first.access_token, used.access_token

    first, used = run_in_virtual_time(scenario())
    assert used == first


@pytest.mark.parametrize("skew_hours", [-1, 1])
def test_expiry_is_judged_from_when_the_token_arrived_not_the_servers_clock(
    skew_hours: int,
) -> None:
    async def scenario() -> tuple[int, int]:
        server = TokenServer(skew=skew_hours * 3600.0)
        async with _client(server) as fs:
            await fs.exchange_code("code")
            for _ in range(20):  # one request a minute for 20 minutes: no refresh needed
                await fs.clinic.retrieve()
                await asyncio.sleep(60)
            calls_before = server.token_calls
            await asyncio.sleep(3600 - 20 * 60 - 200)  # now within the leeway of expiry
            await fs.clinic.retrieve()
            await fs.token_manager.settle()  # the early refresh runs in the background
            return calls_before, server.token_calls

    before, after = run_in_virtual_time(scenario())
    assert before == 1  # only the exchange
    assert after == 2  # refreshed early, before sending an expired token
    # (and never a 401: the API above answers 401 for an expired token, which would add
    # a refresh on top)


@pytest.mark.parametrize("expires_in", [float("nan"), float("inf"), "nan"])
def test_nonsense_expires_in_is_refused_with_a_clear_error(expires_in: object) -> None:
    with pytest.raises(ValueError, match="expires_in"):
        OAuthToken(access_token="a", refresh_token="r", region="us", expires_in=expires_in)  # type: ignore[arg-type]


def test_a_token_endpoint_answering_expires_in_0_still_gives_a_pair_that_is_kept() -> None:
    # A lifetime below 1 s means "unknown": the rotated pair is kept (refreshed on a 401).
    async def scenario() -> tuple[int, int | None]:
        server = TokenServer(expires_in=0)
        async with _client(server, retry=RetryPolicy(max_retries=0)) as fs:
            token = await fs.exchange_code("code")
        return server.token_calls, token.expires_in

    assert run_in_virtual_time(scenario()) == (1, None)


@pytest.mark.parametrize("expires_in", [10**9, 1e308, "1e308"])
def test_an_expires_in_above_a_year_is_clamped_to_a_year(expires_in: object) -> None:
    token = OAuthToken(access_token="a", refresh_token="r", region="us", expires_in=expires_in)  # type: ignore[arg-type]
    assert token.expires_in == 365 * 24 * 3600


async def test_invalid_client_names_the_client_credentials(sandbox: Sandbox) -> None:
    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret="not-the-right-secret",
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=make_client(sandbox).region,
        transport=sandbox.transport(),
        token=token_from(sandbox.issue_token("us")),
        retry=NO_WAIT,
    ) as fs:
        current = await fs.token_manager.get_token()
        with pytest.raises(AuthenticationError) as caught:
            await fs.token_manager.refresh(current)
    message = str(caught.value)
    assert "client_id" in message and "client_secret" in message
    assert "revoked" not in message
    assert "not-the-right-secret" not in message


async def test_invalid_grant_still_says_authorize_again(sandbox: Sandbox) -> None:
    async with make_client(sandbox) as fs:
        current = await fs.token_manager.get_token()
        broken = OAuthToken.from_dict({**current.to_dict(), "refresh_token": "unknown-refresh"})
        with pytest.raises(AuthenticationError, match="authorize the app again"):
            await fs.token_manager.oauth.refresh(broken, region=fs.region)
