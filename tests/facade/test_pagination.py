"""AsyncPaginator: ordered streaming, limits, bounded prefetch, cancellation, changing totals."""

from __future__ import annotations

import asyncio
import gc
import math
from collections.abc import Awaitable, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fullscript._options import quota_watcher
from fullscript._pagination import AsyncPaginator, Page, RememberedPageCounts
from fullscript.testing import run_in_virtual_time


class FakeListServer:
    """An offset-paginated list endpoint over `records`, recording what was asked of it."""

    def __init__(self, records: list[int]) -> None:
        self.records = records
        self.requested: list[int] = []
        self.in_flight = 0
        self.max_in_flight = 0
        # Hooks a test may set: awaited before answering / run just before slicing.
        self.before_answer: Callable[[int], Awaitable[None]] | None = None
        self.on_request: Callable[[int], None] | None = None

    async def fetch(self, number: int, size: int) -> Page[int]:
        self.requested.append(number)
        if self.on_request is not None:
            self.on_request(number)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.before_answer is not None:
                await self.before_answer(number)
            return self.page(number, size)
        finally:
            self.in_flight -= 1

    def hold_answers(self, *, from_page: int = 1) -> asyncio.Event:
        """Hold the answers to pages ``from_page`` and later until the returned event is set."""
        gate = asyncio.Event()

        async def hold(number: int) -> None:
            if number >= from_page:
                await gate.wait()

        self.before_answer = hold
        return gate

    def page(self, number: int, size: int) -> Page[int]:
        total = len(self.records)
        total_pages = max(1, math.ceil(total / size))
        items = self.records[(number - 1) * size : number * size]
        return Page(
            items=items,
            current_page=number,
            next_page=number + 1 if number < total_pages else None,
            total_pages=total_pages,
            total_count=total,
        )


async def settle() -> None:
    """Let cancelled tasks run to completion (a few loop iterations, no waiting on time)."""
    for _ in range(5):
        await asyncio.sleep(0)


def other_tasks() -> set[asyncio.Task[object]]:
    return asyncio.all_tasks() - {asyncio.current_task()}


# --- streaming --------------------------------------------------------------------------------


async def test_streams_every_record_in_order_across_pages() -> None:
    server = FakeListServer(list(range(250)))
    items = [item async for item in AsyncPaginator(server.fetch, page_size=100)]
    assert items == list(range(250))
    assert server.requested == [1, 2, 3]


async def test_pages_streams_whole_pages_with_their_metadata() -> None:
    server = FakeListServer(list(range(25)))
    pages = [page async for page in AsyncPaginator(server.fetch, page_size=10).pages()]
    assert [list(p.items) for p in pages] == [
        list(range(10)),
        list(range(10, 20)),
        list(range(20, 25)),
    ]
    assert [p.current_page for p in pages] == [1, 2, 3]
    assert [p.next_page for p in pages] == [2, 3, None]
    assert pages[0].total_count == 25
    assert pages[0].total_pages == 3


async def test_empty_list_yields_nothing_after_one_request() -> None:
    server = FakeListServer([])
    assert [item async for item in AsyncPaginator(server.fetch)] == []
    assert server.requested == [1]


async def test_start_page_skips_earlier_pages() -> None:
    server = FakeListServer(list(range(30)))
    items = [i async for i in AsyncPaginator(server.fetch, page_size=10, start_page=2)]
    assert items == list(range(10, 30))
    assert server.requested == [2, 3]


async def test_paginator_is_reiterable_and_each_pass_fetches_afresh() -> None:
    server = FakeListServer(list(range(15)))
    paginator = AsyncPaginator(server.fetch, page_size=10)
    assert await paginator.to_list() == list(range(15))
    server.records.append(15)
    assert await paginator.to_list() == list(range(16))
    assert server.requested == [1, 2, 1, 2]


async def test_awaiting_the_paginator_fetches_only_the_first_page() -> None:
    server = FakeListServer(list(range(300)))
    paginator = AsyncPaginator(server.fetch, page_size=50, prefetch=4)
    page = await paginator
    assert list(page.items) == list(range(50))
    assert page.next_page == 2
    assert (await paginator.first_page()).current_page == 1
    assert server.requested == [1, 1]


# --- limit and page size ----------------------------------------------------------------------


async def test_limit_stops_early_and_fetches_only_the_pages_needed() -> None:
    server = FakeListServer(list(range(1000)))
    items = [i async for i in AsyncPaginator(server.fetch, page_size=100, limit=150)]
    assert items == list(range(150))
    assert server.requested == [1, 2]


async def test_limit_with_prefetch_does_not_fetch_beyond_the_limit() -> None:
    server = FakeListServer(list(range(1000)))
    items = [i async for i in AsyncPaginator(server.fetch, page_size=100, limit=250, prefetch=8)]
    assert items == list(range(250))
    assert sorted(server.requested) == [1, 2, 3]


