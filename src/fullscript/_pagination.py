"""Page streaming for list operations (`page[number]` / `page[size]` pagination).

`AsyncPaginator` turns a "fetch page N" function into an async stream of records::

    async for patient in fs.patients.list(page_size=100, prefetch=4):
        ...

    async for page in fs.patients.list().pages():
        print(page.current_page, len(page.items))

Design notes:

* Pages are fetched in order, one at a time by default. With ``prefetch=N``, up to N pages
  beyond the one the caller holds or waits for are in flight or fetched and waiting, however
  long the list (so N + 1 requests run while the caller waits). The window refills as soon as
  room opens or more is known: when a fetch completes (from a done callback, before the
  caller runs again) and when the caller moves on to the next page. Once an answer gave
  ``total_pages``, it reaches only pages known to exist: up to the latest total, never past a
  page that said it was the last, nor further than ``limit`` needs.
* Before the first answer the count is either remembered (an earlier pass over the same list:
  a paginator's previous pass, the stream it resumes, or the client's previous listing with
  the same arguments) or guessed: pages 2..N+1 start alongside page 1 as if the list filled
  the window. Page 1 alone would cost a first listing one whole round trip (for 200 pages at
  N = 20, one against the bound's ten: 9% of it before any other cost). The guess is
  "safe" because only a caller who asked for N pages ahead pays for it (the default prefetch
  is 0), it never exceeds the window (at most N requests past the end of a short list),
  nor what ``limit`` needs, nor a remembered count; `known_pages_only` turns it off for a
  prefetch chosen by default (the webhook catch-up's short event lists). Guesses past the end
  an answer announces are given up at once and counted in ``progress.wasted_pages``: cancelled
  if their request is not yet sent (not started, queued for quota, waiting to ask again),
  else left to finish unread, since cancelling a request on the wire only closes its
  connection; they are never fetched again and their failures never surface. Should the list
  grow again, a dropped page is asked for anew.
  An answer without a total ends the guess (no further page starts before it is known to
  exist). Records are still yielded strictly in order, each once.
* Every stream owns its in-flight fetches. Breaking out of the loop, an exception, or
  cancellation of the consuming task cancels them; nothing is left running (but a guess past
  the end already on the wire, finishing unread, see above).
* Offset pagination over a changing collection can shift records across page boundaries.
  The stream ends on the first page that says so (``next_page`` null, or no records), never
  asks for a page number twice (but for a guess dropped past an announced end that the list
  then grew over), and, when records have a key (``item_key``), drops records it
  has just yielded so a shift does not produce duplicates. A page made only of such repeats is
  skipped while the server's ``total_pages`` says more pages follow; it ends the stream only
  when the server gave no total (a server ignoring ``page[number]`` would otherwise be paged
  forever), with a warning logged.
* A page whose fetch fails for a transient reason (``is_transient``: connection dropped, 5xx,
  429, truncated body), after the transport's own retries, is fetched again by the stream, up
  to ``page_retries`` more times with a growing pause (1, 2, 4, ... s, at most 30 s). A long
  stream is many requests: retries per request alone make its failure likely however small
  each request's chance of failing, while a page retried on its own fails only when one page
  keeps failing for that long. Pages before it are never fetched again, and the order holds.
* When a stream does fail, the error gets ``resume_page`` (the page that failed) and a note
  saying so: ``paginator.starting_at(error.resume_page)`` continues where it stopped.
* A stream's requests are **background** work for the rate limiter unless the stream, or the
  client it came from, says otherwise (`with_work_class`): they give way to interactive calls
  and wait for quota without a time limit. A page refused for quota (the limiter's
  `RateLimitWaitExceeded`, the server's 429 after the transport's own retries) is fetched
  again once the wait it named is over (``quota_wait``), without using a page retry: a full
  window is not a failure of the page.
* `progress` tells where a stream is (pages, records, whether and until when it waits for
  quota), read whenever the caller likes, with no log line per page.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import math
import weakref
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Generator, Hashable, Sequence
from typing import Any, Generic, TypeVar

import attrs

from ._limiters import WorkClass, check_work_class
from ._observation import ObservedStream
from ._options import in_stream
from ._reprs import never_raising_repr
from ._validation import check_count

__all__ = [
    "MAX_PAGE_SIZE",
    "AsyncPaginator",
    "Page",
    "PageCountMemory",
    "RememberedPageCounts",
    "StreamProgress",
]

T = TypeVar("T")

logger = logging.getLogger("fullscript")

MAX_PAGE_SIZE = 100
"""The API's largest accepted ``page[size]``."""

