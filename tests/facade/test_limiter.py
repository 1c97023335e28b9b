"""RollingWindowLimiter: exact rolling window, FIFO, pauses, cancellation, configuration.

Everything runs on `VirtualTimeEventLoop`, so windows of 300 s pass instantly and grant times
are exact.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import aiolimiter
import pytest

from fullscript._limiters import Permit, RateLimiter, RollingWindowLimiter
from fullscript._limiters._rolling_window import synchronous_slots
from fullscript.testing import max_in_rolling_window, run_in_virtual_time


def now() -> float:
    return asyncio.get_running_loop().time()


async def take(limiter: RollingWindowLimiter) -> None:
    """One request whose answer comes back at once: acquire, then release at the same instant."""
    await limiter.release(await limiter.acquire())


async def grant_times(limiter: RollingWindowLimiter, count: int) -> list[float]:
    """Acquire `count` slots one after another and return when each was granted."""
    times = []
    for _ in range(count):
        await take(limiter)
        times.append(now())
    return times


def test_default_is_fullscripts_5000_per_300_seconds() -> None:
    limiter = RollingWindowLimiter()
    assert (limiter.max_requests, limiter.window) == (5000, 300.0)

    times = run_in_virtual_time(grant_times(limiter, 5001))

    assert times[:5000] == [0.0] * 5000
    assert times[5000] == 300.0


def test_configured_limit_and_window_are_honoured() -> None:
    limiter = RollingWindowLimiter(3, 10.0)

    times = run_in_virtual_time(grant_times(limiter, 7))

    assert times == [0.0, 0.0, 0.0, 10.0, 10.0, 10.0, 20.0]


def test_slot_frees_exactly_when_the_oldest_grant_leaves_the_window() -> None:
    async def scenario() -> list[float]:
        limiter = RollingWindowLimiter(2, 10.0)
        await take(limiter)  # t=0
        await asyncio.sleep(4)
        await take(limiter)  # t=4
        return await grant_times(limiter, 2)

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == [10.0, 14.0]


def test_used_counts_grants_in_the_current_window() -> None:
    async def scenario() -> list[int]:
        limiter = RollingWindowLimiter(5, 10.0)
        await grant_times(limiter, 3)
        seen = [limiter.used()]
        await asyncio.sleep(9.5)
        seen.append(limiter.used())
        await asyncio.sleep(0.5)
        seen.append(limiter.used())
        return seen

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == [3, 3, 0]


def test_waiters_are_served_first_come_first_served() -> None:
    async def scenario() -> list[int]:
        limiter = RollingWindowLimiter(1, 5.0)
        await take(limiter)
        served: list[int] = []

        async def client(number: int) -> None:
            await take(limiter)
            served.append(number)

        tasks = []
        for number in range(6):
            tasks.append(asyncio.create_task(client(number)))
            await asyncio.sleep(0.1)  # arrive in order 0..5
        await asyncio.gather(*tasks)
        return served

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == [0, 1, 2, 3, 4, 5]


def test_newcomer_does_not_jump_the_queue_when_a_slot_frees() -> None:
    async def scenario() -> list[str]:
        limiter = RollingWindowLimiter(1, 10.0)
        await take(limiter)
        order: list[str] = []

        async def client(name: str) -> None:
            await take(limiter)
            order.append(name)

        queued = asyncio.create_task(client("queued"))
        await asyncio.sleep(10)  # the slot frees now; the queued waiter has not run yet
        newcomer = asyncio.create_task(client("newcomer"))
        await asyncio.gather(queued, newcomer)
        return order

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == ["queued", "newcomer"]


def test_pause_blocks_every_sharer_until_it_ends() -> None:
    async def scenario() -> dict[str, float]:
        limiter = RollingWindowLimiter(100, 60.0)
        granted: dict[str, float] = {}

        async def client(name: str, start: float) -> None:
            await asyncio.sleep(start)
            await take(limiter)
            granted[name] = now()

        await take(limiter)
        await limiter.pause(30.0)  # e.g. a 429 seen by one client
        await asyncio.gather(client("a", 1.0), client("b", 29.0), client("c", 31.0))
        return granted

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == {
        "a": 30.0,
        "b": 30.0,
        "c": 31.0,
    }


def test_pause_wakes_a_waiter_already_asleep_later() -> None:
    async def scenario() -> float:
        limiter = RollingWindowLimiter(1, 10.0)
        await take(limiter)
        waiter = asyncio.create_task(take(limiter))
        await asyncio.sleep(2)  # waiter sleeps until t=10
        await limiter.pause(20.0)  # until t=22
        await waiter
        return now()

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == 22.0


def test_shorter_pause_does_not_cut_a_longer_one_short() -> None:
    async def scenario() -> float:
        limiter = RollingWindowLimiter(10, 10.0)
        await limiter.pause(40.0)
        await limiter.pause(5.0)
        await take(limiter)
        return now()

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == 40.0


def test_cancelled_waiters_take_no_slot() -> None:
    async def scenario() -> tuple[list[float], int, int]:
        limiter = RollingWindowLimiter(2, 10.0)
        await grant_times(limiter, 2)
        waiters = [asyncio.create_task(take(limiter)) for _ in range(10)]
        await asyncio.sleep(3)
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)
        queued_after_cancel = limiter.waiting
        await asyncio.sleep(7)  # t=10: both original grants have left the window
        times = await grant_times(limiter, 2)
        return times, queued_after_cancel, limiter.used()

    times, queued_after_cancel, used = run_in_virtual_time(scenario(), deadlock_timeout=0.5)
    assert times == [10.0, 10.0]
    assert queued_after_cancel == 0
    assert used == 2


def test_cancelling_a_queued_waiter_does_not_hold_up_those_behind_it() -> None:
    async def scenario() -> dict[str, float]:
        limiter = RollingWindowLimiter(1, 10.0)
        await take(limiter)
        granted: dict[str, float] = {}

        async def client(name: str) -> None:
            await take(limiter)
            granted[name] = now()

        head = asyncio.create_task(client("head"))
        middle = asyncio.create_task(client("middle"))
        tail = asyncio.create_task(client("tail"))
        await asyncio.sleep(1)
        head.cancel()  # the head is the one sleeping until t=10
        middle.cancel()
        await asyncio.gather(head, middle, tail, return_exceptions=True)
        return granted

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == {"tail": 10.0}


def test_waiter_cancelled_right_after_its_turn_came_passes_the_turn_on() -> None:
    async def scenario() -> tuple[dict[str, float], bool]:
        limiter = RollingWindowLimiter(1, 10.0)
        await take(limiter)
        granted: dict[str, float] = {}
        tasks: dict[str, asyncio.Task[None]] = {}
        second_was_woken = False

        async def first() -> None:
            nonlocal second_was_woken
            await take(limiter)
            granted["first"] = now()
            # The grant has just handed the turn to "second", which has not run yet.
            second_was_woken = not tasks["second"].done()
            tasks["second"].cancel()

        async def client(name: str) -> None:
            await take(limiter)
            granted[name] = now()

        tasks["first"] = asyncio.create_task(first())
        await asyncio.sleep(0)
        tasks["second"] = asyncio.create_task(client("second"))
        await asyncio.sleep(0)
        tasks["third"] = asyncio.create_task(client("third"))
        await asyncio.gather(*tasks.values(), return_exceptions=True)
        return granted, second_was_woken

    granted, second_was_woken = run_in_virtual_time(scenario(), deadlock_timeout=0.5)
    assert second_was_woken
    assert granted == {"first": 10.0, "third": 20.0}


def test_timeout_around_acquire_leaks_no_slot() -> None:
    async def scenario() -> float:
        limiter = RollingWindowLimiter(1, 10.0)
        await take(limiter)
        for _ in range(5):
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(2):
                    await take(limiter)
        await take(limiter)
        return now()

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == 10.0


def test_one_limiter_is_shared_between_clients() -> None:
    async def scenario() -> list[float]:
        limiter = RollingWindowLimiter(4, 60.0)
        times: list[float] = []

        async def client() -> None:
            for _ in range(3):
                await take(limiter)
                times.append(now())

        await asyncio.gather(client(), client())
        return sorted(times)

    assert run_in_virtual_time(scenario(), deadlock_timeout=0.5) == [0.0] * 4 + [60.0] * 2


def test_pacing_spreads_a_burst_and_the_window_still_holds() -> None:
    limiter = RollingWindowLimiter(3, 100.0, pacing=aiolimiter.AsyncLimiter(1, 2.0))

    times = run_in_virtual_time(grant_times(limiter, 5))

    assert times[:3] == pytest.approx([0.0, 2.0, 4.0])
    assert times[3:] == pytest.approx([100.0, 102.0])
    assert max_in_rolling_window(times, 100.0) == 3


def test_leaky_bucket_alone_lets_about_twice_the_quota_through() -> None:
    """Why the limiter exists: aiolimiter is a leaky bucket, not a rolling window."""

    async def burst(limiter: Callable[[], Awaitable[None]]) -> list[float]:
        times: list[float] = []
        end = 300.0

        async def client() -> None:
            while True:
                await limiter()
                if now() >= end:
                    return
                times.append(now())

        await asyncio.gather(*(client() for _ in range(20)))
        return times

    leaky = aiolimiter.AsyncLimiter(100, 300.0)
    exact = RollingWindowLimiter(100, 300.0)

    leaky_times = run_in_virtual_time(burst(leaky.acquire))
    exact_times = run_in_virtual_time(burst(lambda: take(exact)))

    assert max_in_rolling_window(leaky_times, 300.0) >= 190
    assert max_in_rolling_window(exact_times, 300.0) == 100


def test_satisfies_the_rate_limiter_protocol() -> None:
    assert isinstance(RollingWindowLimiter(), RateLimiter)


@pytest.mark.parametrize("max_requests", [0, -1])
def test_rejects_a_limit_below_one(max_requests: int) -> None:
    with pytest.raises(ValueError, match="max_requests must be at least 1"):
        RollingWindowLimiter(max_requests)


@pytest.mark.parametrize("max_requests", [1.5, True, "10"])
def test_rejects_a_limit_that_is_not_an_int(max_requests: object) -> None:
    with pytest.raises(TypeError, match="max_requests must be an int"):
        RollingWindowLimiter(max_requests)  # type: ignore[arg-type]


@pytest.mark.parametrize("window", [0, -1.0, float("nan"), float("inf")])
def test_rejects_a_window_that_is_not_positive_and_finite(window: float) -> None:
    with pytest.raises(ValueError, match="window must be a finite number of seconds > 0"):
        RollingWindowLimiter(10, window)


@pytest.mark.parametrize("seconds", [-1.0, float("nan"), float("inf")])
def test_rejects_an_invalid_pause(seconds: float) -> None:
    limiter = RollingWindowLimiter()
    with pytest.raises(ValueError, match="pause must be a finite number of seconds >= 0"):
        run_in_virtual_time(limiter.pause(seconds))


async def test_a_free_slot_is_granted_at_once_without_awaiting() -> None:
    limiter = RollingWindowLimiter(max_requests=2, window=300.0)
    first = limiter.acquire_at_once("quota", "interactive", "clinic-a")
    second = limiter.acquire_at_once("quota", "background", "clinic-b")
    assert first is not None and second is not None
    assert limiter.used("quota") == 2
    # The window is full: the caller is told to wait (`acquire`), and nothing is taken.
    assert limiter.acquire_at_once("quota", "interactive", "clinic-a") is None
    limiter.release_at_once(first)
    limiter.release_at_once(first)  # a second release of one permit counts nothing
    stats = limiter.stats()
    assert (stats.granted, stats.in_flight, limiter.used("quota")) == (2, 1, 2)


class _SetClock:
    def __init__(self) -> None:
        self.time = 0.0

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0)


async def test_no_slot_is_granted_at_once_past_a_pause_or_a_queue() -> None:
    clock = _SetClock()
    limiter = RollingWindowLimiter(max_requests=1, window=10.0, clock=clock)
    await limiter.pause(5.0, "paused")
    assert limiter.acquire_at_once("paused", "interactive", "default") is None

    await limiter.release(await limiter.acquire("queued"))  # counts until t=10
    waiter = asyncio.ensure_future(limiter.acquire("queued"))
    await asyncio.sleep(0)
    clock.time = 11.0  # the slot is free again, but the waiter asked first
    assert limiter.acquire_at_once("queued", "interactive", "default") is None
    assert limiter.waiting == 1
    waiter.cancel()


async def test_a_paced_limiter_grants_nothing_at_once() -> None:
    limiter = RollingWindowLimiter(pacing=aiolimiter.AsyncLimiter(10, 1.0))
    assert limiter.acquire_at_once("quota", "interactive", "default") is None
    assert synchronous_slots(limiter) is not None  # asked, and it says: await `acquire`


class _OwnRelease(RollingWindowLimiter):
    async def release(self, permit: Permit) -> None:
        await super().release(permit)


def test_only_a_limiter_whose_acquire_and_release_are_its_own_offers_synchronous_slots() -> None:
    assert synchronous_slots(RollingWindowLimiter()) is not None
    assert synchronous_slots(_OwnRelease()) is None
    assert synchronous_slots(object()) is None