async def test_limit_trims_the_last_page() -> None:
    server = FakeListServer(list(range(100)))
    pages = [p async for p in AsyncPaginator(server.fetch, page_size=30, limit=45).pages()]
    assert [len(p.items) for p in pages] == [30, 15]


async def test_limit_zero_fetches_nothing() -> None:
    server = FakeListServer(list(range(10)))
    assert await AsyncPaginator(server.fetch, limit=0).to_list() == []
    assert server.requested == []


@pytest.mark.parametrize("size", [0, -1, 101, 1000])
def test_page_size_outside_1_to_100_is_rejected_clearly(size: int) -> None:
    with pytest.raises(ValueError, match=r"page_size must be between 1 and 100"):
        AsyncPaginator(FakeListServer([]).fetch, page_size=size)


@pytest.mark.parametrize("size", [1, 100])
def test_page_size_bounds_are_accepted(size: int) -> None:
    assert AsyncPaginator(FakeListServer([]).fetch, page_size=size).page_size == size


def test_page_size_must_be_an_int() -> None:
    with pytest.raises(TypeError):
        AsyncPaginator(FakeListServer([]).fetch, page_size=True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"limit": -1}, "limit"), ({"prefetch": -1}, "prefetch"), ({"start_page": 0}, "start_page")],
)
def test_invalid_arguments_are_rejected(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        AsyncPaginator(FakeListServer([]).fetch, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"limit": "5"}, "limit"),
        ({"limit": 2.5}, "limit"),
        ({"limit": True}, "limit"),
        ({"prefetch": 1.5}, "prefetch"),
        ({"prefetch": True}, "prefetch"),
        ({"start_page": "2"}, "start_page"),
    ],
)
def test_arguments_of_the_wrong_type_are_rejected_by_name(
    kwargs: dict[str, object], name: str
) -> None:
    # Not a comparison error from deep inside, nor a float slice index on the first page.
    with pytest.raises(TypeError, match=rf"^{name} must be an int, got "):
        AsyncPaginator(FakeListServer([]).fetch, **kwargs)  # type: ignore[arg-type]


# --- prefetch ---------------------------------------------------------------------------------


async def test_prefetch_keeps_order_when_later_pages_arrive_first() -> None:
    server = FakeListServer(list(range(100)))
    released: dict[int, asyncio.Event] = {n: asyncio.Event() for n in range(1, 11)}

    async def answer_in_reverse(number: int) -> None:
        await released[number].wait()

    all_started = asyncio.Event()

    def note_request(number: int) -> None:
        if len(server.requested) == 10:
            all_started.set()

    async def release_pages_backwards() -> None:
        released[1].set()
        await all_started.wait()  # page 1 answered and all 9 prefetches started
        for number in range(10, 1, -1):
            released[number].set()
            await asyncio.sleep(0)

    server.on_request = note_request
    server.before_answer = answer_in_reverse
    releaser = asyncio.create_task(release_pages_backwards())
    items = await AsyncPaginator(server.fetch, page_size=10, prefetch=9).to_list()
    await releaser
    assert items == list(range(100))


async def test_prefetch_fetches_following_pages_concurrently() -> None:
    server = FakeListServer(list(range(100)))
    gate = server.hold_answers(from_page=2)
    iterator = AsyncPaginator(server.fetch, page_size=10, prefetch=4).pages()
    first = await iterator.__anext__()
    await settle()
    assert first.current_page == 1
    assert server.in_flight == 4
    assert sorted(server.requested) == [1, 2, 3, 4, 5]
    gate.set()
    rest = [page.current_page async for page in iterator]
    assert rest == list(range(2, 11))


async def test_without_prefetch_pages_are_fetched_one_at_a_time() -> None:
    server = FakeListServer(list(range(100)))

    async def yield_to_loop(number: int) -> None:
        await asyncio.sleep(0)

    server.before_answer = yield_to_loop
    await AsyncPaginator(server.fetch, page_size=10).to_list()
    assert server.max_in_flight == 1


@pytest.mark.parametrize("prefetch", [1, 3, 6])
async def test_pages_held_or_in_flight_never_exceed_prefetch_plus_one(prefetch: int) -> None:
    server = FakeListServer(list(range(400)))
    released_pages = 0
    worst = 0

    def count_outstanding(number: int) -> None:
        nonlocal worst
        started = len(server.requested)
        worst = max(worst, started - released_pages)

    async def jitter(number: int) -> None:
        for _ in range(number % 3):
            await asyncio.sleep(0)

    server.on_request = count_outstanding
    server.before_answer = jitter
    async for _page in AsyncPaginator(server.fetch, page_size=10, prefetch=prefetch).pages():
        for _ in range(3):  # a slow consumer: prefetches complete while it works
            await asyncio.sleep(0)
        released_pages += 1  # the next __anext__ lets go of this page
    assert len(server.requested) == 40
    assert worst == prefetch + 1


