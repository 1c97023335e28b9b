"""The whole OAuth story against the embedded sandbox: authorize, exchange, call, expire,
refresh and replay, rotation, revoke."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
from support.manual_clock import ManualClock

from fullscript._auth import BearerAuth, TokenManager
from fullscript._errors import AuthenticationError, TokenMissingError
from fullscript._oauth import OAuthApp, OAuthClient
from fullscript._regions import Region
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.token_stores import InMemoryTokenStore


class World:
    def __init__(self, region_key: str = "ca-snd") -> None:
        self.sandbox = Sandbox(seed=7, patients=3)
        self.region = Region.from_key(region_key).with_base_url(Sandbox.base_url(region_key))
        self.http = httpx2.AsyncClient(transport=self.sandbox.transport())
        self.app = OAuthApp(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI)
        self.oauth = OAuthClient(self.app, self.http)
        self.store = InMemoryTokenStore()
        self.clock = ManualClock()
        self.manager = TokenManager(
            self.oauth,
            self.store,
            self.region,
            clock=self.clock,
            utcnow=lambda: datetime.fromtimestamp(self.sandbox.now(), UTC),
        )
        self.api = httpx2.AsyncClient(
            transport=self.sandbox.transport(),
            base_url=self.region.base_url,
            auth=BearerAuth(self.manager),
        )

    async def authorize(self) -> None:
        redirect = await self.http.get(self.oauth.authorize_url(self.region, state="st-1"))
        assert redirect.status_code == 302
        query = parse_qs(urlsplit(redirect.headers["location"]).query)
        assert query["state"] == ["st-1"]
        token = await self.oauth.exchange_code(self.region, query["code"][0])
        await self.manager.set_token(token)

    async def patients(self) -> httpx2.Response:
        return await self.api.get("/api/clinic/patients")


async def test_authorize_exchange_and_call() -> None:
    world = World()
    await world.authorize()
    response = await world.patients()
    assert response.status_code == 200
    stored = await world.store.load("ca-snd")
    assert stored is not None and stored.region == "ca-snd"
    assert stored.expires_in == 7200 and stored.resource_owner_type == "Practitioner"


async def test_token_expired_on_the_server_is_refreshed_and_the_call_replayed() -> None:
    world = World()
    await world.authorize()
    first = await world.store.load("ca-snd")
    world.sandbox.advance_time(7300)  # the server's clock moves, ours does not: a 401
    response = await world.patients()
    assert response.status_code == 200
    second = await world.store.load("ca-snd")
    assert second is not None and first is not None
    assert second.refresh_token != first.refresh_token
    # The new access token was used, so the server has retired the old refresh token.
    with pytest.raises(AuthenticationError):
        await world.oauth.refresh(first, region=world.region)


async def test_early_refresh_on_our_clock_avoids_the_401() -> None:
    world = World()
    await world.authorize()
    world.clock.t += 7200 - 60
    world.sandbox.advance_time(7200 - 60)
    response = await world.patients()
    assert response.status_code == 200
    assert response.history == []  # no 401 round trip


async def test_exchanged_code_cannot_be_reused() -> None:
    world = World()
    redirect = await world.http.get(world.oauth.authorize_url(world.region, state="s"))
    code = parse_qs(urlsplit(redirect.headers["location"]).query)["code"][0]
    await world.oauth.exchange_code(world.region, code)
    with pytest.raises(AuthenticationError, match="invalid_grant"):
        await world.oauth.exchange_code(world.region, code)


async def test_revoke_kills_the_token_and_forgets_it() -> None:
    world = World()
    await world.authorize()
    token = await world.store.load("ca-snd")
    assert token is not None
    await world.manager.revoke()
    assert await world.store.load("ca-snd") is None
    with pytest.raises(TokenMissingError):
        await world.patients()
    revoked = await world.http.get(
        f"{world.region.api_url}/clinic/patients",
        headers={"Authorization": f"Bearer {token.access_token}"},
    )
    assert revoked.status_code == 401
    with pytest.raises(AuthenticationError):
        await world.oauth.refresh(token, region=world.region)
