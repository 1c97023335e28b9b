"""Every call has an overall deadline covering limiter waits, attempts, backoff and refresh.

Run on virtual time: the deadlines and delays are the API's real ones (Retry-After 300, a
70 s-slow server), and the assertions are about the virtual clock, which only the SDK moves.
"""

from __future__ import annotations

import asyncio
import gc
import math
import pickle
import weakref
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import httpx2
import pytest
from fullscript_api.models import PatientCreateRequest

from fullscript import (
    APITimeoutError,
    DeadlineExceededError,
    Fullscript,
    InvalidParameterError,
    InvalidParameterTypeError,
    RateLimitError,
    RetryPolicy,
    RollingWindowLimiter,
)
from fullscript._deadline import CallDeadline, DeadlineWatch, deadline_watch
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.testing import run_in_virtual_time

from .conftest import RecordingTransport, make_client, sandbox_region, token_from

SLOW_SECONDS = 70.0
# Waits as the client does by default, without jitter so that the timeline is exact.
POLICY = RetryPolicy(max_retries=2, initial_backoff=0.5, max_backoff=8.0, jitter=False)


class SlowServer(httpx2.AsyncBaseTransport):
    """Answers after ``SLOW_SECONDS``; like httpx, gives up at the attempt's read timeout."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, path_suffix: str) -> None:
        self.inner = inner
        self.path_suffix = path_suffix
        self.attempts = 0

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if not request.url.path.endswith(self.path_suffix):
            return await self.inner.handle_async_request(request)
        self.attempts += 1
        read = request.extensions.get("timeout", {}).get("read")
        if read is not None and read < SLOW_SECONDS:
            await asyncio.sleep(read)
            raise httpx2.ReadTimeout("read timed out", request=request)
        await asyncio.sleep(SLOW_SECONDS)
        return await self.inner.handle_async_request(request)


class StalledTokenEndpoint(httpx2.AsyncBaseTransport):
    """The token endpoint never answers (a stuck proxy that ignores timeouts)."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/oauth/token"):
            # Answers only after an hour (the client waits for it on closing).
            await asyncio.sleep(3600)
            raise httpx2.ReadTimeout("stalled", request=request)
        return await self.inner.handle_async_request(request)


def test_a_slow_server_fails_the_call_at_its_deadline_not_after_every_retry(
    sandbox: Sandbox,
) -> None:
    """60 s timeout, two retries, a 70 s-slow server: 181 s before; the deadline (120 s by
    default, twice the timeout) ends it."""

    async def scenario() -> tuple[DeadlineExceededError, float, int]:
        slow = SlowServer(sandbox.transport(), "/api/clinic")
        async with make_client(sandbox, transport=slow, retry=POLICY, timeout=60) as fs:
            with pytest.raises(DeadlineExceededError) as caught:
                await fs.clinic.retrieve()
        return caught.value, asyncio.get_running_loop().time(), slow.attempts

    error, ended_at, attempts = run_in_virtual_time(scenario())
    assert ended_at <= 120.0
    assert error.deadline == 120.0
    assert attempts == error.attempts_sent == 2
    assert isinstance(error, APITimeoutError)
    assert error.operation == "retrieve_clinic"
    assert error.may_have_been_applied is False
    assert "deadline of 120 s" in str(error)


def test_a_retry_after_past_the_deadline_is_not_waited_for(sandbox: Sandbox) -> None:
    """Two 429s with Retry-After 300: 120 s before (the wait capped at 60 s each); with a
    90 s deadline the second 429 is final at once."""

    async def scenario() -> tuple[RateLimitError, float]:
        sandbox.faults.rate_limit(retry_after=300, operation_id="retrieve_clinic", times=2)
        async with make_client(sandbox, retry=POLICY, timeout=60, deadline=90) as fs:
            with pytest.raises(RateLimitError) as caught:
                await fs.clinic.retrieve()
        return caught.value, asyncio.get_running_loop().time()

    error, ended_at = run_in_virtual_time(scenario())
    assert error.status_code == 429
    assert ended_at == 60.0  # one capped wait of 60 s fitted; the next would not have


