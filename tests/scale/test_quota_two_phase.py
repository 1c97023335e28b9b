"""The window holds at the server: with random delays before a request arrives and before its
answer comes back, the server never sees more than N in its own rolling window.

Everything runs on virtual time through the real `FullscriptTransport`, so delays of seconds
cost nothing and the arrival times the "server" records are exact.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
from typing import Any

import httpx2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullscript import FullscriptTransport, Permit, RetryPolicy, RollingWindowLimiter
from fullscript.testing import max_in_rolling_window, run_in_virtual_time

NO_RETRY = RetryPolicy(max_retries=0)


class OnePhaseLimiter(RollingWindowLimiter):
    """What the limiter did before: a slot counts from its grant, whatever the latency."""

    async def acquire(
        self, scope: str = "default", *, max_wait: float = math.inf, **how: Any
    ) -> Permit:
        permit = await super().acquire(scope, max_wait=max_wait, **how)
        await super().release(permit)
        return permit

    async def release(self, permit: Permit) -> None:
        return None


async def run_traffic(
    limiter: RollingWindowLimiter,
    *,
    seed: int,
    callers: int,
    requests_each: int,
    max_delay: float,
    failure_rate: float,
) -> list[float]:
    """Callers send back to back; each request reaches the server after a random delay, and
    its answer (or a connection failure) comes back after another. Returns arrival times."""
    loop = asyncio.get_running_loop()
    rng = random.Random(seed)
    arrivals: list[float] = []

    async def server(request: httpx2.Request) -> httpx2.Response:
        await asyncio.sleep(rng.uniform(0, max_delay))  # on the way to the server
        arrivals.append(loop.time())
        await asyncio.sleep(rng.uniform(0, max_delay))  # the answer on its way back
        if rng.random() < failure_rate:
            raise httpx2.ReadError("connection lost after the server got the request")
        return httpx2.Response(200, json={})

    transport = FullscriptTransport(httpx2.MockTransport(server), limiter=limiter, retry=NO_RETRY)
    async with httpx2.AsyncClient(transport=transport, timeout=httpx2.Timeout(None)) as http:

        async def caller() -> None:
            for _ in range(requests_each):
                await asyncio.sleep(rng.uniform(0, max_delay / 4))
                with contextlib.suppress(httpx2.ReadError):
                    await http.get("https://api.example/api/clinic")

        await asyncio.gather(*(caller() for _ in range(callers)))
    return arrivals


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    max_requests=st.integers(1, 12),
    window=st.sampled_from([0.5, 3.0, 10.0, 300.0]),
    delay_fraction=st.sampled_from([0.01, 0.1, 0.5, 1.5]),
    callers=st.integers(1, 12),
    failure_rate=st.sampled_from([0.0, 0.2]),
)
def test_the_server_never_sees_more_than_the_limit_in_its_window(
    seed: int,
    max_requests: int,
    window: float,
    delay_fraction: float,
    callers: int,
    failure_rate: float,
) -> None:
    limiter = RollingWindowLimiter(max_requests, window)
    arrivals = run_in_virtual_time(
        run_traffic(
            limiter,
            seed=seed,
            callers=callers,
            requests_each=4,
            max_delay=delay_fraction * window,
            failure_rate=failure_rate,
        ),
        deadlock_timeout=5.0,
    )
    assert len(arrivals) == callers * 4
    assert max_in_rolling_window(arrivals, window) <= max_requests
    assert limiter.stats().in_flight == 0


@pytest.mark.parametrize("seed", range(5))
def test_counting_from_the_grant_alone_lets_the_server_see_too_many(seed: int) -> None:
    """The same traffic through a one-phase limiter overruns the server's window: the
    property above is not true by accident."""
    arrivals = run_in_virtual_time(
        run_traffic(
            OnePhaseLimiter(10, 3.0),
            seed=seed,
            callers=10,
            requests_each=6,
            max_delay=0.5,
            failure_rate=0.0,
        ),
        deadlock_timeout=5.0,
    )
    assert max_in_rolling_window(arrivals, 3.0) > 10


def test_a_cancelled_attempt_still_holds_its_slot_for_a_window() -> None:
    """A request cancelled in flight may have reached the server: its slot is released at the
    cancellation and counts one window from then."""

    async def scenario() -> tuple[float, int]:
        loop = asyncio.get_running_loop()
        limiter = RollingWindowLimiter(1, 10.0)

        async def slow(request: httpx2.Request) -> httpx2.Response:
            await asyncio.sleep(100)
            return httpx2.Response(200)

        transport = FullscriptTransport(httpx2.MockTransport(slow), limiter=limiter, retry=NO_RETRY)
        async with httpx2.AsyncClient(transport=transport, timeout=None) as http:
            task = asyncio.create_task(http.get("https://api.example/x"))
            await asyncio.sleep(4)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            permit = await limiter.acquire(limiter_scope("api.example"))
            return loop.time(), limiter.stats().in_flight + (permit is None)

    granted_at, in_flight = run_in_virtual_time(scenario(), deadlock_timeout=5.0)
    assert granted_at == 14.0  # cancelled at 4, counted until 4 + 10
    assert in_flight == 1  # only the new permit


def limiter_scope(host: str) -> str:
    return host  # a bare FullscriptTransport keeps one quota per server host
