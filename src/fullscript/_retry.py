"""When to retry a request, and how long to wait first. Pure decisions, no I/O."""

from __future__ import annotations

import email.utils
import math
import random
from collections.abc import Callable
from datetime import UTC, datetime

import attrs
import httpx2

from ._reprs import never_raising_repr
from ._validation import check_count, check_seconds

__all__ = [
    "RETRY_AS_IDEMPOTENT",
    "RetryPolicy",
    "is_idempotent",
    "is_safe_read",
    "parse_retry_after",
]

RETRY_AS_IDEMPOTENT = "fullscript.retry_as_idempotent"
"""Request extension marking a POST that is safe to repeat (an OAuth refresh or revoke): the
transport then retries it as it would a PUT."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Failures after which the request may or may not have reached the server: only safe to repeat
# for idempotent methods. Read/write timeouts and dropped connections belong here.
_MAYBE_SENT_ERRORS: tuple[type[httpx2.TransportError], ...] = (
    httpx2.TimeoutException,
    httpx2.NetworkError,
    httpx2.RemoteProtocolError,
)
# Failures that prove the request never left: no connection was made. (A pool timeout proves
# it too, but is not retried: it means every connection of our own pool stayed busy for the
# whole pool timeout, and waiting that long again, twice, rarely frees one. It only turned one
# slow minute into three.)
_NOT_SENT_ERRORS: tuple[type[httpx2.TransportError], ...] = (
    httpx2.ConnectError,
    httpx2.ConnectTimeout,
)


def _non_negative(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    check_seconds(value, name=attribute.name, where="RetryPolicy", allow_zero=True)


def _retries_count(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    check_count(value, name=attribute.name, where="RetryPolicy", minimum=0)


def is_idempotent(method: str) -> bool:
    """True for methods whose repetition has the same effect as a single request."""
    return method.upper() in IDEMPOTENT_METHODS


def is_safe_read(method: str) -> bool:
    """True for methods that change nothing on the server (GET, HEAD, OPTIONS, TRACE)."""
    return method.upper() in SAFE_METHODS


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delta-seconds or an HTTP date.

    Returns None when the header is absent or unreadable; a date in the past gives 0.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; some servers omit the zone
        when = when.replace(tzinfo=UTC)
    now = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


@attrs.frozen(repr=False)
class RetryPolicy:
    """How the transport retries failed attempts.

    Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are retried after connection errors,
    timeouts, 429 and 5xx. POST and PATCH are retried only when the request provably never
    reached the server (connect error/timeout) or on 429, which the server sends before
    processing. A pool timeout (no free connection in our own pool) is never retried. Waits grow exponentially from `initial_backoff`, capped at `max_backoff`,
    with full jitter (a uniform draw between 0 and that value). A `Retry-After` header replaces
    the computed wait, capped at `max_retry_after`. A success answer of an idempotent request
    whose body is not JSON is retried like a 5xx.

    List streams add `page_retries`: a page whose request still failed for a transient reason
    after those retries is fetched again, up to that many times (1, 2, 4 s apart, at most
    30 s), so one bad minute does not end a stream of thousands of requests. ``max_retries=0``
    turns every retry off, the stream's included.

        RetryPolicy(max_retries=0)          # never retry
        RetryPolicy(max_retries=5, initial_backoff=1.0)
    """

    __repr__ = never_raising_repr

    max_retries: int = attrs.field(default=2, validator=_retries_count)
    initial_backoff: float = attrs.field(default=0.5, validator=_non_negative)
    max_backoff: float = attrs.field(default=8.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=60.0, validator=_non_negative)
    jitter: bool = True
    page_retries: int = attrs.field(default=3, validator=_retries_count)

    @property
    def stream_page_retries(self) -> int:
        """How often a list stream fetches a failed page again: `page_retries`, or 0 when
        ``max_retries`` is 0 (no retries at all)."""
        return self.page_retries if self.max_retries else 0

    def retries_exception(self, method: str, error: BaseException) -> bool:
        """Whether a request failing with `error` may be sent again (never a pool timeout)."""
        if isinstance(error, httpx2.PoolTimeout):
            return False
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return is_idempotent(method) and isinstance(error, _MAYBE_SENT_ERRORS)

    def retries_status(self, method: str, status_code: int) -> bool:
        """Whether a request answered with `status_code` may be sent again."""
        if status_code == 429:
            return True
        # 501: the server does not implement the operation; asking again cannot change that.
        return is_idempotent(method) and 500 <= status_code <= 599 and status_code != 501

    def retries_malformed_body(self, method: str) -> bool:
        """Whether a success answer whose body is not JSON may be asked for again.

        Only for idempotent methods: repeating a POST that the server reported as done
        would apply it twice.
        """
        return is_idempotent(method)

    def backoff(self, retry_number: int, uniform: Callable[[], float] = random.random) -> float:
        """Wait before retry number `retry_number` (0 for the first retry).

        `uniform` returns a float in [0, 1); inject it to make jitter deterministic.
        """
        ceiling = min(self.max_backoff, self.initial_backoff * 2.0 ** min(retry_number, 64))
        return ceiling * uniform() if self.jitter else ceiling

    def delay(
        self,
        retry_number: int,
        retry_after: float | None = None,
        uniform: Callable[[], float] = random.random,
    ) -> float:
        """The wait before a retry: `Retry-After` (capped) when given, else the backoff."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        return self.backoff(retry_number, uniform)