def test_a_wait_for_the_rate_limit_past_the_deadline_sends_nothing(sandbox: Sandbox) -> None:
    async def scenario() -> tuple[DeadlineExceededError, float, int]:
        recorder = RecordingTransport(sandbox.transport())
        limiter = RollingWindowLimiter(max_requests=1, window=300.0)
        async with make_client(
            sandbox, transport=recorder, limiter=limiter, max_limiter_wait=math.inf
        ) as fs:
            await fs.clinic.retrieve()  # takes the only slot for 300 s
            fast = fs.with_options(deadline=30)
            with pytest.raises(DeadlineExceededError) as caught:
                await fast.clinic.retrieve()
        return caught.value, asyncio.get_running_loop().time(), len(recorder.sent)

    error, ended_at, sent = run_in_virtual_time(scenario())
    assert sent == 1
    assert error.attempts_sent == 0
    assert ended_at < 30.0  # refused up front rather than waiting to fail


def test_a_stalled_token_refresh_is_bounded_by_the_deadline(sandbox: Sandbox) -> None:
    async def scenario() -> tuple[DeadlineExceededError, float]:
        expired = attrs.evolve(
            token_from(sandbox.issue_token("us")),
            created_at=datetime.now(UTC) - timedelta(days=2),
        )
        fs = Fullscript(
            client_id=DEFAULT_CLIENT_ID,
            client_secret=DEFAULT_CLIENT_SECRET,
            redirect_uri=DEFAULT_REDIRECT_URI,
            region=sandbox_region(sandbox),
            transport=StalledTokenEndpoint(sandbox.transport()),
            token=expired,
            deadline=45,
        )
        async with fs:
            with pytest.raises(DeadlineExceededError) as caught:
                await fs.clinic.retrieve()
            ended_at = asyncio.get_running_loop().time()
        return caught.value, ended_at

    error, ended_at = run_in_virtual_time(scenario(), deadlock_timeout=5.0)
    assert ended_at == 45.0
    assert error.attempts_sent == 0


async def test_a_write_cut_short_by_its_deadline_may_have_been_applied(
    sandbox: Sandbox,
) -> None:
    slow = SlowServer(sandbox.transport(), "/api/clinic/patients")
    async with make_client(sandbox, transport=slow, deadline=0.05) as fs:
        with pytest.raises(DeadlineExceededError) as caught:
            await fs.patients.create(
                body=PatientCreateRequest(email="late@example.org", first_name="L", last_name="T")
            )
    assert caught.value.may_have_been_applied is True
    assert "may have been applied" in str(caught.value)


def test_the_default_deadline_is_twice_the_timeout_and_math_inf_turns_it_off() -> None:
    from fullscript._deadline import default_deadline

    assert default_deadline(httpx2.Timeout(60.0, connect=10.0)) == 120.0
    assert default_deadline(httpx2.Timeout(60.0), max_limiter_wait=30.0) == 150.0
    assert default_deadline(httpx2.Timeout(60.0), max_limiter_wait=math.inf) == math.inf
    assert default_deadline(httpx2.Timeout(None)) == math.inf


def test_a_limiter_wait_allowed_explicitly_is_not_cut_by_the_default_deadline(
    sandbox: Sandbox,
) -> None:
    async def scenario() -> float:
        limiter = RollingWindowLimiter(max_requests=1, window=30.0)
        async with make_client(
            sandbox, limiter=limiter, timeout=2.0, max_limiter_wait=math.inf
        ) as fs:
            await fs.clinic.retrieve()
            await fs.clinic.retrieve()  # waits about 30 s for the slot, as allowed
        return asyncio.get_running_loop().time()

    assert run_in_virtual_time(scenario()) >= 29.0


@pytest.mark.parametrize(
    ("value", "error"),
    [(0, InvalidParameterError), (-1, ValueError), ("5", InvalidParameterTypeError)],
)
async def test_a_deadline_that_is_not_a_positive_number_is_refused(
    fs: Fullscript, value: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match="deadline"):
        fs.with_options(deadline=value)  # type: ignore[arg-type]


def test_the_deadline_error_survives_pickling() -> None:
    from fullscript._errors import deadline_exceeded_error

    error = deadline_exceeded_error(
        method="POST",
        url=httpx2.URL("https://api-us.fullscript.io/api/clinic/patients?q=1"),
        operation="create_patient",
        deadline=30.0,
        attempts_sent=1,
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.deadline, copy.attempts_sent, copy.may_have_been_applied) == (30.0, 1, True)
    assert "q=1" not in str(copy) and "q=1" not in copy.url


