"""`Fullscript`: the async client users hold.

Composition, httpx style:

    Fullscript ─ resource groups (generated, typed) ─ OperationBinding (errors, unwrap, pages)
        └ per region: httpx.AsyncClient(auth=BearerAuth(TokenManager), transport=▼, timeout)
        └ OAuth calls: httpx.AsyncClient(transport=▼, timeout)   (no auth)
                       ▼ one FullscriptTransport(limiter, retries) over one connection pool

Copies made by `with_region()` and `with_options()` share the transport (so the pool, the rate
limiter and its quota), the token store and each region's `TokenManager` (so a token is
refreshed once however many copies use it).
"""

from __future__ import annotations

import os
from functools import cached_property
from types import TracebackType
from typing import Self

import attrs
import httpx
from fullscript_api.api import ApiResources, RawApiResources
from fullscript_api.client import Client as GeneratedClient

from ._auth import BearerAuth, TokenManager
from ._clock import Clock
from ._errors import FullscriptError, RegionMismatchError
from ._limiter import RateLimiter, RollingWindowLimiter
from ._oauth import OAuthApp, OAuthClient
from ._options import RequestOptions
from ._pool_guard import PoolGuard
from ._regions import Region
from ._resources import ClientState, OperationBinding, RegionConnection
from ._retry import RetryPolicy
from ._token_store import InMemoryTokenStore, TokenStore
from ._tokens import OAuthToken
from ._transport import FullscriptTransport

__all__ = ["DEFAULT_TIMEOUT", "Fullscript"]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""Applied unless you pass another: 60 s to read/write/pool, 10 s to connect."""

USER_AGENT = "fullscript-python/0.1.0"


class _SharedState:
    """What a `Fullscript` and all its copies share. Owned (and closed) by the first one."""

    def __init__(
        self,
        *,
        app: OAuthApp,
        store: TokenStore,
        transport: FullscriptTransport,
        timeout: httpx.Timeout,
        refresh_leeway: float,
        clock: Clock | None,
    ) -> None:
        self.store = store
        self.transport = transport
        self.timeout = timeout
        self.refresh_leeway = refresh_leeway
        self.clock = clock
        self.headers = {"User-Agent": USER_AGENT}
        # Token calls go through the same transport: paced and counted by the same limiter.
        self.oauth = OAuthClient(
            app, httpx.AsyncClient(transport=transport, timeout=timeout, headers=self.headers)
        )
        self._regions: dict[tuple[str, str], tuple[RegionConnection, TokenManager]] = {}
        self.state = ClientState()

    def region(self, region: Region) -> tuple[RegionConnection, TokenManager]:
        """The connection and token manager of `region`, created once and then reused."""
        key = (region.key, region.base_url)
        if key not in self._regions:
            manager = TokenManager(
                self.oauth, self.store, region, leeway=self.refresh_leeway, clock=self.clock
            )
            http = httpx.AsyncClient(
                base_url=region.base_url,
                auth=BearerAuth(manager),
                transport=self.transport,
                timeout=self.timeout,
                headers=self.headers,
            )
            anonymous = httpx.AsyncClient(
                base_url=region.base_url,
                transport=self.transport,
                timeout=self.timeout,
                headers=self.headers,
            )
            generated = GeneratedClient(base_url=region.base_url, timeout=self.timeout)
            generated.set_async_httpx_client(http)
            connection = RegionConnection(
                region=region,
                http=http,
                anonymous_http=anonymous,
                generated=generated,
                state=self.state,
            )
            self._regions[key] = (connection, manager)
        return self._regions[key]

    async def aclose(self) -> None:
        if self.state.closed:
            return
        self.state.closed = True
        # The AsyncClients only borrow the transport; closing it closes the pool once.
        await self.transport.aclose()


class _SeededTokenStore:
    """Your store, with the token passed as ``token=`` saved into it on its region's first load."""

    def __init__(self, store: TokenStore, seed: OAuthToken) -> None:
        self._store = store
        self._seed: OAuthToken | None = seed

    def __repr__(self) -> str:
        return repr(self._store)

    async def load(self, region: str) -> OAuthToken | None:
        seed = self._seed
        if seed is not None and seed.region == region:
            await self._store.save(seed)
            self._seed = None
            return seed
        return await self._store.load(region)

    async def save(self, token: OAuthToken) -> None:
        if self._seed is not None and self._seed.region == token.region:
            self._seed = None  # a newer token for that region supersedes the seed
        await self._store.save(token)

    async def delete(self, region: str) -> None:
        if self._seed is not None and self._seed.region == region:
            self._seed = None
        await self._store.delete(region)


