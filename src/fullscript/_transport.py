"""The httpx2 transport every Fullscript request goes through: rate limit, retries, 429 pauses.

Wrapping the transport (rather than the client) means every generated operation, and the OAuth
token calls that share the transport, are paced and retried without any per-operation code.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import random
from collections.abc import Callable, Mapping
from typing import Any

import httpx2

from ._clock import Clock, SystemClock
from ._deadline import DEADLINE_EXTENSION, CallDeadline
from ._http_package import refuse_old_httpx
from ._limiters import (
    BACKGROUND,
    DEFAULT_GRANT_ID,
    GRANT_ID_EXTENSION,
    Permit,
    QuotaScope,
    RateLimiter,
    RateLimitWaitExceeded,
    WorkClass,
    give_back,
    host_scope,
)
from ._limiters._rolling_window import synchronous_slots
from ._observation import ObservedCall, current_call, report_event
from ._options import (
    QuotaWatcher,
    current_request_options,
    quota_watcher,
    work_class_in_effect,
)
from ._retry import RETRY_AS_IDEMPOTENT, RetryPolicy, parse_retry_after
from ._validation import check_seconds

__all__ = ["AUTHORIZE_EXTENSION", "FullscriptTransport"]

AUTHORIZE_EXTENSION = "fullscript.authorize"
"""Request extension: a function the transport calls with the request right after each
attempt's slot is granted (the auth layer puts the current token on it there)."""

_TIMEOUTS_KEPT = 64

logger = logging.getLogger("fullscript")


