"""Helpers for testing code built on the SDK: an asyncio event loop that runs on virtual time.

`VirtualTimeEventLoop` is a selector event loop whose `time()` is a virtual clock. Whenever no
callback is ready and no I/O is pending, the loop jumps its clock straight to the next
scheduled timer instead of sleeping, so `await asyncio.sleep(300)` returns at once with
`loop.time()` advanced by exactly 300. Everything that schedules on the loop (asyncio timeouts,
`aiolimiter`, the SDK's `SystemClock`, `RollingWindowLimiter`, retry backoff) shares the one
virtual timeline, which makes rate-limit behaviour over hours testable in milliseconds and
deterministic.

    from fullscript.testing import run_in_virtual_time

    async def scenario() -> float:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(3600)
        return loop.time()

    assert run_in_virtual_time(scenario()) == 3600.0

Real I/O still works (it is polled without blocking before every jump), but time does not wait
for it: a coroutine awaiting a socket next to a timer sees the timer fire first. Use it for code
whose waiting is timer-based, with in-process transports such as `httpx2.MockTransport`.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import selectors
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, TypeVarTuple

import attrs

from ._errors import FullscriptError
from ._limiters import (
    DEFAULT_GRANT_ID,
    DEFAULT_SCOPE,
    INTERACTIVE,
    LimiterStats,
    Permit,
    RateLimiter,
    StatsRecorder,
    WorkClass,
)

if TYPE_CHECKING:
    from _typeshed import FileDescriptorLike

__all__ = [
    "RecordingLimiter",
    "VirtualTimeDeadlock",
    "VirtualTimeEventLoop",
    "max_in_rolling_window",
    "run_in_virtual_time",
]

_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")
_MIN_TIMER_DELAY = 1e-9


class VirtualTimeDeadlock(FullscriptError, RuntimeError):
    """Raised by a `VirtualTimeEventLoop` whose tasks can never make progress."""


class _VirtualTimeSelector(selectors.BaseSelector):
    """Delegates to the platform selector but never blocks while a timer is pending."""

    def __init__(self, loop: VirtualTimeEventLoop) -> None:
        self._inner = selectors.DefaultSelector()
        self._loop = loop

    def register(
        self, fileobj: FileDescriptorLike, events: int, data: Any = None
    ) -> selectors.SelectorKey:
        return self._inner.register(fileobj, events, data)

    def unregister(self, fileobj: FileDescriptorLike) -> selectors.SelectorKey:
        return self._inner.unregister(fileobj)

    def modify(
        self, fileobj: FileDescriptorLike, events: int, data: Any = None
    ) -> selectors.SelectorKey:
        return self._inner.modify(fileobj, events, data)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        if timeout is None:
            # Nothing scheduled at all: only real I/O or another thread can wake the loop.
            limit = self._loop.deadlock_timeout
            ready = self._inner.select(limit)
            if not ready and limit is not None:
                raise VirtualTimeDeadlock(
                    f"every task is blocked with no timer pending and no I/O for {limit}s"
                )
            return ready
        ready = self._inner.select(0)
        if not ready and timeout > 0:
            # The loop would sleep until its next timer: jump there instead.
            self._loop.advance(timeout)
        return ready

    def close(self) -> None:
        self._inner.close()

    def get_map(self) -> Mapping[FileDescriptorLike, selectors.SelectorKey]:
        return self._inner.get_map()


class VirtualTimeEventLoop(asyncio.SelectorEventLoop):
    """An asyncio event loop whose clock is virtual and jumps to the next timer when idle.

    `time()` starts at `start` (default 0.0) and only moves forward, either when the loop is
    idle until its next timer or by an explicit `advance()`.

    With `deadlock_timeout` set, a loop that has no timer pending and sees no I/O for that many
    real seconds raises `VirtualTimeDeadlock` instead of waiting forever: in a test that means
    every task waits for something that will never happen.
    """

    def __init__(self, start: float = 0.0, *, deadlock_timeout: float | None = None) -> None:
        self._virtual_now = float(start)
        self.deadlock_timeout = deadlock_timeout
        super().__init__(_VirtualTimeSelector(self))
        self._keep_resolution_above_rounding()

    def time(self) -> float:
        return self._virtual_now

    def call_at(
        self,
        when: float,
        callback: Callable[[*_Ts], object],
        *args: *_Ts,
        context: contextvars.Context | None = None,
    ) -> asyncio.TimerHandle:
        # On a real clock time always moves on before a timer fires. Code that re-arms a timer
        # for "now" until enough time has passed (aiolimiter does, when rounding leaves a
        # sliver of capacity missing) would spin forever on a clock that only jumps between
        # timers, so a timer is never due before the next representable instant.
        now = self._virtual_now
        if when <= now:
            when = max(math.nextafter(now, math.inf), now + _MIN_TIMER_DELAY)
        return super().call_at(when, callback, *args, context=context)

    def advance(self, seconds: float) -> None:
        """Move the virtual clock forward by `seconds` (timers that fall due run next)."""
        if not seconds >= 0:
            raise ValueError(f"cannot move virtual time backwards or by NaN: {seconds!r}")
        moved = self._virtual_now + seconds
        if seconds > 0 and moved <= self._virtual_now:
            # Far from zero (e.g. epoch seconds) a tiny step rounds away; the loop would then
            # ask to sleep the same sliver forever instead of reaching its next timer.
            moved = math.nextafter(self._virtual_now, math.inf)
        self._virtual_now = moved
        self._keep_resolution_above_rounding()

    def _keep_resolution_above_rounding(self) -> None:
        # asyncio runs a timer once `when < time() + clock_resolution`. At large times (epoch
        # seconds) adding the default 1e-9 rounds to nothing, so a timer due exactly now would
        # never run; two units in the last place keep that sum above `time()`.
        self._clock_resolution = max(1e-9, 2 * math.ulp(self._virtual_now))


def run_in_virtual_time(
    main: Coroutine[Any, Any, _T], *, start: float = 0.0, deadlock_timeout: float | None = 10.0
) -> _T:
    """Run `main` to completion on a fresh `VirtualTimeEventLoop`, like `asyncio.run`.

    Raises `VirtualTimeDeadlock` if all tasks block with nothing scheduled for
    `deadlock_timeout` real seconds (None waits forever, e.g. for slow threads).
    """

    def new_loop() -> VirtualTimeEventLoop:
        return VirtualTimeEventLoop(start, deadlock_timeout=deadlock_timeout)

    with asyncio.Runner(loop_factory=new_loop) as runner:
        return runner.run(main)


def max_in_rolling_window(times: Iterable[float], window: float) -> int:
    """The most of `times` that fall in any one interval `(t - window, t]`.

    This is what a rolling-window rate limit counts: record `loop.time()` after each grant and
    compare the result with the limit. An event at `g` counts at `t` while `g + window > t`,
    the same arithmetic `RollingWindowLimiter` uses.
    """
    ordered = sorted(times)
    most = 0
    oldest = 0
    for newest, t in enumerate(ordered):
        while ordered[oldest] + window <= t:
            oldest += 1
        most = max(most, newest - oldest + 1)
    return most


@attrs.define
class LimiterCall:
    """One call a `RecordingLimiter` saw: ``kind`` is "acquire", "release" or "pause"."""

    kind: str
    scope: str
    at: float
    seconds: float | None = None
    work_class: str | None = None
    grant: str | None = None


class RecordingLimiter:
    """A `RateLimiter` that records every acquire, release and pause, for assertions.

    It passes each call on to `inner` when given (so the real limiting still happens), and
    otherwise grants at once. `calls` lists what happened, with the loop time of each.
    """

    def __init__(self, inner: RateLimiter | None = None) -> None:
        self.inner = inner
        self.calls: list[LimiterCall] = []
        self._recorder = StatsRecorder()
        self._tickets = 0

    def _now(self) -> float:
        return asyncio.get_running_loop().time()

    @property
    def acquired(self) -> int:
        """Number of permits granted."""
        return sum(call.kind == "acquire" for call in self.calls)

    @property
    def released(self) -> int:
        """Number of permits released."""
        return sum(call.kind == "release" for call in self.calls)

    @property
    def pauses(self) -> list[float]:
        """The seconds of each pause, in order."""
        return [call.seconds or 0.0 for call in self.calls if call.kind == "pause"]

    async def acquire(
        self,
        scope: str = DEFAULT_SCOPE,
        *,
        max_wait: float = math.inf,
        work_class: WorkClass = INTERACTIVE,
        grant: str = DEFAULT_GRANT_ID,
    ) -> Permit:
        if self.inner is not None:
            permit = await self.inner.acquire(
                scope, max_wait=max_wait, work_class=work_class, grant=grant
            )
        else:
            self._tickets += 1
            permit = Permit(scope=scope, ticket=self._tickets)
            self._recorder.grant(0.0, work_class, grant)
        self.calls.append(
            LimiterCall("acquire", scope, self._now(), work_class=work_class, grant=grant)
        )
        return permit

    async def release(self, permit: Permit) -> None:
        self.calls.append(LimiterCall("release", permit.scope, self._now()))
        if self.inner is not None:
            await self.inner.release(permit)
        else:
            self._recorder.release()

    async def pause(self, seconds: float, scope: str = DEFAULT_SCOPE) -> None:
        self.calls.append(LimiterCall("pause", scope, self._now(), seconds))
        if self.inner is not None:
            await self.inner.pause(seconds, scope)
        else:
            self._recorder.pauses += 1

    def stats(self) -> LimiterStats:
        return self.inner.stats() if self.inner is not None else self._recorder.snapshot()
