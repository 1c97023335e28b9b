"""The quota as a `Fullscript` user sees it: quota used against an in-process sandbox with
latency, bounded limiter waits, the quota's scope, stats and log lines. Virtual time throughout.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import math
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import attrs
import httpx2
import pytest
from support.sandbox_clients import make_client, token_from

from fullscript import (
    Fullscript,
    RateLimitError,
    RateLimitWaitExceeded,
    Region,
    RetryPolicy,
    RollingWindowLimiter,
)
from fullscript._limiters import GRANT_ID_EXTENSION
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.testing import RecordingLimiter, run_in_virtual_time

T = TypeVar("T")
EPOCH = 1_800_000_000.0  # virtual time starts here, so the sandbox's timestamps look real


def virtual(scenario: Callable[[], Awaitable[T]]) -> T:
    async def main() -> T:
        return await scenario()

    return run_in_virtual_time(main(), start=EPOCH, deadlock_timeout=10.0)


class Latency(httpx2.AsyncBaseTransport):
    """`seconds` on the way to the sandbox and `seconds` back (virtual time)."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.sent = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.sent += 1
        await asyncio.sleep(self.seconds)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        await asyncio.sleep(self.seconds)
        return response


def sandbox_on_loop(rate_limit: str) -> Sandbox:
    loop = asyncio.get_running_loop()
    return Sandbox(clock=loop.time, rate_limit=rate_limit)


def client_for(
    sandbox: Sandbox, transport: httpx2.AsyncBaseTransport, **options: Any
) -> Fullscript:
    options.setdefault("retry", RetryPolicy(max_retries=0))
    return make_client(sandbox, transport=transport, **options)


def test_limiter_equal_to_the_server_limit_with_latency_uses_the_quota_without_429s() -> None:
    """50 per 3 s on both sides, 50 ms each way, 10 workers for 10 windows: 0 429s and the
    whole quota used. Counting slots from their grant alone drew 429s here."""

    async def scenario() -> tuple[int, int, int]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_on_loop("50/3")
        limiter = RollingWindowLimiter(50, 3.0)
        transport = Latency(sandbox.transport(), 0.05)
        start = loop.time()
        end = start + 10 * 3.0
        async with client_for(sandbox, transport, limiter=limiter) as fs:

            async def worker() -> None:
                while loop.time() < end:
                    await fs.clinic.retrieve()

            await asyncio.gather(*(worker() for _ in range(10)))
        app = sandbox.traffic_stats().app(DEFAULT_CLIENT_ID)
        return app.rate_limited, app.requests, app.max_in_window

    rate_limited, requests, busiest = virtual(scenario)
    assert rate_limited == 0
    assert busiest <= 50
    assert requests >= 0.99 * 50 * 10


def test_a_wait_longer_than_the_timeout_fails_locally_and_sends_nothing() -> None:
    async def scenario() -> tuple[RateLimitWaitExceeded, float, int]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_on_loop("100/60")
        transport = Latency(sandbox.transport(), 0.0)
        async with client_for(
            sandbox, transport, limiter=RollingWindowLimiter(2, 60.0), timeout=2.0
        ) as fs:
            await fs.clinic.retrieve()
            await fs.clinic.retrieve()
            sent = transport.sent
            asked = loop.time()
            with pytest.raises(RateLimitWaitExceeded) as refused:
                await fs.clinic.retrieve()
            return refused.value, loop.time() - asked, transport.sent - sent

    refused, waited, sent = virtual(scenario)
    assert sent == 0
    assert waited == 0.0  # the slot is ~60 s away: no point waiting 2 s for it
    assert isinstance(refused, RateLimitError) and refused.status_code == 429
    assert refused.max_wait == 2.0 and 59.0 < refused.would_wait <= 60.0
    assert refused.retry_after == 60
    message = str(refused)
    assert (
        "GET http://fullscript-sandbox/us/api/clinic would have had to wait at least 60.000s"
        in message
    )
    assert "maximum wait of 2.000s" in message and "nothing was sent" in message


def test_a_queued_call_gives_up_at_its_maximum_wait() -> None:
    """Behind a queue, the first estimate looks fine but the slot never comes in time."""

    async def scenario() -> tuple[list[str], float]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_on_loop("100/60")
        slow = Latency(sandbox.transport(), 30.0)  # two calls in flight for a minute
        async with client_for(
            sandbox, slow, limiter=RollingWindowLimiter(2, 10.0), timeout=httpx2.Timeout(600.0)
        ) as fs:
            in_flight = [asyncio.create_task(fs.clinic.retrieve()) for _ in range(2)]
            await asyncio.sleep(1)
            started = loop.time()
            outcome: list[str] = []
            try:
                await fs.with_options(max_limiter_wait=20.0).clinic.retrieve()
            except RateLimitWaitExceeded as refused:
                outcome.append(f"refused after {refused.waited:.0f}s")
            await asyncio.gather(*in_flight)
            return outcome, loop.time() - started

    outcome, _ = virtual(scenario)
    # Both slots are in flight until t=60: the 20 s pass without one coming free.
    assert outcome == ["refused after 20s"]


