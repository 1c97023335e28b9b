"""Small waiting helpers shared by the limiters."""

from __future__ import annotations

import asyncio
import contextlib
import math

from .._clock import Clock

__all__ = ["check_max_wait", "wait_for_signal"]


async def wait_for_signal(signal: asyncio.Future[None], seconds: float, clock: Clock) -> bool:
    """Wait until `signal` is done or `seconds` have passed on `clock`; True if signalled."""
    if signal.done():
        return True
    if math.isinf(seconds):
        await asyncio.shield(signal)
        return True
    sleeper = asyncio.ensure_future(clock.sleep(max(seconds, 0.0)))
    try:
        await asyncio.wait({sleeper, signal}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not sleeper.done():
            sleeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sleeper
    return signal.done()


def check_max_wait(max_wait: float, *, name: str = "max_wait") -> float:
    """`max_wait` as a float, or an error naming `name` (must be >= 0; inf means unbounded)."""
    if isinstance(max_wait, bool) or not isinstance(max_wait, int | float):
        raise TypeError(f"{name} must be a number of seconds, got {type(max_wait).__name__}")
    if math.isnan(max_wait) or max_wait < 0:
        raise ValueError(f"{name} must be >= 0 seconds (math.inf: no bound), got {max_wait!r}")
    return float(max_wait)
