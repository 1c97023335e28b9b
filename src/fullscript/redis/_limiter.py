"""`RedisRateLimiter`: one exact rolling-window quota shared by every process that uses it."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import random
import uuid
from collections.abc import Mapping
from typing import Any

import redis.asyncio as aioredis

from .._clock import Clock, SystemClock
from .._limiters import (
    DEFAULT_GRANT_ID,
    DEFAULT_RESERVE,
    DEFAULT_SCOPE,
    INTERACTIVE,
    LimiterStats,
    Permit,
    RateLimitWaitExceeded,
    SchedulingSettings,
    StatsRecorder,
    WindowQuota,
    WorkClass,
    check_work_class,
    keep_until_done,
)
from .._validation import check_count, check_seconds
from ._connection import RedisClientOwner, RedisUnavailableError, translate_errors
from ._scripts import ACQUIRE, DROP, PAUSE, RELEASE

__all__ = ["RedisRateLimiter"]

logger = logging.getLogger("fullscript")

_NOTHING_SENT = (
    "Nothing was sent to Fullscript; the limiter does not fall back to per-process counting, "
    "which would overrun the shared quota"
)


class RedisRateLimiter(RedisClientOwner, WindowQuota, SchedulingSettings):
    """A `RateLimiter` whose quota lives in Redis, shared by every process and machine using
    the same Redis, `key_prefix` and scope:

        limiter = RedisRateLimiter("redis://cache:6379/0")        # 5000 per 300 s
        async with Fullscript(..., limiter=limiter) as fs:
            ...

    An exact sliding log: one sorted set per quota scope, one atomic Lua script per attempt
    that drops expired slots, counts, grants and otherwise answers how long to wait, on Redis
    `TIME` (one clock for all processes). Like `RollingWindowLimiter`, a slot counts from its
    grant until one window after its release, so the server never sees more than
    `max_requests` in its own window. If Redis loses the log (restarted empty, flushed), the
    first limiter to notice pauses the quota for one window in every process: the server
    still counts what the lost log held. A 429 pause is a key with a TTL that every process
    honours. Waiters sleep the wait Redis returned plus a little jitter, so there is no
    polling storm; there is no strict first-come-first-served order between processes.

    Work classes, the interactive reserve and fair share between grants hold here too, in
    the same script (see `fullscript.redis._scripts`): the window exactly, fair share and
    priority approximately (docs/scale-out.md says how far). A release is sent without being
    waited for, so a call costs one round trip to Redis on its response path; `flush()` waits
    for the releases under way.

    If Redis cannot be reached or refuses (out of memory, a read-only replica), `acquire()`
    and `pause()` raise `RedisUnavailableError` (nothing is sent); a failed `release()` is
    logged and leaves the slot counting until its lease ends, which errs on the safe side.
    Cancelling a caller never interrupts a release or an acquire script half-way.

    Use one instance per event loop. `aclose()` closes the client it made from a URL (a
    client you passed stays yours).

    Args:
        redis: a Redis URL (``redis://host:port/db``, ``rediss://`` or ``unix://``) or a
            ``redis.asyncio.Redis`` client.
        max_requests: slots allowed in any window (>= 1).
        window: length of the rolling window in seconds (> 0).
        key_prefix: namespace of the keys (``<prefix>:{<scope>}:log`` and ``...:pause``).
        lease: seconds a granted slot counts as in flight at most, if its holder never
            releases it (a crashed process); afterwards it counts one more window.
        jitter: up to this many seconds are added at random to each wait.
        clock: local time source for sleeping and measuring waits (tests).
        random_source: the jitter's random numbers (tests).
        reserve, reserve_always, grant_weights: as for `RollingWindowLimiter`.
    """

    def __init__(
        self,
        redis: str | aioredis.Redis,
        max_requests: int = 5000,
        window: float = 300.0,
        *,
        key_prefix: str = "fullscript:quota",
        lease: float = 300.0,
        jitter: float | None = None,
        clock: Clock | None = None,
        random_source: random.Random | None = None,
        reserve: float = DEFAULT_RESERVE,
        reserve_always: bool = False,
        grant_weights: Mapping[str, float] | None = None,
    ) -> None:
        check_count(max_requests, name="max_requests", where="RedisRateLimiter")
        check_seconds(window, name="window", where="RedisRateLimiter")
        self._set_scheduling(
            max_requests=max_requests,
            reserve=reserve,
            reserve_always=reserve_always,
            grant_weights=grant_weights,
            where="RedisRateLimiter",
        )
        check_seconds(lease, name="lease", where="RedisRateLimiter")
        if not isinstance(key_prefix, str) or not key_prefix:
            raise ValueError(f"key_prefix must be a non-empty str, got {key_prefix!r}")
        super().__init__(redis)
        self._max_requests = max_requests
        self._window = float(window)
        self._lease = float(lease)
        self._jitter = float(jitter) if jitter is not None else min(0.05, self._window / 100)
        self._prefix = key_prefix
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._random = random_source if random_source is not None else random.Random()
        self._acquire = self._redis.register_script(ACQUIRE)
        self._release = self._redis.register_script(RELEASE)
        self._drop_script = self._redis.register_script(DROP)
        self._pause = self._redis.register_script(PAUSE)
        # Releases on their way to Redis: the response path does not wait for them.
        self._releasing: set[asyncio.Future[None]] = set()
        self._stats = StatsRecorder()
        self._last_logged: dict[str, float] = {}
        # Scopes whose marker key this limiter has seen: its absence later means data loss.
        self._marked: set[str] = set()

    @property
    def address(self) -> str:
        """The Redis server's address, without any password."""
        return self._address

    def keys(self, scope: str = DEFAULT_SCOPE) -> tuple[str, str]:
        """The Redis keys of `scope`: (sorted-set log, pause). The braces keep them, and the
        scope's marker key (``...:marker``, which tells lost data from an idle log), in one
        Redis Cluster slot."""
        if not isinstance(scope, str):
            raise TypeError(f"scope must be a str, got {type(scope).__name__}")
        return f"{self._prefix}:{{{scope}}}:log", f"{self._prefix}:{{{scope}}}:pause"

    def _marker_key(self, scope: str) -> str:
        # Never expires: it tells "Redis lost the log" apart from "the log expired, idle".
        return f"{self._prefix}:{{{scope}}}:marker"

    def _script_keys(self, scope: str) -> list[str]:
        """Every key of the acquire script (all in the scope's Cluster slot)."""
        log, pause = self.keys(scope)
        base = f"{self._prefix}:{{{scope}}}"
        return [
            log,
            pause,
            self._marker_key(scope),
            f"{base}:counts",
            f"{base}:waiting",
            f"{base}:interactive",
            f"{base}:interactive-waiting",
            f"{base}:weights",
        ]

    def stats(self) -> LimiterStats:
        """This process's counters (grants, waits, refusals, pauses); the quota is shared."""
        return self._stats.snapshot()

    async def used(self, scope: str = DEFAULT_SCOPE) -> int:
        """Slots of `scope` that count now, over all processes."""
        await self.flush()
        log, _ = self.keys(scope)
        with translate_errors(self._address, "reading the rate-limit log"):
            await self._redis.zremrangebyscore(log, "-inf", await self._now() - self._window)
            return int(await self._redis.zcard(log))

    async def _now(self) -> float:
        seconds, microseconds = await self._redis.time()
        return float(seconds) + float(microseconds) / 1e6

    async def acquire(
        self,
        scope: str = DEFAULT_SCOPE,
        *,
        max_wait: float = math.inf,
        work_class: WorkClass = INTERACTIVE,
        grant: str = DEFAULT_GRANT_ID,
    ) -> Permit:
        """Wait for a slot of `scope` in the shared log and take it.

        Raises `RateLimitWaitExceeded` when the slot is further away than `max_wait` seconds,
        `RedisUnavailableError` when Redis cannot be reached; nothing is taken either way.
        """
        max_wait = check_seconds(
            max_wait, name="max_wait", where="acquire", allow_zero=True, allow_infinity=True
        )
        work_class = check_work_class(work_class, where="acquire")
        if not isinstance(grant, str):
            raise TypeError(f"grant must be a str, got {type(grant).__name__}")
        keys = self._script_keys(scope)
        kind = "i" if work_class == INTERACTIVE else "b"
        member = f"{kind}:{uuid.uuid4().hex}:{grant}"
        start = self._clock.now()
        while True:
            patience = max(max_wait - (self._clock.now() - start), 0.0)
            granted, wait = await self._attempt(scope, keys, member, [kind, grant, patience])
            elapsed = self._clock.now() - start
            if granted:
                self._stats.grant(elapsed, work_class, grant)
                return Permit(scope=scope, ticket=member, waited=elapsed)
            if elapsed + wait > max_wait:
                self._stats.refuse(work_class, grant)
                raise RateLimitWaitExceeded(
                    would_wait=wait, max_wait=max_wait, scope=scope, waited=elapsed
                )
            self._log_wait(scope, wait)
            # Sleep what Redis said, plus jitter so that waiters woken by one freed slot do
            # not all ask at the same instant.
            nap = wait + self._random.random() * self._jitter
            await self._clock.sleep(min(nap, max(max_wait - elapsed, 0.0)))

    async def _attempt(
        self, scope: str, keys: list[str], member: str, how: list[Any]
    ) -> tuple[bool, float]:
        """One run of the acquire script that a cancelled caller cannot leave half-done.

        The script may already be in Redis when the caller is cancelled: it then runs to its
        end, and a slot it granted is removed again (nothing was sent with it), so a storm of
        cancellations leaves no slot counting in Redis that the local stats do not know of.
        """
        attempt = keep_until_done(
            asyncio.ensure_future(self._try_acquire(scope, keys, member, how))
        )
        try:
            return await asyncio.shield(attempt)
        except asyncio.CancelledError:
            attempt.add_done_callback(
                functools.partial(self._drop_if_granted, [keys[0], keys[3]], member)
            )
            raise

    def _drop_if_granted(self, keys: list[str], member: str, attempt: asyncio.Future[Any]) -> None:
        if attempt.cancelled() or attempt.exception() is not None or not attempt.result()[0]:
            return
        keep_until_done(asyncio.ensure_future(self._drop(keys, member)))

    async def _drop(self, keys: list[str], member: str) -> None:
        try:
            with translate_errors(self._address, "returning an unused rate-limit slot"):
                await self._drop_script(keys=keys, args=[member])
        except RedisUnavailableError as error:
            logger.warning("%s; the slot counts until its lease of %.0fs ends", error, self._lease)

    async def _try_acquire(
        self, scope: str, keys: list[str], member: str, how: list[Any]
    ) -> tuple[bool, float]:
        kind, grant, patience = how
        # How soon a background caller that stepped back for another's turn asks again: about
        # the time one slot takes to come round at full use, so slots do not sit idle long.
        retry = max(self._window / self._max_requests, 0.005)
        args: list[Any] = [
            self._max_requests,
            repr(self._window),
            repr(self._lease),
            member,
            1 if scope in self._marked else 0,
            kind,
            grant,
            repr(self.weight(grant)),
            self._reserve_slots,
            1 if self._reserve_always else 0,
            repr(retry),
            repr(2 * (self._jitter + retry) + 0.25),
            "inf" if math.isinf(patience) else repr(patience),
        ]
        with translate_errors(self._address, "acquiring a rate-limit slot", _NOTHING_SENT):
            granted, wait, _now, lost = await self._acquire(keys=keys, args=args)
        self._marked.add(scope)
        if int(lost):
            logger.warning(
                "Redis at %s lost the rate-limit log of quota %r (restarted empty, flushed or "
                "failed over): the server still counts those requests, so every process waits "
                "one window (%.0fs) before sending more",
                self._address,
                scope,
                self._window,
            )
        return int(granted) == 1, float(wait)

    async def release(self, permit: Permit) -> None:
        """Move the slot's score to now (Redis time): it counts one more window from here.

        Runs to completion even if the caller is cancelled meanwhile, and never raises: a
        release Redis could not do is logged, and the slot counts until its lease ends.
        """
        log, _ = self.keys(permit.scope)
        self._stats.release()
        # Sent without waiting for the answer: the response path keeps one round trip per
        # call (the acquire). Until it lands the slot counts as in flight, which only errs
        # on the safe side; `flush()` waits for the releases still on their way.
        task = keep_until_done(
            asyncio.ensure_future(self._move_to_released(log, str(permit.ticket)))
        )
        self._releasing.add(task)
        task.add_done_callback(self._releasing.discard)

    async def flush(self) -> None:
        """Wait until every release sent so far has reached Redis."""
        while self._releasing:
            await asyncio.gather(*self._releasing, return_exceptions=True)

    async def _move_to_released(self, log: str, member: str) -> None:
        try:
            with translate_errors(self._address, "releasing a rate-limit slot"):
                await self._release(
                    keys=[log], args=[repr(self._window), repr(self._lease), member]
                )
        except RedisUnavailableError as error:
            # The slot keeps counting until its lease ends: safe, only slower. The answer
            # the caller is waiting for must not be lost over it.
            logger.warning("%s; the slot counts until its lease of %.0fs ends", error, self._lease)

    async def pause(self, seconds: float, scope: str = DEFAULT_SCOPE) -> None:
        """Stop every process from taking slots of `scope` for `seconds` (a 429)."""
        seconds = check_seconds(seconds, name="pause", where="pause", allow_zero=True)
        milliseconds = math.ceil(seconds * 1000)
        if milliseconds <= 0:
            return
        _, pause_key = self.keys(scope)
        with translate_errors(self._address, "sharing a rate-limit pause"):
            outcome = int(await self._pause(keys=[pause_key], args=[milliseconds]))
        if outcome == 1:
            self._stats.pauses += 1
            logger.warning(
                "Rate limited by the server: pausing quota %r for %.3fs in every process "
                "sharing %s",
                scope,
                seconds,
                self._address,
            )

    def _log_wait(self, scope: str, wait: float) -> None:
        # One line per saturation episode (at most one per window per scope), not per waiter.
        now = self._clock.now()
        if now - self._last_logged.get(scope, -math.inf) >= self._window:
            self._last_logged[scope] = now
            logger.info(
                "Shared rate limit reached for quota %r (%d per %.0fs at %s): requests now "
                "wait for a slot (the next in about %.3fs)",
                scope,
                self._max_requests,
                self._window,
                self._address,
                wait,
            )

    async def reset(self, scope: str = DEFAULT_SCOPE) -> None:
        """Forget every slot and pause of `scope` (for tests and maintenance). The marker
        stays, so that no process takes the reset for lost data."""
        await self.flush()
        keys = [key for key in self._script_keys(scope) if key != self._marker_key(scope)]
        with translate_errors(self._address, "resetting the rate-limit log"):
            await self._redis.delete(*keys)

    async def aclose(self) -> None:
        """Let the releases on their way reach Redis, then close the client if this limiter
        made it from a URL."""
        await self.flush()
        await super().aclose()

    def __repr__(self) -> str:
        # Never raises, even half-built (a failed __init__ seen by an error reporter).
        fields = {
            name: getattr(self, attribute, "<unset>")
            for name, attribute in (
                ("max_requests", "_max_requests"),
                ("window", "_window"),
                ("key_prefix", "_prefix"),
            )
        }
        address = getattr(self, "_address", "<unset>")
        return (
            f"RedisRateLimiter({address!r}, max_requests={fields['max_requests']}, "
            f"window={fields['window']}, key_prefix={fields['key_prefix']!r})"
        )