def _region_from(region: Region | str) -> Region:
    return region if isinstance(region, Region) else Region.from_key(region)


def _timeout_from(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        # httpx.Timeout would take it and the first request would fail deep inside httpcore.
        raise TypeError(
            f"timeout must be a number of seconds or an httpx.Timeout, got {type(timeout).__name__}"
        )
    return httpx.Timeout(timeout)


def _setting(value: str | None, env_name: str) -> str:
    found = value if value is not None else os.environ.get(env_name)
    if not found:
        what = env_name.removeprefix("FULLSCRIPT_").lower()
        raise FullscriptError(f"missing {what}: pass it or set the {env_name} environment variable")
    return found


class Fullscript(ApiResources):
    """Async client for the Fullscript API: every operation, grouped by resource.

    Tokens (early and on-401 refresh, rotation saved before use), pacing (5000 requests per
    rolling 5 minutes), retries, regions, timeouts and typed errors are applied to every call::

        async with Fullscript(
            client_id="...", client_secret="...", redirect_uri="https://app.example/callback",
            region="us", token_store=FileTokenStore("tokens.json"),
        ) as fs:
            patient = await fs.patients.create(body=PatientCreateRequest(...))
            async for p in fs.patients.list(prefetch=4):
                ...

    Groups are the API's tags (``fs.patients``, ``fs.treatment_plans``, ...); list operations
    return an `AsyncPaginator`. ``fs.with_raw_response.<group>.<method>(...)`` answers the
    whole response (status, headers, ``X-Request-Id``).

    Args:
        client_id, client_secret, redirect_uri: your app's credentials (default: the
            ``FULLSCRIPT_CLIENT_ID`` / ``FULLSCRIPT_CLIENT_SECRET`` / ``FULLSCRIPT_REDIRECT_URI``
            environment variables). Or pass ``app=OAuthApp(...)``.
        region: a `Region` or its key (``"us"``, ``"ca"``, ``"us-snd"``, ``"ca-snd"``).
        token_store: where token pairs live (default: in memory).
        token: a token to start with, of this client's region (another region's token raises
            `RegionMismatchError`). With your own ``token_store`` it is saved there before the
            first request, replacing what the store held for that region.
        limiter: a `RateLimiter`, shared with other clients using the same credentials
            (default: a fresh `RollingWindowLimiter()`).
        retry / max_retries: retry policy, or just its number of retries.
        timeout: seconds or an ``httpx.Timeout`` (default `DEFAULT_TIMEOUT`; never unlimited).
        transport: the innermost httpx transport (default ``httpx.AsyncHTTPTransport()``);
            pass ``httpx.ASGITransport(sandbox_app)`` to talk to the embedded sandbox.
        refresh_leeway: refresh this many seconds before the access token expires.
        clock: time source for pacing, backoff and expiry (tests, virtual time).
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        redirect_uri: str | None = None,
        app: OAuthApp | None = None,
        region: Region | str = Region.US,
        token_store: TokenStore | None = None,
        token: OAuthToken | None = None,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        refresh_leeway: float = 300.0,
        clock: Clock | None = None,
    ) -> None:
        if app is None:
            app = OAuthApp(
                client_id=_setting(client_id, "FULLSCRIPT_CLIENT_ID"),
                client_secret=_setting(client_secret, "FULLSCRIPT_CLIENT_SECRET"),
                redirect_uri=_setting(redirect_uri, "FULLSCRIPT_REDIRECT_URI"),
            )
        region = _region_from(region)
        if token is not None and not isinstance(token, OAuthToken):
            # The value is likely a bare access token: never echo it.
            raise TypeError(
                "token= must be an OAuthToken (access and refresh token of one region), got "
                f"{type(token).__name__}"
            )
        if token is not None and token.region != region.key:
            # Otherwise the token would sit in the store under its own region and this client
            # would report "no token" for its region, hiding the real mistake.
            raise RegionMismatchError(
                f"token= belongs to region {token.region!r} but this client is for region "
                f"{region.key!r}; pass region={token.region!r}, or seed it on a copy with "
                f"await fs.with_region({token.region!r}).set_token(token)"
            )
        policy = retry if retry is not None else RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        if token_store is None:
            token_store = InMemoryTokenStore([token] if token is not None else None)
        elif token is not None:
            token_store = _SeededTokenStore(token_store, token)
        shared = _SharedState(
            app=app,
            store=token_store,
            transport=FullscriptTransport(
                PoolGuard(transport if transport is not None else httpx.AsyncHTTPTransport()),
                limiter=limiter if limiter is not None else RollingWindowLimiter(clock=clock),
                retry=policy,
                clock=clock,
            ),
            timeout=_timeout_from(timeout),
            refresh_leeway=refresh_leeway,
            clock=clock,
        )
        self._setup(shared, region, RequestOptions(), owner=True)

    def _setup(
        self, shared: _SharedState, region: Region, options: RequestOptions, *, owner: bool
    ) -> None:
        self._shared = shared
        self._owner = owner
        self._options = options
        self._connection, self._tokens = shared.region(region)
        self._binding = OperationBinding(self._connection, options)
        ApiResources.__init__(self, self._binding)

    def _copy(self, region: Region, options: RequestOptions) -> Self:
        clone = object.__new__(type(self))
        clone._setup(self._shared, region, options, owner=False)
        return clone

    def __repr__(self) -> str:
        return (
            f"Fullscript(region={self.region.key!r}, base_url={self.region.base_url!r}, "
            f"client_id={self._shared.oauth.app.client_id!r})"
        )

    # --- copies -------------------------------------------------------------------------------

    @property
    def region(self) -> Region:
        """The region this client talks to."""
        return self._connection.region

    def with_region(self, region: Region | str) -> Self:
        """A client for another region, sharing pool, limiter, settings and token store.

        It uses that region's own token from the store; a token issued elsewhere raises
        `RegionMismatchError` rather than being sent to the wrong server.
        """
        return self._copy(_region_from(region), self._options)

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
    ) -> Self:
        """A cheap copy whose calls use another timeout and/or retry policy (same pool)::

        await fs.with_options(timeout=5, max_retries=0).patients.retrieve(patient_id)
        """
        policy = retry
        if max_retries is not None:
            base = policy or self._options.retry or self._shared.transport.retry
            policy = attrs.evolve(base, max_retries=max_retries)
        override = RequestOptions(
            retry=policy, timeout=_timeout_from(timeout) if timeout is not None else None
        )
        return self._copy(self.region, self._options.merged_with(override))

    @cached_property
    def with_raw_response(self) -> RawApiResources:
        """The same groups and methods, answering the whole `Response` instead::

        response = await fs.with_raw_response.patients.retrieve(patient_id)
        response.status_code, response.headers["x-request-id"], response.parsed.patient
        """
        return RawApiResources(self._binding)

    # --- OAuth --------------------------------------------------------------------------------

    def authorization_url(self, state: str) -> str:
        """Where to send the user's browser to grant this app access (``state``: CSRF check)."""
        return self._shared.oauth.authorize_url(self.region, state)

    async def exchange_code(self, code: str) -> OAuthToken:
        """Trade the code from the OAuth redirect for a token pair; save it and start using it."""
        token = await self._shared.oauth.exchange_code(self.region, code)
        await self._tokens.set_token(token)
        return token

    async def set_token(self, token: OAuthToken) -> None:
        """Save ``token`` for this client's region and use it (must belong to that region)."""
        await self._tokens.set_token(token)

    async def revoke_token(self) -> None:
        """Revoke this region's token pair on the server and delete it from the store."""
        await self._tokens.revoke()

    @property
    def token_manager(self) -> TokenManager:
        """The region's `TokenManager` (shared with every copy for the same region)."""
        return self._tokens

    # --- lifecycle ----------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool. Copies share it: only the original client closes it."""
        if self._owner:
            await self._shared.aclose()

    @property
    def is_closed(self) -> bool:
        """True once the original client (and so every copy) has been closed."""
        return self._shared.state.closed