async def test_item_stream_also_bounds_pages_held_or_in_flight() -> None:
    server = FakeListServer(list(range(200)))
    consumed = 0
    worst = 0

    def count_outstanding(number: int) -> None:
        nonlocal worst
        finished_pages = consumed // 10
        worst = max(worst, len(server.requested) - finished_pages)

    server.on_request = count_outstanding
    async for _ in AsyncPaginator(server.fetch, page_size=10, prefetch=2):
        await asyncio.sleep(0)
        consumed += 1
    assert consumed == 200
    assert worst <= 3


async def test_prefetch_without_known_total_goes_one_page_at_a_time_after_the_guess() -> None:
    records = list(range(75))

    async def fetch_without_totals(number: int, size: int) -> Page[int]:
        await asyncio.sleep(0)
        items = records[(number - 1) * size : number * size]
        more = number * size < len(records)
        return Page(items=items, current_page=number, next_page=number + 1 if more else None)

    in_flight = 0
    worst_after_the_guess = 0

    async def counting(number: int, size: int) -> Page[int]:
        nonlocal in_flight, worst_after_the_guess
        in_flight += 1
        if number > 3:
            worst_after_the_guess = max(worst_after_the_guess, in_flight)
        try:
            return await fetch_without_totals(number, size)
        finally:
            in_flight -= 1

    # Pages 2 and 3 are guessed alongside page 1; an answer without a total stops guessing.
    items = await AsyncPaginator(counting, page_size=10, prefetch=2).to_list()
    assert items == records
    assert worst_after_the_guess == 1


async def test_while_the_consumer_waits_prefetch_pages_beyond_that_page_are_in_flight() -> None:
    server = FakeListServer(list(range(100)))
    gate = server.hold_answers(from_page=2)
    pages = AsyncPaginator(server.fetch, page_size=10, prefetch=4).pages()
    await pages.__anext__()
    waiting = asyncio.create_task(pages.__anext__())  # the consumer waits for page 2
    await settle()
    assert sorted(server.requested) == [1, 2, 3, 4, 5, 6]  # page 2 and the 4 beyond it
    gate.set()
    assert (await waiting).current_page == 2
    assert [page.current_page async for page in pages] == list(range(3, 11))


async def test_a_page_count_known_from_an_earlier_pass_starts_the_window_with_page_one() -> None:
    server = FakeListServer(list(range(100)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=4)
    assert await paginator.to_list() == list(range(100))
    server.requested.clear()
    gate = server.hold_answers()
    pages = paginator.pages()
    first = asyncio.create_task(pages.__anext__())
    await settle()
    assert sorted(server.requested) == [1, 2, 3, 4, 5]  # pages 2..N+1 alongside page 1
    gate.set()
    assert (await first).current_page == 1
    assert [page.current_page async for page in pages] == list(range(2, 11))
    assert sorted(server.requested) == list(range(1, 11))


async def test_an_explicit_prefetch_asks_pages_two_to_n_plus_one_before_page_one_answers() -> None:
    server = FakeListServer(list(range(100)))
    gate = server.hold_answers()
    pages = AsyncPaginator(server.fetch, page_size=10, prefetch=4).pages()
    first = asyncio.create_task(pages.__anext__())
    await settle()
    assert sorted(server.requested) == [1, 2, 3, 4, 5]
    assert server.in_flight == 5  # the page waited for and `prefetch` beyond it, no more
    gate.set()
    assert (await first).current_page == 1
    assert [page.current_page async for page in pages] == list(range(2, 11))
    assert sorted(server.requested) == list(range(1, 11))
    assert pages.progress.wasted_pages == 0


async def test_without_prefetch_nothing_is_guessed() -> None:
    server = FakeListServer(list(range(100)))
    gate = server.hold_answers()
    items = asyncio.create_task(AsyncPaginator(server.fetch, page_size=10).to_list())
    await settle()
    assert server.requested == [1]
    gate.set()
    assert await items == list(range(100))


async def test_guesses_past_a_short_list_are_cancelled_as_soon_as_page_one_answers() -> None:
    server = FakeListServer(list(range(25)))  # 3 pages
    held: set[int] = set()
    release_page_one = asyncio.Event()
    release_the_rest = asyncio.Event()

    async def answer_page_one_first(number: int) -> None:
        held.add(number)
        try:
            await (release_page_one if number == 1 else release_the_rest).wait()
        finally:
            held.discard(number)

    server.before_answer = answer_page_one_first
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=20)
    items = asyncio.create_task(paginator.to_list())
    await settle()
    assert sorted(server.requested) == list(range(1, 22))
    release_page_one.set()
    await settle()
    # Page 1 said 3 pages: the 18 guesses past them stopped, the consumer still waits.
    assert held == {2, 3}
    assert paginator.progress.wasted_pages == 18
    release_the_rest.set()
    assert await items == list(range(25))
    assert paginator.progress.wasted_pages == 18
    assert other_tasks() == set()


