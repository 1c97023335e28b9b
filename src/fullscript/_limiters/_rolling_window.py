"""`RollingWindowLimiter`: an exact, two-phase rolling-window limiter for one process.

Fullscript allows 5000 requests in any rolling 5-minute window across all endpoints. A leaky
bucket such as `aiolimiter.AsyncLimiter(5000, 300)` starts full and keeps leaking while it is
being filled, so it lets about twice the quota through in the first window. This limiter counts
every slot exactly instead: from its grant until one window after its release (the response),
so that the server, which counts arrivals, never sees more than the limit in its own window.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
from collections import deque

from .._clock import Clock, SystemClock
from .._validation import check_count, check_seconds
from ._errors import RateLimitWaitExceeded
from ._protocol import DEFAULT_SCOPE, Pacer, Permit
from ._stats import LimiterStats, StatsRecorder
from ._waiting import wait_for_signal
from ._window_quota import WindowQuota

__all__ = ["RollingWindowLimiter"]

logger = logging.getLogger("fullscript")

# Floating-point rounding can wake a sleeper a hair before a slot leaves the window; sleeping
# at least this long guarantees progress instead of a busy loop of zero-length sleeps.
_MIN_SLEEP = 1e-6


class _Waiter:
    """One queued `acquire()`. A waiter that leaves early is only marked `gone` and skipped
    when it reaches the head, so cancelling costs O(1) instead of a scan of the queue."""

    __slots__ = ("gone", "turn")

    def __init__(self, turn: asyncio.Future[None]) -> None:
        self.turn = turn
        self.gone = False


class _Quota:
    """The state of one scope: slots in flight, release times still in the window, waiters."""

    __slots__ = (
        "changed",
        "in_flight",
        "last_logged",
        "paused_until",
        "queued",
        "released",
        "waiters",
    )

    def __init__(self) -> None:
        self.in_flight: set[object] = set()
        # Release times, oldest first (the clock is monotonic, so appends keep them sorted).
        self.released: deque[float] = deque()
        self.paused_until = -math.inf
        self.waiters: deque[_Waiter] = deque()
        self.queued = 0
        # Set when a release happens, for a head waiter blocked only by slots in flight.
        self.changed: asyncio.Future[None] | None = None
        self.last_logged = -math.inf


class RollingWindowLimiter(WindowQuota):
    """Never lets the server see more than `max_requests` in any rolling `window` of seconds.

    A slot counts from `acquire()` until `window` seconds after `release()` (the transport
    releases when the response headers arrive or the attempt fails). Each scope (quota) is
    counted on its own; waiters of a scope are served first come, first served, and a waiter
    cancelled or timed out while queued takes no slot and does not hold up the ones behind it.
    `pause()` (the server answered 429) stops a scope until the pause is over. One instance is
    meant to be shared by every client that uses the same quota:

        limiter = RollingWindowLimiter()              # 5000 per 300 s, Fullscript's limit
        async with Fullscript(..., limiter=limiter) as a, Fullscript(..., limiter=limiter) as b:
            ...

    For several processes, use `fullscript.redis.RedisRateLimiter` instead. The rolling window
    alone lets the whole quota go out in one burst; pass a `Pacer` such as
    `pacing=aiolimiter.AsyncLimiter(rate, period)` (``pip install aiolimiter``) to smooth bursts
    as well; the window guarantee holds either way.

    Args:
        max_requests: slots allowed in any window (>= 1).
        window: length of the rolling window in seconds (> 0).
        clock: time source; defaults to the running event loop's clock.
        pacing: optional `Pacer` (leaky bucket) each grant must also pass, to spread bursts out.
    """

    def __init__(
        self,
        max_requests: int = 5000,
        window: float = 300.0,
        *,
        clock: Clock | None = None,
        pacing: Pacer | None = None,
    ) -> None:
        check_count(max_requests, name="max_requests", where="RollingWindowLimiter")
        check_seconds(window, name="window", where="RollingWindowLimiter")
        self._max_requests = max_requests
        self._window = float(window)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._pacing = pacing
        self._quotas: dict[str, _Quota] = {}
        self._tickets = itertools.count()
        self._stats = StatsRecorder()

    @property
    def waiting(self) -> int:
        """Number of callers currently queued in `acquire()`, over all scopes."""
        return sum(quota.queued for quota in self._quotas.values())

    def used(self, scope: str = DEFAULT_SCOPE) -> int:
        """Slots of `scope` that count now: in flight, or released less than a window ago."""
        quota = self._quotas.get(scope)
        if quota is None:
            return 0
        self._forget_expired(quota, self._clock.now())
        return len(quota.in_flight) + len(quota.released)

    def stats(self) -> LimiterStats:
        """Counters since the limiter was made (grants, waits, refusals, pauses)."""
        return self._stats.snapshot()

    async def pause(self, seconds: float, scope: str = DEFAULT_SCOPE) -> None:
        """Grant nothing in `scope` for `seconds` from now. Overlapping pauses end at the latest end."""
        seconds = check_seconds(seconds, name="pause", where="pause", allow_zero=True)
        quota = self._quota(scope)
        now = self._clock.now()
        if quota.paused_until <= now:
            # A new pause, not a sibling's 429 extending one: one log line per event.
            logger.warning("Rate limited by the server: pausing quota %r for %.3fs", scope, seconds)
            self._stats.pauses += 1
        quota.paused_until = max(quota.paused_until, now + seconds)

    async def release(self, permit: Permit) -> None:
        """The attempt of `permit` is over: its slot counts until one window from now."""
        quota = self._quotas.get(permit.scope)
        if quota is None or permit.ticket not in quota.in_flight:
            return  # released already (or not ours): never count a slot twice
        quota.in_flight.remove(permit.ticket)
        quota.released.append(self._clock.now())
        self._stats.in_flight -= 1  # `StatsRecorder.release()`, without the call
        if quota.changed is not None and not quota.changed.done():
            quota.changed.set_result(None)

    async def acquire(self, scope: str = DEFAULT_SCOPE, *, max_wait: float = math.inf) -> Permit:
        """Wait for a slot in `scope` and take it.

        Raises `RateLimitWaitExceeded` when the slot is (or turns out to be) further away than
        `max_wait` seconds; cancelling the wait takes no slot.
        """
        if type(max_wait) is not float or not max_wait >= 0:
            # The transport always passes a valid float: validate only anything else (NaN fails
            # the comparison and so is checked too).
            max_wait = check_seconds(
                max_wait, name="max_wait", where="acquire", allow_zero=True, allow_infinity=True
            )
        quota = self._quotas.get(scope)
        if quota is None:
            quota = self._quota(scope)
        start = self._clock.now()
        if not quota.queued and self._pacing is None:
            # The path nearly every call takes, inlined: `_delay(quota, start, ahead=0) <= 0`
            # (no pause in force and a free slot), then `_grant` of a slot waited 0 s for.
            self._forget_expired(quota, start)
            if (
                quota.paused_until <= start
                and len(quota.in_flight) + len(quota.released) < self._max_requests
            ):
                ticket = next(self._tickets)
                quota.in_flight.add(ticket)
                self._stats.grant_at_once()
                return Permit(scope, ticket, 0.0)
        # Fail at once when even a lower bound of the wait is over the maximum.
        lower_bound, _ = self._delay(quota, start, ahead=quota.queued)
        if lower_bound > max_wait:
            raise self._refuse(scope, lower_bound, max_wait, waited=0.0)
        self._log_wait(quota, scope, start, lower_bound)
        deadline = start + max_wait
        waiter = _Waiter(asyncio.get_running_loop().create_future())
        quota.waiters.append(waiter)
        quota.queued += 1
        try:
            if quota.waiters[0] is not waiter:
                await self._wait_for_turn(quota, waiter, scope, start, max_wait)
            if self._pacing is not None:
                await self._pacing.acquire()
            while True:
                now = self._clock.now()
                delay, exact = self._delay(quota, now, ahead=0)
                if delay <= 0:
                    # No await between the check and the grant, so nobody can slip in between.
                    return self._grant(quota, scope, now, start)
                if now + delay > deadline:
                    raise self._refuse(scope, delay, max_wait, waited=now - start)
                if exact:
                    await self._clock.sleep(max(delay, _MIN_SLEEP))
                else:
                    # Only slots still in flight stand in the way: wait for a release.
                    quota.changed = asyncio.get_running_loop().create_future()
                    await wait_for_signal(quota.changed, deadline - now, self._clock)
        finally:
            quota.queued -= 1
            waiter.gone = True
            if quota.waiters[0] is waiter:
                self._wake_next(quota)

    async def _wait_for_turn(
        self, quota: _Quota, waiter: _Waiter, scope: str, start: float, max_wait: float
    ) -> None:
        """Wait until `waiter` heads the queue, or raise once `max_wait` has passed."""
        if not await wait_for_signal(waiter.turn, max_wait, self._clock):
            now = self._clock.now()
            bound, _ = self._delay(quota, now, ahead=self._ahead_of(quota, waiter))
            raise self._refuse(scope, bound, max_wait, waited=now - start)

    def _quota(self, scope: str) -> _Quota:
        quota = self._quotas.get(scope)
        if quota is None:
            if not isinstance(scope, str):
                raise TypeError(f"scope must be a str, got {type(scope).__name__}")
            quota = self._quotas[scope] = _Quota()
        return quota

    def _grant(self, quota: _Quota, scope: str, now: float, start: float) -> Permit:
        ticket = next(self._tickets)
        quota.in_flight.add(ticket)
        waited = now - start
        self._stats.grant(waited)
        return Permit(scope=scope, ticket=ticket, waited=waited)

    def _delay(self, quota: _Quota, now: float, *, ahead: int) -> tuple[float, bool]:
        """Seconds until a slot is free for a caller with `ahead` waiters before it, and
        whether that is exact. When only slots in flight stand in the way the answer is a
        lower bound: such a slot counts for at least one more window once released."""
        self._forget_expired(quota, now)
        delay = quota.paused_until - now
        # The caller needs `needed` more of the counted slots to leave the window.
        needed = len(quota.in_flight) + len(quota.released) + ahead - self._max_requests + 1
        if needed <= 0:
            return delay, True
        if needed <= len(quota.released):
            # Released slots leave first, oldest first, each one window after its release.
            return max(delay, quota.released[needed - 1] + self._window - now), True
        return max(delay, self._window), False

    def _forget_expired(self, quota: _Quota, now: float) -> None:
        # A slot released at t counts while t lies in (now - window, now], i.e. until now >= t + window.
        released = quota.released
        while released and released[0] + self._window <= now:
            released.popleft()

    @staticmethod
    def _ahead_of(quota: _Quota, waiter: _Waiter) -> int:
        # Only for the error message of a waiter that gave up; O(waiters) once per refusal.
        ahead = 0
        for other in quota.waiters:
            if other is waiter:
                break
            ahead += not other.gone
        return ahead

    @staticmethod
    def _wake_next(quota: _Quota) -> None:
        quota.waiters.popleft()
        while quota.waiters and quota.waiters[0].gone:
            quota.waiters.popleft()
        if quota.waiters and not quota.waiters[0].turn.done():
            quota.waiters[0].turn.set_result(None)

    def _refuse(
        self, scope: str, would_wait: float, max_wait: float, *, waited: float
    ) -> RateLimitWaitExceeded:
        self._stats.refused += 1
        return RateLimitWaitExceeded(
            would_wait=would_wait, max_wait=max_wait, scope=scope, waited=waited
        )

    def _log_wait(self, quota: _Quota, scope: str, now: float, delay: float) -> None:
        # One line per saturation episode (at most one per window), not one per waiting caller.
        if now - quota.last_logged >= self._window:
            quota.last_logged = now
            logger.info(
                "Client-side rate limit reached for quota %r (%d per %.0fs): requests now wait "
                "for a slot (the next in about %.3fs)",
                scope,
                self._max_requests,
                self._window,
                max(delay, 0.0),
            )

    def __repr__(self) -> str:
        return (
            f"RollingWindowLimiter(max_requests={self._max_requests}, window={self._window}, "
            f"waiting={self.waiting})"
        )
