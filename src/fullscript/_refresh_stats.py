"""Counts of token refresh events, for a stats snapshot a user can read or export."""

from __future__ import annotations

from collections import Counter

import attrs

from ._observation import CallObserver, report_client_event
from ._reprs import never_raising_repr

__all__ = ["RefreshStats", "RefreshStatsSnapshot"]


@attrs.frozen(repr=False)
class RefreshStatsSnapshot:
    """Token refresh events of one client (and its copies and grant views) since it started.

    - ``refreshes``: refresh calls that rotated a pair (one per expiry when all goes well);
    - ``adopted``: times a pair rotated by another process sharing the store was used
      instead of refreshing again;
    - ``failures``: refreshes that failed (network, server, store), after their own retries;
    - ``dead_grants``: refreshes refused with no newer pair in the store (re-authorize);
    - ``refreshes_by_grant``: ``refreshes`` per ``(grant_id, region)``.
    """

    __repr__ = never_raising_repr

    refreshes: int = 0
    adopted: int = 0
    failures: int = 0
    dead_grants: int = 0
    refreshes_by_grant: dict[tuple[str, str], int] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (grant keys become ``"grant_id@region"``)."""
        return {
            "refreshes": self.refreshes,
            "adopted": self.adopted,
            "failures": self.failures,
            "dead_grants": self.dead_grants,
            "refreshes_by_grant": {
                f"{grant}@{region}": n for (grant, region), n in self.refreshes_by_grant.items()
            },
        }


class RefreshStats:
    """Mutable counters shared by every token manager of one client; read via `snapshot()`.

    Each outcome is also reported to the client's ``observers`` (hooks, telemetry; see
    `_observation`) as an event, with the operation call it happened in, if any.
    """

    def __init__(self, observers: tuple[CallObserver, ...] = ()) -> None:
        self._observers = observers
        self._refreshes: Counter[tuple[str, str]] = Counter()
        self._adopted = 0
        self._failures = 0
        self._dead_grants = 0

    def refreshed(self, grant_id: str, region: str) -> None:
        """A refresh rotated the pair of ``(grant_id, region)``."""
        self._refreshes[(grant_id, region)] += 1
        report_client_event(self._observers, "token.refreshed")

    def adopted(self) -> None:
        """A pair rotated by a sibling was used instead of refreshing."""
        self._adopted += 1
        report_client_event(self._observers, "token.adopted")

    def failed(self) -> None:
        """A refresh attempt failed."""
        self._failures += 1
        report_client_event(self._observers, "token.refresh_failed")

    def grant_died(self) -> None:
        """A grant's stored pair was refused for good."""
        self._dead_grants += 1
        report_client_event(self._observers, "grant.dead")

    def snapshot(self) -> RefreshStatsSnapshot:
        """The counts now (a frozen copy)."""
        return RefreshStatsSnapshot(
            refreshes=sum(self._refreshes.values()),
            adopted=self._adopted,
            failures=self._failures,
            dead_grants=self._dead_grants,
            refreshes_by_grant=dict(self._refreshes),
        )
