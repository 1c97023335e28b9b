"""The binding between the generated resource classes and the façade's behaviour.

The generated ``fullscript_api.api`` package gives every operation a friendly name and a typed
signature, and hands each call to an ``OperationInvoker``. `OperationBinding` is that invoker:
it builds the request with the operation's own generated ``_get_kwargs``, sends it through the
region's ``httpx2.AsyncClient`` (whose ``BearerAuth`` and ``FullscriptTransport`` add tokens,
pacing and retries), maps error statuses to typed exceptions once, parses the answer with the
generated ``_parse_response`` (``_build_response`` when the caller wants the whole `Response`)
and unwraps or pages it. No code here names an operation.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import httpx2
from fullscript_api.api import Operation
from fullscript_api.client import Client as GeneratedClient
from fullscript_api.errors import InvalidPathParameterError
from fullscript_api.types import Response, Unset

from ._arguments import coerce_arguments
from ._deadline import (
    DEADLINE_EXTENSION,
    CallDeadline,
    DeadlineWatch,
    deadline_watch,
    default_deadline,
)
from ._errors import (
    APITimeoutError,
    FullscriptError,
    InvalidParameterError,
    RateLimitError,
    connection_error_from,
    deadline_exceeded_error,
    error_from_response,
    is_malformed_json,
    is_transient_failure,
    malformed_response_error,
)
from ._grants import DEFAULT_GRANT
from ._limiters import BACKGROUND, RateLimitWaitExceeded
from ._observation import (
    URL_TEMPLATE_EXTENSION,
    CallInfo,
    CallObserver,
    ObservedStream,
    observed_call,
)
from ._options import RequestOptions, use_request_options, work_class_in_effect
from ._pagination import AsyncPaginator, Page, PageCountMemory, RememberedPageCounts
from ._regions import Region
from ._retry import RetryPolicy

__all__ = ["ClientState", "OperationBinding", "RegionConnection"]

logger = logging.getLogger("fullscript")

# What a call without options of its own is sent within: nothing to set.
_NO_OPTIONS = contextlib.nullcontext()


# These two are internal plumbing, so plain slotted classes: an attrs class costs about half a
# millisecond of `import fullscript` to build, and nothing here needs attrs' generated methods.
class ClientState:
    """Lifecycle shared by a client and its copies."""

    __slots__ = ("closed",)

    def __init__(self, closed: bool = False) -> None:
        self.closed = closed

    def __repr__(self) -> str:
        return f"ClientState(closed={self.closed!r})"


class RegionConnection:
    """The HTTP side of one grant in one region: its clients share the façade's transport
    (connection pool).

    Attributes:
        region: where requests go.
        http: client with the grant's `BearerAuth`, for operations that need a token.
        anonymous_http: client without auth (OAuth token endpoints), same transport; one per
            region, shared by its grants.
        generated: the generated client (parsers consult its settings); one per region.
        state: open or closed, shared with every copy of the client.
        default_retry: the client's retry policy (per-call options may replace it).
        default_max_limiter_wait: the client's maximum wait for a rate-limit slot, when set.
        grant_id: the grant whose token ``http`` sends.
        observers: told about every call, attempt and event (hooks, telemetry); usually none.
    """

    # Weakly referenced: a grant's connection is freed once idle (see `GrantStates`).
    __slots__ = (
        "__weakref__",
        "anonymous_http",
        "anonymous_url_prefix",
        "default_max_limiter_wait",
        "default_retry",
        "generated",
        "grant_id",
        "http",
        "observers",
        "page_counts",
        "region",
        "state",
        "url_prefix",
    )

    def __init__(
        self,
        *,
        region: Region,
        http: httpx2.AsyncClient,
        anonymous_http: httpx2.AsyncClient,
        generated: GeneratedClient,
        state: ClientState,
        default_retry: RetryPolicy | None = None,
        default_max_limiter_wait: float | None = None,
        grant_id: str = DEFAULT_GRANT,
        observers: tuple[CallObserver, ...] = (),
    ) -> None:
        self.region = region
        self.grant_id = grant_id
        self.observers = observers
        self.http = http
        self.anonymous_http = anonymous_http
        # Each request leaves with an absolute URL: httpx2 then parses it once, where a path
        # relative to the client's base URL is parsed and then merged into it (a second,
        # validating parse: about 15 us a call). Same URL either way (tested).
        self.url_prefix = _url_prefix(http)
        self.anonymous_url_prefix = _url_prefix(anonymous_http)
        # The page counts of the lists this grant streamed, shared by its views (a request
        # handler's `for_grant` view is new each time): made on the first stream.
        self.page_counts: RememberedPageCounts | None = None
        self.generated = generated
        self.state = state
        self.default_retry = default_retry if default_retry is not None else RetryPolicy()
        self.default_max_limiter_wait = default_max_limiter_wait

    def page_count_of(self, list_key: Hashable) -> PageCountMemory:
        """What the grant remembers of one list it streamed: a list streamed again starts
        pages 2..N+1 with page 1 from its count (see `AsyncPaginator`)."""
        if self.page_counts is None:
            self.page_counts = RememberedPageCounts()
        return self.page_counts.of(list_key)

    def __repr__(self) -> str:
        return f"RegionConnection(region={self.region!r}, state={self.state!r})"


def _url_prefix(http: httpx2.AsyncClient) -> str:
    """What a generated path (``/api/...``) is appended to, without its leading slash, to
    give the URL httpx2 would merge from `http`'s base URL (which ends in a slash; printed,
    a root path shows as no path at all)."""
    return str(http.base_url).rstrip("/") + "/"


class OperationBinding:
    """Sends generated operations with the façade's behaviour; implements ``OperationInvoker``."""

    def __init__(self, connection: RegionConnection, options: RequestOptions) -> None:
        self._connection = connection
        # Options that override nothing need no context around the call (about 3 us a call).
        self._options = None if options.overrides_no_transport_setting else options
        # Seconds a whole call may take: the one given, else a multiple of its timeout (and
        # the maximum wait for a slot, when one was set).
        self._deadline = (
            options.deadline
            if options.deadline is not None
            else default_deadline(
                options.timeout or connection.http.timeout,
                options.max_limiter_wait
                if options.max_limiter_wait is not None
                else connection.default_max_limiter_wait,
            )
        )
        # Cancels calls whose deadline passed: the event loop's one watch, looked up on the
        # first call in that loop.
        self._watch: DeadlineWatch | None = None
        self._watch_loop: asyncio.AbstractEventLoop | None = None

        # Background work (streams, syncs) has no default deadline: it completes, at the
        # pace the quota allows. A deadline the caller gave still holds.
        self._default_deadline_only = options.deadline is None
        self._class_setting = RequestOptions(work_class=options.work_class)

    def _deadline_now(self) -> float:
        if self._default_deadline_only and work_class_in_effect(self._class_setting) == BACKGROUND:
            return math.inf
        return self._deadline

    @property
    def region(self) -> Region:
        return self._connection.region

    async def request(self, operation: Operation, arguments: dict[str, Any]) -> Any:
        """Send the operation; return its parsed success body, unwrapped at ``result_key``."""
        if self._connection.observers:
            async with observed_call(self._call_info(operation), self._connection.observers):
                return await self._request(operation, arguments)
        # Unobserved (nearly every call): the same as `_request`, one coroutine fewer.
        parsed = self._parse(operation, await self._send(operation, arguments))
        if operation.result_key is None:
            return parsed
        return _member(parsed, operation.result_key, operation)

    async def _request(self, operation: Operation, arguments: dict[str, Any]) -> Any:
        parsed = self._parse(operation, await self._send(operation, arguments))
        if operation.result_key is None:
            return parsed
        return _member(parsed, operation.result_key, operation)

    async def request_raw(self, operation: Operation, arguments: dict[str, Any]) -> Response[Any]:
        """Send the operation; return the generated `Response` (status, headers, parsed body)."""
        if not self._connection.observers:
            return await self._request_raw(operation, arguments)
        async with observed_call(self._call_info(operation), self._connection.observers):
            return await self._request_raw(operation, arguments)

    async def _request_raw(self, operation: Operation, arguments: dict[str, Any]) -> Response[Any]:
        response = await self._send(operation, arguments)
        built: Response[Any] = _read(
            operation, response, operation.module._build_response, self._connection.generated
        )
        _check_documented(operation, response, built.parsed)
        return built

    def _parse(self, operation: Operation, response: httpx2.Response) -> Any:
        # The parsed body alone: callers that never see the `Response` wrapper skip building
        # it (its HTTPStatus and the instance cost about 1 us a call).
        parsed = _read(
            operation, response, operation.module._parse_response, self._connection.generated
        )
        _check_documented(operation, response, parsed)
        return parsed

    def paginate(
        self,
        operation: Operation,
        arguments: dict[str, Any],
        *,
        page_size: int,
        limit: int | None,
        prefetch: int,
    ) -> AsyncPaginator[Any]:
        """Stream the records of a list operation (see `AsyncPaginator`)."""
        number_param, size_param, items_key = (
            operation.page_number_param,
            operation.page_size_param,
            operation.items_key,
        )
        if number_param is None or size_param is None or items_key is None:
            raise TypeError(f"{operation.name} is not a paginated list operation")

        async def read_page(number: int, size: int) -> Page[Any]:
            page_arguments = {**arguments, number_param: number, size_param: size}
            parsed = self._parse(operation, await self._send(operation, page_arguments))
            items = _member(parsed, items_key, operation)
            return page_from(items, getattr(parsed, "meta", None), number=number, size=size)

        observers = self._connection.observers

        def open_stream() -> ObservedStream[Page[Any]]:
            info = self._call_info(operation)
            info.stream = True
            return ObservedStream(
                info, observers, read_page, lambda number: self._call_info(operation, page=number)
            )

        return AsyncPaginator(
            read_page,
            open_stream=open_stream if observers else None,
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
            page_count=self._connection.page_count_of((operation.name, page_size, repr(arguments))),
            item_key=record_key,
            # List calls are reads: a page that failed for a transient reason is asked again.
            page_retries=self._retry_policy().stream_page_retries,
            is_transient=is_transient_failure,
            quota_wait=quota_wait,
        )

    def _call_info(self, operation: Operation, *, page: int | None = None) -> CallInfo:
        return CallInfo(
            operation=f"{operation.group}.{operation.method_name}",
            operation_id=operation.name,
            http_method=operation.http_method,
            url_template=operation.path,
            region=self._connection.region.key,
            grant_id=self._connection.grant_id,
            page=page,
            work_class=work_class_in_effect(self._class_setting),
        )

    def _retry_policy(self) -> RetryPolicy:
        if self._options is not None and self._options.retry is not None:
            return self._options.retry
        return self._connection.default_retry

    async def _send(self, operation: Operation, arguments: dict[str, Any]) -> httpx2.Response:
        if self._connection.state.closed:
            raise FullscriptError(
                f"cannot call {operation.name}: the Fullscript client has been closed"
            )
        build = operation.module._get_kwargs
        try:
            kwargs: dict[str, Any] = build(**coerce_arguments(operation.name, build, arguments))
        except InvalidPathParameterError as error:
            # Refused before sending: a dot segment would have addressed another endpoint.
            raise InvalidParameterError(
                f"{operation.name}: {error}",
                operation=operation.name,
                parameter=error.parameter,
            ) from None
        extensions: dict[str, Any] = {}
        if self._connection.observers:
            # Observers name the attempt by the spec's template, never the path with ids.
            extensions[URL_TEMPLATE_EXTENSION] = operation.path
        connection = self._connection
        if _path_is_client_authenticated(operation.path):
            http, prefix = connection.anonymous_http, connection.anonymous_url_prefix
        else:
            http, prefix = connection.http, connection.url_prefix
        kwargs["url"] = prefix + kwargs["url"].lstrip("/")
        seconds = self._deadline_now()
        deadline = None
        if seconds != math.inf:
            # The deadline starts now; the transport reads it from the request (see
            # `fullscript._deadline`), and the whole call, token refresh included, is bounded.
            loop = asyncio.get_running_loop()
            deadline = CallDeadline(seconds, loop.time())
            extensions[DEADLINE_EXTENSION] = deadline
        if extensions:
            kwargs["extensions"] = extensions
        options = self._options
        try:
            if deadline is None:
                with _NO_OPTIONS if options is None else use_request_options(options):
                    response = await http.request(**kwargs)
            else:
                watch = self._watch
                if watch is None or self._watch_loop is not loop:
                    watch = self._watch = deadline_watch(loop)
                    self._watch_loop = loop
                watch.start(deadline)
                try:
                    with _NO_OPTIONS if options is None else use_request_options(options):
                        response = await http.request(**kwargs)
                except BaseException as error:
                    if watch.stop(deadline, error):
                        raise TimeoutError from None  # the deadline passed
                    raise
                watch.stop(deadline, None)
        except httpx2.TransportError as error:
            failure = connection_error_from(error, operation=operation.name)
            failure.__cause__ = error  # as `raise failure from error` would set it
            if deadline is not None and isinstance(failure, APITimeoutError) and deadline.passed():
                # An attempt cut short by the deadline.
                raise _exceeded(deadline, kwargs, operation) from failure
            raise failure from error
        except TimeoutError:
            if deadline is None:
                raise
            # The whole call (a token refresh or an attempt included) ran out of time.
            raise _exceeded(deadline, kwargs, operation) from None
        except RateLimitWaitExceeded as refused:
            if deadline is not None and deadline.wait_clipped:
                # The slot would have come after the deadline.
                raise _exceeded(deadline, kwargs, operation) from refused
            raise
        except APITimeoutError as error:
            if deadline is not None and deadline.passed():
                raise _exceeded(deadline, kwargs, operation) from error
            raise
        if logger.isEnabledFor(logging.DEBUG):
            # Method, path and status only: queries and bodies may carry personal data.
            # Guarded: reading the URL path and headers costs microseconds on every call.
            logger.debug(
                "%s %s -> %d (request id %s)",
                response.request.method,
                response.request.url.path,
                response.status_code,
                response.headers.get("x-request-id"),
            )
        if response.status_code >= 400:
            raise error_from_response(response)
        return response


