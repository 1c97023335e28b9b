"""Property tests: the rolling window is never exceeded and the quota is fully used.

Random limits, windows, arrival times, bursts, cancellations and pauses, all on virtual time
(`VirtualTimeEventLoop`): grant times are exact and hours of traffic take milliseconds.
"""

from __future__ import annotations

import asyncio
import bisect
from typing import cast

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullscript._limiters import RollingWindowLimiter
from fullscript.testing import max_in_rolling_window, run_in_virtual_time

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def now() -> float:
    return asyncio.get_running_loop().time()


def window_is_never_exceeded(times: list[float], max_requests: int, window: float) -> bool:
    """No interval (t - window, t] holds more than max_requests grants.

    Same arithmetic as the limiter: a grant at g still counts at t while g + window > t.
    """
    ordered = sorted(times)
    return all(
        ordered[i] + window <= ordered[i + max_requests] for i in range(len(ordered) - max_requests)
    )


@attrs.frozen
class Request:
    arrival: float
    give_up_after: float | None  # the caller cancels its wait after this long, if still waiting


@attrs.frozen
class Scenario:
    max_requests: int
    window: float
    requests: list[Request]
    pauses: list[tuple[float, float]]  # (at, seconds)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    max_requests = draw(st.integers(min_value=1, max_value=8))
    window = draw(st.sampled_from([0.25, 1.0, 7.5, 60.0, 300.0]))
    # Arrivals on a coarse grid make bursts (equal times) likely, plus arbitrary floats.
    arrival = st.one_of(
        st.integers(min_value=0, max_value=24).map(lambda k: k * window / 8),
        st.floats(min_value=0, max_value=3 * window, allow_nan=False),
    )
    give_up = st.one_of(
        st.none(), st.none(), st.floats(min_value=0, max_value=2 * window, allow_nan=False)
    )
    requests = draw(
        st.lists(st.builds(Request, arrival, give_up), min_size=1, max_size=6 * max_requests + 4)
    )
    pauses = draw(
        st.lists(
            st.tuples(
                st.floats(min_value=0, max_value=3 * window, allow_nan=False),
                st.floats(min_value=0, max_value=window, allow_nan=False),
            ),
            max_size=2,
        )
    )
    return Scenario(max_requests, window, requests, pauses)


@attrs.frozen
class Outcome:
    grants: list[float]
    called_order: list[int]
    granted_order: list[int]
    cancelled: set[int]
    still_waiting: int


async def play(scenario: Scenario) -> Outcome:
    limiter = RollingWindowLimiter(scenario.max_requests, scenario.window)
    grants: list[float] = []
    called_order: list[int] = []
    granted_order: list[int] = []
    tickets: list[tuple[int, int]] = []
    cancelled: set[int] = set()

    async def request(number: int, spec: Request) -> None:
        await asyncio.sleep(spec.arrival)
        called_order.append(number)
        try:
            async with asyncio.timeout(spec.give_up_after):
                permit = await limiter.acquire()
        except TimeoutError:
            cancelled.add(number)
            return
        await limiter.release(permit)  # an answer that comes back at once
        grants.append(now())
        # In the order the limiter granted (its tickets count up), not the order the tasks
        # resumed: a waiter granted by a release resumes after a newcomer granted at once.
        tickets.append((cast(int, permit.ticket), number))

    async def pause(at: float, seconds: float) -> None:
        await asyncio.sleep(at)
        await limiter.pause(seconds)

    await asyncio.gather(
        *(request(number, spec) for number, spec in enumerate(scenario.requests)),
        *(pause(at, seconds) for at, seconds in scenario.pauses),
    )
    granted_order.extend(number for _, number in sorted(tickets))
    return Outcome(grants, called_order, granted_order, cancelled, limiter.waiting)


