"""The one instrumentation seam: what an operation call and its attempts report, and to whom.

When a client has an observer (``hooks=`` or ``telemetry=``), `OperationBinding` opens an
`ObservedCall` for each operation call and makes it current (a context variable) for the code
that call runs. The places that know what happened then report to it, once each:

* the transport: each attempt (after its wait for a rate-limit slot, until the response
  headers or the failure), every retry it decides and every 429 pause;
* the token layer (`RefreshStats`, where refresh outcomes are counted): a refresh made or a
  pair adopted, a failed refresh, a dead grant. These go to the client's observers whether or
  not a call is current (a background refresh belongs to no call), with the call when there is
  one;
* a list stream: a page fetched again after a transient failure.

Hooks and OpenTelemetry are both observers (`CallObserver`) built on this seam; neither adds
code to those places. With no observer nothing is made: each place reads the context variable,
finds None and goes on (tens of nanoseconds per call).

Observers may be sync or async: a method returning an awaitable is awaited where the report is
made from async code, and run as a task where it is made from sync code (token refresh events).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import inspect
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

import attrs

if TYPE_CHECKING:
    import httpx2

    from ._limiters import Permit, RateLimiter, WorkClass

__all__ = [
    "URL_TEMPLATE_EXTENSION",
    "AttemptInfo",
    "CallEvent",
    "CallInfo",
    "CallObserver",
    "ObservedCall",
    "ObservedStream",
    "current_call",
    "detached_from_call",
    "observed_call",
    "report_client_event",
    "report_event",
]


URL_TEMPLATE_EXTENSION = "fullscript.url_template"
"""Request extension carrying the spec's path template of an observed operation's request (set
by the binding; requests without it, such as a token refresh made during the call, are
reported with ``url_template`` None)."""


@attrs.define(eq=False)
class CallInfo:
    """One operation call (e.g. ``patients.retrieve``), as observers see it.

    Attributes:
        operation: ``"<group>.<method>"``, the name you call it by (``patients.retrieve``).
        operation_id: the spec's operation id (the generated module's name).
        http_method: the operation's HTTP method.
        url_template: the spec's path template (``/api/clinic/patients/{id}``), never the path.
        region: the region key (``"us"``, ``"ca-snd"``, ...).
        grant_id: the grant whose token the call carries (often a tenant id: observers that
            export it should let the user opt in).
        page: the page number when the call fetches one page of a list stream.
        work_class: the call's class for the rate limiter (``"interactive"`` or
            ``"background"``; streams and their pages are background unless told otherwise).
        stream: True for a whole list stream (each page is then a call of its own, whose
            ``parent`` is the stream).
        parent: the stream a page call belongs to.
        attempts: attempts of the operation's own request so far (retries and 401 replays
            included; a token refresh made during the call is not one).
        limiter_wait: seconds spent waiting for rate-limit slots, over all attempts.
        started_at: ``time.perf_counter()`` when the call started.
        scratch: per-observer state (an observer keeps what it needs under its own key).
    """

    operation: str
    operation_id: str
    http_method: str
    url_template: str
    region: str
    grant_id: str
    page: int | None = None
    work_class: str = "interactive"
    stream: bool = False
    parent: CallInfo | None = attrs.field(default=None, repr=False)
    attempts: int = 0
    limiter_wait: float = 0.0
    started_at: float = attrs.field(factory=time.perf_counter)
    scratch: dict[object, Any] = attrs.field(factory=dict, repr=False)


@attrs.define(eq=False)
class AttemptInfo:
    """One attempt of a call: one request that reached (or tried to reach) the network.

    Attributes:
        call: the operation call it belongs to.
        method: the HTTP method sent.
        url_template: the path template of the request (the operation's), or None for a
            request the call made on the side (a token refresh).
        server_address, server_port: where it went.
        resend_count: 0 for the first attempt, then 1, 2, ... (retries and 401 replays);
            always 0 for a request on the side.
        quota: the rate-limit quota the attempt counted against.
        limiter_wait: seconds this attempt waited for its rate-limit slot.
        started_at: ``time.perf_counter()`` when it was sent (after the wait).
        duration: seconds until the response headers or the failure (None while in flight).
        status_code: the response status (None when it failed).
        error_type: the failure's class name, or the status code as a string for statuses
            >= 400 (OpenTelemetry's ``error.type``); None on success.
        request_id: the server's ``X-Request-Id``, when it sent one.
    """

    call: CallInfo
    method: str
    url_template: str | None
    server_address: str
    server_port: int
    resend_count: int
    quota: str
    limiter_wait: float
    started_at: float = attrs.field(factory=time.perf_counter)
    duration: float | None = None
    status_code: int | None = None
    error_type: str | None = None
    request_id: str | None = None


@attrs.define(eq=False)
class CallEvent:
    """Something that happened during a call, besides its attempts.

    ``name`` is one of ``"rate_limit.pause"`` (a 429 paused the quota; ``seconds``),
    ``"retry"`` (``reason``, ``delay`` seconds, ``retry`` number), ``"token.refreshed"``,
    ``"token.adopted"`` (a pair rotated elsewhere was used), ``"token.refresh_failed"``,
    ``"grant.dead"`` and ``"page.retry"`` (``page``). ``call`` is None for a token event of a
    refresh made in the background (before expiry, beside the calls). ``attributes`` never
    holds a token, a secret or a query string.
    """

    name: str
    call: CallInfo | None
    attributes: Mapping[str, str | int | float] = attrs.field(factory=dict)


@runtime_checkable
class CallObserver(Protocol):
    """What an observer of calls implements. Each method may return an awaitable."""

    def call_started(self, call: CallInfo) -> Awaitable[None] | None: ...

    def wait_started(self, call: CallInfo, quota: str) -> Awaitable[None] | None:
        """The call starts waiting for a slot of ``quota``."""
        ...

    def wait_ended(self, call: CallInfo, quota: str) -> Awaitable[None] | None:
        """It got the slot, or stopped waiting (refused, cancelled)."""
        ...

    def call_ended(self, call: CallInfo, error: BaseException | None) -> Awaitable[None] | None: ...

    def attempt_started(self, attempt: AttemptInfo) -> Awaitable[None] | None: ...

    def attempt_ended(self, attempt: AttemptInfo) -> Awaitable[None] | None: ...

    def event(self, event: CallEvent) -> Awaitable[None] | None: ...


async def _settle(result: Awaitable[None] | None) -> None:
    if result is not None and inspect.isawaitable(result):
        await result


_background: set[asyncio.Task[None]] = set()


def _settle_later(result: Awaitable[None] | None) -> None:
    """Run an async observer's answer to a report made from sync code, as a task."""
    if result is None or not inspect.isawaitable(result):
        return
    task = asyncio.ensure_future(result)
    _background.add(task)
    task.add_done_callback(_background.discard)


class ObservedCall:
    """A call being observed: the reports of the places that know, handed to the observers."""

    __slots__ = ("_quota", "_wait", "info", "observers")

    def __init__(self, info: CallInfo, observers: tuple[CallObserver, ...]) -> None:
        self.info = info
        self.observers = observers
        self._quota = ""
        self._wait = 0.0

    async def acquire(
        self,
        limiter: RateLimiter,
        quota: str,
        max_wait: float,
        *,
        work_class: WorkClass = "interactive",
        grant: str = "default",
    ) -> Permit:
        """``limiter.acquire``, reporting the wait for the slot to the observers."""
        for observer in self.observers:
            await _settle(observer.wait_started(self.info, quota))
        queued_at = time.perf_counter()
        try:
            return await limiter.acquire(
                quota, max_wait=max_wait, work_class=work_class, grant=grant
            )
        finally:
            self._quota = quota
            self._wait = time.perf_counter() - queued_at
            self.info.limiter_wait += self._wait
            for observer in self.observers:
                # Never skipped, even when cancelled: a gauge of waiting callers must go down.
                _settle_later(observer.wait_ended(self.info, quota))

    async def send(
        self, inner: httpx2.AsyncBaseTransport, request: httpx2.Request
    ) -> httpx2.Response:
        """Send ``request`` (its slot just acquired) through ``inner``, reporting the attempt."""
        attempt = await self._attempt_started(request)
        try:
            response = await inner.handle_async_request(request)
        except BaseException as error:
            attempt.duration = time.perf_counter() - attempt.started_at
            attempt.error_type = type(error).__name__
            await self._attempt_ended(attempt)
            raise
        attempt.duration = time.perf_counter() - attempt.started_at
        attempt.status_code = response.status_code
        attempt.request_id = response.headers.get("x-request-id")
        if response.status_code >= 400:
            attempt.error_type = str(response.status_code)
        await self._attempt_ended(attempt)
        return response

    async def _attempt_started(self, request: httpx2.Request) -> AttemptInfo:
        now = time.perf_counter()
        call = self.info
        url = request.url
        template = request.extensions.get(URL_TEMPLATE_EXTENSION)
        own = isinstance(template, str)
        attempt = AttemptInfo(
            call=call,
            method=request.method,
            url_template=template if own else None,
            server_address=url.host,
            server_port=url.port or (443 if url.scheme == "https" else 80),
            resend_count=call.attempts if own else 0,
            quota=self._quota,
            limiter_wait=self._wait,
            started_at=now,
        )
        if own:
            call.attempts += 1
        for observer in self.observers:
            await _settle(observer.attempt_started(attempt))
        return attempt

    async def _attempt_ended(self, attempt: AttemptInfo) -> None:
        for observer in self.observers:
            await _settle(observer.attempt_ended(attempt))


_current_call: contextvars.ContextVar[ObservedCall | None] = contextvars.ContextVar(
    "fullscript_observed_call", default=None
)


def current_call() -> ObservedCall | None:
    """The operation call being observed here, or None (no observer, or outside a call)."""
    return _current_call.get()


class observed_call:
    """Make ``info`` the current call for the block, telling the observers when it starts and
    how it ends."""

    __slots__ = ("_call", "_token")

    def __init__(self, info: CallInfo, observers: Iterable[CallObserver]) -> None:
        self._call = ObservedCall(info, tuple(observers))
        self._token: contextvars.Token[ObservedCall | None] | None = None

    async def __aenter__(self) -> ObservedCall:
        for observer in self._call.observers:
            await _settle(observer.call_started(self._call.info))
        self._token = _current_call.set(self._call)
        return self._call

    async def __aexit__(self, exc_type: object, error: BaseException | None, tb: object) -> None:
        if self._token is not None:
            _current_call.reset(self._token)
        for observer in self._call.observers:
            await _settle(observer.call_ended(self._call.info, error))


T = TypeVar("T")


class ObservedStream(Generic[T]):
    """One pass over a list stream, observed: a call of its own, with a call per page.

    `AsyncPaginator` makes one per stream (``open_stream``), fetches its pages through
    `fetch_page` and calls `ended` once when the stream stops. A page asked for again (the
    stream's own retry after a transient failure) is reported as a ``page.retry`` event.
    """

    __slots__ = ("_ended", "_fetch", "_fetched", "_page_info", "info", "observers")

    def __init__(
        self,
        info: CallInfo,
        observers: tuple[CallObserver, ...],
        fetch: Callable[[int, int], Awaitable[T]],
        page_info: Callable[[int], CallInfo],
    ) -> None:
        self.info = info
        self.observers = observers
        self._fetch = fetch
        self._page_info = page_info
        self._fetched: set[int] = set()
        self._ended = False
        for observer in observers:
            _settle_later(observer.call_started(info))

    async def fetch_page(self, number: int, size: int) -> T:
        if number in self._fetched:
            event = CallEvent(name="page.retry", call=self.info, attributes={"page": number})
            for observer in self.observers:
                await _settle(observer.event(event))
        self._fetched.add(number)
        page = self._page_info(number)
        page.parent = self.info
        async with observed_call(page, self.observers):
            return await self._fetch(number, size)

    def ended(self, error: BaseException | None = None) -> None:
        if self._ended:
            return
        self._ended = True
        for observer in self.observers:
            _settle_later(observer.call_ended(self.info, error))


def report_client_event(
    observers: tuple[CallObserver, ...], name: str, **attributes: str | int | float
) -> None:
    """Report an event to a client's ``observers`` from sync code, with the current call (if
    any) as its ``call``."""
    if not observers:
        return
    current = _current_call.get()
    event = CallEvent(
        name=name, call=current.info if current is not None else None, attributes=attributes
    )
    for observer in observers:
        _settle_later(observer.event(event))


@contextlib.contextmanager
def detached_from_call() -> Iterator[None]:
    """No call is current inside the block: work started there (a background task) is not
    reported as part of the call that happened to start it."""
    token = _current_call.set(None)
    try:
        yield
    finally:
        _current_call.reset(token)


def report_event(name: str, **attributes: str | int | float) -> None:
    """Report an event of the current call from sync code (nothing happens outside a call)."""
    call = _current_call.get()
    if call is None:
        return
    event = CallEvent(name=name, call=call.info, attributes=attributes)
    for observer in call.observers:
        _settle_later(observer.event(event))