FetchPage = Callable[[int, int], Awaitable["Page[T]"]]
"""``fetch_page(page_number, page_size)``: fetch one page (numbers are 1-based)."""

DEFAULT_PAGE_RETRIES = 3
"""How often a stream fetches a page again after a transient failure (on top of the
transport's retries of each request)."""
MAX_PAGE_RETRY_WAIT = 30.0
"""Longest pause (seconds) before the stream fetches a failed page again."""
MAX_QUOTA_WAITS = 1000
"""How often one page may be refused for quota and waited out before the refusal is raised
(a bound against a server that answers 429 for ever, far above any real backlog)."""

QuotaWait = Callable[[BaseException], "float | None"]
"""``quota_wait(error)``: seconds to wait before asking again when ``error`` is a refusal for
quota (not a failure of the page), else None."""


@attrs.frozen(repr=False)
class StreamProgress:
    """Where a stream is (`AsyncPaginator.progress`, or an iterator's ``progress``).

    Attributes:
        pages: pages handed out so far.
        records: records handed out so far.
        quota_waits: times a page was refused for quota and waited out.
        page_retries: times a page was fetched again after a transient failure.
        wasted_pages: pages asked for past the end of the list, then cancelled or discarded:
            the guesses of a window started before the page count was known, or the tail of
            a list that shrank (a cancelled one may never have reached the server).
        waiting_for_slot: the stream's requests queued in the rate limiter right now.
        waiting_until: the event loop time (``loop.time()``) when the current wait out of a
            refusal for quota ends (a 429's ``Retry-After``), or None.
        finished: whether the stream has ended.
    """

    __repr__ = never_raising_repr

    pages: int = 0
    records: int = 0
    quota_waits: int = 0
    page_retries: int = 0
    wasted_pages: int = 0
    waiting_for_slot: int = 0
    waiting_until: float | None = None
    finished: bool = False

    @property
    def waiting_for_quota(self) -> bool:
        """Whether the stream is waiting for quota right now (queued for a slot, or waiting
        out a refusal)."""
        return self.waiting_for_slot > 0 or self.waiting_until is not None


class _Progress:
    """The mutable counters behind `StreamProgress`, shared by a stream and its fetches."""

    __slots__ = (
        "finished",
        "page_retries",
        "pages",
        "queued",
        "quota_waits",
        "records",
        "waits",
        "wasted_pages",
    )

    def __init__(self) -> None:
        self.pages = 0
        self.records = 0
        self.quota_waits = 0
        self.page_retries = 0
        self.wasted_pages = 0
        self.finished = False
        self.queued = 0
        # Ends of the quota waits under way (several prefetched pages may wait at once).
        self.waits: list[float] = []

    def waiting_for_slot(self, change: int) -> None:
        """A request of the stream started (+1) or stopped (-1) waiting in the rate limiter."""
        self.queued += change

    def snapshot(self) -> StreamProgress:
        return StreamProgress(
            pages=self.pages,
            records=self.records,
            quota_waits=self.quota_waits,
            page_retries=self.page_retries,
            wasted_pages=self.wasted_pages,
            waiting_for_slot=self.queued,
            waiting_until=max(self.waits) if self.waits else None,
            finished=self.finished,
        )


@attrs.frozen(repr=False)
class Page(Generic[T]):
    """One page of a list response: its records plus the server's paging metadata."""

    __repr__ = never_raising_repr

    items: Sequence[T]
    current_page: int
    next_page: int | None
    total_pages: int | None = None
    total_count: int | None = None

    @property
    def has_next_page(self) -> bool:
        """Whether the server says another page follows this one."""
        return self.next_page is not None


