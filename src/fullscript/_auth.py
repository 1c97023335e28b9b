"""Bearer authentication with early refresh, single-flight rotation and replay on 401.

``TokenManager`` owns the current token of one grant in one region: it loads it from the
:class:`TokenStore` once, keeps it in memory, refreshes it a little before it expires and
after a 401, and makes sure only one refresh is ever in flight - within this process by a
shared task, across processes by the store's refresh lock and compare-and-set.
``BearerAuth`` plugs it into httpx2.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import sys
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import UTC, datetime
from typing import cast

import attrs
import httpx2

from ._clock import Clock, SystemClock
from ._errors import (
    APIConnectionError,
    AuthenticationError,
    FullscriptError,
    InvalidParameterTypeError,
    MalformedResponseError,
    RateLimitError,
    ServerError,
)
from ._grants import (
    DEFAULT_GRANT,
    GrantRevokedError,
    UnknownGrantError,
    check_grant_id,
    describe_grant,
)
from ._limiters import GRANT_ID_EXTENSION
from ._oauth import OAuthClient, check_token_region
from ._observation import detached_from_call
from ._refresh_stats import RefreshStats
from ._regions import Region
from ._tokens import OAuthToken
from ._transport import AUTHORIZE_EXTENSION
from ._validation import check_count, check_seconds
from .token_stores import TokenStore, TokenStoreError, same_pair

__all__ = ["BearerAuth", "TokenManager", "check_token_store"]

logger = logging.getLogger("fullscript")

# Failures that say nothing about the refresh token itself: the old pair stays good, and the
# refresh may be tried again. A store that failed (down, full, lock not taken) is one of them.
_TRANSIENT_REFRESH_ERRORS = (
    APIConnectionError,
    ServerError,
    RateLimitError,
    MalformedResponseError,
    TokenStoreError,
)

DEFAULT_REFRESH_RETRIES = 3
"""Extra refresh rounds while callers wait on an expired token (each round is one refresh
call, itself retried by the transport's policy), 1, 2, 4 s apart."""

_BACKGROUND_RETRY_PAUSE = 5.0
"""Seconds between two early (background) refreshes after one failed, on the manager's clock."""


def _is_transient(error: BaseException) -> bool:
    if isinstance(error, _TRANSIENT_REFRESH_ERRORS):
        return True
    # `RedisUnavailableError` belongs to the redis extra: it can only have been raised when
    # that module is loaded, so it is looked up there instead of importing redis-py here.
    redis_extra = sys.modules.get("fullscript.redis._connection")
    unavailable = getattr(redis_extra, "RedisUnavailableError", None)
    return isinstance(unavailable, type) and isinstance(error, unavailable)


_TOKEN_STORE_MEMBERS = ("load", "save", "delete", "grant_ids", "refresh_lock")


def check_token_store(store: object) -> TokenStore:
    """``store`` when it implements `TokenStore`, else a TypeError naming what is missing."""
    # The members are looked up directly: ``isinstance(store, TokenStore)`` (a runtime
    # protocol) introspects the protocol on every call, about 10 us for each token manager.
    missing = [name for name in _TOKEN_STORE_MEMBERS if not callable(getattr(store, name, None))]
    if not missing:
        return cast(TokenStore, store)
    raise InvalidParameterTypeError(
        f"token_store must be a TokenStore ({', '.join(_TOKEN_STORE_MEMBERS)}); "
        f"{type(store).__name__} has no {', '.join(missing)}",
        operation="Fullscript",
        parameter="token_store",
    )


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TokenManager:
    """Keeps a valid access token for one grant in one region.

    - ``get_token()`` loads the token from ``store`` on first use, then serves it from
      memory (no store round-trip per request). Once the time left is at most
      ``min(leeway, expires_in / 2)`` (``leeway``, 300 s, before expiry for the usual 2 h
      token; half-life for a token living less than twice the leeway) one refresh starts in
      the background while callers keep using the still-valid token; only callers holding
      an expired token wait for the refresh.
    - Expiry is judged on a monotonic clock. A token this manager fetched (refresh, code
      exchange) expires ``expires_in`` seconds after its request was sent, whatever the
      server's clock says, and is stored with that moment (``received_at``) so that a
      sibling process loading it judges it the same way. Only a token without it (given to
      `set_token`, stored by other code) is judged from the server's ``created_at``.
    - A token whose ``expires_in`` was below one second has an unknown lifetime: it is used
      until the API answers 401, and refreshed then (one warning is logged).
    - ``refresh(stale)`` is single flight: concurrent callers holding the same stale token
      share one refresh; a caller whose token was already replaced gets the new one. While
      callers wait, a refresh failing for a transient reason (network, 5xx, 429, store down)
      is tried again ``refresh_retries`` times; callers that give up (their deadline) stop
      it, since it goes on only while someone waits.
    - Across processes sharing the store, a refresh holds the store's ``refresh_lock`` for
      the grant and re-reads the store first: when a sibling already rotated the pair, that
      pair is used and no refresh is made. The new pair is saved with compare-and-set before
      anyone uses it; a process losing that race adopts the stored pair instead. A store
      that comes back empty (data lost) gets the pair held in memory written back.
    - When the server refuses the refresh token, the store is read once more; only when it
      holds no newer pair is the grant reported dead (`GrantRevokedError`). From then on
      calls fail without a request until the store holds another pair (re-authorized).

    Example::

        manager = TokenManager(oauth, FileTokenStore("tokens.json"), Region.CA)
        async with httpx2.AsyncClient(auth=BearerAuth(manager)) as http:
            ...
    """

    def __init__(
        self,
        oauth: OAuthClient,
        store: TokenStore,
        region: Region,
        *,
        grant_id: str = DEFAULT_GRANT,
        leeway: float = 300.0,
        clock: Clock | None = None,
        utcnow: Callable[[], datetime] = _utcnow,
        stats: RefreshStats | None = None,
        refresh_retries: int = DEFAULT_REFRESH_RETRIES,
    ) -> None:
        check_seconds(leeway, name="leeway (refresh_leeway)", where="TokenManager", allow_zero=True)
        check_count(refresh_retries, name="refresh_retries", where="TokenManager", minimum=0)
        self._oauth = oauth
        self._store = check_token_store(store)
        self._region = region
        self._grant_id = check_grant_id(grant_id)
        self._leeway = leeway
        self._refresh_retries = refresh_retries
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._utcnow = utcnow
        self._stats = stats if stats is not None else RefreshStats()
        self._lock = asyncio.Lock()  # serialises loading, setting and revoking
        self._token: OAuthToken | None = None
        self._expires_at_monotonic = 0.0
        # When the token in use is due for refresh, on the same clock: computed once per token
        # so that the check every request makes is one comparison (see `_track`).
        self._refresh_at_monotonic = 0.0
        # The one refresh in flight. It runs as its own task so that a caller being
        # cancelled can neither interrupt the save of a rotated pair nor strand the others.
        self._inflight: asyncio.Task[OAuthToken] | None = None
        # Callers awaiting the refresh in flight: its retries go on only while one waits.
        self._waiters = 0
        # After a failed early refresh, the next one waits until then (the token is valid).
        self._early_refresh_paused_until = -math.inf
        # The pair the server refused for good, and what it said: while the store still
        # holds that pair, calls fail at once instead of asking again.
        self._dead: tuple[OAuthToken, GrantRevokedError] | None = None
        self._warned_unknown_lifetime = False
        # The header of the token sent last (`bearer_header`).
        self._header_token: OAuthToken | None = None
        self._header = ""

    @property
    def region(self) -> Region:
        """The region whose token this manager keeps."""
        return self._region

    @property
    def grant_id(self) -> str:
        """The grant whose token this manager keeps."""
        return self._grant_id

    @property
    def store(self) -> TokenStore:
        """Where tokens are persisted."""
        return self._store

    @property
    def oauth(self) -> OAuthClient:
        """The OAuth client used for refresh and revoke."""
        return self._oauth

    @property
    def stats(self) -> RefreshStats:
        """The refresh counters this manager adds to (shared by a client's managers)."""
        return self._stats

    @property
    def current_token(self) -> OAuthToken | None:
        """The token in use, if one was loaded (no I/O)."""
        return self._token

    def seconds_left(self) -> float:
        """Seconds before the current token expires, by the monotonic clock (0 if none,
        infinite when its lifetime is unknown)."""
        if self._token is None:
            return 0.0
        return self._expires_at_monotonic - self._clock.now()

    def _describe(self) -> str:
        return describe_grant(self._grant_id, self._region.key)

    def __repr__(self) -> str:
        return (
            f"TokenManager(grant_id={self._grant_id!r}, region={self._region.key!r}, "
            f"store={self._store!r})"
        )

    def bearer_header(self, token: OAuthToken) -> str:
        """The ``Authorization`` value sending ``token``, built once per token."""
        if token is not self._header_token:
            self._header = f"Bearer {token.access_token}"
            self._header_token = token
        return self._header

    def fresh_token(self) -> OAuthToken | None:
        """The token to send now when it is not yet due for refresh, else None (then
        `get_token`); no I/O, no waiting."""
        token = self._token
        if token is not None and self._clock.now() < self._refresh_at_monotonic:
            return token
        return None

    async def get_token(self) -> OAuthToken:
        """The token to send now.

        Within ``leeway`` of expiry the current token is still returned, and one refresh
        runs in the background (its failure is logged once, and it is tried again a few
        seconds later); only an expired token makes the caller wait for the refresh.

        Raises `UnknownGrantError` (a `TokenMissingError`) when the store has no token for
        the grant and region, `RegionMismatchError` when the stored token belongs to
        another region, and `GrantRevokedError` at once, without a request, for a grant
        whose refresh token the server refused, until it is authorized again.
        """
        token = self.fresh_token()
        if token is not None:
            return token  # the path nearly every request takes
        token = self._token
        if self._dead is not None:
            return await self._revived_or_raise()
        if token is None:
            token = await self._load()
        if not self._needs_refresh():
            return token
        if self.seconds_left() > 0:
            self._refresh_early(token)
            return token
        return await self.refresh(token)

    async def refresh(self, stale: OAuthToken) -> OAuthToken:
        """Replace ``stale`` with a new token pair and return it (single flight).

        When ``stale`` was already replaced (by a concurrent caller, or by another process
        sharing the store) the replacement is returned without an HTTP call.
        """
        check_token_region(stale, self._region)
        current = self._token
        if current is not None and current.access_token != stale.access_token:
            return current
        task = self._start_refresh(stale)
        # Everyone, including the caller that started it, waits on the shared task; the
        # shield keeps one caller's cancellation from cancelling the others' refresh.
        self._waiters += 1
        try:
            return await asyncio.shield(task)
        finally:
            self._waiters -= 1

    def _start_refresh(self, stale: OAuthToken) -> asyncio.Task[OAuthToken]:
        """The refresh in flight, or a new one from ``stale``."""
        task = self._inflight
        # A task of another (closed) event loop would never finish: start afresh.
        if task is None or task.done() or task.get_loop() is not asyncio.get_running_loop():
            task = asyncio.create_task(self._refresh_once(stale))
            task.add_done_callback(_mark_exception_retrieved)
            self._inflight = task
        return task

    def _refresh_early(self, token: OAuthToken) -> None:
        """Start a background refresh of the still-valid ``token`` unless one runs (or failed
        just now)."""
        if self._clock.now() < self._early_refresh_paused_until:
            return
        with detached_from_call():  # a background refresh is no part of this caller's call
            self._start_refresh(token)

    async def settle(self) -> None:
        """Wait for a refresh in flight to finish (its outcome is logged, not raised), so that
        a rotated pair is saved before the client closes."""
        await self._settle_refresh()

    async def set_token(self, token: OAuthToken) -> None:
        """Save ``token`` (e.g. from ``OAuthClient.exchange_code``) and start using it.

        Its expiry is judged from its ``received_at`` or, without one, its ``created_at``
        (the only time known for a token that comes from elsewhere); `exchange_code` does
        better for a token it fetches itself.
        """
        await self._set(token, received_at=None)

    async def exchange_code(self, code: str) -> OAuthToken:
        """Trade an authorization code for a token pair, save it and start using it.

        Expiry is scheduled from the moment the request was sent plus ``expires_in``, on the
        monotonic clock: a server clock ahead or behind ours cannot shift it.
        """
        started, sent_at = self._clock.now(), self._utcnow()
        token = await self._oauth.exchange_code(self._region, code, grant_id=self._grant_id)
        token = attrs.evolve(token, received_at=sent_at)
        await self._set(token, received_at=started)
        return token

    async def _set(self, token: OAuthToken, *, received_at: float | None) -> None:
        check_token_region(token, self._region)
        async with self._lock:
            await self._settle_refresh()
            await self._store.save(token, self._grant_id)
            self._dead = None
            if received_at is None:
                self._use_loaded(token)
            else:
                self._track_fetched(token, sent_at=received_at)

    async def revoke(self) -> None:
        """Revoke the grant's token on the server and delete it from the store."""
        async with self._lock:
            await self._settle_refresh()
            token = (
                self._token
                if self._token is not None
                else await self._store.load(self._region.key, self._grant_id)
            )
            if token is None:
                return
            check_token_region(token, self._region)
            await self._oauth.revoke(token, region=self._region, grant_id=self._grant_id)
            await self._store.delete(self._region.key, self._grant_id)
            self.forget()

    def forget(self) -> None:
        """Drop the in-memory token (the next request loads it from the store again)."""
        self._token = None
        self._expires_at_monotonic = self._refresh_at_monotonic = 0.0

    async def _settle_refresh(self) -> None:
        """Let a refresh in flight finish so it cannot overwrite what comes next."""
        task = self._inflight
        if task is not None and task.get_loop() is asyncio.get_running_loop():
            with contextlib.suppress(Exception):
                await asyncio.shield(task)

    async def _load(self) -> OAuthToken:
        async with self._lock:
            if self._token is None:
                stored = await self._store.load(self._region.key, self._grant_id)
                if stored is None:
                    raise UnknownGrantError(self._grant_id, self._region.key)
                check_token_region(stored, self._region)
                self._use_loaded(stored)
                return stored
            return self._token

    async def _revived_or_raise(self) -> OAuthToken:
        """For a dead grant: the pair authorized again since (read from the store, no API
        request), or the `GrantRevokedError` once more."""
        async with self._lock:
            if self._dead is None and self._token is not None:
                return self._token  # revived while we waited for the lock
            stored = await self._store.load(self._region.key, self._grant_id)
            dead = self._dead
            if dead is not None and (stored is None or same_pair(stored, dead[0])):
                raise dead[1].with_traceback(None)
            if stored is None:
                raise UnknownGrantError(self._grant_id, self._region.key)
            check_token_region(stored, self._region)
            self._dead = None
            return self._adopt(stored, "the grant was authorized again")

    async def _refresh_once(self, stale: OAuthToken) -> OAuthToken:
        # The one place a refresh's outcome is logged and counted: waiters only read it.
        try:
            return await self._refresh_while_waited_for(stale)
        except GrantRevokedError:
            raise  # logged and counted where it was decided
        except Exception as exc:
            self._stats.failed()
            left = self.seconds_left()
            if left > 0:
                self._early_refresh_paused_until = self._clock.now() + _BACKGROUND_RETRY_PAUSE
            logger.warning(
                "refreshing the OAuth token of %s failed (%s); %s",
                self._describe(),
                type(exc).__name__,
                _describe_time_left(left),
            )
            raise
        finally:
            self._inflight = None

    async def _refresh_while_waited_for(self, stale: OAuthToken) -> OAuthToken:
        """`_refresh`, tried again after a transient failure while a caller still waits."""
        retry = 0
        while True:
            try:
                return await self._refresh(stale)
            except GrantRevokedError:
                raise  # counted as a dead grant where it was decided
            except Exception as exc:
                if retry >= self._refresh_retries or not _is_transient(exc) or not self._waiters:
                    raise
                retry += 1
                logger.info(
                    "refreshing the OAuth token of %s failed (%s); trying again (%d of %d)",
                    self._describe(),
                    type(exc).__name__,
                    retry,
                    self._refresh_retries,
                )
                await self._clock.sleep(float(2 ** (retry - 1)))
                if not self._waiters:  # every caller gave up (their deadlines): stop here
                    raise

    async def _refresh(self, stale: OAuthToken) -> OAuthToken:
        region, grant_id = self._region.key, self._grant_id
        async with self._store.refresh_lock(region, grant_id):
            # Under the lock, the store is the truth: a sibling process may have rotated.
            stored = await self._store.load(region, grant_id)
            if stored is None:
                stored = await self._write_back_held_pair()
            check_token_region(stored, self._region)
            if self._dead is not None:
                dead, error = self._dead
                if same_pair(stored, dead):
                    raise error.with_traceback(None)
                self._dead = None  # the grant was authorized again
            if not same_pair(stored, stale):
                self._adopt(stored, "another process sharing the token store rotated it")
                if not self._needs_refresh():
                    return stored
            return await self._rotate(stored)

    async def _write_back_held_pair(self) -> OAuthToken:
        """The store lost the grant's pair (a restart without persistence, an eviction): the
        pair in memory is the live one, so save it again rather than make the grant
        re-authorize. Without one, the grant is unknown."""
        held = self._token
        if held is None or (self._dead is not None and same_pair(held, self._dead[0])):
            raise UnknownGrantError(self._grant_id, self._region.key)
        logger.warning(
            "the token store has no OAuth token pair for %s (its data was lost?); "
            "writing back the pair held in memory",
            self._describe(),
        )
        await self._store.save(held, self._grant_id)
        return held

    async def _rotate(self, current: OAuthToken) -> OAuthToken:
        """Refresh ``current`` (the stored pair) and save the new pair by compare-and-set."""
        region, grant_id = self._region.key, self._grant_id
        started, sent_at = self._clock.now(), self._utcnow()
        try:
            fresh = await self._oauth.refresh(current, region=self._region, grant_id=grant_id)
        except AuthenticationError as refusal:
            if _oauth_error_code(refusal) == "invalid_client":
                raise  # the app's credentials were refused, not this grant's refresh token
            # Refused: before calling the grant dead, look whether someone rotated meanwhile
            # (a process that does not share our lock, or whose lock expired).
            latest = await self._store.load(region, grant_id)
            if latest is not None and not same_pair(latest, current):
                check_token_region(latest, self._region)
                return self._adopt(latest, "the refresh was refused but the store has a newer pair")
            self._stats.grant_died()
            logger.warning(
                "the OAuth token pair of %s is dead (the server refused its refresh token); "
                "authorize the app again for this grant",
                self._describe(),
            )
            error = GrantRevokedError.from_refusal(refusal, grant_id, region)
            self._dead = (current, error)
            # No request goes out with the dead pair: `get_token` fails at once from now on.
            self._refresh_at_monotonic = -math.inf
            raise error from refusal
        # Siblings loading this pair judge its expiry from when it was asked for, not from the
        # server's `created_at` (a server clock hours off would make it look expired).
        fresh = attrs.evolve(fresh, received_at=sent_at)
        # The server has rotated: persist before anyone uses the new pair.
        try:
            saved = await self._store.save(fresh, grant_id, replaces=current)
        except FullscriptError:
            raise  # the SDK's own store errors (Redis down, ...) already say what happened
        except Exception as exc:
            raise TokenStoreError(
                f"could not save the refreshed OAuth token of {self._describe()} "
                f"({type(exc).__name__}); the new token is not used and the previous one "
                "stays valid, so the refresh can be retried"
            ) from exc
        if not saved:
            # Someone saved another pair since we read the store. Ours was never used, so
            # dropping it keeps a single live chain: continue from the stored pair.
            latest = await self._store.load(region, grant_id)
            if latest is None:
                # The store lost its data meanwhile: ours is the newest pair there is.
                await self._store.save(fresh, grant_id)
            else:
                check_token_region(latest, self._region)
                return self._adopt(latest, "another process saved a pair while this one refreshed")
        # Judge expiry from when we asked, on the monotonic clock: immune to clock skew.
        self._track_fetched(fresh, sent_at=started)
        self._stats.refreshed(grant_id, region)
        logger.info("refreshed the OAuth token of %s", self._describe())
        return fresh

    def _adopt(self, token: OAuthToken, why: str) -> OAuthToken:
        self._use_loaded(token)
        self._stats.adopted()
        logger.info("using the stored OAuth token pair of %s: %s", self._describe(), why)
        return token

    def _use_loaded(self, token: OAuthToken) -> None:
        self._track(token, expires_at=self._clock.now() + token.seconds_left(self._utcnow()))

    def _track_fetched(self, token: OAuthToken, *, sent_at: float) -> None:
        lifetime = math.inf if token.expires_in is None else token.expires_in
        self._track(token, expires_at=sent_at + lifetime)

    def _track(self, token: OAuthToken, *, expires_at: float) -> None:
        """Use `token` from now on; it expires at `expires_at` on this manager's clock."""
        self._token = token
        self._expires_at_monotonic = expires_at
        if token.expires_in is None:
            # No lifetime to schedule an early refresh by: use it until the API answers 401.
            self._refresh_at_monotonic = math.inf
            self._warn_unknown_lifetime()
            return
        # A token living shorter than twice the leeway would otherwise be refreshed on
        # every request; refresh such tokens at half-life instead.
        self._refresh_at_monotonic = expires_at - min(self._leeway, token.expires_in / 2)

    def _warn_unknown_lifetime(self) -> None:
        if self._warned_unknown_lifetime:
            return
        self._warned_unknown_lifetime = True
        logger.warning(
            "the OAuth token of %s came with no usable lifetime (expires_in below 1 s); "
            "it is kept and used until the API answers 401, then refreshed",
            self._describe(),
        )

    def _needs_refresh(self) -> bool:
        return self._token is None or self._clock.now() >= self._refresh_at_monotonic


def _describe_time_left(left: float) -> str:
    if left == math.inf:
        return "the current token stays in use (its lifetime is unknown)"
    if left > 0:
        return f"the current token stays in use ({left:.0f} s left)"
    return "the current token has expired"


def _oauth_error_code(error: AuthenticationError) -> str | None:
    """The OAuth ``error`` code of a refused token call (``invalid_grant``, ...), if any."""
    body = error.body
    code = body.get("error") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def _mark_exception_retrieved(task: asyncio.Task[OAuthToken]) -> None:
    # Every waiter may have been cancelled; the failure is then nobody's to report and
    # asyncio must not log "exception was never retrieved".
    if not task.cancelled():
        task.exception()


class BearerAuth(httpx2.Auth):
    """httpx2 auth: ``Authorization: Bearer``, early refresh, refresh and replay once on 401.

    A second 401 after the replay is returned to the caller as is (no loop).
    """

    def __init__(self, manager: TokenManager) -> None:
        self._manager = manager

    @property
    def manager(self) -> TokenManager:
        """The `TokenManager` that supplies (and refreshes) the token."""
        return self._manager

    def __repr__(self) -> str:
        return (
            f"BearerAuth(grant_id={self._manager.grant_id!r}, region={self._manager.region.key!r})"
        )

    def sync_auth_flow(
        self, request: httpx2.Request
    ) -> Generator[httpx2.Request, httpx2.Response, None]:
        """Always raises: refreshing is async, so only ``httpx2.AsyncClient`` can use this auth."""
        raise RuntimeError("BearerAuth refreshes tokens asynchronously: use httpx2.AsyncClient")

    async def async_auth_flow(
        self, request: httpx2.Request
    ) -> AsyncGenerator[httpx2.Request, httpx2.Response]:
        """Send with the current token; on a 401, refresh (single flight) and send once more."""
        # Buffer a streamed body so the request can be replayed after a 401. (httpx2's
        # `requires_request_body` flag would do this only in the default flow, overridden here.)
        await request.aread()
        # Make sure a usable token exists (refreshing early if due) before the request queues
        # for its slot: a refresh is a request of its own and must not wait behind this one.
        token = self._manager.fresh_token()
        if token is None:
            token = await self._manager.get_token()
        sent = _TokenAtSlot(self._manager, token)
        # Tell the transport whose request this is (per-grant quotas and fair share key on
        # it), and let it put the token on once the slot is granted: a sibling may rotate the
        # token while this request waits. The request owns its extensions (httpx2 copies the
        # ones it is given), so they are set in place. The token is put on here too, for a
        # transport that does not call `authorize`.
        extensions = request.extensions
        extensions[GRANT_ID_EXTENSION] = self._manager.grant_id
        extensions[AUTHORIZE_EXTENSION] = sent.authorize
        sent.authorize(request)
        response = yield request
        if response.status_code != 401:
            return
        sent.put_on(request, await self._manager.refresh(sent.token))
        yield request


class _TokenAtSlot:
    """Puts the manager's newest token on a request, and remembers which one it sent (a 401
    then refreshes that one, not whatever the manager holds by then).

    It holds its manager weakly: a request (in the request/response reference cycle httpx2
    leaves for the garbage collector) keeps this in its extensions, and must not keep an idle
    grant's token manager alive after the grant's connection was freed.
    """

    __slots__ = ("_manager", "_on_request", "token")

    def __init__(self, manager: TokenManager, token: OAuthToken) -> None:
        self._manager = weakref.ref(manager)
        self.token = token
        self._on_request: OAuthToken | None = None  # the token in the request's header

    def authorize(self, request: httpx2.Request) -> None:
        manager = self._manager()
        current = manager.current_token if manager is not None else None
        self.put_on(request, current if current is not None else self.token)

    def put_on(self, request: httpx2.Request, token: OAuthToken) -> None:
        self.token = token
        if token is not self._on_request:  # the header is set once per token, not per attempt
            manager = self._manager()
            request.headers["Authorization"] = (
                manager.bearer_header(token)
                if manager is not None
                else f"Bearer {token.access_token}"
            )
            self._on_request = token