class FullscriptTransport(httpx2.AsyncBaseTransport):
    """Sends each attempt through `limiter`, retrying per the `RetryPolicy`.

    Every attempt, first or retry, waits for `limiter.acquire(scope)`, so the limiter counts
    exactly what reaches the network, and releases its permit when the response headers arrive
    or the attempt fails: the slot then counts for one more window, as the server counts it.
    A `RollingWindowLimiter` with a slot free at once grants and takes it back synchronously
    (`RollingWindowLimiter.acquire_at_once`), so an uncontended attempt awaits nothing for it.
    A wait longer than the maximum fails the call locally with `RateLimitWaitExceeded` and
    sends nothing. A 429 pauses the request's quota for everybody sharing the limiter, for the
    `Retry-After` the server asked for (capped by the policy) or the backoff when it gave none.
    When retries are exhausted the last response is returned (turning it into an exception is
    the client's job) or the last httpx2 exception is raised.

    Per-call `RequestOptions` (see `use_request_options`) replace the retry policy and timeout
    for the requests made inside them.

        transport = FullscriptTransport(
            httpx2.AsyncHTTPTransport(), limiter=RollingWindowLimiter(), retry=RetryPolicy()
        )
        http = httpx2.AsyncClient(transport=transport, timeout=httpx2.Timeout(30.0))

    Args:
        inner: the transport that does the I/O.
        limiter: shared rate limiter; one `acquire()`/`release()` per attempt.
        retry: default retry policy.
        scope: names the quota a request counts against (default: one per server host).
        max_wait: longest wait for a slot, in seconds (default None: the call's timeout,
            the largest of its connect/read/write/pool values; math.inf: no bound).
        clock: where to sleep between attempts; defaults to the event loop's clock.
        jitter_source: returns floats in [0, 1) for backoff jitter; inject for determinism.
    """

    def __init__(
        self,
        inner: httpx2.AsyncBaseTransport,
        *,
        limiter: RateLimiter,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        jitter_source: random.Random | None = None,
        scope: QuotaScope | None = None,
        max_wait: float | None = None,
    ) -> None:
        refuse_old_httpx(
            inner,
            argument="FullscriptTransport(inner)",
            expected="an httpx2 transport (httpx2.AsyncHTTPTransport(), httpx2.MockTransport(handler), ...)",
        )
        self._inner = inner
        self._limiter = limiter
        self._scope: QuotaScope = scope if scope is not None else host_scope
        self._max_wait = (
            check_seconds(
                max_wait,
                name="max_wait",
                where="FullscriptTransport",
                allow_zero=True,
                allow_infinity=True,
            )
            if max_wait is not None
            else None
        )
        self._retry = retry if retry is not None else RetryPolicy()
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._random = jitter_source if jitter_source is not None else random.Random()
        # What a request's timeout values allow (`_timeout_facts`): nearly every request
        # carries the client's default timeout, so this is worked out once, not per call.
        self._timeouts_seen: dict[tuple[object, ...], tuple[float, float]] = {}
        # The limiter's synchronous grant and release of a free slot, when it has them.
        self._at_once = synchronous_slots(limiter)

    @property
    def limiter(self) -> RateLimiter:
        """The rate limiter every attempt waits on."""
        return self._limiter

    @property
    def max_wait(self) -> float | None:
        """The longest wait for a slot given to the transport (None: the call's timeout)."""
        return self._max_wait

    @property
    def retry(self) -> RetryPolicy:
        """The default retry policy (per-call `RequestOptions` may replace it)."""
        return self._retry

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request`` through the limiter, retrying per the policy in effect."""
        options = current_request_options()
        policy = options.retry if options.retry is not None else self._retry
        # The request owns its extensions dict (httpx2 copies the one it is given): it is
        # changed in place, never copied per attempt.
        extensions = request.extensions
        if options.timeout is not None:
            extensions["timeout"] = options.timeout.as_dict()
        if policy.max_retries:
            # Buffer a streamed body so that a retry can send it again.
            await request.aread()

        # The method the retry decisions judge by: a POST marked safe to repeat counts as a PUT.
        method = "PUT" if extensions.get(RETRY_AS_IDEMPOTENT) else request.method
        scope = self._scope(request)
        work_class = work_class_in_effect(options)
        grant = extensions.get(GRANT_ID_EXTENSION, DEFAULT_GRANT_ID)
        timeout = extensions.get("timeout")
        deadline: CallDeadline | None = extensions.get(DEADLINE_EXTENSION)
        # The longest an attempt's wait may last under its own timeouts: while the deadline is
        # further away than that, the timeouts need no clipping.
        bound = self._timeout_facts(timeout)[1] if deadline is not None else math.inf
        max_wait: float | None = None  # worked out when a slot has to be waited for
        # The operation call being observed (hooks, telemetry): None unless the client has some.
        call = current_call()
        # Set by the auth layer: puts the token on the request once its slot is granted, so a
        # request never leaves with a token older than its wait.
        authorize: Callable[[httpx2.Request], None] | None = extensions.get(AUTHORIZE_EXTENSION)
        watcher = quota_watcher()  # a stream showing its progress
        # A free slot is taken synchronously (no coroutine to await) where the limiter offers
        # that and nobody watches the wait.
        at_once = self._at_once if call is None and watcher is None else None
        clipped = False
        retry_number = 0
        while True:
            # One clock read per attempt: the wait for a slot and, when the slot is free at
            # once, the attempt's timeouts are judged from it.
            now = _loop_time() if deadline is not None else 0.0
            permit = at_once[0](scope, work_class, grant) if at_once is not None else None
            if permit is None:
                if max_wait is None:
                    longest = self._timeout_facts(timeout)[0]
                    max_wait = self._max_wait_for(options.max_limiter_wait, work_class, longest)
                permit = await self._acquire(
                    request, scope, work_class, grant, max_wait, deadline, now, call, watcher
                )
                if deadline is not None:
                    now = _loop_time()  # the wait took time
            if authorize is not None:
                authorize(request)
            if deadline is not None:
                # The attempt's timeouts end by the call's deadline. While the deadline is
                # further away than every timeout value, clipping would change nothing.
                if deadline.at - now < bound:
                    extensions["timeout"] = deadline.clipped_timeout(timeout, now)
                    clipped = True
                elif clipped:
                    extensions["timeout"] = timeout
                    clipped = False
                deadline.attempts_sent += 1
            try:
                try:
                    if call is None:
                        response = await self._inner.handle_async_request(request)
                    else:
                        response = await call.send(self._inner, request)
                    malformed = _may_retry_malformed(
                        method, response, retry_number, policy
                    ) and await _is_malformed(response)
                finally:
                    # The server counts the request from its arrival, which happened before
                    # the answer (or the failure) reached us. A release that fails is logged:
                    # it must not replace an answer that already arrived.
                    if at_once is not None:
                        at_once[1](permit)  # bookkeeping in memory: it cannot fail
                    else:
                        await give_back(self._limiter, permit)
            except httpx2.TransportError as error:
                if retry_number >= policy.max_retries or not policy.retries_exception(
                    method, error
                ):
                    raise
                delay = policy.delay(retry_number, uniform=self._random.random)
                if not _fits(deadline, delay):
                    raise  # the deadline would pass before the retry: this failure is final
                self._log_retry(request, retry_number, policy, type(error).__name__, delay)
            else:
                status = response.status_code
                if malformed:
                    delay = policy.delay(retry_number, uniform=self._random.random)
                if malformed and _fits(deadline, delay):
                    await _discard(response)
                    self._log_retry(request, retry_number, policy, "a body that is not JSON", delay)
                    await self._clock.sleep(delay)
                    retry_number += 1
                    continue
                retryable = retry_number < policy.max_retries and policy.retries_status(
                    method, status
                )
                if status == 429 or retryable:
                    retry_after = parse_retry_after(response.headers.get("retry-after"))
                    delay = policy.delay(retry_number, retry_after, uniform=self._random.random)
                if status == 429:
                    # Our count disagrees with the server's (other processes, clock skew):
                    # everybody sharing the limiter waits, not just this request.
                    await self._limiter.pause(delay, scope)
                    report_event("rate_limit.pause", seconds=delay)
                    logger.debug(
                        "Rate limited on %s %s: pausing every request sharing the limiter for %.3fs",
                        request.method,
                        request.url.path,
                        delay,
                    )
                if not retryable or not _fits(deadline, delay):
                    # Retries exhausted, or the deadline would pass before the next one.
                    return response
                await _discard(response)
                self._log_retry(request, retry_number, policy, f"status {status}", delay)
            await self._clock.sleep(delay)
            retry_number += 1

    async def _acquire(
        self,
        request: httpx2.Request,
        scope: str,
        work_class: WorkClass,
        grant: str,
        max_wait: float,
        deadline: CallDeadline | None,
        now: float,
        call: ObservedCall | None,
        watcher: QuotaWatcher | None,
    ) -> Permit:
        """Wait for the attempt's slot: at most ``max_wait``, and never past the deadline."""
        attempt_wait = max_wait if deadline is None else _within(deadline, max_wait, now)
        if watcher is not None:
            watcher.waiting_for_slot(+1)
        try:
            if call is None:
                return await self._limiter.acquire(
                    scope, max_wait=attempt_wait, work_class=work_class, grant=grant
                )
            return await call.acquire(
                self._limiter, scope, attempt_wait, work_class=work_class, grant=grant
            )
        except RateLimitWaitExceeded as refused:
            raise refused.with_request(request.method, _without_query(request.url)) from None
        finally:
            if watcher is not None:
                watcher.waiting_for_slot(-1)

    def _max_wait_for(
        self, per_call: float | None, work_class: WorkClass, longest_timeout: float
    ) -> float:
        if per_call is not None:
            return per_call
        if self._max_wait is not None:
            return self._max_wait
        if work_class == BACKGROUND:
            return math.inf  # background work completes; its deadline is the caller's to give
        return longest_timeout

    def _timeout_facts(self, timeout: object) -> tuple[float, float]:
        """The longest value of a request's timeout extension (`_longest_timeout`) and the
        longest one wait of an attempt may last under it (`_timeout_bound`)."""
        if type(timeout) is not dict:
            return _longest_timeout(timeout), _timeout_bound(timeout)
        # Both depend on the values alone once the four keys are there, as httpx2 sets them.
        values = tuple(timeout.values())
        try:
            return self._timeouts_seen[values]
        except KeyError:
            pass
        except TypeError:  # an unhashable value: nothing to remember it by
            return _longest_timeout(timeout), _timeout_bound(timeout)
        facts = (_longest_timeout(timeout), _timeout_bound(timeout))
        if not timeout.keys() >= _TIMEOUT_KEYS:
            return facts  # not httpx2's: the keys matter too
        if len(self._timeouts_seen) >= _TIMEOUTS_KEPT:
            self._timeouts_seen.clear()  # many distinct per-call timeouts: stay bounded
        self._timeouts_seen[values] = facts
        return facts

    def _log_retry(
        self,
        request: httpx2.Request,
        retry_number: int,
        policy: RetryPolicy,
        reason: str,
        delay: float,
    ) -> None:
        # Method and path only: query strings, headers and bodies may carry personal data
        # or credentials.
        logger.debug(
            "Retrying %s %s (retry %d of %d) after %s in %.3fs",
            request.method,
            request.url.path,
            retry_number + 1,
            policy.max_retries,
            reason,
            delay,
        )
        report_event("retry", retry=retry_number + 1, reason=reason, delay=delay)

    async def aclose(self) -> None:
        """Close the inner transport (and so its connection pool)."""
        await self._inner.aclose()

    def __repr__(self) -> str:
        return f"FullscriptTransport(limiter={self._limiter!r}, retry={self._retry!r})"


