"""Client-side rate limiting: an exact rolling-window limiter shared by every client.

Fullscript allows 5000 requests in any rolling 5-minute window across all endpoints. A leaky
bucket such as `aiolimiter.AsyncLimiter(5000, 300)` starts full and keeps leaking while it is
being filled, so it lets about twice the quota through in the first window. The limiter here
remembers when it granted each of the last `max_requests` slots instead, which makes the
guarantee exact.
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from typing import Protocol, runtime_checkable

from ._clock import Clock, SystemClock

__all__ = ["Pacer", "RateLimiter", "RollingWindowLimiter"]

# Floating-point rounding can wake a sleeper a hair before a grant leaves the window; sleeping
# at least this long guarantees progress instead of a busy loop of zero-length sleeps.
_MIN_SLEEP = 1e-6


@runtime_checkable
class RateLimiter(Protocol):
    """What the transport needs from a rate limiter.

    Implementations must be safe to share between clients on one event loop. A limiter shared
    across processes (for example one backed by Redis, using a sorted set of grant timestamps
    and a pause key with a TTL) can implement this same Protocol and be passed to
    `FullscriptTransport` or the client unchanged.
    """

    async def acquire(self) -> None:
        """Wait until one request may be sent. Each call accounts for exactly one attempt."""
        ...

    def pause(self, seconds: float) -> None:
        """Grant nothing to anybody sharing this limiter for the next `seconds` (429 Retry-After)."""
        ...


@runtime_checkable
class Pacer(Protocol):
    """A smoother each grant must also pass, such as ``aiolimiter.AsyncLimiter(rate, period)``.

    Only the protocol lives here, so the SDK does not depend on any pacing library.
    """

    async def acquire(self) -> None:
        """Wait until the pacer lets one more request through."""
        ...


class RollingWindowLimiter:
    """Never grants more than `max_requests` slots in any rolling `window` of seconds.

    A slot is free when fewer than `max_requests` grants lie in `(now - window, now]`. Waiters
    are served first come, first served; a waiter cancelled while queued takes no slot and does
    not hold up the ones behind it. `pause()` (used when the server answers 429) stops every
    sharer until the pause is over. One instance is meant to be shared by every client that
    uses the same credentials:

        limiter = RollingWindowLimiter()              # 5000 per 300 s, Fullscript's limit
        async with Fullscript(..., limiter=limiter) as a, Fullscript(..., limiter=limiter) as b:
            ...

    The rolling window alone lets the whole quota go out in one burst. Pass a `Pacer` such as
    `pacing=aiolimiter.AsyncLimiter(rate, period)` (``pip install aiolimiter``) to smooth
    bursts as well; the window
    guarantee holds either way. The limiter counts grants, not responses: a request granted at
    `t` is assumed to reach the server at about `t`.

    Args:
        max_requests: grants allowed in any window (>= 1).
        window: length of the rolling window in seconds (> 0).
        clock: time source; defaults to the running event loop's clock.
        pacing: optional leaky bucket that each grant must also pass, to spread bursts out.
    """

    def __init__(
        self,
        max_requests: int = 5000,
        window: float = 300.0,
        *,
        clock: Clock | None = None,
        pacing: Pacer | None = None,
    ) -> None:
        if isinstance(max_requests, bool) or not isinstance(max_requests, int):
            raise TypeError(f"max_requests must be an int, got {type(max_requests).__name__}")
        if max_requests < 1:
            raise ValueError(f"max_requests must be at least 1, got {max_requests}")
        if not (isinstance(window, int | float) and math.isfinite(window) and window > 0):
            raise ValueError(f"window must be a positive finite number of seconds, got {window!r}")
        self._max_requests = max_requests
        self._window = float(window)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._pacing = pacing
        # Grant times, oldest first; never longer than max_requests.
        self._grants: deque[float] = deque()
        self._paused_until = -math.inf
        # FIFO of waiters. Only the head one checks the window and sleeps; the others wait on
        # their future until they become the head.
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def max_requests(self) -> int:
        """Grants allowed in any rolling window."""
        return self._max_requests

    @property
    def window(self) -> float:
        """Length of the rolling window, in seconds."""
        return self._window

    @property
    def waiting(self) -> int:
        """Number of callers currently queued in `acquire()`."""
        return len(self._waiters)

    def used(self) -> int:
        """Grants in the current window, `(now - window, now]`."""
        self._forget_expired(self._clock.now())
        return len(self._grants)

    def pause(self, seconds: float) -> None:
        """Grant nothing for `seconds` from now. Overlapping pauses end at the latest end."""
        if not (math.isfinite(seconds) and seconds >= 0):
            raise ValueError(
                f"pause needs a finite, non-negative number of seconds, got {seconds!r}"
            )
        self._paused_until = max(self._paused_until, self._clock.now() + seconds)

    async def acquire(self) -> None:
        """Wait for a slot and take it. Cancelling the wait takes no slot."""
        if not self._waiters and self._pacing is None:
            now = self._clock.now()
            if self._delay(now) <= 0:
                self._grant(now)
                return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(turn)
        try:
            if self._waiters[0] is not turn:
                await turn
            if self._pacing is not None:
                await self._pacing.acquire()
            while (delay := self._delay(now := self._clock.now())) > 0:
                await self._clock.sleep(max(delay, _MIN_SLEEP))
            # No await between the check above and the grant, so nobody can slip in between.
            self._grant(now)
        finally:
            was_head = self._waiters[0] is turn
            self._waiters.remove(turn)
            if was_head:
                self._wake_head()

    def _grant(self, now: float) -> None:
        self._grants.append(now)

    def _delay(self, now: float) -> float:
        """Seconds until a slot is free (<= 0: free now)."""
        self._forget_expired(now)
        delay = self._paused_until - now
        if len(self._grants) >= self._max_requests:
            # Free once the oldest grant leaves the window, i.e. at grant + window.
            delay = max(delay, self._grants[0] + self._window - now)
        return delay

    def _forget_expired(self, now: float) -> None:
        # A grant at t counts while t lies in (now - window, now], i.e. until now >= t + window.
        while self._grants and self._grants[0] + self._window <= now:
            self._grants.popleft()

    def _wake_head(self) -> None:
        if self._waiters and not self._waiters[0].done():
            self._waiters[0].set_result(None)

    def __repr__(self) -> str:
        return (
            f"RollingWindowLimiter(max_requests={self._max_requests}, window={self._window}, "
            f"waiting={len(self._waiters)})"
        )
