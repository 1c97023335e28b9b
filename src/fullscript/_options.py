"""Per-call overrides, carried to the transport in a context variable.

The generated operation functions take no per-request settings, so overrides travel beside the
call instead: `use_request_options()` sets them for the code inside the `with` block (the
current task and tasks it starts), and `FullscriptTransport` reads them for each request.

    with use_request_options(RequestOptions(retry=RetryPolicy(max_retries=0))):
        patient = await client.patients.get(patient_id)
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager

import attrs
import httpx2

from ._reprs import never_raising_repr
from ._retry import RetryPolicy

__all__ = ["RequestOptions", "current_request_options", "use_request_options"]


@attrs.frozen(repr=False)
class RequestOptions:
    """Settings that replace the client's for the requests they apply to. None keeps the client's."""

    __repr__ = never_raising_repr

    retry: RetryPolicy | None = None
    timeout: httpx2.Timeout | None = None
    # Longest wait for a rate-limit slot, in seconds (math.inf: no bound).
    max_limiter_wait: float | None = None
    # Longest a whole call may take, in seconds: limiter waits, attempts, backoff and token
    # refresh together (math.inf: none). Enforced by the binding, not by the transport.
    deadline: float | None = None

    @property
    def overrides_nothing(self) -> bool:
        """True when every field is None, so applying these options changes nothing."""
        return self.overrides_no_transport_setting and self.deadline is None

    @property
    def overrides_no_transport_setting(self) -> bool:
        """True when the transport has nothing to read from these options (the deadline,
        if any, travels with each request instead)."""
        return self.retry is None and self.timeout is None and self.max_limiter_wait is None

    def merged_with(self, override: RequestOptions) -> RequestOptions:
        """These options with every field `override` sets replaced."""
        return RequestOptions(
            retry=override.retry if override.retry is not None else self.retry,
            timeout=override.timeout if override.timeout is not None else self.timeout,
            max_limiter_wait=(
                override.max_limiter_wait
                if override.max_limiter_wait is not None
                else self.max_limiter_wait
            ),
            deadline=override.deadline if override.deadline is not None else self.deadline,
        )


_NO_OPTIONS = RequestOptions()
_request_options: contextvars.ContextVar[RequestOptions] = contextvars.ContextVar(
    "fullscript_request_options", default=_NO_OPTIONS
)


def current_request_options() -> RequestOptions:
    """The overrides in effect here (fields are None where the client's settings apply)."""
    return _request_options.get()


@contextmanager
def use_request_options(options: RequestOptions) -> Iterator[RequestOptions]:
    """Apply `options` to requests made inside the block. Nested blocks refine outer ones."""
    effective = _request_options.get().merged_with(options)
    token = _request_options.set(effective)
    try:
        yield effective
    finally:
        _request_options.reset(token)
