"""When to retry a request, and how long to wait first. Pure decisions, no I/O."""

from __future__ import annotations

import email.utils
import math
import random
from collections.abc import Callable
from datetime import UTC, datetime

import attrs
import httpx

__all__ = ["RetryPolicy", "is_idempotent", "parse_retry_after"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})

# Failures after which the request may or may not have reached the server: only safe to repeat
# for idempotent methods. Read/write timeouts and dropped connections belong here.
_MAYBE_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)
# Failures that prove the request never left: no connection was made, or none was free.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def _non_negative(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


def _retries_count(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {value!r}")


def is_idempotent(method: str) -> bool:
    """True for methods whose repetition has the same effect as a single request."""
    return method.upper() in IDEMPOTENT_METHODS


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


@attrs.frozen
class RetryPolicy:
    """How the transport retries failed attempts.

    Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) are retried after connection errors,
    timeouts, 429 and 5xx. POST and PATCH are retried only when the request provably never
    reached the server (connect error/timeout, pool timeout) or on 429, which the server sends
    before processing. Waits grow exponentially from `initial_backoff`, capped at `max_backoff`,
    with full jitter (a uniform draw between 0 and that value). A `Retry-After` header replaces
    the computed wait, capped at `max_retry_after`.

        RetryPolicy(max_retries=0)          # never retry
        RetryPolicy(max_retries=5, initial_backoff=1.0)
    """

    max_retries: int = attrs.field(default=2, validator=_retries_count)
    initial_backoff: float = attrs.field(default=0.5, validator=_non_negative)
    max_backoff: float = attrs.field(default=8.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=60.0, validator=_non_negative)
    jitter: bool = True

    def retries_exception(self, method: str, error: BaseException) -> bool:
        """Whether a request failing with `error` may be sent again."""
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return is_idempotent(method) and isinstance(error, _MAYBE_SENT_ERRORS)

    def retries_status(self, method: str, status_code: int) -> bool:
        """Whether a request answered with `status_code` may be sent again."""
        if status_code == 429:
            return True
        # 501: the server does not implement the operation; asking again cannot change that.
        return is_idempotent(method) and 500 <= status_code <= 599 and status_code != 501

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
