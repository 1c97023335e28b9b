"""`RollingWindowLimiter`: an exact, two-phase rolling-window limiter for one process, with
work classes, a reserve for interactive work and fair share between grants.

Fullscript allows 5000 requests in any rolling 5-minute window across all endpoints. A leaky
bucket such as `aiolimiter.AsyncLimiter(5000, 300)` starts full and keeps leaking while it is
being filled, so it lets about twice the quota through in the first window. This limiter counts
every slot exactly instead: from its grant until one window after its release (the response),
so that the server, which counts arrivals, never sees more than the limit in its own window.

Who gets a free slot (see `_classes` and `_fair_queue`):

* queued interactive work first, then queued background work;
* background work may not take the last ``reserve`` of the window while interactive work is
  active (asked within the last window, or always with ``reserve_always``); interactive slots
  in the window count against the reserve, so it never holds back more than is left of it;
* within a class, the grants with work queued take turns (deficit round robin, weighted).

Granting is one synchronous pass (`_dispatch`) run whenever something changes (a release, a
newcomer, a timer): a granted waiter's future gets its `Permit`, so a waiter costs one future
and, with a finite maximum wait, one timer handle; no task of its own. A newcomer who finds a
slot free takes it in the same synchronous step (`acquire_at_once`, which the transport asks
first), so an uncontended slot costs no coroutine at all.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
from collections import deque
from collections.abc import Callable, Mapping

from .._clock import Clock, SystemClock
from .._validation import check_count, check_seconds
from ._classes import BACKGROUND, DEFAULT_RESERVE, INTERACTIVE, WorkClass, check_work_class
from ._errors import RateLimitWaitExceeded
from ._fair_queue import FairQueue
from ._protocol import DEFAULT_SCOPE, Pacer, Permit
from ._scheduling import SchedulingSettings
from ._scopes import DEFAULT_GRANT_ID
from ._stats import LimiterStats, StatsRecorder
from ._timers import Timer, call_later
from ._window_quota import WindowQuota

__all__ = ["RollingWindowLimiter", "synchronous_slots"]

logger = logging.getLogger("fullscript")

# Floating-point rounding can wake a timer a hair before a slot leaves the window; waking at
# least this much later guarantees progress instead of a busy loop of zero-length timers.
_MIN_DELAY = 1e-6


class _Waiter:
    """One queued `acquire()`: its future gets the `Permit` (or the refusal)."""

    __slots__ = ("future", "gone", "grant", "start", "timer", "work_class")

    def __init__(
        self, future: asyncio.Future[Permit], grant: str, work_class: WorkClass, start: float
    ) -> None:
        self.future = future
        self.grant = grant
        self.work_class = work_class
        self.start = start
        self.gone = False
        self.timer: Timer | None = None


class _Quota:
    """The state of one scope: slots in flight and released (per class), queues, timer."""

    __slots__ = (
        "background",
        "in_flight",
        "interactive",
        "interactive_in_flight",
        "last_interactive",
        "last_logged",
        "paused_until",
        "released",
        "released_interactive",
        "wake_at",
        "wake_timer",
    )

    def __init__(self, limiter: RollingWindowLimiter) -> None:
        self.in_flight: dict[int, WorkClass] = {}
        self.interactive_in_flight = 0
        # Release times, oldest first (the clock is monotonic, so appends keep them sorted);
        # interactive ones are also kept apart, to know how much of the reserve they used.
        self.released: deque[float] = deque()
        self.released_interactive: deque[float] = deque()
        self.paused_until = -math.inf
        self.interactive: FairQueue[_Waiter] = FairQueue(limiter.weight)
        self.background: FairQueue[_Waiter] = FairQueue(limiter.weight)
        self.last_interactive = -math.inf
        self.wake_timer: Timer | None = None
        self.wake_at = math.inf
        self.last_logged = -math.inf

    def used(self) -> int:
        return len(self.in_flight) + len(self.released)

    def queue(self, work_class: WorkClass) -> FairQueue[_Waiter]:
        return self.interactive if work_class == INTERACTIVE else self.background


class RollingWindowLimiter(WindowQuota, SchedulingSettings):
    """Never lets the server see more than `max_requests` in any rolling `window` of seconds.

    A slot counts from `acquire()` until `window` seconds after `release()` (the transport
    releases when the response headers arrive or the attempt fails). Each scope (quota) is
    counted on its own. Interactive work is served before background work and keeps a
    `reserve` of the window for itself while it is active; within a class, grants take turns
    (weighted by `grant_weights`). A waiter cancelled or timed out while queued takes no slot
    and does not hold up the ones behind it. `pause()` (the server answered 429) stops a scope
    until the pause is over. One instance is meant to be shared by every client that uses the
    same quota:

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
        reserve: share of the window, in [0, 1), that background work may not take while
            interactive work is active (default 0.1).
        reserve_always: hold the reserve back even when no interactive work was seen within
            the last window (default False: background work then uses the whole quota).
        grant_weights: relative shares of grants whose work waits in one class (default 1
            each); change them later with `set_weight()`.
    """

    def __init__(
        self,
        max_requests: int = 5000,
        window: float = 300.0,
        *,
        clock: Clock | None = None,
        pacing: Pacer | None = None,
        reserve: float = DEFAULT_RESERVE,
        reserve_always: bool = False,
        grant_weights: Mapping[str, float] | None = None,
    ) -> None:
        where = "RollingWindowLimiter"
        check_count(max_requests, name="max_requests", where=where)
        check_seconds(window, name="window", where=where)
        self._max_requests = max_requests
        self._window = float(window)
        self._set_scheduling(
            max_requests=max_requests,
            reserve=reserve,
            reserve_always=reserve_always,
            grant_weights=grant_weights,
            where=where,
        )
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._pacing = pacing
        self._quotas: dict[str, _Quota] = {}
        self._tickets = itertools.count()
        self._stats = StatsRecorder()

    # --- reading ------------------------------------------------------------------------------

    @property
    def waiting(self) -> int:
        """Number of callers currently queued in `acquire()`, over all scopes."""
        return sum(q.interactive.live + q.background.live for q in self._quotas.values())

    def used(self, scope: str = DEFAULT_SCOPE) -> int:
        """Slots of `scope` that count now: in flight, or released less than a window ago."""
        quota = self._quotas.get(scope)
        if quota is None:
            return 0
        self._forget_expired(quota, self._clock.now())
        return quota.used()

    def stats(self) -> LimiterStats:
        """Counters since the limiter was made (grants, waits, refusals, pauses), in total,
        per work class and per grant."""
        return self._stats.snapshot()

    # --- the protocol -------------------------------------------------------------------------

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
        self._dispatch(quota, scope)

    async def release(self, permit: Permit) -> None:
        """The attempt of `permit` is over: its slot counts until one window from now."""
        self.release_at_once(permit)

    def release_at_once(self, permit: Permit) -> None:
        """`release`, synchronously: giving a slot back here never waits."""
        quota = self._quotas.get(permit.scope)
        if quota is None or not isinstance(permit.ticket, int):
            return
        work_class = quota.in_flight.pop(permit.ticket, None)
        if work_class is None:
            return  # released already (or not ours): never count a slot twice
        now = self._clock.now()
        quota.released.append(now)
        if work_class == INTERACTIVE:
            quota.interactive_in_flight -= 1
            quota.released_interactive.append(now)
        self._stats.release()
        if quota.interactive.live or quota.background.live:
            self._dispatch(quota, permit.scope)

    async def acquire(
        self,
        scope: str = DEFAULT_SCOPE,
        *,
        max_wait: float = math.inf,
        work_class: WorkClass = INTERACTIVE,
        grant: str = DEFAULT_GRANT_ID,
    ) -> Permit:
        """Wait for a slot in `scope` for `grant`'s work of `work_class`, and take it.

        Raises `RateLimitWaitExceeded` when the slot is (or turns out to be) further away than
        `max_wait` seconds; cancelling the wait takes no slot.
        """
        if type(max_wait) is not float or not max_wait >= 0:
            # The transport always passes a valid float: validate only anything else (NaN fails
            # the comparison and so is checked too).
            max_wait = check_seconds(
                max_wait, name="max_wait", where="acquire", allow_zero=True, allow_infinity=True
            )
        if work_class is not INTERACTIVE and work_class is not BACKGROUND:
            work_class = check_work_class(work_class, where="acquire")
        quota = self._quotas.get(scope)
        if quota is None:
            quota = self._quota(scope)
        if self._pacing is not None:
            await self._pacing.acquire()
        start = self._clock.now()
        permit = self._grant_if_free(quota, scope, work_class, grant, start)
        if permit is not None:
            return permit
        # Fail at once when even a lower bound of the wait is over the maximum.
        mine = quota.queue(work_class).queued_for(grant)
        lower_bound = self._lower_bound(quota, start, ahead=mine)
        if lower_bound > max_wait:
            raise self._refuse(scope, work_class, grant, lower_bound, max_wait, waited=0.0)
        self._log_wait(quota, scope, start, lower_bound)
        waiter = _Waiter(asyncio.get_running_loop().create_future(), grant, work_class, start)
        quota.queue(work_class).push(waiter)
        self._stats.queue(work_class, grant, +1)
        if not math.isinf(max_wait):
            waiter.timer = call_later(
                self._clock, max_wait, lambda: self._time_out(quota, scope, waiter, max_wait)
            )
        # Plan the next wake-up (an interactive newcomer also changes what the reserve holds).
        self._dispatch(quota, scope)
        try:
            return await waiter.future
        except asyncio.CancelledError:
            if waiter.future.done() and not waiter.future.cancelled():
                if waiter.future.exception() is None:
                    # Granted in the same instant the caller was cancelled: nothing was sent,
                    # so the slot goes back uncounted, to whoever is next.
                    self._take_back(quota, scope, waiter.future.result())
            else:
                self._leave(quota, waiter)
            raise

    def acquire_at_once(
        self, scope: str, work_class: WorkClass, grant: str = DEFAULT_GRANT_ID
    ) -> Permit | None:
        """`acquire`'s slot when one is free now (nobody queued ahead, no pause, room in the
        window), synchronously; None when the caller would have to wait (then `acquire`).

        The transport asks this first: an uncontended slot then costs no coroutine. With
        `pacing` every grant awaits the pacer, so this always answers None.
        """
        if self._pacing is not None:
            return None
        if work_class is not INTERACTIVE and work_class is not BACKGROUND:
            return None  # `acquire` says what is wrong with it
        quota = self._quotas.get(scope)
        if quota is None:
            quota = self._quota(scope)
        return self._grant_if_free(quota, scope, work_class, grant, self._clock.now())

    # --- scheduling ---------------------------------------------------------------------------

    def _grant_if_free(
        self, quota: _Quota, scope: str, work_class: WorkClass, grant: str, now: float
    ) -> Permit | None:
        """A slot granted at `now` when nobody of this class (or, for background work, of
        either class) is queued ahead and the window admits it; else None."""
        self._forget_expired(quota, now)
        if work_class == INTERACTIVE:
            quota.last_interactive = now
            ahead = quota.interactive.live
        else:
            ahead = quota.interactive.live + quota.background.live
        if not ahead and self._admits(quota, work_class, now):
            return self._grant(quota, scope, work_class, grant, now, now)
        return None

    def _admits(self, quota: _Quota, work_class: WorkClass, now: float) -> bool:
        """Whether a slot of `work_class` may be granted now (queues aside)."""
        if quota.paused_until > now:
            return False
        used = quota.used()
        if work_class == INTERACTIVE:
            return used < self._max_requests
        return used < self._max_requests - self._held_back(quota, now)

    def _held_back(self, quota: _Quota, now: float) -> int:
        """Slots background work may not take now: what is left of the reserve."""
        if not self._reserve_slots:
            return 0
        if not self._reserve_always and now - quota.last_interactive >= self._window:
            return 0  # no interactive work within the last window: use the whole quota
        used = quota.interactive_in_flight + len(quota.released_interactive)
        return max(0, self._reserve_slots - used)

    def _dispatch(self, quota: _Quota, scope: str) -> None:
        """Grant every slot that may be granted now, in turn; plan the next wake-up."""
        now = self._clock.now()
        self._forget_expired(quota, now)
        while quota.interactive.live or quota.background.live:
            if quota.paused_until > now:
                self._wake(quota, scope, quota.paused_until)
                return
            if quota.interactive.live and quota.used() < self._max_requests:
                waiter = quota.interactive.pop()
            elif (
                not quota.interactive.live
                and quota.background.live
                and self._admits(quota, BACKGROUND, now)
            ):
                waiter = quota.background.pop()
            else:
                self._wake(quota, scope, self._next_change(quota, now))
                return
            if waiter is not None:
                self._hand_over(quota, scope, waiter, now)

    def _next_change(self, quota: _Quota, now: float) -> float:
        """When a blocked queue may move without a release: a slot leaves the window, or
        interactive work stops counting as active."""
        when = quota.released[0] + self._window if quota.released else math.inf
        if quota.background.live and self._reserve_slots and not self._reserve_always:
            reserve_ends = quota.last_interactive + self._window
            if reserve_ends > now:
                when = min(when, reserve_ends)
        return when if when > now else now + _MIN_DELAY

    def _wake(self, quota: _Quota, scope: str, when: float) -> None:
        """Run `_dispatch` at `when` (one timer per scope: the earliest wins)."""
        if math.isinf(when) or (quota.wake_timer is not None and quota.wake_at <= when):
            return
        if quota.wake_timer is not None:
            quota.wake_timer.cancel()
        quota.wake_at = when

        def woken() -> None:
            quota.wake_timer = None
            quota.wake_at = math.inf
            self._dispatch(quota, scope)

        quota.wake_timer = call_later(self._clock, when - self._clock.now(), woken)

    def _hand_over(self, quota: _Quota, scope: str, waiter: _Waiter, now: float) -> None:
        # The queue took the waiter out; its caller may have been cancelled meanwhile.
        self._stats.queue(waiter.work_class, waiter.grant, -1)
        if waiter.timer is not None:
            waiter.timer.cancel()
        if waiter.future.done():
            return
        waiter.future.set_result(
            self._grant(quota, scope, waiter.work_class, waiter.grant, now, waiter.start)
        )

    def _take_back(self, quota: _Quota, scope: str, permit: Permit) -> None:
        work_class = quota.in_flight.pop(permit.ticket, None)  # type: ignore[call-overload]
        if work_class is None:
            return
        if work_class == INTERACTIVE:
            quota.interactive_in_flight -= 1
        self._stats.release()
        self._dispatch(quota, scope)

    def _leave(self, quota: _Quota, waiter: _Waiter) -> None:
        if waiter.gone:
            return
        quota.queue(waiter.work_class).remove(waiter)
        self._stats.queue(waiter.work_class, waiter.grant, -1)
        if waiter.timer is not None:
            waiter.timer.cancel()

    def _time_out(self, quota: _Quota, scope: str, waiter: _Waiter, max_wait: float) -> None:
        if waiter.gone or waiter.future.done():
            return
        self._leave(quota, waiter)
        now = self._clock.now()
        mine = quota.queue(waiter.work_class).queued_for(waiter.grant)
        bound = self._lower_bound(quota, now, ahead=mine)
        waiter.future.set_exception(
            self._refuse(
                scope, waiter.work_class, waiter.grant, bound, max_wait, waited=now - waiter.start
            )
        )

    def _grant(
        self,
        quota: _Quota,
        scope: str,
        work_class: WorkClass,
        grant: str,
        now: float,
        start: float,
    ) -> Permit:
        ticket = next(self._tickets)
        quota.in_flight[ticket] = work_class
        if work_class == INTERACTIVE:
            quota.interactive_in_flight += 1
        waited = now - start
        self._stats.grant(waited, work_class, grant)
        return Permit(scope=scope, ticket=ticket, waited=waited)

    def _lower_bound(self, quota: _Quota, now: float, *, ahead: int) -> float:
        """Seconds at least until a slot is free for a caller with `ahead` waiters that must
        go first. When only slots in flight stand in the way, a window: such a slot counts
        for at least one more window once released."""
        self._forget_expired(quota, now)
        delay = quota.paused_until - now
        needed = quota.used() + ahead - self._max_requests + 1
        if needed <= 0:
            return max(delay, 0.0)
        if needed <= len(quota.released):
            # Released slots leave first, oldest first, each one window after its release.
            return max(delay, quota.released[needed - 1] + self._window - now)
        return max(delay, self._window)

    def _forget_expired(self, quota: _Quota, now: float) -> None:
        # A slot released at t counts while t lies in (now - window, now], i.e. until now >= t + window.
        horizon = now - self._window
        released = quota.released
        while released and released[0] <= horizon:
            released.popleft()
        interactive = quota.released_interactive
        while interactive and interactive[0] <= horizon:
            interactive.popleft()

    def _quota(self, scope: str) -> _Quota:
        quota = self._quotas.get(scope)
        if quota is None:
            if not isinstance(scope, str):
                raise TypeError(f"scope must be a str, got {type(scope).__name__}")
            quota = self._quotas[scope] = _Quota(self)
        return quota

    def _refuse(
        self,
        scope: str,
        work_class: WorkClass,
        grant: str,
        would_wait: float,
        max_wait: float,
        *,
        waited: float,
    ) -> RateLimitWaitExceeded:
        self._stats.refuse(work_class, grant)
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
            f"reserve={self._reserve}, waiting={self.waiting})"
        )


AcquireAtOnce = Callable[[str, WorkClass, str], Permit | None]
ReleaseAtOnce = Callable[[Permit], None]


def synchronous_slots(limiter: object) -> tuple[AcquireAtOnce, ReleaseAtOnce] | None:
    """``limiter``'s `RollingWindowLimiter.acquire_at_once` and `release_at_once`, for a
    transport to take a free slot without awaiting; None for any other limiter, and for a
    subclass that changes how slots are acquired or released (those go through its own
    ``acquire`` and ``release``)."""
    if not isinstance(limiter, RollingWindowLimiter):
        return None
    cls = type(limiter)
    if (
        cls.acquire is not RollingWindowLimiter.acquire
        or cls.release is not RollingWindowLimiter.release
        or cls.acquire_at_once is not RollingWindowLimiter.acquire_at_once
        or cls.release_at_once is not RollingWindowLimiter.release_at_once
    ):
        return None
    return limiter.acquire_at_once, limiter.release_at_once
