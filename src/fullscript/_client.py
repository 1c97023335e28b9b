"""`Fullscript`: the async client users hold.

Composition, httpx2 style:

    Fullscript ─ resource groups (generated, typed) ─ OperationBinding (errors, unwrap, pages)
        └ per region: httpx2.AsyncClient(auth=BearerAuth(TokenManager), transport=▼, timeout)
        └ OAuth calls: httpx2.AsyncClient(transport=▼, timeout)   (no auth)
                       ▼ one FullscriptTransport(limiter, retries) over one connection pool

Copies made by `with_region()`, `with_options()` and `for_grant()` share the transport (so the
pool, the rate limiter and its quota), the token store and each (grant, region)'s
`TokenManager` (so a token is refreshed once however many copies use it). A grant view differs
only in its token: its requests go through an httpx2 client whose auth is its own grant's.
"""

from __future__ import annotations

import os
import weakref
from contextlib import AbstractAsyncContextManager
from functools import cache, cached_property
from types import TracebackType
from typing import Literal, Self

import attrs
import httpx2
from fullscript_api.api import ApiResources, RawApiResources
from fullscript_api.client import Client as GeneratedClient

from ._auth import BearerAuth, TokenManager, check_token_store
from ._clock import Clock
from ._deadline import check_deadline
from ._errors import (
    FullscriptError,
    InvalidParameterError,
    InvalidParameterTypeError,
    RegionMismatchError,
)
from ._grants import (
    DEFAULT_GRANT,
    GrantStates,
    UnknownGrantError,
    check_grant_id,
    describe_grant,
)
from ._hooks import Hooks
from ._http_package import refuse_old_httpx
from ._limiters import (
    LimiterStats,
    QuotaScope,
    RateLimiter,
    RollingWindowLimiter,
    WorkClass,
    check_work_class,
)
from ._limiters import (
    quota_scope as _quota_scope,
)
from ._logging import configure_from_environment, install_httpx_query_filter
from ._oauth import OAuthApp, OAuthClient, check_token_region
from ._observation import CallObserver
from ._options import RequestOptions
from ._refresh_stats import RefreshStats, RefreshStatsSnapshot
from ._regions import ENVIRONMENTS, Region
from ._resources import ClientState, OperationBinding, RegionConnection
from ._retry import RetryPolicy
from ._tokens import OAuthToken
from ._transport import FullscriptTransport
from ._validation import check_seconds
from .token_stores import InMemoryTokenStore, TokenStore

__all__ = ["DEFAULT_TIMEOUT", "Fullscript"]

configure_from_environment()  # FULLSCRIPT_LOG=debug|info

IDLE_GRANTS_KEPT = 256
"""How many (grant, region) connections stay built after their last use beyond those in use.
An idle grant past them costs no memory; its next call rebuilds its state as its first did
(a few hundred microseconds and one token store load). See docs/scale-out.md for figures."""

# (grant id, region key, base URL)
_GrantKey = tuple[str, str, str]

DEFAULT_TIMEOUT = httpx2.Timeout(60.0, connect=10.0)
"""Applied unless you pass another: 60 s to read/write/pool, 10 s to connect."""


@cache
def user_agent() -> str:
    """Sent with every request: the SDK's, Python's and httpx2's versions (support can tell which
    stack a call came from).

    Worked out when the first client is made, not at import: reading the installed version
    loads `importlib.metadata` (zipfile, csv, ...), about 7 ms that a process importing
    `fullscript` without making a client (a webhook receiver, a script's type hints) never needs.
    """
    import importlib.metadata
    import platform

    try:
        version = importlib.metadata.version("fullscript")
    except importlib.metadata.PackageNotFoundError:
        version = "0.1.0"
    python = platform.python_version()
    return f"fullscript-python/{version} Python/{python} httpx2/{httpx2.__version__}"


