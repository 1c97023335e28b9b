"""Small waiting helpers shared by the limiters."""

from __future__ import annotations

import asyncio
import contextlib
import math

from .._clock import Clock

__all__ = ["wait_for_signal"]


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
