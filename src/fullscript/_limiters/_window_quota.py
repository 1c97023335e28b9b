"""What every rolling-window limiter (in-process or Redis) is configured with: a number of slots
per window of seconds. Checked and exposed the same way by each."""

from __future__ import annotations

import math

__all__ = ["WindowQuota", "check_max_requests", "check_seconds"]


def check_max_requests(max_requests: int) -> None:
    """Raise unless `max_requests` is an int of at least 1 (a bool is not a count)."""
    if isinstance(max_requests, bool) or not isinstance(max_requests, int):
        raise TypeError(f"max_requests must be an int, got {type(max_requests).__name__}")
    if max_requests < 1:
        raise ValueError(f"max_requests must be at least 1, got {max_requests}")


def check_seconds(name: str, value: float) -> None:
    """Raise, naming `name`, unless `value` is a positive finite number of seconds."""
    if not (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    ):
        raise ValueError(f"{name} must be a positive finite number of seconds, got {value!r}")


class WindowQuota:
    """The read-only `max_requests` and `window` of a limiter that sets `_max_requests` and
    `_window`."""

    _max_requests: int
    _window: float

    @property
    def max_requests(self) -> int:
        """Slots allowed in any rolling window."""
        return self._max_requests

    @property
    def window(self) -> float:
        """Length of the rolling window, in seconds."""
        return self._window
