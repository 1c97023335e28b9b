"""A `fullscript.Clock` the test moves by hand, shared by the token, telemetry and scale tests."""

from __future__ import annotations

import asyncio


class ManualClock:
    """Monotonic time that moves only when the test says (``t``, `advance`) or when the code
    under test sleeps: a sleep advances it at once, so waits cost nothing."""

    def __init__(self, start: float = 0.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += max(seconds, 0.0)
        await asyncio.sleep(0)

    def advance(self, seconds: float) -> None:
        self.t += seconds