@PROPERTY_SETTINGS
@given(scenarios())
def test_window_is_never_exceeded_under_random_concurrent_load(scenario: Scenario) -> None:
    outcome = run_in_virtual_time(play(scenario), deadlock_timeout=5.0)

    assert window_is_never_exceeded(outcome.grants, scenario.max_requests, scenario.window)
    # Every request either got its slot or gave up; nothing is left queued.
    assert len(outcome.grants) + len(outcome.cancelled) == len(scenario.requests)
    assert outcome.still_waiting == 0
    # First come, first served among those who stayed.
    assert outcome.granted_order == [n for n in outcome.called_order if n not in outcome.cancelled]


@PROPERTY_SETTINGS
@given(scenarios())
def test_requests_that_never_give_up_are_all_served(scenario: Scenario) -> None:
    patient = attrs.evolve(
        scenario,
        requests=[attrs.evolve(request, give_up_after=None) for request in scenario.requests],
    )

    outcome = run_in_virtual_time(play(patient), deadlock_timeout=5.0)

    assert sorted(outcome.granted_order) == list(range(len(scenario.requests)))
    assert window_is_never_exceeded(outcome.grants, scenario.max_requests, scenario.window)


@PROPERTY_SETTINGS
@given(
    max_requests=st.integers(min_value=1, max_value=40),
    window=st.floats(min_value=0.01, max_value=600, allow_nan=False),
    clients=st.integers(min_value=1, max_value=12),
    windows=st.integers(min_value=1, max_value=6),
    start_offsets=st.lists(st.floats(min_value=0, max_value=1), min_size=12, max_size=12),
    latency_fraction=st.sampled_from([0.0, 0.001, 0.01]),
)
def test_saturating_load_uses_at_least_99_percent_of_the_quota(
    max_requests: int,
    window: float,
    clients: int,
    windows: int,
    start_offsets: list[float],
    latency_fraction: float,
) -> None:
    async def saturate() -> tuple[float, list[float]]:
        limiter = RollingWindowLimiter(max_requests, window)
        grants: list[float] = []
        # Clients join during the first window; each sends back to back (with a small
        # per-request latency) for the rest of the run.
        first_arrival = min(start_offsets[:clients]) * window
        end = first_arrival + windows * window

        async def client(offset: float) -> None:
            await asyncio.sleep(offset * window)
            while True:
                asked = now()
                permit = await limiter.acquire()
                granted = now()
                if granted > asked:
                    waited.append(granted)
                if granted >= end:
                    await limiter.release(permit)
                    every_release.append(now())
                    return
                grants.append(granted)
                await asyncio.sleep(latency_fraction * window)
                await limiter.release(permit)  # the response arrived
                every_release.append(now())

        await asyncio.gather(*(client(offset) for offset in start_offsets[:clients]))
        return first_arrival, grants

    every_release: list[float] = []
    waited: list[float] = []
    first_arrival, grants = run_in_virtual_time(saturate(), deadlock_timeout=5.0)

    quota = windows * max_requests
    assert window_is_never_exceeded(grants, max_requests, window)
    assert all(t >= first_arrival for t in grants)
    assert len(grants) >= 0.99 * quota
    # Work conserving, which is what keeps the quota used over any horizon: a caller that had
    # to wait gets its slot the moment an earlier released slot leaves the window, not later.
    tolerance = 1e-9 * window + 2e-6
    ordered = sorted(every_release)
    for granted in waited:
        index = bisect.bisect_left(ordered, granted - window - tolerance)
        assert index < len(ordered) and ordered[index] <= granted - window + tolerance, granted


@settings(deadline=None)
@given(
    times=st.lists(st.floats(min_value=0, max_value=100, allow_nan=False), max_size=40),
    window=st.floats(min_value=0.01, max_value=50, allow_nan=False),
)
def test_max_in_rolling_window_agrees_with_a_brute_force_count(
    times: list[float], window: float
) -> None:
    brute_force = max((sum(1 for g in times if g <= t < g + window) for t in times), default=0)
    assert max_in_rolling_window(times, window) == brute_force