async def test_guessed_pages_past_the_end_that_fail_do_not_fail_the_stream() -> None:
    server = FakeListServer(list(range(25)))
    unhandled: list[dict[str, object]] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: unhandled.append(ctx))

    async def pages_past_the_end_fail(number: int) -> None:
        if number > 3:
            raise RuntimeError("page not found")

    server.before_answer = pages_past_the_end_fail
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=6)
    assert await paginator.to_list() == list(range(25))
    assert paginator.progress.wasted_pages == 4  # pages 4..7
    await settle()
    gc.collect()
    await settle()
    assert unhandled == []


def pass_through_a_limiter(
    queued_from: int, answer: Callable[[int], Awaitable[None]], cancelled: list[int]
) -> Callable[[int], Awaitable[None]]:
    """A server's `before_answer` that first takes a slot the way the transport does (telling
    the stream's watcher), pages ``queued_from`` and later waiting for quota for ever."""

    async def take_a_slot_then_answer(number: int) -> None:
        watcher = quota_watcher()
        assert watcher is not None
        try:
            watcher.waiting_for_slot(+1)
            try:
                if number >= queued_from:
                    await asyncio.Event().wait()
            finally:
                watcher.waiting_for_slot(-1)
            await answer(number)
        except asyncio.CancelledError:
            cancelled.append(number)
            raise

    return take_a_slot_then_answer


async def test_guesses_past_the_end_already_sent_finish_unread_the_others_are_cancelled() -> None:
    server = FakeListServer(list(range(25)))  # 3 pages
    page_one, the_rest = asyncio.Event(), asyncio.Event()
    cancelled: list[int] = []

    async def page_one_first(number: int) -> None:
        await (page_one if number == 1 else the_rest).wait()

    server.before_answer = pass_through_a_limiter(6, page_one_first, cancelled)
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=8)
    items = asyncio.create_task(paginator.to_list())
    await settle()
    page_one.set()
    await settle()
    # Pages 4 and 5 were on the wire: cancelling them would only close their connections.
    assert sorted(cancelled) == [6, 7, 8, 9]  # still queued for quota: never sent
    assert paginator.progress.wasted_pages == 6
    the_rest.set()
    assert await items == list(range(25))
    await settle()
    assert sorted(cancelled) == [6, 7, 8, 9]
    assert server.in_flight == 0  # pages 4 and 5 answered, unread
    assert other_tasks() == set()


async def test_a_guess_past_the_end_that_fails_is_not_fetched_again() -> None:
    server = FakeListServer(list(range(25)))  # 3 pages
    page_one, the_rest = asyncio.Event(), asyncio.Event()

    async def later_guesses_fail(number: int) -> None:
        await (page_one if number == 1 else the_rest).wait()
        if number > 3:
            raise ConnectionError("dropped")

    server.before_answer = pass_through_a_limiter(99, later_guesses_fail, [])
    paginator = AsyncPaginator(
        server.fetch, page_size=10, prefetch=4, is_transient=lambda error: True
    )
    items = asyncio.create_task(paginator.to_list())
    await settle()
    page_one.set()
    await settle()
    the_rest.set()
    assert await items == list(range(25))
    await settle()
    assert sorted(server.requested) == [1, 2, 3, 4, 5]  # each asked once
    assert paginator.progress.page_retries == 0
    assert other_tasks() == set()


async def test_the_guess_goes_no_further_than_the_limit_needs() -> None:
    server = FakeListServer(list(range(1000)))
    gate = server.hold_answers()
    paginator = AsyncPaginator(server.fetch, page_size=10, limit=25, prefetch=20)
    items = asyncio.create_task(paginator.to_list())
    await settle()
    assert sorted(server.requested) == [1, 2, 3]
    gate.set()
    assert await items == list(range(25))
    assert paginator.progress.wasted_pages == 0


async def test_known_pages_only_sends_page_one_alone_on_a_first_listing() -> None:
    server = FakeListServer(list(range(100)))
    gate = asyncio.Event()

    async def answer_after_the_gate(number: int) -> None:
        await gate.wait()
        await asyncio.sleep(0)  # a turn of latency, so later pages overlap

    server.before_answer = answer_after_the_gate
    paginator = (
        AsyncPaginator(server.fetch, page_size=10, prefetch=4)
        .known_pages_only()
        .with_work_class("interactive")  # copies keep the setting
    )
    items = asyncio.create_task(paginator.to_list())
    await settle()
    assert server.requested == [1]
    gate.set()
    assert await items == list(range(100))
    assert server.max_in_flight == 5  # once page 1 told the count, the window fills
    assert paginator.progress.wasted_pages == 0