def validate_page_size(page_size: int) -> int:
    """Return ``page_size`` if the API accepts it (1 to `MAX_PAGE_SIZE`, the API's maximum),
    else raise `InvalidParameterError` saying why."""
    return check_count(page_size, name="page_size", where="paginate", maximum=MAX_PAGE_SIZE)


class AsyncPaginator(Generic[T]):
    """A lazily fetched, re-iterable list of records spread over pages.

    Nothing is fetched until you iterate or await:

    * ``async for item in paginator`` streams every record (up to ``limit``);
    * ``async for page in paginator.pages()`` streams whole pages;
    * ``await paginator`` or ``await paginator.first_page()`` fetches only the first page;
    * ``await paginator.to_list()`` collects the records.

    Each iteration starts a fresh stream from ``start_page``.

    Args:
        fetch_page: ``fetch_page(page_number, page_size)`` returning a `Page`.
        page_size: records per request, 1 to 100.
        limit: stop after this many records (``None``: all of them).
        prefetch: how many pages may be fetched ahead of the one being consumed (0: none).
        start_page: the first page number to ask for (1-based).
        item_key: optional key of a record (e.g. its id), used to drop records the stream
            has just yielded when the collection shifts while paging.
        page_retries: how often a page is fetched again after a failure ``is_transient``
            accepts (0: never).
        is_transient: which failures of ``fetch_page`` are worth fetching the page again
            (default: none).
        quota_wait: which failures are refusals for quota, and how long to wait them out
            (default: none); these never use a page retry.
        work_class: the rate limiter's work class of the stream's requests (default None:
            the client's setting, else ``"background"``).
        open_stream: for observed clients (hooks, telemetry): makes the `ObservedStream`
            each pass fetches its pages through.
        page_count: where the list's page count is remembered between passes (and shared
            with `starting_at` copies); a client passes one per list it streamed before, so
            a new paginator over the same list starts its prefetch window with page 1.
        guess_page_count: with a prefetch and no page count known before the first answer,
            start pages 2..N+1 alongside page 1 as if the list filled the window (False:
            page 1 alone, see `known_pages_only`).
    """

    def __init__(
        self,
        fetch_page: FetchPage[T],
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        prefetch: int = 0,
        start_page: int = 1,
        item_key: Callable[[T], Hashable] | None = None,
        page_retries: int = DEFAULT_PAGE_RETRIES,
        is_transient: Callable[[BaseException], bool] | None = None,
        quota_wait: QuotaWait | None = None,
        work_class: WorkClass | None = None,
        open_stream: Callable[[], ObservedStream[Page[T]]] | None = None,
        page_count: PageCountMemory | None = None,
        guess_page_count: bool = True,
    ) -> None:
        self._fetch_page = fetch_page
        self._open_stream = open_stream
        self.guess_page_count = guess_page_count
        self.page_size = validate_page_size(page_size)
        where = "AsyncPaginator"
        self.limit = (
            None if limit is None else check_count(limit, name="limit", where=where, minimum=0)
        )
        self.prefetch = check_count(prefetch, name="prefetch", where=where, minimum=0)
        self.start_page = check_count(start_page, name="start_page", where=where)  # 1-based
        self.page_retries = check_count(page_retries, name="page_retries", where=where, minimum=0)
        self._item_key = item_key
        self._is_transient = is_transient
        self._quota_wait = quota_wait
        self.work_class = None if work_class is None else check_work_class(work_class, where=where)
        self._progress: _Progress | None = None
        self._page_count = page_count if page_count is not None else PageCountMemory()

    def starting_at(self, page: int) -> AsyncPaginator[T]:
        """The same stream, beginning at page ``page`` (e.g. an error's ``resume_page``)."""
        return self._copy(
            start_page=page, work_class=self.work_class, guess_page_count=self.guess_page_count
        )

    def with_work_class(self, work_class: WorkClass) -> AsyncPaginator[T]:
        """The same stream, its requests of ``work_class`` for the rate limiter: streams are
        ``"background"`` unless told otherwise; ``"interactive"`` when a user waits on it::

            page = await fs.patients.list(limit=20).with_work_class("interactive").to_list()
        """
        return self._copy(
            start_page=self.start_page,
            work_class=work_class,
            guess_page_count=self.guess_page_count,
        )

    def known_pages_only(self) -> AsyncPaginator[T]:
        """The same stream, its prefetch reaching only pages known to exist: before the first
        answer (and with no count remembered) page 1 goes alone instead of with guesses of
        pages 2..N+1. For a prefetch chosen by default on lists that are often one page long,
        where guesses would be wasted requests::

            events = fs.events.list_order_events(page_size=100, prefetch=4).known_pages_only()
        """
        return self._copy(
            start_page=self.start_page, work_class=self.work_class, guess_page_count=False
        )

    def _copy(
        self,
        *,
        start_page: int,
        work_class: WorkClass | None,
        guess_page_count: bool,
    ) -> AsyncPaginator[T]:
        return AsyncPaginator(
            self._fetch_page,
            page_size=self.page_size,
            limit=self.limit,
            prefetch=self.prefetch,
            start_page=start_page,
            item_key=self._item_key,
            page_retries=self.page_retries,
            is_transient=self._is_transient,
            quota_wait=self._quota_wait,
            work_class=work_class,
            open_stream=self._open_stream,
            page_count=self._page_count,  # the same list: its page count is known
            guess_page_count=guess_page_count,
        )

    @property
    def progress(self) -> StreamProgress:
        """Where the latest stream started from this paginator is (all zero before one)::

        sync = fs.patients.list()
        async for patient in sync:
            ...  # elsewhere: sync.progress.records, sync.progress.waiting_until
        """
        return self._progress.snapshot() if self._progress is not None else StreamProgress()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(page_size={self.page_size}, limit={self.limit}, "
            f"prefetch={self.prefetch}, start_page={self.start_page})"
        )

    def _stream(self, *, prefetch: int | None = None, streaming: bool = True) -> _PageStream[T]:
        progress = _Progress()
        if streaming:
            self._progress = progress
        return _PageStream(
            self._fetch_page,
            page_size=self.page_size,
            limit=self.limit,
            prefetch=self.prefetch if prefetch is None else prefetch,
            start_page=self.start_page,
            item_key=self._item_key,
            page_retries=self.page_retries,
            is_transient=self._is_transient,
            quota_wait=self._quota_wait,
            work_class=self.work_class,
            streaming=streaming,
            progress=progress,
            open_stream=self._open_stream,
            page_count=self._page_count,
            guess_page_count=self.guess_page_count,
        )

    def __aiter__(self) -> ItemIterator[T]:
        return ItemIterator(self._stream())

    def pages(self) -> PageIterator[T]:
        """Stream whole pages (the last one trimmed to ``limit``)."""
        return PageIterator(self._stream())

    async def first_page(self) -> Page[T]:
        """Fetch only the first page (``start_page``), trimmed to ``limit``."""
        # One page is a call, not a stream: interactive unless the stream or client says not.
        stream = self._stream(prefetch=0, streaming=self.work_class is not None)
        try:
            page = await stream.next_page()
        finally:
            await stream.aclose()
        if page is None:  # limit == 0, or the server answered another page than start_page
            return Page(items=(), current_page=self.start_page, next_page=None)
        return page

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self.first_page().__await__()

    async def to_list(self) -> list[T]:
        """Collect every record (up to ``limit``) into a list."""
        iterator = self.__aiter__()
        try:
            return [item async for item in iterator]
        finally:
            await iterator.aclose()


