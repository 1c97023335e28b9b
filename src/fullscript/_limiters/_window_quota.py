"""What every rolling-window limiter (in-process or Redis) is configured with: a number of slots
per window of seconds. Checked and exposed the same way by each."""

from __future__ import annotations

__all__ = ["WindowQuota"]


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
