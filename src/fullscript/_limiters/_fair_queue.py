"""`FairQueue`: the waiters of one work class, served in turn between grants.

Deficit round robin (Shreedhar and Varghese, 1995): the grants with work queued stand in a
ring; the grant at the front earns its weight in credit each time its turn comes and is
served one slot per unit of credit, then the turn passes on. A grant with nothing queued
leaves the ring (its share goes to the others: work-conserving), and a grant that arrives
joins at the back, so it is served within one round, not after everybody queued before it.
Within a grant, waiters are served first come, first served.

A waiter that leaves early (cancelled, timed out) is only marked `gone` and skipped when it
reaches the front, so leaving costs O(1).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

__all__ = ["FairQueue", "Queued"]


class Queued(Protocol):
    """What the queue needs of a waiter."""

    grant: str
    gone: bool


_W = TypeVar("_W", bound=Queued)


class FairQueue(Generic[_W]):
    """Waiters of one class, by grant, served by deficit round robin (weights per grant)."""

    __slots__ = ("_by_grant", "_credit", "_live_by_grant", "_ring", "_weight", "live")

    def __init__(self, weight: Callable[[str], float]) -> None:
        self._weight = weight
        self._by_grant: dict[str, deque[_W]] = {}
        self._live_by_grant: dict[str, int] = {}
        self._credit: dict[str, float] = {}
        self._ring: deque[str] = deque()
        self.live = 0

    def push(self, waiter: _W) -> None:
        """Queue `waiter` behind the others of its grant."""
        grant = waiter.grant
        queue = self._by_grant.get(grant)
        if queue is None:
            queue = self._by_grant[grant] = deque()
            # A grant alone in the ring earns its credit now; otherwise when its turn comes.
            self._credit[grant] = self._weight(grant) if not self._ring else 0.0
            self._ring.append(grant)
        queue.append(waiter)
        self._live_by_grant[grant] = self._live_by_grant.get(grant, 0) + 1
        self.live += 1

    def remove(self, waiter: _W) -> None:
        """`waiter` leaves the queue (O(1): it is skipped when it reaches the front)."""
        if waiter.gone:
            return
        waiter.gone = True
        self.live -= 1
        left = self._live_by_grant[waiter.grant] - 1
        if left:
            self._live_by_grant[waiter.grant] = left
        else:
            del self._live_by_grant[waiter.grant]

    def queued_for(self, grant: str) -> int:
        """Waiters of `grant` still queued."""
        return self._live_by_grant.get(grant, 0)

    def grants(self) -> dict[str, int]:
        """Waiters still queued, by grant."""
        return dict(self._live_by_grant)

    def pop(self) -> _W | None:
        """The waiter whose turn it is (taken out of the queue), or None when none is left."""
        ring = self._ring
        while ring:
            grant = ring[0]
            queue = self._by_grant[grant]
            while queue and queue[0].gone:
                queue.popleft()
            if not queue:
                ring.popleft()
                del self._by_grant[grant]
                del self._credit[grant]
                if ring:
                    self._credit[ring[0]] += self._weight(ring[0])
                continue
            if self._credit[grant] >= 1.0:
                self._credit[grant] -= 1.0
                waiter = queue.popleft()
                self.remove(waiter)
                return waiter
            ring.rotate(-1)
            self._credit[ring[0]] += self._weight(ring[0])
        return None