class PageIterator(Generic[T]):
    """Async iterator over pages. Leaving ``async with``, ``aclose()`` or dropping it cancels
    in-flight fetches::

        async with paginator.pages() as pages:
            async for page in pages:
                ...
    """

    def __init__(self, stream: _PageStream[T]) -> None:
        self._stream = stream

    def __aiter__(self) -> PageIterator[T]:
        return self

    async def __anext__(self) -> Page[T]:
        page = await self._stream.next_page()
        if page is None:
            raise StopAsyncIteration
        return page

    async def __aenter__(self) -> PageIterator[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def progress(self) -> StreamProgress:
        """Where this stream is: pages, records, waits for quota."""
        return self._stream.progress

    async def aclose(self) -> None:
        """Stop the stream and wait until its in-flight fetches are cancelled."""
        await self._stream.aclose()


class ItemIterator(Generic[T]):
    """Async iterator over records. Leaving ``async with``, ``aclose()`` or dropping it cancels
    in-flight fetches (``async with aiter(paginator) as items: ...``)."""

    def __init__(self, stream: _PageStream[T]) -> None:
        self._stream = stream
        self._items: deque[T] = deque()

    def __aiter__(self) -> ItemIterator[T]:
        return self

    async def __anext__(self) -> T:
        while not self._items:
            page = await self._stream.next_page()
            if page is None:
                raise StopAsyncIteration
            self._items.extend(page.items)
        return self._items.popleft()

    async def __aenter__(self) -> ItemIterator[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def progress(self) -> StreamProgress:
        """Where this stream is: pages, records, waits for quota."""
        return self._stream.progress

    async def aclose(self) -> None:
        """Stop the stream and wait until its in-flight fetches are cancelled."""
        self._items.clear()
        await self._stream.aclose()


class _PageFetch:
    """One page's fetch as its stream sees it: it passes the rate limiter's waits on to the
    stream's progress and so knows whether its request may be on the wire."""

    __slots__ = ("past_end", "progress", "queued", "sent")

    def __init__(self, progress: _Progress) -> None:
        self.progress = progress
        self.queued = 0
        self.sent = False  # out of the limiter and not failed since: the server may have it
        self.past_end = False  # dropped by its stream: no retry, nobody reads the answer

    def waiting_for_slot(self, change: int) -> None:
        self.progress.waiting_for_slot(change)
        self.queued += change
        self.sent = change < 0 and self.queued == 0


async def _fetch(
    fetch_page: FetchPage[T],
    number: int,
    size: int,
    how: _FetchRules,
    watch: _PageFetch,
) -> Page[T]:
    # A free function (not a method) so that running fetches hold no reference to the
    # stream: dropping the iterator then finalises the stream at once and cancels them.
    if how.streaming:
        with in_stream(how.work_class, watch):
            return await _fetch_with_retries(fetch_page, number, size, how, watch)
    return await _fetch_with_retries(fetch_page, number, size, how, watch)


async def _fetch_with_retries(
    fetch_page: FetchPage[T],
    number: int,
    size: int,
    how: _FetchRules,
    watch: _PageFetch,
) -> Page[T]:
    progress = watch.progress
    attempt = 0
    quota_waits = 0
    while True:
        try:
            return await fetch_page(number, size)
        except Exception as error:
            watch.sent = False
            if watch.past_end:
                raise  # a page past the end: its answer is dropped, so is its failure
            wait = how.quota_wait(error) if how.quota_wait is not None else None
            if wait is not None and quota_waits < MAX_QUOTA_WAITS:
                # A full window is no failure of the page: wait it out, keep the retries.
                quota_waits += 1
                progress.quota_waits += 1
                loop = asyncio.get_running_loop()
                ends = loop.time() + wait
                progress.waits.append(ends)
                try:
                    await asyncio.sleep(wait)
                finally:
                    progress.waits.remove(ends)
                continue
            transient = how.is_transient is not None and how.is_transient(error)
            if attempt >= how.retries or not transient:
                _mark_resume_page(error, number)
                raise
            pause = min(MAX_PAGE_RETRY_WAIT, 2.0**attempt)
            logger.debug(
                "list stream: page %d failed (%s); fetching it again in %.0fs (%d of %d)",
                number,
                type(error).__name__,
                pause,
                attempt + 1,
                how.retries,
            )
            progress.page_retries += 1
            await asyncio.sleep(pause)
            attempt += 1


@attrs.frozen
class _FetchRules:
    """How a stream fetches each page: retries, quota waits, work class."""

    retries: int
    is_transient: Callable[[BaseException], bool] | None
    quota_wait: QuotaWait | None
    work_class: WorkClass | None
    streaming: bool


def _mark_resume_page(error: Exception, number: int) -> None:
    """Tell the caller where the stream stopped: ``error.resume_page`` and a note."""
    try:
        error.resume_page = number  # type: ignore[attr-defined]
    except AttributeError:  # an exception type with __slots__
        return
    error.add_note(
        f"the list stream stopped at page {number}; paginator.starting_at({number}) "
        "continues from there"
    )


_finishing_past_end: set[asyncio.Task[Any]] = set()
"""Fetches of pages past the end whose requests were on the wire: left to finish, unread."""


def _consume_outcome(task: asyncio.Task[Any]) -> None:
    # A fetch abandoned after the stream stopped may have failed; mark its exception as
    # retrieved so asyncio does not log "exception was never retrieved" for it.
    if not task.cancelled():
        task.exception()


class PageCountMemory:
    """The list's page count as the latest answer of any pass gave it (``total_pages``)."""

    __slots__ = ("total_pages",)

    def __init__(self) -> None:
        self.total_pages: int | None = None


class RememberedPageCounts:
    """The page counts of the lists a client streamed, by list; the least recently streamed
    are forgotten beyond `capacity` lists."""

    def __init__(self, capacity: int = 256) -> None:
        self._counts: OrderedDict[Hashable, PageCountMemory] = OrderedDict()
        self._capacity = capacity

    def of(self, list_key: Hashable) -> PageCountMemory:
        """The memory of one list (the same object each time, while remembered)."""
        memory = self._counts.pop(list_key, None)
        if memory is None:
            memory = PageCountMemory()
        self._counts[list_key] = memory
        if len(self._counts) > self._capacity:
            self._counts.popitem(last=False)
        return memory


def _refill_on_completion(stream: weakref.ref[_PageStream[Any]], task: asyncio.Task[Any]) -> None:
    # Holds the stream weakly, like `_fetch`: a running fetch must not keep a dropped stream
    # (and so its other fetches) alive.
    live = stream()
    if live is not None:
        live._fetch_completed(task)


class _RecentKeys:
    """The keys of the last `capacity` records yielded (bounded, unlike a set of all keys)."""

    def __init__(self, capacity: int) -> None:
        self._order: deque[Hashable] = deque()
        self._keys: set[Hashable] = set()
        self._capacity = capacity

    def __contains__(self, key: Hashable) -> bool:
        return key in self._keys

    def add(self, key: Hashable) -> None:
        if key in self._keys:
            return
        self._order.append(key)
        self._keys.add(key)
        if len(self._order) > self._capacity:
            self._keys.discard(self._order.popleft())


class _PageStream(Generic[T]):
    """One pass over the pages: schedules fetches, hands pages out in order, owns the tasks."""

    def __init__(
        self,
        fetch_page: FetchPage[T],
        *,
        page_size: int,
        limit: int | None,
        prefetch: int,
        start_page: int,
        item_key: Callable[[T], Hashable] | None,
        page_retries: int = 0,
        is_transient: Callable[[BaseException], bool] | None = None,
        quota_wait: QuotaWait | None = None,
        work_class: WorkClass | None = None,
        streaming: bool = True,
        progress: _Progress | None = None,
        open_stream: Callable[[], ObservedStream[Page[T]]] | None = None,
        page_count: PageCountMemory | None = None,
        guess_page_count: bool = True,
    ) -> None:
        self._observed = open_stream() if open_stream is not None else None
        self._fetch_page = self._observed.fetch_page if self._observed is not None else fetch_page
        self._rules = _FetchRules(page_retries, is_transient, quota_wait, work_class, streaming)
        self._progress = progress if progress is not None else _Progress()
        self._page_size = page_size
        self._limit = limit
        self._prefetch = prefetch
        self._item_key = item_key
        self._pending: deque[tuple[int, asyncio.Task[Page[T]], _PageFetch]] = deque()
        self._abandoned: list[asyncio.Task[Page[T]]] = []  # cancelled, maybe still unwinding
        self._next_number = start_page
        self._last_page_number: int | None = None  # as announced by the server (total_pages)
        self._delivered = 0
        # Prefetch window state (see `_refill`).
        self._page_count = page_count if page_count is not None else PageCountMemory()
        # Before any answer: the count an earlier pass saw or, failing that and only when the
        # caller asked for a prefetch, the guess that the list fills the window.
        self._expected_last = self._page_count.total_pages
        self._guessing = self._expected_last is None and prefetch > 0 and guess_page_count
        if self._guessing:
            self._expected_last = start_page + prefetch
        self._last_accepted = start_page - 1
        self._end_seen: int | None = None  # a page that said it was the last one
        self._waiting = False  # the consumer awaits the first pending fetch
        self._finished = limit == 0
        # Shifts of up to a few pages are caught; older keys are forgotten to bound memory.
        self._recent = _RecentKeys(page_size * (prefetch + 2))

    @property
    def progress(self) -> StreamProgress:
        """Where this stream is."""
        return self._progress.snapshot()

    async def next_page(self) -> Page[T] | None:
        """The next page in order, or None when the stream has ended."""
        while not self._finished:
            if not self._pending:
                self._schedule(self._next_number)
            number, task, _ = self._pending[0]
            # The page waited for is the consumer's now: the window runs `prefetch` beyond it
            # (at the start, pages known to exist start alongside the first).
            self._waiting = True
            self._refill()
            try:
                page = await task
            except BaseException as error:
                # Failure or cancellation of the consumer: nothing more will be read.
                self._finish(error)
                raise
            finally:
                self._waiting = False
            self._pending.popleft()
            result = self._accept(number, page)
            if not self._finished:
                self._last_accepted = number
                self._refill()
            if result is not None:
                self._progress.pages += 1
                self._progress.records += len(result.items)
                return result
            # A page holding only records already yielded: skipped, the next one follows.
        # Ended: the fetches it gave up unwind before the stream says so, so none outlives
        # it (their spans and hooks end) and its progress is final.
        await self._settle_abandoned()
        return None

    def _accept(self, number: int, page: Page[T]) -> Page[T] | None:
        if page.current_page != number:
            # Not the page we asked for (a server ignoring page[number]): its records would
            # repeat ones already yielded and following it could loop forever.
            self._finish()
            return None
        self._learn(number, page)
        items = self._new_items(page.items)
        only_repeats = bool(page.items) and not items
        if only_repeats and (self._last_page_number is None or number >= self._last_page_number):
            # Every record already yielded and no total from the server that says more pages
            # follow: the one sign of a server that ignores page[number] (without this, such
            # a server would be paged forever). With a total, a page of repeats is a shift
            # (records inserted in front) and is skipped instead, so no records are lost.
            if page.next_page is not None and self._last_page_number is None:
                logger.warning(
                    "list stream stopped at page %d: it repeated only records already "
                    "yielded and the server gave no total_pages",
                    number,
                )
            self._finish()
            return None
        if self._limit is not None:
            items = items[: self._limit - self._delivered]
        self._delivered += len(items)
        at_end = (
            page.next_page is None
            or not page.items
            # A server that ignores page[number] keeps pointing at a page we already asked for.
            or page.next_page <= number
        )
        if at_end:
            while self._pending:  # all of them past the end
                self._let_go(*self._pending.popleft())
        if at_end or (self._limit is not None and self._delivered >= self._limit):
            self._finish()
        if only_repeats:
            return None
        if len(items) != len(page.items):
            page = attrs.evolve(page, items=items)
        return page

    def _new_items(self, items: Sequence[T]) -> Sequence[T]:
        if self._item_key is None:
            return items
        fresh: list[T] = []
        for item in items:
            key = self._item_key(item)
            if key not in self._recent:
                self._recent.add(key)
                fresh.append(item)
        return fresh

    # --- prefetch window ------------------------------------------------------------------------

    def _schedule(self, number: int) -> None:
        watch = _PageFetch(self._progress)
        task = asyncio.ensure_future(
            _fetch(self._fetch_page, number, self._page_size, self._rules, watch)
        )
        task.add_done_callback(_consume_outcome)
        if self._prefetch:
            task.add_done_callback(functools.partial(_refill_on_completion, weakref.ref(self)))
        self._pending.append((number, task, watch))
        self._next_number = number + 1

    def _fetch_completed(self, task: asyncio.Task[Page[T]]) -> None:
        """A fetch finished: learn what its page says about the list, then refill at once."""
        if self._finished or task.cancelled() or task.exception() is not None:
            return  # a failed page stops the stream when reached: fetch nothing more for it
        number = next((n for n, pending, _ in self._pending if pending is task), None)
        page = task.result()
        if number is None or page.current_page != number:
            return  # taken already, or not the page asked for (`_accept` decides)
        self._learn(number, page)
        self._refill()

    def _learn(self, number: int, page: Page[T]) -> None:
        """Note what an answer says about the list: its page count, or that it ends here."""
        if page.total_pages is not None:
            # The latest answer wins: totals may grow or shrink while we page.
            self._last_page_number = page.total_pages
            self._page_count.total_pages = page.total_pages
        elif self._guessing:
            self._expected_last = None  # a server that gives no count: guess no further
        self._guessing = False
        if page.next_page is None or not page.items:
            self._end_seen = number if self._end_seen is None else min(self._end_seen, number)

    def _undelivered(self) -> int:
        """Pages in flight or fetched beyond the one the consumer holds or waits for."""
        return len(self._pending) - 1 if self._waiting and self._pending else len(self._pending)

    def _last_wanted(self) -> int:
        """The last page number the window may ask for now."""
        known = self._last_page_number
        if known is None:
            known = self._expected_last
        if known is None:
            return 0  # without a known total, fetching ahead would be guessing
        if self._end_seen is not None:
            known = min(known, self._end_seen)
        if self._limit is not None:
            remaining = self._limit - self._delivered
            known = min(known, self._last_accepted + math.ceil(remaining / self._page_size))
        return known

    def _refill(self) -> None:
        """Start fetches until `prefetch` pages are undelivered or no known page is left."""
        if self._prefetch == 0 or self._finished:
            return
        self._drop_pages_past_end()
        last_wanted = self._last_wanted()
        while self._undelivered() < self._prefetch and self._next_number <= last_wanted:
            self._schedule(self._next_number)

    def _drop_pages_past_end(self) -> None:
        """Cancel fetches of pages past the end the server announced (a guess too far, or a
        list that shrank), so none of them waits for quota or retries for nothing. The page
        the consumer reads next stays: only its answer may end the stream. Should the list
        grow again, `_next_number` asks for them anew."""
        end = self._last_page_number
        if self._end_seen is not None:
            end = self._end_seen if end is None else min(end, self._end_seen)
        if end is None:
            return
        while len(self._pending) > 1 and self._pending[-1][0] > end:
            number, task, watch = self._pending.pop()
            self._let_go(number, task, watch)
            self._next_number = number

    def _let_go(self, number: int, task: asyncio.Task[Page[T]], watch: _PageFetch) -> None:
        """Give up a page past the end. A fetch not yet sent (or queued for quota, or waiting
        to ask again) is cancelled; one whose request is on the wire is left to finish and
        dropped, since cancelling it would only close its connection (the request counts
        against the quota either way)."""
        self._progress.wasted_pages += 1
        if watch.sent and not task.done():
            watch.past_end = True
            _finishing_past_end.add(task)  # held until done: the loop keeps only weak refs
            task.add_done_callback(_finishing_past_end.discard)
        else:
            task.cancel()
            self._abandoned.append(task)

    def _finish(self, error: BaseException | None = None) -> None:
        """End the stream and cancel every fetch still in flight (synchronous)."""
        self._finished = True
        self._progress.finished = True
        if self._observed is not None:
            self._observed.ended(error)
        while self._pending:
            _, task, _ = self._pending.popleft()
            task.cancel()
            self._abandoned.append(task)

    async def aclose(self) -> None:
        """End the stream and wait for cancelled fetches to finish unwinding."""
        self._finish()
        await self._settle_abandoned()

    async def _settle_abandoned(self) -> None:
        """Wait for the cancelled fetches to finish unwinding (a cancelled one ends at once)."""
        abandoned = [task for task in self._abandoned if not task.done()]
        self._abandoned.clear()
        if abandoned:
            await asyncio.gather(*abandoned, return_exceptions=True)

    def __del__(self) -> None:
        # Reached when a caller breaks out of `async for` without aclose(): cancel now rather
        # than leaving fetches running. The loop may already be closed at interpreter exit.
        with contextlib.suppress(RuntimeError, AttributeError):
            self._finish()
