"""Bearer authentication with early refresh, single-flight rotation and replay on 401.

``TokenManager`` owns the current token of one region: it loads it from the
:class:`TokenStore`, refreshes it a little before it expires and after a 401, and makes
sure only one refresh is ever in flight. ``BearerAuth`` plugs it into httpx.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Callable, Generator
from datetime import UTC, datetime

import httpx

from ._clock import Clock, SystemClock
from ._errors import (
    APIConnectionError,
    RateLimitError,
    ServerError,
    TokenMissingError,
)
from ._oauth import OAuthClient, check_token_region
from ._regions import Region
from ._token_store import TokenStore, TokenStoreError
from ._tokens import OAuthToken

__all__ = ["BearerAuth", "TokenManager"]

logger = logging.getLogger("fullscript")

# Failures that say nothing about the refresh token itself: the old pair stays good.
_TRANSIENT_REFRESH_ERRORS = (APIConnectionError, ServerError, RateLimitError)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TokenManager:
    """Keeps a valid access token for one region.

    - ``get_token()`` loads the token from ``store`` on first use and refreshes it once it
      is within ``leeway`` seconds of expiry (or at half-life for very short-lived tokens).
      Expiry is judged on a monotonic clock: the wall clock is read once, when a token is
      loaded from the store.
    - ``refresh(stale)`` is single flight: concurrent callers holding the same stale token
      share one HTTP refresh; a caller whose token was already replaced gets the new one.
    - Rotation is safe: a refreshed pair is saved to the store before anyone uses it. When
      the refresh fails (network, server, store), the old pair is kept and still works.

    Example::

        manager = TokenManager(oauth, FileTokenStore("tokens.json"), Region.CA)
        async with httpx.AsyncClient(auth=BearerAuth(manager)) as http:
            ...
    """

    def __init__(
        self,
        oauth: OAuthClient,
        store: TokenStore,
        region: Region,
        *,
        leeway: float = 300.0,
        clock: Clock | None = None,
        utcnow: Callable[[], datetime] = _utcnow,
    ) -> None:
        if isinstance(leeway, bool) or not isinstance(leeway, int | float):
            raise TypeError(
                f"leeway (refresh_leeway) must be a number of seconds, got {type(leeway).__name__}"
            )
        if not leeway >= 0:  # NaN too
            raise ValueError(f"leeway (refresh_leeway) must be >= 0 seconds, got {leeway!r}")
        self._oauth = oauth
        self._store = store
        self._region = region
        self._leeway = leeway
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._utcnow = utcnow
        self._lock = asyncio.Lock()  # serialises loading, setting and revoking
        self._token: OAuthToken | None = None
        self._expires_at_monotonic = 0.0
        # When the token in use is due for refresh, on the same clock: computed once per token
        # so that the check every request makes is one comparison (see `_track`).
        self._refresh_at_monotonic = 0.0
        # The one refresh in flight. It runs as its own task so that a caller being
        # cancelled can neither interrupt the save of a rotated pair nor strand the others.
        self._inflight: asyncio.Task[OAuthToken] | None = None

    @property
    def region(self) -> Region:
        """The region whose token this manager keeps."""
        return self._region

    @property
    def store(self) -> TokenStore:
        """Where tokens are persisted."""
        return self._store

    @property
    def oauth(self) -> OAuthClient:
        """The OAuth client used for refresh and revoke."""
        return self._oauth

    @property
    def current_token(self) -> OAuthToken | None:
        """The token in use, if one was loaded (no I/O)."""
        return self._token

    def seconds_left(self) -> float:
        """Seconds before the current token expires, by the monotonic clock (0 if none)."""
        if self._token is None:
            return 0.0
        return self._expires_at_monotonic - self._clock.now()

    def __repr__(self) -> str:
        return f"TokenManager(region={self._region.key!r}, store={self._store!r})"

    async def get_token(self) -> OAuthToken:
        """The token to send now, refreshed first when it is within ``leeway`` of expiry.

        If that early refresh fails for a transient reason (network, 5xx, 429) while the
        current token is still valid, the current token is returned and the refresh is
        tried again on the next call.

        Raises :class:`TokenMissingError` when the store has no token for the region and
        :class:`RegionMismatchError` when the stored token belongs to another region.
        """
        token = self._token
        if token is not None and self._clock.now() < self._refresh_at_monotonic:
            return token  # the path nearly every request takes
        if token is None:
            token = await self._load()
        if not self._needs_refresh():
            return token
        try:
            return await self.refresh(token)
        except _TRANSIENT_REFRESH_ERRORS:
            # An early refresh failed for a reason unrelated to the token: the old token
            # is still valid for a while, so use it and try again on the next request.
            if self._token is token and self.seconds_left() > 0:
                logger.warning(
                    "early refresh of the OAuth token for region %s failed; "
                    "using the current token (%.0f s left)",
                    self._region.key,
                    self.seconds_left(),
                )
                return token
            raise

    async def refresh(self, stale: OAuthToken) -> OAuthToken:
        """Replace ``stale`` with a new token pair and return it (single flight).

        When ``stale`` was already replaced (by a concurrent caller, or by another process
        sharing the store) the replacement is returned without an HTTP call.
        """
        check_token_region(stale, self._region)
        current = self._token
        if current is not None and current.access_token != stale.access_token:
            return current
        task = self._inflight
        # A task of another (closed) event loop would never finish: start afresh.
        if task is None or task.done() or task.get_loop() is not asyncio.get_running_loop():
            task = asyncio.create_task(self._refresh_once(stale))
            task.add_done_callback(_mark_exception_retrieved)
            self._inflight = task
        # Everyone, including the caller that started it, waits on the shared task; the
        # shield keeps one caller's cancellation from cancelling the others' refresh.
        return await asyncio.shield(task)

    async def set_token(self, token: OAuthToken) -> None:
        """Save ``token`` (e.g. from ``OAuthClient.exchange_code``) and start using it."""
        check_token_region(token, self._region)
        async with self._lock:
            await self._settle_refresh()
            await self._store.save(token)
            self._use_loaded(token)

    async def revoke(self) -> None:
        """Revoke the region's token on the server and delete it from the store."""
        async with self._lock:
            await self._settle_refresh()
            token = (
                self._token if self._token is not None else await self._store.load(self._region.key)
            )
            if token is None:
                return
            check_token_region(token, self._region)
            await self._oauth.revoke(token, region=self._region)
            await self._store.delete(self._region.key)
            self._token = None
            self._expires_at_monotonic = self._refresh_at_monotonic = 0.0

    async def _settle_refresh(self) -> None:
        """Let a refresh in flight finish so it cannot overwrite what comes next."""
        task = self._inflight
        if task is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(task)

    async def _load(self) -> OAuthToken:
        async with self._lock:
            if self._token is None:
                stored = await self._store.load(self._region.key)
                if stored is None:
                    raise TokenMissingError(
                        f"no OAuth token stored for region {self._region.key!r}: send the user "
                        "to fs.authorization_url(state), then call await fs.exchange_code(code) "
                        "with the code from the redirect (or await fs.set_token(token) with a "
                        "token you already hold)"
                    )
                check_token_region(stored, self._region)
                self._use_loaded(stored)
                return stored
            return self._token

    async def _refresh_once(self, stale: OAuthToken) -> OAuthToken:
        try:
            return await self._refresh(stale)
        finally:
            self._inflight = None

    async def _refresh(self, stale: OAuthToken) -> OAuthToken:
        candidate = stale
        stored = await self._store.load(self._region.key)
        if stored is not None and stored.access_token != stale.access_token:
            # Someone sharing the store (another client or process) already rotated: its
            # refresh token is the live one, the stale one may be dead.
            check_token_region(stored, self._region)
            self._use_loaded(stored)
            if not self._needs_refresh():
                return stored
            candidate = stored
        started = self._clock.now()
        fresh = await self._oauth.refresh(candidate, region=self._region)
        # The server has rotated: persist before anyone uses the new pair.
        try:
            await self._store.save(fresh)
        except Exception as exc:
            raise TokenStoreError(
                f"could not save the refreshed OAuth token for region {self._region.key!r} "
                f"({type(exc).__name__}); the new token is not used and the previous one "
                "stays valid, so the refresh can be retried"
            ) from exc
        # Judge expiry from when we asked, on the monotonic clock: immune to clock skew.
        self._track(fresh, expires_at=started + fresh.expires_in)
        logger.info("refreshed the OAuth token for region %s", self._region.key)
        return fresh

    def _use_loaded(self, token: OAuthToken) -> None:
        self._track(token, expires_at=self._clock.now() + token.seconds_left(self._utcnow()))

    def _track(self, token: OAuthToken, *, expires_at: float) -> None:
        """Use `token` from now on; it expires at `expires_at` on this manager's clock."""
        self._token = token
        self._expires_at_monotonic = expires_at
        # A token living shorter than twice the leeway would otherwise be refreshed on
        # every request; refresh such tokens at half-life instead.
        self._refresh_at_monotonic = expires_at - min(self._leeway, token.expires_in / 2)

    def _needs_refresh(self) -> bool:
        return self._token is None or self._clock.now() >= self._refresh_at_monotonic


