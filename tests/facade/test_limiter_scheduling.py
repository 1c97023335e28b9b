"""RollingWindowLimiter scheduling: work classes, the interactive reserve, fair share between
grants. All on virtual time (`VirtualTimeEventLoop`), so grant times are exact."""

from __future__ import annotations

import asyncio
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullscript._errors import FullscriptError, InvalidParameterError
from fullscript._limiters import BACKGROUND, INTERACTIVE, RollingWindowLimiter, WorkClass
from fullscript.testing import max_in_rolling_window, run_in_virtual_time

PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def now() -> float:
    return asyncio.get_running_loop().time()


async def take(
    limiter: RollingWindowLimiter,
    work_class: WorkClass = INTERACTIVE,
    grant: str = "default",
    log: list[tuple[str, float]] | None = None,
) -> float:
    """One request answered at once; returns how long it waited for its slot."""
    asked = now()
    permit = await limiter.acquire(work_class=work_class, grant=grant)
    if log is not None:
        log.append((grant, now()))
    await limiter.release(permit)
    return now() - asked


def test_queued_interactive_work_is_granted_before_queued_background_work() -> None:
    async def scenario() -> list[str]:
        limiter = RollingWindowLimiter(1, 10.0, reserve=0.0)
        await take(limiter)
        order: list[str] = []

        async def one(name: str, work_class: WorkClass) -> None:
            await take(limiter, work_class)
            order.append(name)

        background = asyncio.create_task(one("background", BACKGROUND))
        await asyncio.sleep(1)
        interactive = asyncio.create_task(one("interactive", INTERACTIVE))
        await asyncio.gather(background, interactive)
        return order

    assert run_in_virtual_time(scenario()) == ["interactive", "background"]


def test_background_work_leaves_the_reserve_to_active_interactive_work() -> None:
    async def scenario() -> tuple[int, float]:
        limiter = RollingWindowLimiter(10, 60.0, reserve=0.2)
        await take(limiter, INTERACTIVE)  # interactive work is active: 1 of the reserve of 2 used
        bulk = [asyncio.create_task(take(limiter, BACKGROUND)) for _ in range(20)]
        await asyncio.sleep(1)
        granted_background = limiter.used() - 1
        waited = await take(limiter, INTERACTIVE)  # a user call while the bulk job waits
        for task in bulk:
            task.cancel()
        await asyncio.gather(*bulk, return_exceptions=True)
        return granted_background, waited

    granted_background, waited = run_in_virtual_time(scenario())
    assert granted_background == 8  # 10 - the one slot left of the reserve - the interactive one
    assert waited == 0.0


def test_background_work_uses_the_whole_quota_when_no_interactive_work_is_active() -> None:
    async def scenario() -> int:
        limiter = RollingWindowLimiter(10, 60.0, reserve=0.2)
        bulk = [asyncio.create_task(take(limiter, BACKGROUND)) for _ in range(10)]
        await asyncio.sleep(1)
        granted = limiter.used()
        await asyncio.gather(*bulk)
        return granted

    assert run_in_virtual_time(scenario()) == 10


def test_reserve_always_holds_the_reserve_back_without_interactive_work() -> None:
    async def scenario() -> int:
        limiter = RollingWindowLimiter(10, 60.0, reserve=0.2, reserve_always=True)
        bulk = [asyncio.create_task(take(limiter, BACKGROUND)) for _ in range(10)]
        await asyncio.sleep(1)
        granted = limiter.used()
        await asyncio.gather(*bulk)
        return granted

    assert run_in_virtual_time(scenario()) == 8


def test_the_reserve_ends_one_window_after_the_last_interactive_call() -> None:
    async def scenario() -> list[float]:
        limiter = RollingWindowLimiter(10, 60.0, reserve=0.2)
        await take(limiter, INTERACTIVE)
        log: list[tuple[str, float]] = []
        await asyncio.gather(*(take(limiter, BACKGROUND, log=log) for _ in range(9)))
        return [at for _, at in log]

    times = run_in_virtual_time(scenario())
    # 8 at once (the reserve keeps one slot more), the 9th once the interactive call is a window old.
    assert times[:8] == [0.0] * 8 and times[8] == 60.0


