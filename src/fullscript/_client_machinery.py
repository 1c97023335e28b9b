"""What a `Fullscript` runs on: the state it and its copies share, and the checks that turn its
arguments into that state and into the options of its copies.

`fullscript._client` imports this module when the first client is built, not when `Fullscript`
is imported: it brings the transport, token managers, limiter, token stores and OAuth client,
and with them asyncio, attrs and most of the SDK (together more than half as much CPU as
httpx2 itself), which a process that only names the class (type hints, a webhook receiver)
never needs.
"""

from __future__ import annotations

import os
import weakref
from contextlib import AbstractAsyncContextManager
from functools import cache
from typing import Literal

import attrs
import httpx2
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
    QuotaScope,
    RateLimiter,
    RollingWindowLimiter,
    WorkClass,
    check_work_class,
)
from ._limiters import (
    quota_scope as _quota_scope,
)
from ._logging import install_httpx_query_filter
from ._oauth import OAuthApp, OAuthClient, check_token_region
from ._observation import CallObserver
from ._options import RequestOptions
from ._refresh_stats import RefreshStats
from ._regions import ENVIRONMENTS, Region
from ._resources import ClientState, OperationBinding, RegionConnection
from ._retry import RetryPolicy
from ._tokens import OAuthToken
from ._transport import FullscriptTransport
from ._validation import check_seconds
from .token_stores import InMemoryTokenStore, TokenStore

# What `fullscript._client` uses.
__all__ = [
    "DEFAULT_GRANT",
    "OAuthToken",
    "OperationBinding",
    "SharedState",
    "UnknownGrantError",
    "build_shared_state",
    "check_grant_id",
    "check_token_region",
    "describe_grant",
    "grant_view_options",
    "overridden_options",
    "switched_region",
]

IDLE_GRANTS_KEPT = 256
"""How many (grant, region) connections stay built after their last use beyond those in use.
An idle grant past them costs no memory; its next call rebuilds its state as its first did
(a few hundred microseconds and one token store load). See docs/scale-out.md for figures."""

# (grant id, region key, base URL)
_GrantKey = tuple[str, str, str]


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


class SharedState:
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


def switched_region(current: Region, region: Region | str) -> Region:
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


def _timeout_from(timeout: float | httpx2.Timeout) -> httpx2.Timeout:
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


def build_shared_state(
    *,
    client_id: str | None,
    client_secret: str | None,
    redirect_uri: str | None,
    app: OAuthApp | None,
    region: Region | str,
    environment: str | None,
    token_store: TokenStore | None,
    token: OAuthToken | None,
    limiter: RateLimiter | None,
    quota_scope: Literal["app", "grant"] | QuotaScope,
    max_limiter_wait: float | None,
    work_class: WorkClass | None,
    retry: RetryPolicy | None,
    max_retries: int | None,
    timeout: float | httpx2.Timeout,
    deadline: float | None,
    transport: httpx2.AsyncBaseTransport | None,
    refresh_leeway: float,
    clock: Clock | None,
    hooks: Hooks | None,
    telemetry: bool | CallObserver,
) -> tuple[SharedState, Region, RequestOptions]:
    """`Fullscript`'s arguments checked and built into what it and its copies share, with its
    region and its options (see `Fullscript` for each argument)."""
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
    shared = SharedState(
        app=app,
        store=store,
        transport=FullscriptTransport(
            transport if transport is not None else httpx2.AsyncHTTPTransport(),
            limiter=limiter if limiter is not None else RollingWindowLimiter(clock=clock),
            retry=policy,
            clock=clock,
            scope=_quota_scope(quota_scope, app.client_id),
            max_wait=(
                _check_max_limiter_wait(max_limiter_wait) if max_limiter_wait is not None else None
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
    return shared, region, options


def overridden_options(
    options: RequestOptions,
    default_retry: RetryPolicy,
    *,
    timeout: float | httpx2.Timeout | None,
    max_retries: int | None,
    retry: RetryPolicy | None,
    max_limiter_wait: float | None,
    deadline: float | None,
    work_class: WorkClass | None,
) -> RequestOptions:
    """`options` with what `Fullscript.with_options` was given checked and laid over them."""
    policy = retry
    if max_retries is not None:
        base = policy or options.retry or default_retry
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
    return options.merged_with(override)


def grant_view_options(options: RequestOptions, work_class: WorkClass | None) -> RequestOptions:
    """The options of a grant view (`Fullscript.for_grant`): the client's, in ``work_class``."""
    if work_class is None:
        return options
    checked = _check_work_class(work_class, "for_grant")
    return options.merged_with(RequestOptions(work_class=checked))
