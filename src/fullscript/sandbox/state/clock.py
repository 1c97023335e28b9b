"""The sandbox's notion of time: a wall clock that tests can move forward."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["DAY", "SandboxClock", "format_date", "format_timestamp"]

#: Seconds in a day.
DAY = 86400.0

#: 9999-12-31T23:59:59Z, the last instant a timestamp can be written for.
LATEST = 253_402_300_799.0


class SandboxClock:
    """Seconds since the epoch from ``source`` (``time.time`` by default) plus a manual offset.

    ``advance`` moves time forward without sleeping, so tests can expire codes and tokens or
    roll the rate-limit window instantly.
    """

    def __init__(self, source: Callable[[], float] | None = None) -> None:
        self._source: Callable[[], float] = source if source is not None else time.time
        self._offset = 0.0

    def now(self) -> float:
        """Current sandbox time in epoch seconds."""
        return self._source() + self._offset

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward by ``seconds`` (negative values are refused)."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        # Past year 9999 no timestamp can be formatted, so every later answer would be a 500.
        if not math.isfinite(seconds) or self.now() + seconds > LATEST:
            raise ValueError("time cannot move past the year 9999")
        self._offset += seconds

    def reset(self) -> None:
        """Back to the source's time: undo every `advance`."""
        self._offset = 0.0


def format_timestamp(epoch: float) -> str:
    """Fullscript's timestamp format: ISO-8601 UTC with milliseconds, e.g. ``2021-06-16T14:57:21.000Z``."""
    moment = datetime.fromtimestamp(epoch, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def format_date(epoch: float) -> str:
    """``yyyy-mm-dd`` of ``epoch`` in UTC."""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d")
