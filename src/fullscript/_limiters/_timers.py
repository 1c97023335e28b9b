"""One timer per waiter: `loop.call_at` on the event loop's clock, no task each.

A queued waiter with a deadline needs to be woken once, when the deadline passes. A task
sleeping per waiter costs a coroutine, a task and its scheduling; a timer handle costs one
heap entry. Only a clock other than the loop's (tests with a hand-driven clock, a sandbox
clock) falls back to a task that sleeps on that clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

from .._clock import Clock, SystemClock
from ._shielding import keep_until_done

__all__ = ["Timer", "call_later"]


class Timer(Protocol):
    """A scheduled callback that can be called off."""

    def cancel(self) -> object:
        """Call the callback off (nothing happens if it ran already)."""
        ...


def call_later(clock: Clock, delay: float, callback: Callable[[], None]) -> Timer:
    """Run `callback` once `delay` seconds have passed on `clock`."""
    loop = asyncio.get_running_loop()
    if isinstance(clock, SystemClock):
        return loop.call_at(loop.time() + max(delay, 0.0), callback)

    async def sleep_then_call() -> None:
        await clock.sleep(max(delay, 0.0))
        callback()

    return keep_until_done(loop.create_task(sleep_then_call()))