class _ParsedOnce:
    """``response.json`` handing out, once, the value the malformed-body check already parsed.

    Later calls, or calls with ``json.loads`` keyword arguments, parse the body again (as
    ``httpx2.Response.json`` does), so every caller still gets a value of its own. It holds the
    body, not the response: a reference back to the response would make each answer a
    reference cycle, freed only by the garbage collector (which then ran about twice as often).
    """

    __slots__ = ("_content", "_value")

    _NOTHING: Any = object()

    def __init__(self, content: bytes, value: Any) -> None:
        self._content = content
        self._value = value

    def __call__(self, **kwargs: Any) -> Any:
        value, self._value = self._value, self._NOTHING
        if value is self._NOTHING or kwargs:
            return json.loads(self._content, **kwargs)
        return value


def _longest_timeout(timeout: object) -> float:
    """The largest of a request's timeout values (inf when none is set)."""
    # httpx2 always puts a plain dict here: test for it before the (slower) ABC check, and
    # take the maximum in one pass instead of building a list on every request.
    if type(timeout) is not dict and not isinstance(timeout, Mapping):
        return math.inf
    longest: float | None = None
    for value in timeout.values():
        if isinstance(value, int | float) and (longest is None or value > longest):
            longest = value
    return float(longest) if longest is not None else math.inf