class _SharedState:
    """What a `Fullscript` and all its copies share. Owned (and closed) by the first one."""

    def __init__(
        self,
        *,
        app: OAuthApp,
        store: TokenStore,
        transport: FullscriptTransport,
        timeout: httpx2.Timeout,
        refresh_leeway: float,
        clock: Clock | None,
        observers: tuple[CallObserver, ...] = (),
    ) -> None:
        self.store = store
        self.observers = observers
        self.transport = transport
        self.timeout = timeout
        self.refresh_leeway = refresh_leeway
        self.clock = clock
        self.headers = {"User-Agent": user_agent()}
        # Token calls go through the same transport: paced and counted by the same limiter.
        self.oauth = OAuthClient(
            app, httpx2.AsyncClient(transport=transport, timeout=timeout, headers=self.headers)
        )
        self.refresh_stats = RefreshStats(observers)
        self.state = ClientState()
        # Per (grant, region, host): its authenticated connection, alive while used and kept a
        # while after (`GrantStates`), and its token manager, alive as long as its connection
        # or a refresh of its own needs it: a grant never has two managers at once.
        self._connections: GrantStates[_GrantKey, RegionConnection] = GrantStates(
            keep=IDLE_GRANTS_KEPT
        )
        self._managers: weakref.WeakValueDictionary[_GrantKey, TokenManager] = (
            weakref.WeakValueDictionary()
        )
        # Per (region, host): what its grants share (the anonymous client, the generated one).
        self._regions: dict[tuple[str, str], tuple[httpx2.AsyncClient, GeneratedClient]] = {}

    def connection(self, grant_id: str, region: Region) -> tuple[RegionConnection, TokenManager]:
        """The connection and token manager of a grant in `region`: the live ones if anything
        still uses them, else made afresh (as on the grant's first use)."""
        key = (grant_id, region.key, region.base_url)
        connection = self._connections.get(key, lambda: self._connect(key, region))
        return connection, self._managers[key]

    def _connect(self, key: _GrantKey, region: Region) -> RegionConnection:
        manager = self._managers.get(key)
        if manager is None:
            manager = self._managers[key] = TokenManager(
                self.oauth,
                self.store,
                region,
                grant_id=key[0],
                leeway=self.refresh_leeway,
                clock=self.clock,
                stats=self.refresh_stats,
            )
        anonymous, generated = self._region_clients(region)
        return RegionConnection(
            region=region,
            http=httpx2.AsyncClient(
                base_url=region.base_url,
                auth=BearerAuth(manager),
                transport=self.transport,
                timeout=self.timeout,
                headers=self.headers,
            ),
            anonymous_http=anonymous,
            generated=generated,
            state=self.state,
            default_retry=self.transport.retry,
            default_max_limiter_wait=self.transport.max_wait,
            grant_id=key[0],
            observers=self.observers,
        )

    def _region_clients(self, region: Region) -> tuple[httpx2.AsyncClient, GeneratedClient]:
        key = (region.key, region.base_url)
        found = self._regions.get(key)
        if found is None:
            anonymous = httpx2.AsyncClient(
                base_url=region.base_url,
                transport=self.transport,
                timeout=self.timeout,
                headers=self.headers,
            )
            generated = GeneratedClient(base_url=region.base_url, timeout=self.timeout)
            generated.set_async_httpx_client(anonymous)
            found = self._regions[key] = (anonymous, generated)
        return found

    def forget_grant(self, grant_id: str, region_key: str) -> None:
        """Drop a removed grant's managers (views still holding one find the store empty)."""
        for key, manager in list(self._managers.items()):
            if key[0] == grant_id and key[1] == region_key:
                self._connections.pop(key)
                del self._managers[key]
                manager.forget()

    def live_grants(self) -> int:
        """How many (grant, region) token managers are alive now (idle ones are freed)."""
        return len(self._managers)

    async def aclose(self) -> None:
        if self.state.closed:
            return
        self.state.closed = True
        # An early refresh may be running in the background: let it save its rotated pair.
        for manager in list(self._managers.values()):
            await manager.settle()
        # The AsyncClients only borrow the transport; closing it closes the pool once.
        await self.transport.aclose()


class _SeededTokenStore:
    """Your store, with the token passed as ``token=`` saved into it (default grant) on its
    region's first load."""

    def __init__(self, store: TokenStore, seed: OAuthToken) -> None:
        self._store = store
        self._seed: OAuthToken | None = seed

    def __repr__(self) -> str:
        return repr(self._store)

    def _seeds(self, region: str, grant_id: str) -> bool:
        seed = self._seed
        return seed is not None and seed.region == region and grant_id == DEFAULT_GRANT

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        seed = self._seed
        if seed is not None and self._seeds(region, grant_id):
            await self._store.save(seed, DEFAULT_GRANT)
            self._seed = None
            return seed
        return await self._store.load(region, grant_id)

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        if self._seeds(token.region, grant_id):
            self._seed = None  # a newer token for that region supersedes the seed
        return await self._store.save(token, grant_id, replaces=replaces)

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        if self._seeds(region, grant_id):
            self._seed = None
        await self._store.delete(region, grant_id)

    async def grant_ids(self, region: str) -> list[str]:
        found = set(await self._store.grant_ids(region))
        if self._seed is not None and self._seed.region == region:
            found.add(DEFAULT_GRANT)
        return sorted(found)

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        return self._store.refresh_lock(region, grant_id)