async def test_a_remembered_short_count_bounds_the_guess() -> None:
    server = FakeListServer(list(range(25)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=20)
    await paginator.first_page()  # the list has 3 pages
    server.requested.clear()
    gate = server.hold_answers()
    items = asyncio.create_task(paginator.to_list())
    await settle()
    assert sorted(server.requested) == [1, 2, 3]
    gate.set()
    assert await items == list(range(25))


async def test_pages_dropped_past_an_announced_end_are_asked_again_if_the_list_grows() -> None:
    server = FakeListServer(list(range(30)))  # 3 pages when page 1 answers
    gate = server.hold_answers(from_page=2)

    def grow_when_page_one_is_asked(number: int) -> None:
        if number == 1:
            asyncio.get_running_loop().call_soon(server.records.extend, range(30, 55))

    server.on_request = grow_when_page_one_is_asked
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=6)
    pages = paginator.pages()
    first = await pages.__anext__()
    assert first.total_pages == 3
    await settle()
    assert paginator.progress.wasted_pages == 4  # pages 4..7, guessed with page 1
    gate.set()
    rest = [page async for page in pages]
    # Pages 2 and 3 said 6 pages: 4..6 were asked again, each record streamed once, in order.
    assert [page.current_page for page in rest] == [2, 3, 4, 5, 6]
    assert [*first.items, *(item for page in rest for item in page.items)] == list(range(55))


