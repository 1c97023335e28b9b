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

import importlib
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self

import httpx2
from fullscript_api.api import ApiResources, RawApiResources

from ._logging import configure_from_environment

if TYPE_CHECKING:
    from . import _client_machinery as machinery
    from ._auth import TokenManager
    from ._client_machinery import SharedState
    from ._clock import Clock
    from ._hooks import Hooks
    from ._limiters import LimiterStats, QuotaScope, RateLimiter, WorkClass
    from ._oauth import OAuthApp
    from ._observation import CallObserver
    from ._options import RequestOptions
    from ._refresh_stats import RefreshStatsSnapshot
    from ._regions import Region
    from ._retry import RetryPolicy
    from ._tokens import OAuthToken
    from .token_stores import TokenStore

__all__ = ["DEFAULT_TIMEOUT", "Fullscript"]

configure_from_environment()  # FULLSCRIPT_LOG=debug|info

DEFAULT_TIMEOUT = httpx2.Timeout(60.0, connect=10.0)
"""Applied unless you pass another: 60 s to read/write/pool, 10 s to connect."""


def _load_machinery() -> None:
    """Bind this module's ``machinery`` (`fullscript._client_machinery`), once per process.

    The first `Fullscript()` calls this; every method after it uses the module bound here.
    Importing it with this module would make `from fullscript import Fullscript` import the
    transport, token managers, limiter, token stores and OAuth client (asyncio, attrs and most
    of the SDK: more than half as much CPU again as httpx2 itself), which a process that only
    names the class (type hints, a webhook receiver) never uses. For the same reason the classes
    the signatures name are imported for type checkers only.
    """
    global machinery
    from . import _client_machinery as machinery

    # The classes the signatures name are loaded now: bind them here too, so that
    # `typing.get_type_hints` resolves this module's annotations once a client exists.
    for name, home in _SIGNATURE_TYPES.items():
        globals()[name] = getattr(importlib.import_module(home, __package__), name)


# Where each class named by the signatures above lives (the `TYPE_CHECKING` imports).
_SIGNATURE_TYPES = {
    "TokenManager": "._auth",
    "SharedState": "._client_machinery",
    "Clock": "._clock",
    "Hooks": "._hooks",
    "LimiterStats": "._limiters",
    "QuotaScope": "._limiters",
    "RateLimiter": "._limiters",
    "WorkClass": "._limiters",
    "OAuthApp": "._oauth",
    "CallObserver": "._observation",
    "RequestOptions": "._options",
    "RefreshStatsSnapshot": "._refresh_stats",
    "Region": "._regions",
    "RetryPolicy": "._retry",
    "OAuthToken": "._tokens",
    "TokenStore": ".token_stores",
}


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
        _load_machinery()
        shared, client_region, options = machinery.build_shared_state(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            app=app,
            region=region,
            environment=environment,
            token_store=token_store,
            token=token,
            limiter=limiter,
            quota_scope=quota_scope,
            max_limiter_wait=max_limiter_wait,
            work_class=work_class,
            retry=retry,
            max_retries=max_retries,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
            deadline=deadline,
            transport=transport,
            refresh_leeway=refresh_leeway,
            clock=clock,
            hooks=hooks,
            telemetry=telemetry,
        )
        self._setup(shared, machinery.DEFAULT_GRANT, client_region, options, owner=True)

    def _setup(
        self,
        shared: SharedState,
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
        self._binding = machinery.OperationBinding(self._connection, options)
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
        return self._copy(machinery.switched_region(self.region, region), self._options)

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
        options = machinery.overridden_options(
            self._options,
            self._shared.transport.retry,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            max_limiter_wait=max_limiter_wait,
            deadline=deadline,
            work_class=work_class,
        )
        return self._copy(self.region, options)

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
        options = machinery.grant_view_options(self._options, work_class)
        return self._copy(self.region, options, machinery.check_grant_id(grant_id))

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
        if not isinstance(token, machinery.OAuthToken):
            raise TypeError(f"token must be an OAuthToken, got {type(token).__name__}")
        machinery.check_token_region(token, self.region)
        if not replace and await self._shared.store.load(self.region.key, grant_id) is not None:
            raise ValueError(
                f"{machinery.describe_grant(grant_id, self.region.key)} already holds a token pair: pass "
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
            raise machinery.UnknownGrantError(grant_id, region)
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
