"""The two-phase `RateLimiter` protocol: acquire a `Permit`, release it when the answer arrives.

The server counts a request when it arrives and keeps counting it for one window; the client
cannot see the arrival, only that the response came back (after it). So a slot counts from its
grant until one full window after its response arrived, or after its attempt failed. Counted
that way, the server never sees more than the limit in any window of its own, whatever the
latency; the only loss is latency/window of the quota.
"""

from __future__ import annotations

import math
from typing import Protocol, runtime_checkable

import attrs

from .._reprs import never_raising_repr
from ._classes import INTERACTIVE, WorkClass
from ._scopes import DEFAULT_GRANT_ID
from ._stats import LimiterStats

__all__ = ["DEFAULT_SCOPE", "Pacer", "Permit", "RateLimiter"]

DEFAULT_SCOPE = "default"
"""The scope used when a caller names none (one quota for everything sharing the limiter)."""


@attrs.frozen(repr=False)
class Permit:
    """One granted slot. Give it back with `RateLimiter.release()` once the attempt is over.

    `ticket` is whatever the limiter needs to find the slot again (an int, a Redis member);
    `waited` is how long `acquire()` waited for it, in seconds.
    """

    __repr__ = never_raising_repr

    scope: str
    ticket: object = None
    waited: float = 0.0


@runtime_checkable
class RateLimiter(Protocol):
    """What the transport needs from a rate limiter (see `RollingWindowLimiter`).

    The transport calls, per attempt: `acquire(scope, max_wait=..., work_class=..., grant=...)`
    before sending, then
    `release(permit)` exactly once when the response headers arrived or the attempt failed
    (also when it was cancelled), and `pause(seconds, scope)` when the server answered 429.
    A scope is one quota (for example one app on one server); see `Fullscript(quota_scope=)`.
    A `release()` that awaits I/O must run to completion even when its caller is cancelled
    (the Redis limiter runs it in a shielded task); one that raises is logged by the transport,
    never raised over the response. Implementations must be safe to share between clients on
    one event loop;
    `fullscript.redis.RedisRateLimiter` shares one quota between processes.
    """

    async def acquire(
        self,
        scope: str = DEFAULT_SCOPE,
        *,
        max_wait: float = math.inf,
        work_class: WorkClass = INTERACTIVE,
        grant: str = DEFAULT_GRANT_ID,
    ) -> Permit:
        """Wait until one request may be sent in `scope` and take that slot.

        `work_class` says whether a user waits on the request (``"interactive"``) or not
        (``"background"``); `grant` whose work it is, for fair share between grants. A
        limiter without classes may ignore both. Raises `RateLimitWaitExceeded` (nothing
        taken) when the slot cannot be had within `max_wait` seconds; cancelling the wait
        takes no slot either.
        """
        ...

    async def release(self, permit: Permit) -> None:
        """The attempt's response arrived (or it failed): the slot counts one window more."""
        ...

    async def pause(self, seconds: float, scope: str = DEFAULT_SCOPE) -> None:
        """Grant nothing in `scope` for the next `seconds` (the server answered 429)."""
        ...

    def stats(self) -> LimiterStats:
        """Counters since the limiter was made (this process's share, for a shared limiter)."""
        ...


@runtime_checkable
class Pacer(Protocol):
    """A smoother each grant must also pass, such as ``aiolimiter.AsyncLimiter(rate, period)``.

    Only the protocol lives here, so the SDK does not depend on any pacing library.
    """

    async def acquire(self) -> None:
        """Wait until the pacer lets one more request through."""
        ...