def test_grants_take_turns_whoever_queued_first() -> None:
    async def scenario() -> list[str]:
        limiter = RollingWindowLimiter(1, 1.0, reserve=0.0)
        await take(limiter, BACKGROUND, "a")
        log: list[tuple[str, float]] = []
        early = [asyncio.create_task(take(limiter, BACKGROUND, "a", log)) for _ in range(6)]
        await asyncio.sleep(0.1)
        late = [asyncio.create_task(take(limiter, BACKGROUND, "b", log)) for _ in range(3)]
        await asyncio.gather(*early, *late)
        return [grant for grant, _ in log]

    # b queued behind six of a's requests, yet it is served from the next slot on, in turn.
    assert run_in_virtual_time(scenario()) == ["a", "b", "a", "b", "a", "b", "a", "a", "a"]


def test_weights_divide_the_slots_between_grants() -> None:
    async def scenario() -> dict[str, int]:
        limiter = RollingWindowLimiter(1, 1.0, reserve=0.0, grant_weights={"big": 3})
        await take(limiter, BACKGROUND, "small")
        log: list[tuple[str, float]] = []
        tasks = [
            asyncio.create_task(take(limiter, BACKGROUND, grant, log))
            for grant in ("big", "small")
            for _ in range(40)
        ]
        await asyncio.sleep(20.5)  # 20 slots (t = 1 to 20), both grants queued throughout
        counts = {"big": 0, "small": 0}
        for grant, _ in log:
            counts[grant] += 1
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        return counts

    counts = run_in_virtual_time(scenario())
    assert counts == {"big": 15, "small": 5}


def test_stats_count_per_class_and_per_grant() -> None:
    async def scenario() -> None:
        limiter = RollingWindowLimiter(2, 10.0, reserve=0.0)
        await take(limiter, INTERACTIVE, "a")
        await take(limiter, BACKGROUND, "b")
        waiting = asyncio.create_task(take(limiter, BACKGROUND, "b"))
        await asyncio.sleep(1)
        stats = limiter.stats()
        assert stats.by_class[BACKGROUND].queued == 1
        assert stats.by_grant["b"].queued == 1
        await waiting
        stats = limiter.stats()
        assert stats.by_class[INTERACTIVE].granted == 1
        assert stats.by_class[BACKGROUND].granted == 2
        assert stats.by_class[BACKGROUND].waited == 1
        assert stats.by_grant["b"].longest_wait == 10.0
        assert stats.by_grant["b"].queued == 0
        assert stats.by_grant["a"].granted == 1

    run_in_virtual_time(scenario())


def test_an_interactive_wait_stays_bounded_by_its_maximum_wait() -> None:
    async def scenario() -> float:
        limiter = RollingWindowLimiter(1, 60.0)
        await take(limiter)
        asked = now()
        with pytest.raises(FullscriptError):
            await limiter.acquire(max_wait=5.0)
        return now() - asked

    assert run_in_virtual_time(scenario()) == 0.0  # the slot is a window away: refused at once


@pytest.mark.parametrize("reserve", [-0.1, 1.0, 1.5, math.nan])
def test_rejects_a_reserve_outside_zero_to_one(reserve: float) -> None:
    with pytest.raises(InvalidParameterError, match="reserve"):
        RollingWindowLimiter(reserve=reserve)


@pytest.mark.parametrize("weight", [0, -1, math.inf, math.nan, "2", True])
def test_rejects_a_weight_that_is_not_a_positive_number(weight: object) -> None:
    with pytest.raises(InvalidParameterError, match="weight"):
        RollingWindowLimiter(grant_weights={"a": weight})  # type: ignore[dict-item]