def _region_from(region: Region | str, environment: str | None = None) -> Region:
    found = region if isinstance(region, Region) else Region.from_key(region)
    if environment is None:
        return found
    if environment not in ENVIRONMENTS:
        raise ValueError(
            f"unknown Fullscript environment {environment!r}; use 'production' or 'sandbox'"
        )
    if isinstance(region, str) and region == found.country:
        return Region.of(found.country, environment)  # "ca" + sandbox = "ca-snd"
    if found.environment != environment:
        raise ValueError(
            f"region {found.key!r} is in the {found.environment} environment, not "
            f"{environment!r}: pass region={found.country!r} with environment={environment!r}"
        )
    return found


def _switched_region(current: Region, region: Region | str) -> Region:
    """The region a copy for ``region`` uses: same environment always, same hosting when a key."""
    if isinstance(region, Region):
        target = region
    else:
        target = Region.from_key(region)  # ValueError naming the valid keys
        if target.environment == current.environment or target.key == target.country:
            return current.in_country(target.country)
    if target.environment != current.environment:
        raise ValueError(
            f"this client is for the {current.environment} environment; with_region() changes "
            f"the country, never the environment (asked for {target.key!r}, which is "
            f"{target.environment}): make another Fullscript for the other environment"
        )
    return target


def _check_timeout(what: str, value: object) -> float:
    # A negative or zero timeout fails every call at once; NaN or infinity never fires.
    name = f"timeout {what}".strip()
    if value is None:
        raise InvalidParameterError(
            f"{name} is None (unlimited): calls could wait forever; give seconds",
            operation="Fullscript",
            parameter="timeout",
        )
    return check_seconds(
        value, name=name, where="Fullscript", accepted="a number of seconds or an httpx2.Timeout"
    )


def _check_work_class(value: object, where: str) -> WorkClass | None:
    return None if value is None else check_work_class(value, where=where)


def _check_max_limiter_wait(value: object) -> float:
    return check_seconds(
        value, name="max_limiter_wait", where="Fullscript", allow_zero=True, allow_infinity=True
    )


def _timeout_from(timeout: float | httpx2.Timeout | None) -> httpx2.Timeout:
    if timeout is None:
        return DEFAULT_TIMEOUT
    if isinstance(timeout, httpx2.Timeout):
        for what, seconds in timeout.as_dict().items():
            _check_timeout(what, seconds)
        return timeout
    refuse_old_httpx(timeout, argument="timeout=", expected="seconds or an httpx2.Timeout")
    # Checked here: httpx2.Timeout would take anything and the first request fail deep inside.
    return httpx2.Timeout(_check_timeout("", timeout))