def test_max_limiter_wait_is_settable_on_the_client_and_per_call() -> None:
    async def scenario() -> list[float]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_on_loop("100/60")
        waits: list[float] = []
        async with client_for(
            sandbox,
            sandbox.transport(),
            limiter=RollingWindowLimiter(1, 30.0),
            timeout=2.0,
            max_limiter_wait=math.inf,
        ) as fs:
            for copy in (fs, fs.with_options(max_limiter_wait=40.0)):
                asked = loop.time()
                await copy.clinic.retrieve()
                waits.append(loop.time() - asked)
            with pytest.raises(RateLimitWaitExceeded):
                await fs.with_options(max_limiter_wait=5.0).clinic.retrieve()
        return waits

    waits = virtual(scenario)
    assert waits[0] == 0.0 and 29.0 < waits[1] <= 30.0


@pytest.mark.parametrize("bad", [-1.0, math.nan, "5"])
def test_a_bad_max_limiter_wait_is_refused_naming_it(bad: object) -> None:
    with pytest.raises((TypeError, ValueError), match="max_limiter_wait"):
        Fullscript(client_id="a", client_secret="b", redirect_uri="c", max_limiter_wait=bad)  # type: ignore[arg-type]


def test_an_old_style_limiter_is_refused_with_what_the_protocol_needs() -> None:
    class OneMethod:
        async def acquire(self) -> None:
            return None

    with pytest.raises(TypeError, match=r"limiter= must implement RateLimiter .*release\(permit\)"):
        Fullscript(client_id="a", client_secret="b", redirect_uri="c", limiter=OneMethod())  # type: ignore[arg-type]


def scopes_seen(**options: Any) -> list[str]:
    async def scenario() -> list[str]:
        sandbox = sandbox_on_loop("100/60")
        limiter = RecordingLimiter()
        async with client_for(sandbox, sandbox.transport(), limiter=limiter, **options) as fs:
            await fs.clinic.retrieve()
        return [call.scope for call in limiter.calls if call.kind == "acquire"]

    return virtual(scenario)


def test_by_default_one_quota_per_app_and_server() -> None:
    from fullscript._limiters import quota_scope

    scopes = scopes_seen()
    assert scopes == [f"app:{DEFAULT_CLIENT_ID}@{httpx2.URL(Sandbox.base_url('us')).host}"]
    per_app = quota_scope("app", "app-1")
    us, ca = (
        httpx2.Request("GET", "https://us.example/a"),
        httpx2.Request("GET", "https://ca.example/a"),
    )
    assert per_app(us) != per_app(ca)


def test_per_grant_quota_reads_the_grant_of_the_request() -> None:
    assert scopes_seen(quota_scope="grant")[0].startswith(f"grant:{DEFAULT_CLIENT_ID}@")
    assert scopes_seen(quota_scope="grant")[0].endswith("/default")

    request = httpx2.Request(
        "GET", "https://api.example/x", extensions={GRANT_ID_EXTENSION: "tenant-7"}
    )
    from fullscript._limiters import quota_scope

    assert quota_scope("grant", "app-1")(request) == "grant:app-1@api.example/tenant-7"
    assert quota_scope("app", "app-1")(request) == "app:app-1@api.example"


def test_a_custom_scope_function_and_a_bad_scope() -> None:
    assert scopes_seen(quota_scope=lambda request: "everything")[0] == "everything"
    with pytest.raises(ValueError, match="quota_scope must be 'app', 'grant' or a function"):
        Fullscript(client_id="a", client_secret="b", redirect_uri="c", quota_scope="clinic")  # type: ignore[arg-type]


def test_two_apps_sharing_a_limiter_keep_separate_quotas() -> None:
    async def scenario() -> list[float]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_on_loop("100/60")
        sandbox.register_app(
            client_id="second-app", client_secret="s2", redirect_uri=DEFAULT_REDIRECT_URI
        )
        limiter = RollingWindowLimiter(1, 30.0)
        first = client_for(sandbox, sandbox.transport(), limiter=limiter, max_limiter_wait=math.inf)
        second = Fullscript(
            client_id="second-app",
            client_secret="s2",
            redirect_uri=DEFAULT_REDIRECT_URI,
            region=Region.from_key("us").with_base_url(sandbox.base_url("us")),
            transport=sandbox.transport(),
            limiter=limiter,
            max_limiter_wait=math.inf,
        )
        times = []
        async with first, second:
            await first.clinic.retrieve()
            times.append(loop.time())
            await second.exchange_code(sandbox.authorization_code("us", client_id="second-app"))
            times.append(loop.time())
            await first.clinic.retrieve()
            times.append(loop.time())
        return [t - EPOCH for t in times]

    assert virtual(scenario) == [0.0, 0.0, 30.0]


