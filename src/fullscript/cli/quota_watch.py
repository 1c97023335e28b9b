"""A rate limiter wrapper that remembers whether calls are waiting for quota, and until when.

The export's progress bar reads it to say "waiting for quota until 14:05:09" instead of
looking frozen. It changes nothing about the pacing: every call is handed to the real limiter.
"""

from __future__ import annotations

import math
import time
from datetime import datetime

from fullscript import LimiterStats, Permit, RateLimiter, RollingWindowLimiter
from fullscript._limiters import DEFAULT_SCOPE, WorkClass

__all__ = ["QuotaWatch"]

# A grant slower than this was a wait for the window, not the ordinary cost of a lock.
_NOTICEABLE_WAIT = 0.2


class QuotaWatch:
    """Delegates to ``limiter`` (default: a fresh `RollingWindowLimiter`) and watches it."""

    def __init__(self, limiter: RateLimiter | None = None) -> None:
        self.limiter: RateLimiter = limiter if limiter is not None else RollingWindowLimiter()
        self.paused_until: float | None = None  # wall clock, from a server 429
        self._waiting_since: float | None = None
        self._waiters = 0

    async def acquire(
        self,
        scope: str = DEFAULT_SCOPE,
        *,
        max_wait: float = math.inf,
        work_class: WorkClass = "interactive",
        grant: str = "default",
    ) -> Permit:
        self._waiters += 1
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        try:
            return await self.limiter.acquire(
                scope, max_wait=max_wait, work_class=work_class, grant=grant
            )
        finally:
            self._waiters -= 1
            if self._waiters == 0:
                self._waiting_since = None

    async def release(self, permit: Permit) -> None:
        await self.limiter.release(permit)

    async def pause(self, seconds: float, scope: str = DEFAULT_SCOPE) -> None:
        self.paused_until = time.time() + seconds
        await self.limiter.pause(seconds, scope)

    def stats(self) -> LimiterStats:
        return self.limiter.stats()

    def describe(self) -> str:
        """``waiting for quota until HH:MM:SS`` while calls wait, else ``""``."""
        if self.paused_until is not None and self.paused_until > time.time():
            until = datetime.fromtimestamp(self.paused_until).strftime("%H:%M:%S")
            return f"waiting for quota until {until}"
        since = self._waiting_since
        if since is not None and time.monotonic() - since > _NOTICEABLE_WAIT:
            return "waiting for quota (the rolling window is full)"
        return ""