def _observers_from(
    hooks: Hooks | None, telemetry: bool | CallObserver
) -> tuple[CallObserver, ...]:
    observers: list[CallObserver] = []
    if hooks is not None:
        if not isinstance(hooks, Hooks):
            raise InvalidParameterTypeError(
                f"hooks= must be a fullscript.Hooks, got {type(hooks).__name__}",
                operation="Fullscript",
                parameter="hooks",
            )
        observers.append(hooks)
    if telemetry is True:
        from .telemetry import Telemetry  # ImportError naming the extra when it is missing

        observers.append(Telemetry())
    elif telemetry is not False:
        if not isinstance(telemetry, CallObserver):
            raise InvalidParameterTypeError(
                "telemetry= must be True, False or a fullscript.telemetry.Telemetry, got "
                f"{type(telemetry).__name__}",
                operation="Fullscript",
                parameter="telemetry",
            )
        observers.append(telemetry)
    return tuple(observers)


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
            region="us", token_store=FileTokenStore("tokens.db"),
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
        region: a `Region` or its key (``"us"``, the default, ``"ca"``, ``"us-snd"``,
            ``"ca-snd"``); a key's URLs follow ``FULLSCRIPT_ENVIRONMENTS_FILE`` when it is set.
        environment: ``"production"`` or ``"sandbox"``, with ``region="us"``/``"ca"``: the one
            setting that decides the environment (``region="ca", environment="sandbox"`` is
            ``"ca-snd"``). Copies made by `with_region` always keep it.
        token_store: where token pairs live, keyed by (grant, region) (default: in memory).
        token: a token to start with, for the default grant, of this client's region (another
            region's token raises
            `RegionMismatchError`). With your own ``token_store`` it is saved there before the
            first request, replacing what the store held for that region.
        limiter: a `RateLimiter`, shared with other clients using the same credentials
            (default: a fresh `RollingWindowLimiter()`; `fullscript.redis.RedisRateLimiter`
            to share one quota between processes).
        quota_scope: which quota a request counts against: ``"app"`` (default: one per
            client_id and server), ``"grant"`` (one per grant as well), or a function of the
            ``httpx2.Request`` returning the quota's name.
        max_limiter_wait: longest wait for a rate-limit slot, in seconds; past it the call
            raises `RateLimitWaitExceeded` and sends nothing (default: the call's timeout
            for interactive work, no bound for background work; ``math.inf``: no bound).
        work_class: ``"interactive"`` (a user waits on the calls) or ``"background"`` (syncs,
            exports): how the rate limiter orders this client's calls when the quota is
            short. Default None: calls are interactive, list streams background. Also
            settable per grant view, with `with_options`, and per stream.
        retry / max_retries: retry policy, or just its number of retries.
        timeout: seconds or an ``httpx2.Timeout`` (default `DEFAULT_TIMEOUT`; never unlimited).
        deadline: longest a whole call may take, in seconds: waits for the rate limit, every
            attempt, backoff and ``Retry-After`` pauses, and a token refresh together; past it
            the call raises `DeadlineExceededError` (default: twice the longest timeout value,
            120 s with `DEFAULT_TIMEOUT`, plus ``max_limiter_wait`` when you set one;
            ``math.inf``: none). A retry whose wait would end past it is not made: the last
            answer or error is raised at once. In a list stream each page is a call.
        transport: the innermost httpx2 transport (default ``httpx2.AsyncHTTPTransport()``);
            pass ``httpx2.ASGITransport(sandbox_app)`` to talk to the embedded sandbox.
        refresh_leeway: refresh this many seconds before the access token expires.
        clock: time source for pacing, backoff and expiry (tests, virtual time).
        hooks: `Hooks` (request, response and event callbacks, sync or async) told about every
            attempt and event of every call.
        telemetry: ``True`` for OpenTelemetry spans and metrics through the global providers,
            or a ``fullscript.telemetry.Telemetry`` (needs ``pip install 'fullscript[otel]'``).
            Off by default, and then costs nothing.
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        redirect_uri: str | None = None,
        app: OAuthApp | None = None,
        region: Region | str = "us",
        environment: str | None = None,
        token_store: TokenStore | None = None,
        token: OAuthToken | None = None,
        limiter: RateLimiter | None = None,
        quota_scope: Literal["app", "grant"] | QuotaScope = "app",
        max_limiter_wait: float | None = None,
        work_class: WorkClass | None = None,
        retry: RetryPolicy | None = None,
        max_retries: int | None = None,
        timeout: float | httpx2.Timeout | None = None,
        deadline: float | None = None,
        transport: httpx2.AsyncBaseTransport | None = None,
        refresh_leeway: float = 300.0,
        clock: Clock | None = None,
        hooks: Hooks | None = None,
        telemetry: bool | CallObserver = False,
    ) -> None:
        # httpx2's INFO request line would otherwise carry query strings (search terms).
        install_httpx_query_filter()
        if app is None:
            app = OAuthApp(
                client_id=_setting(client_id, "FULLSCRIPT_CLIENT_ID"),
                client_secret=_setting(client_secret, "FULLSCRIPT_CLIENT_SECRET"),
                redirect_uri=_setting(redirect_uri, "FULLSCRIPT_REDIRECT_URI"),
            )
        region = _region_from(region, environment)
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
        refuse_old_httpx(
            transport,
            argument="transport=",
            expected="an httpx2 transport (httpx2.AsyncHTTPTransport(), httpx2.MockTransport(handler), ...)",
        )
        if limiter is not None and not isinstance(limiter, RateLimiter):
            raise TypeError(
                "limiter= must implement RateLimiter (async acquire(scope, max_wait=, work_class=, "
                "grant=) -> Permit, "
                f"release(permit), pause(seconds, scope), stats()), got {type(limiter).__name__}"
            )
        policy = retry if retry is not None else RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        store: TokenStore
        if token_store is None:
            store = InMemoryTokenStore([token] if token is not None else None)
        else:
            store = check_token_store(token_store)
            if token is not None:
                store = _SeededTokenStore(store, token)
        shared = _SharedState(
            app=app,
            store=store,
            transport=FullscriptTransport(
                transport if transport is not None else httpx2.AsyncHTTPTransport(),
                limiter=limiter if limiter is not None else RollingWindowLimiter(clock=clock),
                retry=policy,
                clock=clock,
                scope=_quota_scope(quota_scope, app.client_id),
                max_wait=(
                    _check_max_limiter_wait(max_limiter_wait)
                    if max_limiter_wait is not None
                    else None
                ),
            ),
            timeout=_timeout_from(timeout),
            refresh_leeway=refresh_leeway,
            clock=clock,
            observers=_observers_from(hooks, telemetry),
        )
        options = RequestOptions(
            deadline=check_deadline(deadline, where="Fullscript") if deadline is not None else None,
            work_class=_check_work_class(work_class, "Fullscript"),
        )
        self._setup(shared, DEFAULT_GRANT, region, options, owner=True)

    def _setup(
        self,
        shared: _SharedState,
        grant_id: str,
        region: Region,
        options: RequestOptions,
        *,
        owner: bool,
    ) -> None:
        self._shared = shared
        self._owner = owner
        self._options = options
        self._connection, self._tokens = shared.connection(grant_id, region)
        self._binding = OperationBinding(self._connection, options)
        ApiResources.__init__(self, self._binding)

    def _copy(self, region: Region, options: RequestOptions, grant_id: str | None = None) -> Self:
        clone = object.__new__(type(self))
        grant = grant_id if grant_id is not None else self.grant_id
        clone._setup(self._shared, grant, region, options, owner=False)
        return clone

    def __repr__(self) -> str:
        return (
            f"Fullscript(grant_id={self.grant_id!r}, region={self.region.key!r}, "
            f"base_url={self.region.base_url!r}, client_id={self._shared.oauth.app.client_id!r})"
        )

    # --- copies -------------------------------------------------------------------------------

    @property
    def region(self) -> Region:
        """The region this client talks to."""
        return self._connection.region

    @property
    def grant_id(self) -> str:
        """The grant whose token this client sends (``"default"`` unless from `for_grant`)."""
        return self._tokens.grant_id

    def with_region(self, region: Region | str) -> Self:
        """A client for another country, sharing pool, limiter, settings and token store.

        The environment never changes: on a sandbox client ``with_region("ca")`` is the Canada
        sandbox, and a region of the other environment raises ``ValueError``. A key keeps this
        client's hosting (a served or in-process sandbox: same host, the other region's path).
        It uses that region's own token from the store; a token issued elsewhere raises
        `RegionMismatchError` rather than being sent to the wrong server.
        """
        return self._copy(_switched_region(self.region, region), self._options)

    def with_options(
        self,
        *,
        timeout: float | httpx2.Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        max_limiter_wait: float | None = None,
        deadline: float | None = None,
        work_class: WorkClass | None = None,
    ) -> Self:
        """A cheap copy whose calls use another timeout, retry policy, maximum wait for a
        rate-limit slot, deadline for the whole call and/or work class (same pool and
        limiter)::

        await fs.with_options(timeout=5, max_retries=0).patients.retrieve(patient_id)
        await fs.with_options(deadline=30).patients.create(body=request)
        await fs.with_options(work_class="background").patients.retrieve(patient_id)
        """
        policy = retry
        if max_retries is not None:
            base = policy or self._options.retry or self._shared.transport.retry
            policy = attrs.evolve(base, max_retries=max_retries)
        override = RequestOptions(
            retry=policy,
            timeout=_timeout_from(timeout) if timeout is not None else None,
            max_limiter_wait=(
                _check_max_limiter_wait(max_limiter_wait) if max_limiter_wait is not None else None
            ),
            deadline=check_deadline(deadline, where="Fullscript") if deadline is not None else None,
            work_class=_check_work_class(work_class, "with_options"),
        )
        return self._copy(self.region, self._options.merged_with(override))

    @property
    def limiter(self) -> RateLimiter:
        """The rate limiter every attempt of this client (and its copies) waits on."""
        return self._shared.transport.limiter

    def limiter_stats(self) -> LimiterStats:
        """A snapshot of the limiter's counters: grants, waits, refusals, 429 pauses."""
        return self._shared.transport.limiter.stats()

    # --- grants -------------------------------------------------------------------------------

    def for_grant(self, grant_id: str, *, work_class: WorkClass | None = None) -> Self:
        """A view of this client acting for another grant (one clinic's authorization).

        It shares everything - credentials, pool, limiter, store, options, region - except
        the token: its requests carry only that grant's token, refreshed by its own manager.
        Views are cheap (make one per request if you like) and closing one never closes the
        shared pool::

            clinic = fs.for_grant(tenant.id)
            await clinic.patients.list()

        ``work_class="background"`` marks the view's calls as background work (a sync): they
        give way to interactive calls and wait for quota without a time limit. Grants whose
        work waits in one class take turns for the quota (see `RollingWindowLimiter`).

        A grant with no token stored raises `UnknownGrantError` (naming it) on its first call.
        Raises ``TypeError`` when ``grant_id`` is not a str.
        """
        options = self._options
        if work_class is not None:
            checked = _check_work_class(work_class, "for_grant")
            options = options.merged_with(RequestOptions(work_class=checked))
        return self._copy(self.region, options, check_grant_id(grant_id))

    async def grants(self) -> list[str]:
        """The ids of the grants that hold a token pair in this client's region, sorted."""
        return await self._shared.store.grant_ids(self.region.key)

    async def add_grant(self, grant_id: str, token: OAuthToken, *, replace: bool = False) -> Self:
        """Store ``token`` as grant ``grant_id`` of this region and return its view.

        ``token`` must belong to this client's region (`RegionMismatchError` otherwise). An
        existing grant is only overwritten with ``replace=True`` (``ValueError`` otherwise:
        its live pair would be lost).
        """
        view = self.for_grant(grant_id)
        if not isinstance(token, OAuthToken):
            raise TypeError(f"token must be an OAuthToken, got {type(token).__name__}")
        check_token_region(token, self.region)
        if not replace and await self._shared.store.load(self.region.key, grant_id) is not None:
            raise ValueError(
                f"{describe_grant(grant_id, self.region.key)} already holds a token pair: pass "
                "replace=True to overwrite it, or remove_grant() it first"
            )
        await view.set_token(token)
        return view

    async def remove_grant(self, grant_id: str, *, revoke: bool = True) -> None:
        """Remove grant ``grant_id`` of this region from the store.

        With ``revoke`` (the default) its pair is revoked on the server first. Raises
        `UnknownGrantError` when the store holds no pair for it.
        """
        view = self.for_grant(grant_id)
        region = self.region.key
        if await self._shared.store.load(region, grant_id) is None:
            raise UnknownGrantError(grant_id, region)
        if revoke:
            await view._tokens.revoke()
        else:
            await self._shared.store.delete(region, grant_id)
        self._shared.forget_grant(grant_id, region)

    def refresh_stats(self) -> RefreshStatsSnapshot:
        """Token refresh counts of this client and all its views, as a frozen snapshot."""
        return self._shared.refresh_stats.snapshot()

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

    async def exchange_code(self, code: str, *, grant_id: str | None = None) -> OAuthToken:
        """Trade the code from the OAuth redirect for a token pair; save it and start using it.

        The pair becomes grant ``grant_id`` (your tenant id, say; default: this client's
        grant), replacing any pair that grant held in this region. Its expiry is scheduled
        from when the request was sent plus ``expires_in``, on the monotonic clock::

            await fs.exchange_code(code, grant_id="tenant-42")
            await fs.for_grant("tenant-42").patients.list()
        """
        manager = self._tokens
        if grant_id is not None:
            manager = self.for_grant(grant_id)._tokens
        return await manager.exchange_code(code)

    async def set_token(self, token: OAuthToken) -> None:
        """Save ``token`` for this client's grant and region and use it (same region only)."""
        await self._tokens.set_token(token)

    async def revoke_token(self) -> None:
        """Revoke this grant's token pair on the server and delete it from the store."""
        await self._tokens.revoke()

    @property
    def token_manager(self) -> TokenManager:
        """The `TokenManager` of this grant and region (shared with every copy using them)."""
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
        """Close the connection pool. Copies and grant views share it: only the original
        client closes it (closing a view does nothing)."""
        if self._owner:
            await self._shared.aclose()

    @property
    def is_closed(self) -> bool:
        """True once the original client (and so every copy) has been closed."""
        return self._shared.state.closed
