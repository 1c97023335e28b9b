"""The overall deadline of one call: limiter waits, attempts, backoff and token refresh together.

A timeout bounds one attempt; retries, ``Retry-After`` pauses, waits for a rate-limit slot and
a token refresh each add to it, so a 60 s timeout allowed 120 s with two 429s and 181 s with a
slow server. A call's deadline bounds all of it.

`OperationBinding` starts a `CallDeadline` when a call starts and hands it to the transport in
a request extension (`DEADLINE_EXTENSION`): the transport then waits for a slot, sends an
attempt (its timeout clipped to what is left) and backs off only within it, and does not start
a backoff that would end past it (the last answer or error is final then). The binding also
bounds the whole call, token refresh included: a `DeadlineWatch` cancels the call's task when
its deadline passes, as ``asyncio.timeout_at`` would (a refresh shared by other calls is
shielded, so giving up on it never loses a rotated token). A call that runs out of time raises
`DeadlineExceededError`.

Why not ``asyncio.timeout_at`` itself: it schedules and cancels a loop timer for every call,
about a third of the façade's own cost per call, for a deadline that almost never fires (two
minutes by default, for calls that take milliseconds). One watch per event loop
(`deadline_watch`) keeps a single timer, at the earliest deadline it watches, however many calls
start and end before it.
"""

from __future__ import annotations

import asyncio
import math
import weakref
from typing import Any

import httpx2

from ._validation import check_seconds

__all__ = [
    "DEADLINE_EXTENSION",
    "DEFAULT_DEADLINE_PER_TIMEOUT",
    "CallDeadline",
    "DeadlineWatch",
    "check_deadline",
    "deadline_watch",
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

    __slots__ = (
        "_cancelling",
        "_task",
        "at",
        "attempts_sent",
        "expired",
        "seconds",
        "wait_clipped",
    )

    def __init__(self, seconds: float, now: float) -> None:
        self.seconds = seconds
        self.at = now + seconds
        self.attempts_sent = 0
        # True when a wait for a rate-limit slot was shortened to fit the deadline.
        self.wait_clipped = False
        # Set while a `DeadlineWatch` watches: the call's task, and its cancellation count
        # when the watch began (to tell the watch's cancellation from anybody else's).
        self._task: asyncio.Task[Any] | None = None
        self._cancelling = 0
        # True once the deadline passed while watched (the task was cancelled for it).
        self.expired = False

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


class DeadlineWatch:
    """Cancels the task of a call whose deadline passed: `asyncio.timeout_at` for many calls of
    one event loop at once, with one loop timer set at the earliest deadline watched.

    A call ending removes its deadline from the set and leaves the timer alone; when the timer
    fires it cancels the tasks whose deadline passed and sets itself at the earliest of the
    rest, so the timer is rearmed about once per deadline length, not once per call::

        deadline = CallDeadline(seconds, loop.time())
        watch.start(deadline)
        try:
            result = await work()
        except BaseException as error:
            if watch.stop(deadline, error):
                raise TimeoutError from None  # the deadline passed
            raise
        watch.stop(deadline, None)
    """

    __slots__ = ("__weakref__", "_loop", "_timer", "_timer_at", "_watched")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        # Weakly: the watch lives as long as its loop (see `deadline_watch`), not longer.
        self._loop = weakref.ref(loop)
        self._watched: set[CallDeadline] = set()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = math.inf

    @property
    def watched(self) -> int:
        """How many deadlines are being watched."""
        return len(self._watched)

    def start(self, deadline: CallDeadline) -> None:
        """Watch ``deadline`` for the current task (call in the call's own task)."""
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("DeadlineWatch.start must be called from a task")
        deadline._task = task
        deadline._cancelling = task.cancelling()
        self._watched.add(deadline)
        if deadline.at < self._timer_at:
            self._arm(deadline.at)

    def stop(self, deadline: CallDeadline, error: BaseException | None) -> bool:
        """Stop watching ``deadline``; True when ``error`` is the cancellation its expiry
        caused (the call then raises `TimeoutError`, as in ``asyncio.timeout_at``)."""
        self._watched.discard(deadline)
        task = deadline._task
        deadline._task = None
        if not deadline.expired or task is None:
            return False
        return task.uncancel() <= deadline._cancelling and isinstance(error, asyncio.CancelledError)

    def _arm(self, at: float) -> None:
        loop = self._loop()
        if loop is None:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = at
        self._timer = loop.call_at(at, self._expire)

    def _expire(self) -> None:
        self._timer = None
        self._timer_at = math.inf
        loop = self._loop()
        if loop is None:
            return
        now = loop.time()
        earliest = math.inf
        for deadline in list(self._watched):
            if deadline.at <= now:
                self._watched.discard(deadline)
                deadline.expired = True
                if deadline._task is not None:
                    deadline._task.cancel()
            elif deadline.at < earliest:
                earliest = deadline.at
        if earliest != math.inf:
            self._arm(earliest)

    def __repr__(self) -> str:
        return f"DeadlineWatch(watched={len(self._watched)})"


_watches: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, DeadlineWatch] = (
    weakref.WeakKeyDictionary()
)


def deadline_watch(loop: asyncio.AbstractEventLoop) -> DeadlineWatch:
    """The one `DeadlineWatch` of ``loop``, shared by every client and copy calling in it (so
    at most one timer per loop waits for a deadline, however many clients make calls)."""
    watch = _watches.get(loop)
    if watch is None:
        watch = _watches[loop] = DeadlineWatch(loop)
    return watch
