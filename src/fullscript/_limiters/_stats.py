"""A snapshot of what a limiter did, for users to read or export (`limiter.stats()`)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from .._reprs import never_raising_repr

__all__ = ["LimiterStats", "QueueStats", "StatsRecorder"]

_EMPTY: Mapping[str, QueueStats] = MappingProxyType({})


@attrs.frozen(repr=False)
class _WaitCounts:
    """The counters a limiter keeps both in total and per work class and grant."""

    __repr__ = never_raising_repr

    granted: int = 0
    waited: int = 0
    total_wait: float = 0.0
    longest_wait: float = 0.0
    refused: int = 0


_Stats = TypeVar("_Stats", bound=_WaitCounts)


@attrs.frozen(repr=False)
class QueueStats(_WaitCounts):
    """Counters of one work class or one grant (see `LimiterStats.by_class`, `by_grant`).

    Attributes:
        granted: slots handed out.
        waited: grants that had to wait first.
        total_wait: seconds spent waiting, summed over those grants.
        longest_wait: the longest single wait, in seconds.
        refused: acquires that failed because their wait would exceed their maximum wait.
        queued: acquires waiting right now.
    """

    queued: int = 0


@attrs.frozen(repr=False)
class LimiterStats(_WaitCounts):
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
        by_class: the same counters per work class (``"interactive"``, ``"background"``).
        by_grant: the same counters per grant id.
    """

    pauses: int = 0
    in_flight: int = 0
    by_class: Mapping[str, QueueStats] = _EMPTY
    by_grant: Mapping[str, QueueStats] = _EMPTY


class _Counters:
    """The mutable `_WaitCounts` (and the queue length) of the total, a class or a grant."""

    __slots__ = ("granted", "longest_wait", "queued", "refused", "total_wait", "waited")

    def __init__(self) -> None:
        self.granted = 0
        self.waited = 0
        self.total_wait = 0.0
        self.longest_wait = 0.0
        self.refused = 0
        self.queued = 0

    def grant(self, waited: float) -> None:
        self.granted += 1
        if waited > 0:
            self.waited += 1
            self.total_wait += waited
            self.longest_wait = max(self.longest_wait, waited)

    def frozen(self, stats: type[_Stats], **more: Any) -> _Stats:
        """A ``stats`` holding these `_WaitCounts` and ``more``."""
        return stats(
            granted=self.granted,
            waited=self.waited,
            total_wait=self.total_wait,
            longest_wait=self.longest_wait,
            refused=self.refused,
            **more,
        )

    def queue_stats(self) -> QueueStats:
        return self.frozen(QueueStats, queued=self.queued)


class StatsRecorder:
    """Mutable counters behind `LimiterStats`; one per limiter."""

    __slots__ = ("_by_class", "_by_grant", "_total", "in_flight", "pauses")

    def __init__(self) -> None:
        self._total = _Counters()
        self.pauses = 0
        self.in_flight = 0
        self._by_class: dict[str, _Counters] = {}
        self._by_grant: dict[str, _Counters] = {}

    def _counters(self, work_class: str, grant: str) -> tuple[_Counters, _Counters, _Counters]:
        """The total's, ``work_class``'s and ``grant``'s counters."""
        of_class = self._by_class.get(work_class)
        if of_class is None:
            of_class = self._by_class[work_class] = _Counters()
        of_grant = self._by_grant.get(grant)
        if of_grant is None:
            of_grant = self._by_grant[grant] = _Counters()
        return self._total, of_class, of_grant

    def grant(self, waited: float, work_class: str = "interactive", grant: str = "default") -> None:
        """One slot handed out after `waited` seconds."""
        self.in_flight += 1
        for counters in self._counters(work_class, grant):
            counters.grant(waited)

    def grant_at_once(self, work_class: str = "interactive", grant: str = "default") -> None:
        """One slot handed out without waiting (`grant(0.0)`)."""
        self.grant(0.0, work_class, grant)

    def refuse(self, work_class: str = "interactive", grant: str = "default") -> None:
        """One acquire refused: its wait would have exceeded its maximum wait."""
        for counters in self._counters(work_class, grant):
            counters.refused += 1

    def queue(self, work_class: str, grant: str, change: int) -> None:
        """`change` acquires started (+1) or stopped (-1) waiting in the queue."""
        for counters in self._counters(work_class, grant)[1:]:
            counters.queued += change

    def release(self) -> None:
        """One slot given back."""
        self.in_flight -= 1

    def snapshot(self) -> LimiterStats:
        """The counters as they are now."""
        return self._total.frozen(
            LimiterStats,
            pauses=self.pauses,
            in_flight=self.in_flight,
            by_class=MappingProxyType({k: v.queue_stats() for k, v in self._by_class.items()}),
            by_grant=MappingProxyType({k: v.queue_stats() for k, v in self._by_grant.items()}),
        )