def test_stats_and_one_log_line_per_event_not_per_waiting_caller(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def scenario() -> Any:
        sandbox = sandbox_on_loop("1000/60")
        limiter = RollingWindowLimiter(5, 10.0)
        # A little latency, so the four calls below are all in flight before any answer.
        transport = Latency(sandbox.transport(), 0.01)
        async with client_for(sandbox, transport, limiter=limiter, max_limiter_wait=math.inf) as fs:
            await asyncio.gather(*(fs.clinic.retrieve() for _ in range(25)))
            await asyncio.sleep(20)  # free slots: the next four go out at the same instant
            sandbox.faults.rate_limit(retry_after=3, operation_id="retrieve_clinic", times=4)
            results = await asyncio.gather(
                *(fs.clinic.retrieve() for _ in range(4)), return_exceptions=True
            )
            assert all(isinstance(result, RateLimitError) for result in results)
            return fs.limiter_stats()

    with caplog.at_level(logging.INFO, logger="fullscript"):
        stats = virtual(scenario)
    waits = [r for r in caplog.records if "Client-side rate limit reached" in r.getMessage()]
    pauses = [r for r in caplog.records if "Rate limited by the server" in r.getMessage()]
    # 20 callers waited through 4 windows: one line per window of saturation, not 20.
    assert len(waits) <= 5 and waits[0].levelno == logging.INFO
    # Four simultaneous 429s make one pause: one warning.
    assert len(pauses) == 1 and pauses[0].levelno == logging.WARNING
    assert stats.granted == 29 and stats.waited >= 20 and stats.pauses == 1
    assert stats.total_wait >= 20 * 10.0 and 40.0 < stats.longest_wait < 40.1
    assert stats.in_flight == 0 and stats.refused == 0


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while CPU time is measured: a full collection that
    happens to land in one of the two runs compared would swamp what they measure."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def cancel_cost(waiters: int) -> float:
    """CPU seconds to cancel `waiters` callers queued behind a full limiter."""

    async def scenario() -> float:
        limiter = RollingWindowLimiter(1, 3600.0)
        await limiter.acquire()
        tasks = [asyncio.create_task(limiter.acquire()) for _ in range(waiters)]
        await asyncio.sleep(0)
        assert limiter.waiting == waiters
        with _collector_paused():
            started = time.process_time()
            # Cancel from the back: with a list removal each cancel scanned the whole queue.
            for task in reversed(tasks):
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            spent = time.process_time() - started
        assert limiter.waiting == 0
        return spent

    return min(run_in_virtual_time(scenario()) for _ in range(3))


def test_cancelling_queued_waiters_costs_o_1_each() -> None:
    """Ten times the waiters cost about ten times as much to cancel, not a hundred times."""
    small, large = cancel_cost(1_000), cancel_cost(10_000)
    assert large / small < 30, (small, large)


def test_per_grant_quota_counts_a_grants_token_refresh_against_that_grant() -> None:
    async def scenario() -> list[str]:
        sandbox = sandbox_on_loop("100/60")
        limiter = RecordingLimiter()
        async with client_for(
            sandbox, sandbox.transport(), limiter=limiter, quota_scope="grant"
        ) as fs:
            fresh = token_from(sandbox.issue_token("us"))
            # Issued long ago: expired here, so the view's first call refreshes it.
            stale = attrs.evolve(fresh, created_at=datetime(2020, 1, 1, tzinfo=UTC))
            view = await fs.add_grant("tenant-7", stale)
            limiter.calls.clear()
            await view.clinic.retrieve()
        return [call.scope for call in limiter.calls if call.kind == "acquire"]

    scopes = virtual(scenario)
    assert len(scopes) == 2  # the token refresh, then the call
    assert all(scope.endswith("/tenant-7") for scope in scopes), scopes


def grant_cost(waiters: int, max_wait: float) -> float:
    """CPU seconds to queue `waiters` callers behind a full limiter and grant them all."""

    async def scenario() -> float:
        limiter = RollingWindowLimiter(waiters, 3600.0)
        held = [await limiter.acquire() for _ in range(waiters)]
        with _collector_paused():
            started = time.process_time()
            tasks = [
                asyncio.create_task(limiter.acquire(max_wait=max_wait)) for _ in range(waiters)
            ]
            await asyncio.sleep(0)
            assert limiter.waiting == waiters
            for permit in held:  # each release hands its slot... to nobody: it counts an hour
                await limiter.release(permit)
            await asyncio.sleep(3600.0)  # the hour passes: every queued caller is granted
            await asyncio.gather(*tasks)
            spent = time.process_time() - started
        assert limiter.waiting == 0
        return spent

    return min(run_in_virtual_time(scenario()) for _ in range(3))


def test_a_finite_maximum_wait_costs_queued_callers_no_more_than_none() -> None:
    """One timer handle per waiter, not a sleeping task each: 10,000 waiters with a maximum
    wait cost about what they cost without one."""
    unbounded, bounded = grant_cost(10_000, math.inf), grant_cost(10_000, 7200.0)
    assert bounded / unbounded < 1.5, (unbounded, bounded)
