"""A snapshot of what a limiter did, for users to read or export (`limiter.stats()`)."""

from __future__ import annotations

import attrs

from .._reprs import never_raising_repr

__all__ = ["LimiterStats", "StatsRecorder"]


@attrs.frozen(repr=False)
class LimiterStats:
    """Counters of one limiter since it was made. For a limiter shared between processes
    (Redis), the counts are this process's own; the quota itself is shared.

    Attributes:
        granted: slots handed out (attempts allowed to go to the server).
        waited: grants that had to wait first.
        total_wait: seconds spent waiting, summed over those grants.
        longest_wait: the longest single wait, in seconds.
        refused: calls that failed locally because their wait would exceed the maximum wait.
        pauses: pauses (server 429s) this process applied.
        in_flight: slots granted and not yet released.
    """

    __repr__ = never_raising_repr

    granted: int = 0
    waited: int = 0
    total_wait: float = 0.0
    longest_wait: float = 0.0
    refused: int = 0
    pauses: int = 0
    in_flight: int = 0


class StatsRecorder:
    """Mutable counters behind `LimiterStats`; one per limiter."""

    __slots__ = (
        "granted",
        "in_flight",
        "longest_wait",
        "pauses",
        "refused",
        "total_wait",
        "waited",
    )

    def __init__(self) -> None:
        self.granted = 0
        self.waited = 0
        self.total_wait = 0.0
        self.longest_wait = 0.0
        self.refused = 0
        self.pauses = 0
        self.in_flight = 0

    def grant(self, waited: float) -> None:
        """One slot handed out after `waited` seconds."""
        self.granted += 1
        self.in_flight += 1
        if waited > 0:
            self.waited += 1
            self.total_wait += waited
            self.longest_wait = max(self.longest_wait, waited)

    def grant_at_once(self) -> None:
        """One slot handed out without waiting (`grant(0.0)` for the fast path)."""
        self.granted += 1
        self.in_flight += 1

    def release(self) -> None:
        """One slot given back."""
        self.in_flight -= 1

    def snapshot(self) -> LimiterStats:
        """The counters as they are now."""
        return LimiterStats(
            granted=self.granted,
            waited=self.waited,
            total_wait=self.total_wait,
            longest_wait=self.longest_wait,
            refused=self.refused,
            pauses=self.pauses,
            in_flight=self.in_flight,
        )
