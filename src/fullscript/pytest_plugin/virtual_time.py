"""The ``fullscript_time`` fixture's clock: sandbox time that stands still until a test moves it."""

from __future__ import annotations

import time

__all__ = ["SandboxTime"]


class SandboxTime:
    """Epoch seconds for the sandbox, frozen at the test's start until `advance` moves them.

    Tokens and authorization codes expire, and the rate-limit window rolls, only when the test
    says so: ``fullscript_time.advance(7200)`` makes every access token issued so far expire,
    at once and deterministically.
    """

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else float(start)

    def __repr__(self) -> str:
        return f"SandboxTime(now={self._now!r})"

    def now(self) -> float:
        """Sandbox time in epoch seconds."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move sandbox time forward by ``seconds`` (ValueError when negative or not finite)."""
        if not seconds >= 0 or seconds == float("inf"):
            raise ValueError(
                f"time only moves forward by a finite number of seconds, not {seconds!r}"
            )
        self._now += seconds