class StalledServer(httpx2.AsyncBaseTransport):
    """Never answers calls to paths ending in ``path_suffix`` (ignoring every timeout)."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, path_suffix: str) -> None:
        self.inner = inner
        self.path_suffix = path_suffix

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith(self.path_suffix):
            await asyncio.sleep(3600)
        return await self.inner.handle_async_request(request)


def test_calls_share_one_loop_timer_for_their_deadlines(sandbox: Sandbox) -> None:
    """Calls that end in time neither schedule nor cancel a loop timer each, whichever client
    or copy of one makes them."""

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        deadline_timers = 0
        schedule = loop.call_at

        def counting_call_at(when: float, callback: Any, *args: Any, **kwargs: Any) -> Any:
            nonlocal deadline_timers
            if isinstance(getattr(callback, "__self__", None), DeadlineWatch):
                deadline_timers += 1
            return schedule(when, callback, *args, **kwargs)

        loop.call_at = counting_call_at  # type: ignore[method-assign]
        async with make_client(sandbox, deadline=30) as fs, make_client(sandbox) as other:
            for _ in range(10):
                await fs.clinic.retrieve()
                await fs.with_options(deadline=40).clinic.retrieve()
                await other.clinic.retrieve()
        return deadline_timers

    assert run_in_virtual_time(scenario()) == 1


def test_each_call_ends_at_its_own_deadline_and_the_client_goes_on(sandbox: Sandbox) -> None:
    """Deadlines watched together each fire on time, and calls after them are bounded too."""

    async def scenario() -> list[tuple[str, float]]:
        ended: list[tuple[str, float]] = []
        loop = asyncio.get_running_loop()
        stalled = StalledServer(sandbox.transport(), "/api/clinic")
        async with make_client(sandbox, transport=stalled) as fs:

            async def call(deadline: float) -> None:
                started = loop.time()
                try:
                    await fs.with_options(deadline=deadline).clinic.retrieve()
                except DeadlineExceededError:
                    ended.append((f"deadline {deadline:g}", loop.time() - started))

            await asyncio.gather(call(20), call(10))
            await asyncio.sleep(5)  # a call started later is bounded from its own start
            await call(10)
        return ended

    assert run_in_virtual_time(scenario()) == [
        ("deadline 10", 10.0),
        ("deadline 20", 20.0),
        ("deadline 10", 10.0),
    ]


def test_a_call_cancelled_by_its_caller_is_not_reported_as_past_its_deadline(
    sandbox: Sandbox,
) -> None:
    async def scenario() -> bool:
        stalled = StalledServer(sandbox.transport(), "/api/clinic")
        async with make_client(sandbox, transport=stalled, deadline=60) as fs:
            task = asyncio.ensure_future(fs.clinic.retrieve())
            await asyncio.sleep(5)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return task.cancelled()

    assert run_in_virtual_time(scenario()) is True


def test_a_deadline_watch_turns_only_its_own_expiry_into_a_timeout() -> None:
    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        watch = DeadlineWatch(loop)
        outcomes: list[str] = []

        async def work(seconds: float, sleep: float) -> None:
            deadline = CallDeadline(seconds, loop.time())
            watch.start(deadline)
            try:
                await asyncio.sleep(sleep)
            except BaseException as error:
                if watch.stop(deadline, error):
                    outcomes.append(f"timed out at {loop.time():g}")
                    return
                outcomes.append(f"{type(error).__name__} at {loop.time():g}")
                raise
            watch.stop(deadline, None)
            outcomes.append(f"done at {loop.time():g}")

        await asyncio.gather(work(5, 100), work(50, 1), work(8, 100))
        cancelled = asyncio.ensure_future(work(30, 100))
        loop.call_later(2, cancelled.cancel)
        with pytest.raises(asyncio.CancelledError):
            await cancelled
        assert watch.watched == 0
        return outcomes

    assert run_in_virtual_time(scenario()) == [
        "done at 1",
        "timed out at 5",
        "timed out at 8",
        "CancelledError at 10",
    ]


def test_each_event_loop_has_one_deadline_watch_that_does_not_keep_it_alive() -> None:
    loop = asyncio.new_event_loop()
    other = asyncio.new_event_loop()
    try:
        assert deadline_watch(loop) is deadline_watch(loop)
        assert deadline_watch(other) is not deadline_watch(loop)
    finally:
        loop.close()
        other.close()
    closed = weakref.ref(loop)
    del loop, other
    gc.collect()
    assert closed() is None