def _exceeded(
    deadline: CallDeadline,
    kwargs: dict[str, Any],
    operation: Operation,
) -> FullscriptError:
    return deadline_exceeded_error(
        method=kwargs["method"].upper(),
        url=httpx2.URL(kwargs["url"]),
        operation=operation.name,
        deadline=deadline.seconds,
        attempts_sent=deadline.attempts_sent,
    )


def quota_wait(error: BaseException) -> float | None:
    """Seconds a stream waits before asking for a page refused for quota again: the wait the
    limiter named, or the server's ``Retry-After``; None for any other failure."""
    if isinstance(error, RateLimitWaitExceeded):
        return error.would_wait if math.isfinite(error.would_wait) else None
    if isinstance(error, RateLimitError) and error.retry_after is not None:
        return error.retry_after
    return None


# OAuth's token and revoke endpoints authenticate the app by the client credentials in the
# body (RFC 6749 section 2.3, RFC 7009): they take no bearer token. Every other operation does.
_CLIENT_AUTHENTICATED_SUFFIXES = ("/oauth/token", "/oauth/revoke")


def is_client_authenticated(operation: Operation) -> bool:
    """True for the OAuth token endpoints, which must be called without a bearer token."""
    return _path_is_client_authenticated(operation.path)


# Asked on every call, of a few dozen path templates: remembered per path.
@functools.cache
def _path_is_client_authenticated(path: str) -> bool:
    return path.rstrip("/").endswith(_CLIENT_AUTHENTICATED_SUFFIXES)


