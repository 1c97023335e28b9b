"""Time source used for pacing, backoff and token expiry.

Everything in the façade that waits or measures elapsed time goes through a `Clock`, so tests
can run on virtual time (see `fullscript.testing.VirtualTimeEventLoop`) or with zero backoff.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol, runtime_checkable

__all__ = ["Clock", "SystemClock"]


@runtime_checkable
class Clock(Protocol):
    """A monotonic time source that can also wait."""

    def now(self) -> float:
        """Monotonic seconds; only differences between two readings are meaningful."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` on this clock's timeline."""
        ...


class SystemClock:
    """The running event loop's clock (`loop.time()`, monotonic) and `asyncio.sleep`.

    Reading the loop rather than `time.monotonic()` directly means a virtual-time event loop
    is honoured automatically, and that the limiter agrees with `aiolimiter` and `asyncio`
    timeouts, which also use `loop.time()`. Outside a running loop `time.monotonic()` is used,
    which is what the default asyncio loops return too.
    """

    def now(self) -> float:
        """The running loop's ``time()``, or ``time.monotonic()`` outside a loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return time.monotonic()
        return loop.time()

    async def sleep(self, seconds: float) -> None:
        """``asyncio.sleep(seconds)``."""
        await asyncio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"