async def test_cancelling_a_window_started_with_page_one_leaves_nothing_running() -> None:
    server = FakeListServer(list(range(100)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=4)
    await paginator.first_page()  # the count is known from here on
    server.requested.clear()
    server.hold_answers()  # never released: the consumer is cancelled
    consumer = asyncio.create_task(paginator.to_list())
    await settle()
    assert server.in_flight == 5
    consumer.cancel()
    with pytest.raises(asyncio.CancelledError):
        await consumer
    await settle()
    assert server.in_flight == 0
    assert other_tasks() == set()


async def test_a_resumed_stream_knows_the_page_count_of_the_one_it_resumes() -> None:
    server = FakeListServer(list(range(100)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=3)
    await paginator.first_page()
    server.requested.clear()
    gate = server.hold_answers()
    items = asyncio.create_task(paginator.starting_at(6).to_list())
    await settle()
    assert sorted(server.requested) == [6, 7, 8, 9]
    gate.set()
    assert await items == list(range(50, 100))


@pytest.mark.parametrize("prefetch", [1, 4, 20])
async def test_once_the_page_count_is_known_no_page_past_the_last_is_asked(prefetch: int) -> None:
    server = FakeListServer(list(range(45)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=prefetch)
    await paginator.first_page()  # the count is known from here on
    server.requested.clear()
    for _ in range(2):
        assert await paginator.to_list() == list(range(45))
        assert sorted(server.requested) == [1, 2, 3, 4, 5]
        assert paginator.progress.wasted_pages == 0
        server.requested.clear()


async def test_a_list_shorter_than_an_earlier_pass_ends_at_its_new_last_page() -> None:
    server = FakeListServer(list(range(100)))
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=3)
    await paginator.to_list()
    server.records = list(range(25))
    server.requested.clear()
    assert await paginator.to_list() == list(range(25))
    # Pages 2..4 started with page 1 on the old count; page 1's answer stopped the window.
    assert sorted(server.requested) == [1, 2, 3, 4]
    assert other_tasks() == set()


def test_a_client_remembers_page_counts_of_a_bounded_number_of_lists() -> None:
    counts = RememberedPageCounts(capacity=2)
    first = counts.of("patients")
    assert counts.of("patients") is first
    counts.of("orders")
    counts.of("products")  # the least recently streamed list ("patients") is forgotten
    assert counts.of("patients") is not first


@pytest.mark.parametrize("prefetch", [4, 10, 20])
def test_prefetch_streams_within_the_latency_bound_on_a_virtual_clock(prefetch: int) -> None:
    latency, pages = 0.05, 200
    server = FakeListServer(list(range(pages)))

    async def answer_after_latency(number: int) -> None:
        await asyncio.sleep(latency)

    server.before_answer = answer_after_latency
    paginator = AsyncPaginator(server.fetch, page_size=1, prefetch=prefetch)

    async def stream() -> float:
        loop = asyncio.get_running_loop()
        started = loop.time()
        assert await paginator.to_list() == list(range(pages))
        return loop.time() - started

    bound = pages * latency / prefetch
    # First pass: pages 2..prefetch+1 are guessed alongside page 1, then `prefetch` pages
    # beyond the one waited for are always in flight, so no round trip waits for the consumer.
    assert run_in_virtual_time(stream()) <= bound + 1e-9
    assert server.max_in_flight == prefetch + 1
    assert sorted(server.requested) == list(range(1, pages + 1))
    # Second pass: the count is known, so the window starts with page 1 as well.
    server.requested.clear()
    assert run_in_virtual_time(stream()) <= bound + 1e-9
    assert sorted(server.requested) == list(range(1, pages + 1))


# --- cancellation -----------------------------------------------------------------------------


async def test_breaking_out_cancels_in_flight_fetches_and_leaves_no_tasks() -> None:
    server = FakeListServer(list(range(100)))
    cancelled: list[int] = []

    async def block_forever_after_first(number: int) -> None:
        if number == 1:
            return
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise

    server.before_answer = block_forever_after_first
    async for item in AsyncPaginator(server.fetch, page_size=10, prefetch=3):
        if item == 5:
            await settle()  # the prefetches are now blocked inside the server
            assert server.in_flight == 3
            break
    await settle()
    assert sorted(cancelled) == [2, 3, 4]
    assert other_tasks() == set()


async def test_aclose_cancels_and_awaits_in_flight_fetches() -> None:
    server = FakeListServer(list(range(100)))
    cancelled: list[int] = []

    async def block_forever_after_first(number: int) -> None:
        if number == 1:
            return
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise

    server.before_answer = block_forever_after_first
    pages = AsyncPaginator(server.fetch, page_size=10, prefetch=2).pages()
    await pages.__anext__()
    await settle()
    assert server.in_flight == 2
    await pages.aclose()  # returns only once the fetches have unwound: no settle() needed
    assert sorted(cancelled) == [2, 3]
    assert other_tasks() == set()
    with pytest.raises(StopAsyncIteration):
        await pages.__anext__()


async def test_prefetches_not_yet_started_are_cancelled_before_reaching_the_server() -> None:
    server = FakeListServer(list(range(100)))

    async def hold_pages_after_two(number: int) -> None:
        if number > 2:
            await asyncio.Event().wait()

    server.before_answer = hold_pages_after_two
    async for item in AsyncPaginator(server.fetch, page_size=10, prefetch=3):
        if item == 10:
            break  # no await since page 2 arrived: page 5 was scheduled but never ran
    await settle()
    assert sorted(server.requested) == [1, 2, 3, 4]
    assert other_tasks() == set()


async def test_cancelling_the_consumer_cancels_every_fetch() -> None:
    server = FakeListServer(list(range(100)))
    cancelled: list[int] = []
    first_page_seen = asyncio.Event()

    async def block_forever_after_first(number: int) -> None:
        if number == 1:
            return
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise

    async def consume() -> None:
        async for _ in AsyncPaginator(server.fetch, page_size=10, prefetch=4):
            first_page_seen.set()

    server.before_answer = block_forever_after_first
    consumer = asyncio.create_task(consume())
    await first_page_seen.wait()
    await settle()
    consumer.cancel()
    with pytest.raises(asyncio.CancelledError):
        await consumer
    await settle()
    # The page waited for (2) and the four beyond it: every fetch started, none left running.
    assert sorted(cancelled) == [2, 3, 4, 5, 6] == sorted(server.requested)[1:]
    assert other_tasks() == set()


async def test_a_failed_fetch_surfaces_in_order_and_cancels_the_rest() -> None:
    server = FakeListServer(list(range(100)))
    cancelled: list[int] = []

    async def fail_page_two(number: int) -> None:
        if number == 2:
            raise RuntimeError("page 2 failed")
        if number > 2:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                cancelled.append(number)
                raise

    server.before_answer = fail_page_two
    seen: list[int] = []
    with pytest.raises(RuntimeError, match="page 2 failed"):
        async for item in AsyncPaginator(server.fetch, page_size=10, prefetch=3):
            seen.append(item)
    await settle()
    assert seen == list(range(10))  # page 1 fully delivered before the failure
    # Every fetch started beyond the failed page was cancelled.
    assert sorted(cancelled) == sorted(set(server.requested) - {1, 2}) == [3, 4]
    assert other_tasks() == set()


async def test_failures_of_abandoned_prefetches_are_not_reported_as_unretrieved() -> None:
    server = FakeListServer(list(range(100)))
    unhandled: list[dict[str, object]] = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, ctx: unhandled.append(ctx))

    async def later_pages_fail(number: int) -> None:
        if number > 1:
            raise RuntimeError("never looked at")

    server.before_answer = later_pages_fail
    async for _ in AsyncPaginator(server.fetch, page_size=10, prefetch=3):
        await settle()  # the prefetches fail while we hold page 1
        break
    await settle()
    gc.collect()
    await settle()
    assert unhandled == []


# --- changing totals --------------------------------------------------------------------------


async def test_records_deleted_while_paging_end_the_stream_without_looping() -> None:
    server = FakeListServer(list(range(50)))

    def delete_twenty_after_page_one(number: int) -> None:
        if number == 2:
            del server.records[:20]

    server.on_request = delete_twenty_after_page_one
    items = [i async for i in AsyncPaginator(server.fetch, page_size=10, item_key=lambda i: i)]
    # Offset pagination cannot see records that shifted behind the cursor; what matters is
    # that the stream ends, never repeats a record and never asks for a page twice.
    assert len(items) == len(set(items))
    assert set(items) <= set(range(50))
    assert len(server.requested) == len(set(server.requested))
    assert server.requested[-1] <= 5


async def test_short_page_with_null_next_page_ends_the_stream_with_prefetch() -> None:
    records = list(range(100))

    async def shrinking(number: int, size: int) -> Page[int]:
        await asyncio.sleep(0)
        if number == 3:  # the list shrank to 25 between requests
            return Page(items=records[20:25], current_page=3, next_page=None, total_pages=3)
        if number > 3:
            return Page(items=[], current_page=number, next_page=None, total_pages=3)
        items = records[(number - 1) * size : number * size]
        return Page(items=items, current_page=number, next_page=number + 1, total_pages=10)

    items = await AsyncPaginator(shrinking, page_size=10, prefetch=5).to_list()
    assert items == list(range(25))


async def test_records_inserted_at_the_front_while_paging_are_not_duplicated() -> None:
    server = FakeListServer(list(range(100, 130)))  # newest first, like created_at desc

    def insert_five_before_page_two(number: int) -> None:
        if number == 2:
            server.records[:0] = list(range(95, 100))

    server.on_request = insert_five_before_page_two
    items = [i async for i in AsyncPaginator(server.fetch, page_size=10, item_key=lambda i: i)]
    assert len(items) == len(set(items))
    assert set(range(100, 130)) <= set(items)


async def test_records_appended_while_prefetching_are_still_streamed() -> None:
    server = FakeListServer(list(range(30)))

    def append_when_page_two_is_asked(number: int) -> None:
        if number == 2:
            server.records.extend(range(30, 55))

    server.on_request = append_when_page_two_is_asked
    items = await AsyncPaginator(server.fetch, page_size=10, prefetch=2).to_list()
    assert items == list(range(55))


async def test_server_ignoring_the_page_number_does_not_loop_forever() -> None:
    calls = 0

    async def always_first_page(number: int, size: int) -> Page[int]:
        nonlocal calls
        calls += 1
        return Page(items=list(range(size)), current_page=1, next_page=2, total_pages=5)

    items = await AsyncPaginator(always_first_page, page_size=10).to_list()
    assert items == list(range(10))
    assert calls == 2


async def test_repeated_records_without_a_total_end_the_stream_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls = 0

    async def same_records_every_page(number: int, size: int) -> Page[int]:
        nonlocal calls
        calls += 1
        return Page(items=[1, 2, 3], current_page=number, next_page=number + 1)

    items = await AsyncPaginator(
        same_records_every_page, page_size=3, item_key=lambda i: i
    ).to_list()
    assert items == [1, 2, 3]
    assert calls == 2
    assert "stopped at page 2" in caplog.text


async def test_repeated_records_with_a_total_are_bounded_by_it() -> None:
    calls = 0

    async def same_records_every_page(number: int, size: int) -> Page[int]:
        nonlocal calls
        calls += 1
        return Page(items=[1, 2, 3], current_page=number, next_page=number + 1, total_pages=6)

    items = await AsyncPaginator(
        same_records_every_page, page_size=3, item_key=lambda i: i
    ).to_list()
    assert items == [1, 2, 3]
    assert calls == 6


@pytest.mark.parametrize("prefetch", [0, 3])
async def test_a_whole_page_inserted_in_front_is_skipped_not_taken_for_the_end(
    prefetch: int,
) -> None:
    server = FakeListServer(list(range(100, 150)))  # newest first

    def insert_a_page_before_page_two(number: int) -> None:
        if number == 2:
            server.records[:0] = list(range(90, 100))  # exactly one page: page 2 = old page 1

    server.on_request = insert_a_page_before_page_two
    pages = [
        page.items
        async for page in AsyncPaginator(
            server.fetch, page_size=10, prefetch=prefetch, item_key=lambda i: i
        ).pages()
    ]
    items = [i for items in pages for i in items]
    assert len(items) == len(set(items))
    assert set(range(100, 150)) <= set(items)  # nothing lost after the repeated page
    assert all(pages)  # the page of repeats is skipped, not handed out empty


async def test_pages_that_partly_repeat_the_previous_one_never_truncate_a_long_list() -> None:
    server = FakeListServer(list(range(1000, 1200)))
    inserted = iter(range(999, 0, -1))

    def insert_three_in_front_before_every_page(number: int) -> None:
        if number > 1:
            server.records[:0] = [next(inserted) for _ in range(3)][::-1]

    server.on_request = insert_three_in_front_before_every_page
    items = [i async for i in AsyncPaginator(server.fetch, page_size=10, item_key=lambda i: i)]
    assert len(items) == len(set(items))
    assert set(range(1000, 1200)) <= set(items)


# --- property ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    total=st.integers(min_value=0, max_value=230),
    page_size=st.integers(min_value=1, max_value=100),
    prefetch=st.integers(min_value=0, max_value=6),
    limit=st.one_of(st.none(), st.integers(min_value=0, max_value=260)),
)
def test_any_combination_yields_exactly_the_first_limit_records(
    total: int, page_size: int, prefetch: int, limit: int | None
) -> None:
    async def run() -> list[tuple[list[int], list[int], int]]:
        server = FakeListServer(list(range(total)))
        paginator = AsyncPaginator(
            server.fetch, page_size=page_size, prefetch=prefetch, limit=limit
        )
        passes = []
        for _ in range(2):  # the second pass knows the page count before its first answer
            server.requested = []
            items = await paginator.to_list()
            passes.append((items, server.requested, paginator.progress.wasted_pages))
        return passes

    expected = list(range(total))[:limit] if limit is not None else list(range(total))
    wanted = total if limit is None else min(total, limit)
    pages_needed = max(1, math.ceil(wanted / page_size)) if limit != 0 else 0
    pages_limit_allows = math.inf if limit is None else math.ceil(limit / page_size)
    (first, first_requested, first_wasted), (second, second_requested, second_wasted) = asyncio.run(
        run()
    )
    assert first == second == expected
    # First pass: the guess (pages 2..prefetch+1, no further than `limit` needs) may ask for
    # pages past the end; each is asked once and counted as wasted.
    guessed = set(range(1, int(min(1 + prefetch, pages_limit_allows)) + 1))
    assert len(first_requested) == len(set(first_requested))
    assert set(range(1, pages_needed + 1)) <= set(first_requested)
    assert set(first_requested) <= set(range(1, pages_needed + 1)) | guessed
    assert len(first_requested) - pages_needed <= first_wasted <= prefetch
    # Second pass: the count is known, nothing is guessed.
    assert sorted(second_requested) == list(range(1, pages_needed + 1))
    assert second_wasted == 0