def _read(
    operation: Operation, response: httpx2.Response, reader: Callable[..., Any], client: Any
) -> Any:
    """`reader`'s result (the generated parser); a body that is not JSON is malformed.

    The generated parser reads the body with ``response.json()``, so a body that is not JSON
    (truncated, or not from the API; safe reads were already retried by the transport) shows
    as its decode error rather than being parsed a second time just to check it.
    """
    try:
        return reader(client=client, response=response)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise malformed_response_error(response, operation=operation.name) from None


def _check_documented(operation: Operation, response: httpx2.Response, parsed: Any) -> None:
    if parsed is None and response.content and is_malformed_json(response):
        # A status whose body the generated parser does not read: still not JSON.
        raise malformed_response_error(response, operation=operation.name)
    if parsed is None and response.status_code != 204 and response.content:
        # A success status the spec does not document for this operation: the generated
        # parser gives up rather than guess. Say so instead of returning None.
        raise FullscriptError(
            f"{operation.http_method} {response.request.url.path} answered "
            f"{response.status_code}, which the spec does not document for "
            f"{operation.name}; request id {response.headers.get('x-request-id')}"
        )


def _member(parsed: Any, key: str, operation: Operation) -> Any:
    value = getattr(parsed, key, None)
    if value is None or isinstance(value, Unset):
        raise FullscriptError(f"the answer to {operation.name} has no {key!r}")
    return value


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def page_from(items: Sequence[Any], meta: Any, *, number: int, size: int) -> Page[Any]:
    """A `Page` from a list answer's records and its ``meta`` (which may be missing)."""
    guessed_next = number + 1 if len(items) >= size else None
    if meta is None or isinstance(meta, Unset):
        return Page(items=list(items), current_page=number, next_page=guessed_next)
    current = _int_or_none(getattr(meta, "current_page", None))
    raw_next = getattr(meta, "next_page", None)
    # An absent next_page (Unset) means the server did not say; null means "last page".
    next_page = guessed_next if isinstance(raw_next, Unset) else _int_or_none(raw_next)
    return Page(
        items=list(items),
        current_page=current if current is not None else number,
        next_page=next_page,
        total_pages=_int_or_none(getattr(meta, "total_pages", None)),
        total_count=_int_or_none(getattr(meta, "total_count", None)),
    )


def record_key(record: Any) -> Hashable:
    """A record's identity for de-duplicating pages: its type and ``id``.

    A record without an id gets a fresh key, so it is never taken for a duplicate.
    """
    identifier = getattr(record, "id", None)
    if isinstance(identifier, str | int) and not isinstance(identifier, bool):
        return (type(record).__name__, identifier)
    return object()
