"""What the sandbox saw, per app and per grant: requests, 429s, refreshes, the busiest window.

A grant is one authorization: the token pair a code exchange (or `issue_token`) minted and
every pair refreshed from it, i.e. one refresh chain. Counting arrivals, refused ones included,
is what makes "the largest number of requests in any rolling window" a check on the client:
a client that keeps the quota never makes it exceed the limit.
"""

from __future__ import annotations

import threading
from collections import deque

import attrs

__all__ = ["QuotaCounters", "TrafficCounters", "TrafficSnapshot"]


@attrs.frozen
class QuotaCounters:
    """Counters of one app or one grant.

    Attributes:
        requests: requests that arrived (token calls included, 429s included).
        rate_limited: of those, how many the rate limit refused with 429.
        refreshes: successful refresh-token grants.
        max_in_window: the most requests that arrived within any one rolling window (of the
            rate limit's length), refused ones included.
    """

    requests: int = 0
    rate_limited: int = 0
    refreshes: int = 0
    max_in_window: int = 0

    def to_dict(self) -> dict[str, int]:
        """The counters as a JSON object."""
        return attrs.asdict(self)


@attrs.frozen
class TrafficSnapshot:
    """The counters of every app (by client_id) and every grant (by grant id) at one instant."""

    window: float
    apps: dict[str, QuotaCounters]
    grants: dict[str, QuotaCounters]

    def app(self, client_id: str) -> QuotaCounters:
        """One app's counters (all zero when it sent nothing)."""
        return self.apps.get(client_id, QuotaCounters())

    def grant(self, grant_id: str) -> QuotaCounters:
        """One grant's counters (all zero when it sent nothing)."""
        return self.grants.get(grant_id, QuotaCounters())

    def to_dict(self) -> dict[str, object]:
        """The snapshot as JSON (what ``GET /_sandbox/traffic`` answers)."""
        return {
            "window": self.window,
            "apps": {name: counters.to_dict() for name, counters in self.apps.items()},
            "grants": {name: counters.to_dict() for name, counters in self.grants.items()},
        }


class _Tally:
    __slots__ = ("arrivals", "max_in_window", "rate_limited", "refreshes", "requests")

    def __init__(self) -> None:
        self.requests = 0
        self.rate_limited = 0
        self.refreshes = 0
        self.max_in_window = 0
        self.arrivals: deque[float] = deque()

    def arrive(self, now: float, window: float) -> None:
        self.requests += 1
        # Same arithmetic as the limit: an arrival at t counts while t + window > now.
        while self.arrivals and self.arrivals[0] + window <= now:
            self.arrivals.popleft()
        self.arrivals.append(now)
        self.max_in_window = max(self.max_in_window, len(self.arrivals))

    def frozen(self) -> QuotaCounters:
        return QuotaCounters(self.requests, self.rate_limited, self.refreshes, self.max_in_window)


class TrafficCounters:
    """Thread-safe counters (a served sandbox answers on uvicorn's thread while tests read)."""

    def __init__(self, window: float) -> None:
        self.window = window
        self._apps: dict[str, _Tally] = {}
        self._grants: dict[str, _Tally] = {}
        self._lock = threading.Lock()

    def _tallies(self, app: str, grant: str | None) -> list[_Tally]:
        tallies = [self._apps.setdefault(app, _Tally())]
        if grant is not None:
            tallies.append(self._grants.setdefault(grant, _Tally()))
        return tallies

    def request(self, now: float, app: str, grant: str | None, *, rate_limited: bool) -> None:
        """One request arrived for `app` (and `grant`, when it is known)."""
        with self._lock:
            for tally in self._tallies(app, grant):
                tally.arrive(now, self.window)
                tally.rate_limited += rate_limited

    def refresh(self, app: str, grant: str) -> None:
        """A refresh of `grant` succeeded."""
        with self._lock:
            for tally in self._tallies(app, grant):
                tally.refreshes += 1

    def snapshot(self) -> TrafficSnapshot:
        """The counters as they are now."""
        with self._lock:
            return TrafficSnapshot(
                window=self.window,
                apps={name: tally.frozen() for name, tally in self._apps.items()},
                grants={name: tally.frozen() for name, tally in self._grants.items()},
            )

    def reset(self) -> None:
        """Forget everything counted so far."""
        with self._lock:
            self._apps.clear()
            self._grants.clear()
