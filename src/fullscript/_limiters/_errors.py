"""The error a call raises when the limiter would make it wait longer than allowed."""

from __future__ import annotations

import math
from typing import Any

import httpx2

from .._errors import RateLimitError

__all__ = ["RateLimitWaitExceeded"]


class RateLimitWaitExceeded(RateLimitError):
    """The client-side limiter would have made this call wait longer than its maximum wait.

    Nothing was sent. It is a `RateLimitError` (``status_code`` 429, ``retry_after`` = the wait
    it would have needed) so that code handling the server's 429 handles this one too.
    `would_wait` is at least how long the slot was still away, `max_wait` the limit in force
    (default: the call's timeout), `scope` the quota it waited for.
    """

    def __init__(
        self,
        *,
        would_wait: float,
        max_wait: float,
        scope: str,
        method: str = "",
        url: str = "",
        waited: float = 0.0,
    ) -> None:
        what = f"{method} {url}".strip() or "the request"
        already = f"after waiting {waited:.3f}s, " if waited > 0 else ""
        wait_text = "indefinitely" if math.isinf(would_wait) else f"at least {would_wait:.3f}s"
        message = (
            f"client-side rate limit: {already}{what} would have had to wait {wait_text} more "
            f"for a slot in quota {scope!r}, over the maximum wait of {max_wait:.3f}s; nothing "
            "was sent (raise the limit with max_limiter_wait=, or send fewer requests)"
        )
        retry_after = "" if math.isinf(would_wait) else str(max(0, math.ceil(would_wait)))
        headers = httpx2.Headers({"retry-after": retry_after} if retry_after else {})
        super().__init__(message, status_code=429, method=method, url=url, headers=headers)
        self.would_wait = would_wait
        self.max_wait = max_wait
        self.scope = scope
        self.waited = waited

    def with_request(self, method: str, url: str) -> RateLimitWaitExceeded:
        """The same error naming the request it refused (the limiter does not know it)."""
        return RateLimitWaitExceeded(
            would_wait=self.would_wait,
            max_wait=self.max_wait,
            scope=self.scope,
            method=method,
            url=url,
            waited=self.waited,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (self.would_wait, self.max_wait, self.scope, self.method, self.url, self.waited),
        )


def _rebuild(
    would_wait: float, max_wait: float, scope: str, method: str, url: str, waited: float
) -> RateLimitWaitExceeded:
    return RateLimitWaitExceeded(
        would_wait=would_wait, max_wait=max_wait, scope=scope, method=method, url=url, waited=waited
    )
