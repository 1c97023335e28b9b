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
from typing import Protocol

import attrs
import httpx2

from ._limiters import BACKGROUND, INTERACTIVE, WorkClass
from ._reprs import never_raising_repr
from ._retry import RetryPolicy

__all__ = [
    "QuotaWatcher",
    "RequestOptions",
    "current_request_options",
    "in_stream",
    "quota_watcher",
    "use_request_options",
    "work_class_in_effect",
]


@attrs.frozen(repr=False)
class RequestOptions:
    """Settings that replace the client's for the requests they apply to. None keeps the client's."""

    __repr__ = never_raising_repr

    retry: RetryPolicy | None = None
    timeout: httpx2.Timeout | None = None
    # Longest wait for a rate-limit slot, in seconds (math.inf: no bound).
    max_limiter_wait: float | None = None
    # "interactive" or "background" (None: interactive for calls, background in streams).
    work_class: WorkClass | None = None
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
        return (
            self.retry is None
            and self.timeout is None
            and self.max_limiter_wait is None
            and self.work_class is None
        )

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
            work_class=override.work_class if override.work_class is not None else self.work_class,
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


class QuotaWatcher(Protocol):
    """Told when a stream's request starts (+1) and stops (-1) waiting for a rate-limit slot."""

    def waiting_for_slot(self, change: int) -> None: ...


# Inside a stream's page fetches: (True, the class the stream was given or None, its watcher).
_stream: contextvars.ContextVar[tuple[bool, WorkClass | None, QuotaWatcher | None]] = (
    contextvars.ContextVar("fullscript_stream", default=(False, None, None))
)


@contextmanager
def in_stream(work_class: WorkClass | None, watcher: QuotaWatcher | None = None) -> Iterator[None]:
    """Mark the requests made inside the block as a stream's (class `work_class`, or the
    default: background); `watcher` hears when they wait for a slot."""
    token = _stream.set((True, work_class, watcher))
    try:
        yield
    finally:
        _stream.reset(token)


def quota_watcher() -> QuotaWatcher | None:
    """The watcher of the stream whose request this is, if any."""
    return _stream.get()[2]


def work_class_in_effect(options: RequestOptions) -> WorkClass:
    """The work class of a request: the stream's own setting, else the client's, view's or
    `with_options` setting, else background inside a stream and interactive outside one."""
    streaming, stream_class, _ = _stream.get()
    if stream_class is not None:
        return stream_class
    if options.work_class is not None:
        return options.work_class
    return BACKGROUND if streaming else INTERACTIVE