def test_rejects_an_unknown_work_class() -> None:
    async def scenario() -> None:
        with pytest.raises(InvalidParameterError, match="work_class must be one of"):
            await RollingWindowLimiter().acquire(work_class="bulk")  # type: ignore[arg-type]

    run_in_virtual_time(scenario())


@st.composite
def backlogs(draw: st.DrawFn) -> list[str]:
    """The order in which queued background requests of 2 to 4 grants arrived."""
    grants = [f"g{n}" for n in range(draw(st.integers(2, 4)))]
    return draw(st.lists(st.sampled_from(grants), min_size=2, max_size=60))


@PROPERTIES
@given(backlogs())
def test_queued_grants_are_served_round_robin_whatever_the_arrival_order(
    arrivals: list[str],
) -> None:
    async def scenario() -> list[str]:
        limiter = RollingWindowLimiter(1, 1.0, reserve=0.0)
        await take(limiter, BACKGROUND, "first")
        log: list[tuple[str, float]] = []
        await asyncio.gather(*(take(limiter, BACKGROUND, grant, log) for grant in arrivals))
        return [grant for grant, _ in log]

    served = run_in_virtual_time(scenario())
    assert sorted(served) == sorted(arrivals)
    remaining = {grant: arrivals.count(grant) for grant in arrivals}
    counts = dict.fromkeys(remaining, 0)
    for grant in served:
        counts[grant] += 1
        # Among grants that still have work queued, nobody gets two slots ahead of another.
        active = [counts[g] for g in remaining if counts[g] < remaining[g] or g == grant]
        assert max(active) - min(active) <= 1


@st.composite
def mixed_traffic(draw: st.DrawFn) -> tuple[list[float], list[tuple[str, float]]]:
    """Interactive call times (at most 2 in any 10 s window) and background arrivals."""
    gaps = draw(st.lists(st.floats(5.0, 20.0), max_size=8))
    calls, at = [], 0.0
    for gap in gaps:
        at += gap
        calls.append(at)
    background = draw(
        st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.floats(0, 60)), max_size=80)
    )
    return calls, background


@PROPERTIES
@given(mixed_traffic())
def test_interactive_calls_within_the_reserve_never_wait_behind_bulk_work(
    traffic: tuple[list[float], list[tuple[str, float]]],
) -> None:
    calls, background = traffic

    async def scenario() -> tuple[list[float], list[float]]:
        limiter = RollingWindowLimiter(10, 10.0, reserve=0.3, reserve_always=True)
        waits: list[float] = []
        granted: list[float] = []

        async def call_at(at: float) -> None:
            await asyncio.sleep(at)
            waits.append(await take(limiter, INTERACTIVE))
            granted.append(now())

        async def job_at(grant: str, at: float) -> None:
            await asyncio.sleep(at)
            await take(limiter, BACKGROUND, grant)
            granted.append(now())

        await asyncio.gather(
            *(call_at(at) for at in calls), *(job_at(grant, at) for grant, at in background)
        )
        return waits, granted

    waits, granted = run_in_virtual_time(scenario())
    assert waits == [0.0] * len(calls)
    assert max_in_rolling_window(granted, 10.0) <= 10


def test_background_waiters_without_interactive_work_wake_only_when_a_slot_frees() -> None:
    async def scenario() -> int:
        limiter = RollingWindowLimiter(2, 60.0)  # a reserve, but no interactive work ever
        loop = asyncio.get_running_loop()
        wakes = 0
        original = limiter._dispatch

        def counted(*args: object) -> None:
            nonlocal wakes
            wakes += 1
            original(*args)  # type: ignore[arg-type]

        limiter._dispatch = counted  # type: ignore[method-assign]
        await asyncio.gather(*(take(limiter, BACKGROUND) for _ in range(6)))
        assert loop.time() == 120.0
        return wakes

    # Six acquires, two releases waking a queue, two timers: not a busy loop of timers.
    assert run_in_virtual_time(scenario(), deadlock_timeout=5.0) < 30