def _mark_exception_retrieved(task: asyncio.Task[OAuthToken]) -> None:
    # Every waiter may have been cancelled; the failure is then nobody's to report and
    # asyncio must not log "exception was never retrieved".
    if not task.cancelled():
        task.exception()


class BearerAuth(httpx.Auth):
    """httpx auth: ``Authorization: Bearer``, early refresh, refresh and replay once on 401.

    A second 401 after the replay is returned to the caller as is (no loop).
    """

    def __init__(self, manager: TokenManager) -> None:
        self._manager = manager

    @property
    def manager(self) -> TokenManager:
        """The `TokenManager` that supplies (and refreshes) the token."""
        return self._manager

    def __repr__(self) -> str:
        return f"BearerAuth(region={self._manager.region.key!r})"

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Always raises: refreshing is async, so only ``httpx.AsyncClient`` can use this auth."""
        raise RuntimeError("BearerAuth refreshes tokens asynchronously: use httpx.AsyncClient")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Send with the current token; on a 401, refresh (single flight) and send once more."""
        # Buffer a streamed body so the request can be replayed after a 401. (httpx's
        # `requires_request_body` flag would do this only in the default flow, overridden here.)
        await request.aread()
        token = await self._manager.get_token()
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code != 401:
            return
        fresh = await self._manager.refresh(token)
        request.headers["Authorization"] = f"Bearer {fresh.access_token}"
        yield request