async def test_iterators_are_context_managers_that_cancel_on_exit() -> None:
    server = FakeListServer(list(range(100)))
    cancelled: list[int] = []

    async def block_forever_after_first(number: int) -> None:
        if number == 1:
            return
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise

    server.before_answer = block_forever_after_first
    paginator = AsyncPaginator(server.fetch, page_size=10, prefetch=2)
    async with aiter(paginator) as items:
        assert await anext(items) == 0
        await settle()
    assert sorted(cancelled) == [2, 3]
    async with paginator.pages() as pages:
        assert (await anext(pages)).current_page == 1
        await settle()
    assert sorted(cancelled) == [2, 2, 3, 3]
    assert other_tasks() == set()


class QuotaRefusal(Exception):
    """A page refused for quota, to be asked again after `seconds`."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"wait {seconds}s")
        self.seconds = seconds


def test_a_page_refused_for_quota_is_waited_out_without_using_a_page_retry() -> None:
    from fullscript.testing import run_in_virtual_time

    async def scenario() -> tuple[list[int], list[object], float]:
        server = FakeListServer(list(range(6)))
        refusals = iter([30.0, 30.0, 30.0, 30.0, 30.0])  # more than the page retries

        async def before(number: int) -> None:
            if number == 2:
                wait = next(refusals, None)
                if wait is not None:
                    raise QuotaRefusal(wait)

        server.before_answer = before
        stream = AsyncPaginator(
            server.fetch,
            page_size=2,
            page_retries=1,
            is_transient=lambda error: True,
            quota_wait=lambda error: error.seconds if isinstance(error, QuotaRefusal) else None,
        )
        seen: list[object] = []

        async def watch() -> None:
            await asyncio.sleep(45.0)
            seen.append(stream.progress)

        watcher = asyncio.create_task(watch())
        records = await stream.to_list()
        await watcher
        return records, [stream.progress, *seen], asyncio.get_running_loop().time()

    records, (final, during), took = run_in_virtual_time(scenario())
    assert records == list(range(6))
    assert took == 150.0
    assert final.quota_waits == 5 and final.page_retries == 0  # type: ignore[attr-defined]
    assert during.waiting_until == 60.0 and during.waiting_for_quota  # type: ignore[attr-defined]
    assert (during.pages, during.records) == (1, 2)  # type: ignore[attr-defined]


async def test_a_stream_that_ends_leaves_no_guess_unwinding_behind() -> None:
    # Guesses queued for quota are cancelled when page 1 says the list is short; the stream
    # says it ended only once they have unwound: no task outlives it and its progress is final.
    from support.sandbox_clients import make_client

    from fullscript import RollingWindowLimiter
    from fullscript.sandbox import Sandbox

    sandbox = Sandbox()
    sandbox.faults.latency(0.05, operation_id="list_practitioners", times=1)  # guesses queue
    limiter = RollingWindowLimiter(1, window=3600)  # one slot: page 1's
    async with make_client(sandbox, limiter=limiter) as fs:
        stream = fs.practitioners.list(page_size=50, prefetch=3)
        records = [practitioner async for practitioner in stream]
        assert len(records) == len(sandbox.records("us", "practitioners"))
        assert other_tasks() == set()
        progress = stream.progress
        assert (progress.finished, progress.wasted_pages, progress.waiting_for_slot) == (True, 3, 0)