def _may_retry_malformed(
    method: str, response: httpx2.Response, retry_number: int, policy: RetryPolicy
) -> bool:
    """Whether the body of ``response`` is to be checked for being JSON here: a success answer
    with a body, when a retry could follow. Otherwise the body is left to the client, whose
    parser reports one that is not JSON as a `MalformedResponseError`."""
    status = response.status_code
    return (
        200 <= status <= 299
        and status != 204
        and retry_number < policy.max_retries
        and policy.retries_malformed_body(method)
    )


def _within(deadline: CallDeadline, max_wait: float, now: float) -> float:
    """``max_wait``, shortened to the time the call has left at ``now``."""
    left = max(deadline.remaining(now), 0.0)
    if left < max_wait:
        deadline.wait_clipped = True
        return left
    return max_wait


_TIMEOUT_KEYS = frozenset(("connect", "read", "write", "pool"))


def _timeout_bound(timeout: object) -> float:
    """The longest value of a request's timeout extension, or inf when one of connect, read,
    write and pool is unset: what `CallDeadline.clipped_timeout` leaves unchanged while the
    deadline is at least this far away."""
    if type(timeout) is not dict and not isinstance(timeout, Mapping):
        return math.inf
    if not timeout.keys() >= _TIMEOUT_KEYS:
        return math.inf
    longest = 0.0
    for value in timeout.values():
        if not isinstance(value, int | float) or isinstance(value, bool):
            return math.inf
        longest = max(longest, float(value))
    return longest


async def _is_malformed(response: httpx2.Response) -> bool:
    """Whether a success answer that may be asked for again came with a truncated or
    non-JSON body (see `_may_retry_malformed`)."""
    # Read here, inside the retry loop: a connection dropped mid-body is then retried like
    # one dropped before the answer.
    await response.aread()
    if not response.content:
        return False
    try:
        parsed = json.loads(response.content)
    except ValueError:
        return True
    # The body is parsed once per answer: the client's own `response.json()` gets this value.
    response.json = _ParsedOnce(response.content, parsed)  # type: ignore[method-assign]
    return False


def _loop_time() -> float:
    # The deadline is on the event loop's clock, as asyncio.timeout_at is.
    return asyncio.get_running_loop().time()


def _fits(deadline: CallDeadline | None, delay: float) -> bool:
    """Whether a backoff of ``delay`` seconds ends before the call's deadline (if any)."""
    return deadline is None or delay < deadline.remaining(_loop_time())


def _without_query(url: httpx2.URL) -> str:
    return str(url.copy_with(query=None, fragment=None))


async def _discard(response: httpx2.Response) -> None:
    """Release a response that will be retried; reading the (small) error body first lets
    the connection go back to the pool instead of being torn down."""
    try:
        await response.aread()
    except httpx2.HTTPError:
        pass
    finally:
        await response.aclose()
