"""The overall deadline of one call: limiter waits, attempts, backoff and token refresh together.

A timeout bounds one attempt; retries, ``Retry-After`` pauses, waits for a rate-limit slot and
a token refresh each add to it, so a 60 s timeout allowed 120 s with two 429s and 181 s with a
slow server. A call's deadline bounds all of it.

`OperationBinding` starts a `CallDeadline` when a call starts and hands it to the transport in
a request extension (`DEADLINE_EXTENSION`): the transport then waits for a slot, sends an
attempt (its timeout clipped to what is left) and backs off only within it, and does not start
a backoff that would end past it (the last answer or error is final then). The binding also
bounds the whole call, token refresh included, with ``asyncio.timeout_at``: a refresh shared by
other calls is shielded, so giving up on it never loses a rotated token. A call that runs out
of time raises `DeadlineExceededError`.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx2

from ._validation import check_seconds

__all__ = [
    "DEADLINE_EXTENSION",
    "DEFAULT_DEADLINE_PER_TIMEOUT",
    "CallDeadline",
    "check_deadline",
    "default_deadline",
]

DEADLINE_EXTENSION = "fullscript.deadline"
"""Request extension holding the call's `CallDeadline` (set by the binding, read by the
transport)."""

DEFAULT_DEADLINE_PER_TIMEOUT = 2.0
"""Without a ``deadline``, a call may take twice its longest timeout value (120 s with the
default 60 s timeout), plus the maximum wait for a rate-limit slot when one was set."""


class CallDeadline:
    """When one call must be over (``at``, on the event loop's clock), and what it sent."""

    __slots__ = ("at", "attempts_sent", "seconds", "wait_clipped")

    def __init__(self, seconds: float, now: float) -> None:
        self.seconds = seconds
        self.at = now + seconds
        self.attempts_sent = 0
        # True when a wait for a rate-limit slot was shortened to fit the deadline.
        self.wait_clipped = False

    def passed(self) -> bool:
        """Whether the deadline has passed, by the running event loop's clock."""
        return asyncio.get_running_loop().time() >= self.at

    def remaining(self, now: float) -> float:
        """Seconds left (negative once passed)."""
        return self.at - now

    def clipped_timeout(self, timeout: Any, now: float) -> dict[str, float | None]:
        """An httpx timeout extension whose every value ends by the deadline."""
        left = max(self.remaining(now), 0.0)
        values = timeout if isinstance(timeout, dict) else {}
        clipped: dict[str, float | None] = {
            key: left if value is None else min(float(value), left) for key, value in values.items()
        }
        for key in ("connect", "read", "write", "pool"):
            clipped.setdefault(key, left)
        return clipped

    def __repr__(self) -> str:
        return f"CallDeadline(seconds={self.seconds!r}, attempts_sent={self.attempts_sent!r})"


def check_deadline(value: object, *, where: str) -> float:
    """``value`` as a deadline in seconds (> 0; ``math.inf``: none), or an
    `InvalidParameterError` naming ``deadline`` (an argument of ``where``)."""
    return check_seconds(value, name="deadline", where=where, allow_infinity=True)


def default_deadline(timeout: httpx2.Timeout, max_limiter_wait: float | None = None) -> float:
    """`DEFAULT_DEADLINE_PER_TIMEOUT` times the longest value of ``timeout`` (inf if none),
    plus ``max_limiter_wait`` when one was set: a wait allowed explicitly stays allowed."""
    values = [value for value in timeout.as_dict().values() if value is not None]
    if not values:
        return math.inf
    return DEFAULT_DEADLINE_PER_TIMEOUT * max(values) + (max_limiter_wait or 0.0)
