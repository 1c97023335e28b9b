"""Rolling-window request limit per OAuth app, as Fullscript enforces it (5000 per 5 minutes)."""

from __future__ import annotations

import math
from collections import deque

from ..state.clock import SandboxClock

__all__ = ["RollingWindowLimiter"]


class RollingWindowLimiter:
    """At most ``limit`` accepted requests per key in any ``window`` seconds.

    Refused requests do not count, so a client that waits ``Retry-After`` gets through.
    """

    def __init__(self, limit: int, window: float, clock: SandboxClock) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("rate limit needs limit >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}

    def acquire(self, key: str) -> int | None:
        """Record a request; return None when allowed, else the seconds until a slot frees."""
        now = self._clock.now()
        hits = self._hits.setdefault(key, deque())
        horizon = now - self.window
        while hits and hits[0] <= horizon:
            hits.popleft()
        if len(hits) < self.limit:
            hits.append(now)
            return None
        return max(1, math.ceil(hits[0] + self.window - now))

    def reset(self) -> None:
        """Forget every app's request history."""
        self._hits.clear()
