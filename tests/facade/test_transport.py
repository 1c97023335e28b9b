"""FullscriptTransport: one limiter slot per attempt, safe retries, Retry-After, 429 pauses."""

from __future__ import annotations

import asyncio
import gc
import logging
import random
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx2
import pytest

from fullscript._deadline import DEADLINE_EXTENSION, CallDeadline
from fullscript._limiters import Permit, RateLimitWaitExceeded, RollingWindowLimiter
from fullscript._options import RequestOptions, use_request_options
from fullscript._retry import RetryPolicy
from fullscript._transport import FullscriptTransport
from fullscript.testing import RecordingLimiter, run_in_virtual_time

API = "https://us-snd.fullscript.io/api"

Outcome = httpx2.Response | Exception


class RecordingClock:
    """Clock whose sleeps return at once and are recorded."""

    def __init__(self) -> None:
        self.time = 0.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self.time

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.time += seconds


class CountingLimiter(RecordingLimiter):
    """RateLimiter that never blocks and records what the transport asked of it."""


class ScriptedServer:
    """An httpx2.MockTransport that answers each attempt with the next scripted outcome."""

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes = list(outcomes)
        self.requests: list[httpx2.Request] = []
        self.bodies: list[bytes] = []
        self.closed = False

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        self.bodies.append(request.read())
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    @property
    def attempts(self) -> int:
        return len(self.requests)


class Harness:
    def __init__(self, *outcomes: Outcome, retry: RetryPolicy | None = None) -> None:
        self.server = ScriptedServer(*outcomes)
        self.limiter = CountingLimiter()
        self.clock = RecordingClock()
        self.transport = FullscriptTransport(
            httpx2.MockTransport(self.server.handle),
            limiter=self.limiter,
            retry=retry if retry is not None else RetryPolicy(),
            clock=self.clock,
            jitter_source=random.Random(1234),
        )
        self.client = httpx2.AsyncClient(transport=self.transport, base_url=API)

    async def request(
        self, method: str, path: str = "/clinic/patients", **kwargs: object
    ) -> httpx2.Response:
        return await self.client.request(method, path, **kwargs)  # type: ignore[arg-type]


def ok(body: object = None) -> httpx2.Response:
    return httpx2.Response(200, json=body if body is not None else {"ok": True})


def status(code: int, headers: dict[str, str] | None = None) -> httpx2.Response:
    return httpx2.Response(code, json={"error": f"status {code}"}, headers=headers)


def connect_error() -> Exception:
    return httpx2.ConnectError("connection refused")


def read_timeout() -> Exception:
    return httpx2.ReadTimeout("read timed out")


# Outcomes after which an idempotent request is retried.
RETRYABLE_FOR_GET: list[Callable[[], Outcome]] = [
    lambda: status(500),
    lambda: status(502),
    lambda: status(503),
    lambda: status(504),
    lambda: status(429),
    connect_error,
    read_timeout,
    lambda: httpx2.ConnectTimeout("connect timed out"),
    lambda: httpx2.RemoteProtocolError("server disconnected"),
    lambda: httpx2.ReadError("connection reset"),
]


@pytest.mark.parametrize("failure", RETRYABLE_FOR_GET)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_idempotent_request_is_retried_after_a_transient_failure(
    method: str, failure: Callable[[], Outcome]
) -> None:
    harness = Harness(failure(), ok({"patient": {"id": "1"}}))

    response = await harness.request(method)

    assert response.status_code == 200
    assert response.json() == {"patient": {"id": "1"}}
    assert harness.server.attempts == 2
    assert harness.limiter.acquired == 2


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize("code", [500, 502, 503, 504])
async def test_non_idempotent_request_is_not_repeated_after_a_server_error(
    method: str, code: int
) -> None:
    harness = Harness(status(code), ok())

    response = await harness.request(method, json={"patient": {"first_name": "Ada"}})

    assert response.status_code == code
    assert harness.server.attempts == 1
    assert harness.clock.sleeps == []


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(
    "failure",
    [read_timeout, lambda: httpx2.WriteTimeout("write"), lambda: httpx2.ReadError("reset")],
)
async def test_non_idempotent_request_is_not_repeated_when_it_may_have_reached_the_server(
    method: str, failure: Callable[[], Exception]
) -> None:
    error = failure()
    harness = Harness(error, ok())

    with pytest.raises(type(error)):
        await harness.request(method, json={"patient": {"first_name": "Ada"}})

    assert harness.server.attempts == 1


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(
    "failure",
    [
        connect_error,
        lambda: httpx2.ConnectTimeout("connect"),
        lambda: status(429),
    ],
)
async def test_non_idempotent_request_is_retried_when_it_provably_was_not_processed(
    method: str, failure: Callable[[], Outcome]
) -> None:
    harness = Harness(failure(), httpx2.Response(201, json={"patient": {"id": "9"}}))

    response = await harness.request(method, json={"patient": {"first_name": "Ada"}})

    assert response.status_code == 201
    assert harness.server.attempts == 2
    assert harness.server.bodies[0] == harness.server.bodies[1] != b""


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_a_pool_timeout_is_raised_not_waited_out_again(method: str) -> None:
    harness = Harness(httpx2.PoolTimeout("pool"), ok())

    with pytest.raises(httpx2.PoolTimeout):
        await harness.request(method)

    assert harness.server.attempts == 1


async def test_streamed_body_is_sent_again_in_full_on_retry() -> None:
    async def body() -> AsyncIterator[bytes]:
        yield b'{"patient": '
        yield b'{"first_name": "Ada"}}'

    harness = Harness(connect_error(), ok())

    await harness.request("POST", content=body())

    assert harness.server.bodies == [b'{"patient": {"first_name": "Ada"}}'] * 2


async def test_client_errors_are_not_retried() -> None:
    harness = Harness(status(404), ok())

    response = await harness.request("GET")

    assert response.status_code == 404
    assert harness.server.attempts == 1


async def test_max_retries_is_respected_and_the_last_response_returned() -> None:
    responses = [httpx2.Response(503, json={"attempt": n}) for n in range(1, 6)]
    harness = Harness(*responses, retry=RetryPolicy(max_retries=3))

    response = await harness.request("GET")

    assert response.status_code == 503
    assert response.json() == {"attempt": 4}
    assert harness.server.attempts == 4
    assert harness.limiter.acquired == 4
    assert len(harness.clock.sleeps) == 3


async def test_last_exception_is_raised_when_retries_run_out() -> None:
    harness = Harness(connect_error(), connect_error(), httpx2.ConnectError("still down"))

    with pytest.raises(httpx2.ConnectError, match="still down"):
        await harness.request("GET")

    assert harness.server.attempts == 3


async def test_zero_retries_sends_exactly_once() -> None:
    harness = Harness(status(503), ok(), retry=RetryPolicy(max_retries=0))

    response = await harness.request("GET")

    assert response.status_code == 503
    assert harness.server.attempts == 1


async def test_every_attempt_acquires_the_limiter() -> None:
    harness = Harness(
        status(503), connect_error(), status(429), ok(), retry=RetryPolicy(max_retries=5)
    )

    await harness.request("GET")

    assert harness.limiter.acquired == harness.server.attempts == 4


class _ReleaseFails(RollingWindowLimiter):
    async def release(self, permit: object) -> None:
        raise RuntimeError("the shared store refused the release")


async def test_a_release_that_fails_never_replaces_the_answer_that_arrived(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transport = FullscriptTransport(
        httpx2.MockTransport(lambda request: httpx2.Response(201, json={"id": 1})),
        limiter=_ReleaseFails(),
    )
    with caplog.at_level(logging.WARNING, logger="fullscript"):
        async with httpx2.AsyncClient(transport=transport) as http:
            response = await http.post("https://api.example/treatment_plans")
    assert response.status_code == 201 and response.json() == {"id": 1}
    assert "could not release the rate-limit slot" in caplog.text


async def test_retry_after_in_seconds_is_honoured() -> None:
    harness = Harness(status(503, {"Retry-After": "7"}), ok())

    await harness.request("GET")

    assert harness.clock.sleeps == [7.0]


async def test_retry_after_as_http_date_is_honoured() -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    harness = Harness(status(429, {"Retry-After": format_datetime(when, usegmt=True)}), ok())

    await harness.request("GET")

    [slept] = harness.clock.sleeps
    assert 28.0 <= slept <= 30.0


async def test_retry_after_is_capped() -> None:
    harness = Harness(
        status(429, {"Retry-After": "3600"}), ok(), retry=RetryPolicy(max_retry_after=45.0)
    )

    await harness.request("GET")

    assert harness.clock.sleeps == [45.0]
    assert harness.limiter.pauses == [45.0]


async def test_429_pauses_the_shared_limiter_for_retry_after() -> None:
    harness = Harness(status(429, {"Retry-After": "12"}), ok())

    await harness.request("GET")

    assert harness.limiter.pauses == [12.0]


async def test_429_pauses_the_limiter_even_when_not_retrying() -> None:
    harness = Harness(status(429, {"Retry-After": "5"}), retry=RetryPolicy(max_retries=0))

    response = await harness.request("POST", json={})

    assert response.status_code == 429
    assert harness.limiter.pauses == [5.0]


async def test_429_without_retry_after_pauses_for_the_backoff() -> None:
    harness = Harness(status(429), ok())

    await harness.request("GET")

    assert harness.limiter.pauses == harness.clock.sleeps
    assert 0 <= harness.clock.sleeps[0] <= 0.5


async def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    policy = RetryPolicy(max_retries=6, initial_backoff=0.5, max_backoff=4.0)
    harness = Harness(*[status(503)] * 7, retry=policy)

    await harness.request("GET")

    ceilings = [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert len(harness.clock.sleeps) == len(ceilings)
    assert all(0 <= s <= c for s, c in zip(harness.clock.sleeps, ceilings, strict=True))
    # Full jitter: the waits are not simply the ceilings.
    assert harness.clock.sleeps != ceilings


async def test_backoff_without_jitter_is_deterministic() -> None:
    policy = RetryPolicy(max_retries=5, initial_backoff=0.5, max_backoff=4.0, jitter=False)
    harness = Harness(*[status(502)] * 6, retry=policy)

    await harness.request("GET")

    assert harness.clock.sleeps == [0.5, 1.0, 2.0, 4.0, 4.0]


async def test_per_call_options_override_the_client_retry_policy() -> None:
    harness = Harness(status(503), status(503), ok(), retry=RetryPolicy(max_retries=5))

    with use_request_options(RequestOptions(retry=RetryPolicy(max_retries=0))):
        response = await harness.request("GET")

    assert response.status_code == 503
    assert harness.server.attempts == 1


async def test_per_call_options_apply_only_inside_the_block() -> None:
    harness = Harness(status(503), ok(), retry=RetryPolicy(max_retries=1))

    with use_request_options(RequestOptions(retry=RetryPolicy(max_retries=0))):
        pass
    response = await harness.request("GET")

    assert response.status_code == 200


async def test_per_call_timeout_reaches_the_inner_transport() -> None:
    harness = Harness(ok(), ok())
    harness.client.timeout = httpx2.Timeout(30.0)

    with use_request_options(RequestOptions(timeout=httpx2.Timeout(2.5, connect=1.0))):
        await harness.request("GET")
    await harness.request("GET")

    first, second = (request.extensions["timeout"] for request in harness.server.requests)
    assert first == {"connect": 1.0, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert second == httpx2.Timeout(30.0).as_dict()


async def test_per_call_options_follow_concurrent_tasks_separately() -> None:
    def always_503(request: httpx2.Request) -> httpx2.Response:
        return status(503)

    attempts: dict[str, int] = {"patient": 0, "default": 0}

    def handler(request: httpx2.Request) -> httpx2.Response:
        attempts[request.url.params["who"]] += 1
        return always_503(request)

    transport = FullscriptTransport(
        httpx2.MockTransport(handler),
        limiter=CountingLimiter(),
        retry=RetryPolicy(max_retries=2),
        clock=RecordingClock(),
    )
    client = httpx2.AsyncClient(transport=transport, base_url=API)

    async def no_retries() -> None:
        with use_request_options(RequestOptions(retry=RetryPolicy(max_retries=0))):
            await client.get("/clinic/patients", params={"who": "patient"})

    await asyncio.gather(no_retries(), client.get("/clinic/patients", params={"who": "default"}))

    assert attempts == {"patient": 1, "default": 3}


async def test_retry_is_logged_without_headers_query_or_body(
    caplog: pytest.LogCaptureFixture,
) -> None:
    harness = Harness(status(503), connect_error(), ok())
    caplog.set_level(logging.DEBUG, logger="fullscript")

    await harness.request(
        "PUT",
        "/clinic/patients/42",
        params={"access_token": "query-secret-123"},
        headers={"Authorization": "Bearer header-secret-456", "X-FS-Clinic-Key": "clinic-key-789"},
        json={"client_secret": "body-secret-000"},
    )

    messages = [record.getMessage() for record in caplog.records if record.name == "fullscript"]
    assert len(messages) == 2
    assert "PUT /api/clinic/patients/42" in messages[0]
    assert "status 503" in messages[0]
    assert "ConnectError" in messages[1]
    for secret in ("query-secret-123", "header-secret-456", "clinic-key-789", "body-secret-000"):
        assert secret not in caplog.text


async def test_aclose_closes_the_inner_transport() -> None:
    closed: list[bool] = []

    class Inner(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            return ok()

        async def aclose(self) -> None:
            closed.append(True)

    async with httpx2.AsyncClient(
        transport=FullscriptTransport(Inner(), limiter=CountingLimiter())
    ) as client:
        await client.get(API)

    assert closed == [True]


def test_a_429_for_one_client_holds_back_another_sharing_the_limiter() -> None:
    """Real limiter on virtual time: the pause from client A delays client B's request."""

    async def scenario() -> dict[str, float]:
        loop = asyncio.get_running_loop()
        limiter = RollingWindowLimiter(100, 300.0)
        sent: dict[str, float] = {}
        throttled = [True]

        def server_a(request: httpx2.Request) -> httpx2.Response:
            sent.setdefault("a first", loop.time())
            if throttled.pop() if throttled else False:
                return status(429, {"Retry-After": "20"})
            sent["a retry"] = loop.time()
            return ok()

        def server_b(request: httpx2.Request) -> httpx2.Response:
            sent["b"] = loop.time()
            return ok()

        # A timeout over the 20 s pause: the limiter's wait is bounded by the call's timeout.
        client_a = httpx2.AsyncClient(
            transport=FullscriptTransport(httpx2.MockTransport(server_a), limiter=limiter),
            timeout=30,
        )
        # A timeout over the 20 s pause: the limiter's wait is bounded by the call's timeout.
        client_b = httpx2.AsyncClient(
            transport=FullscriptTransport(httpx2.MockTransport(server_b), limiter=limiter),
            timeout=30,
        )

        async def b_a_moment_later() -> None:
            await asyncio.sleep(1.0)
            await client_b.get(API)

        await asyncio.gather(client_a.get(API), b_a_moment_later())
        return sent

    assert run_in_virtual_time(scenario(), deadlock_timeout=5.0) == {
        "a first": 0.0,
        "b": 20.0,
        "a retry": 20.0,
    }


async def test_responses_that_are_retried_are_closed() -> None:
    closed: list[int] = []

    class TrackedStream(httpx2.AsyncByteStream):
        def __init__(self, number: int) -> None:
            self.number = number

        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield b'{"error": "busy"}'

        async def aclose(self) -> None:
            closed.append(self.number)

    responses = [httpx2.Response(503, stream=TrackedStream(n)) for n in range(2)]
    harness = Harness(*responses, ok(), retry=RetryPolicy(max_retries=2))

    response = await harness.request("GET")

    assert response.status_code == 200
    assert closed == [0, 1]


async def test_429_pause_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    harness = Harness(status(429, {"Retry-After": "3"}), ok())
    caplog.set_level(logging.DEBUG, logger="fullscript")

    await harness.request("GET", "/clinic/patients")

    assert any(
        "Rate limited on GET /api/clinic/patients" in record.getMessage()
        and "3.000s" in record.getMessage()
        for record in caplog.records
    )


async def test_a_checked_success_body_is_parsed_once_and_each_caller_gets_its_own_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    harness = Harness(ok({"patient": {"id": "1"}}))
    parses: list[bytes] = []
    real_loads = json.loads

    def counting_loads(data: bytes | str, **kwargs: object) -> object:
        parses.append(data if isinstance(data, bytes) else data.encode())
        return real_loads(data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(json, "loads", counting_loads)
    response = await harness.request("GET")

    first = response.json()
    assert first == {"patient": {"id": "1"}}
    assert len(parses) == 1  # the transport's check; the first json() reuses it
    first["patient"]["id"] = "changed"
    assert response.json() == {"patient": {"id": "1"}}  # a later call parses afresh
    assert len(parses) == 2


class TimeoutsSeen(httpx2.AsyncBaseTransport):
    """Answers 503 then 200, remembering each attempt's timeout extension."""

    def __init__(self) -> None:
        self.timeouts: list[dict[str, float | None]] = []

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.timeouts.append(dict(request.extensions["timeout"]))
        return httpx2.Response(503 if len(self.timeouts) == 1 else 200, json={})


FIVE = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}


@pytest.mark.parametrize(
    ("timeout", "deadline", "expected"),
    [
        # Further away than every timeout: the attempts keep the timeouts they were given.
        (httpx2.Timeout(5.0), 100.0, [FIVE, FIVE]),
        # An unset timeout (None) is clipped to the deadline however far away it is.
        (
            httpx2.Timeout(5.0, read=None),
            100.0,
            [{**FIVE, "read": 100.0}, {**FIVE, "read": 99.0}],
        ),
        # Nearer: each attempt's timeouts end by the deadline (the backoff took 1 s).
        (
            httpx2.Timeout(5.0),
            3.0,
            [dict.fromkeys(FIVE, 3.0), dict.fromkeys(FIVE, 2.0)],
        ),
    ],
)
def test_attempt_timeouts_are_clipped_only_when_the_deadline_is_nearer(
    timeout: httpx2.Timeout, deadline: float, expected: list[dict[str, float]]
) -> None:
    async def scenario() -> list[dict[str, float | None]]:
        server = TimeoutsSeen()
        transport = FullscriptTransport(
            server,
            limiter=RollingWindowLimiter(),
            retry=RetryPolicy(max_retries=1, initial_backoff=1.0, jitter=False),
        )
        extension = CallDeadline(deadline, asyncio.get_running_loop().time())
        async with httpx2.AsyncClient(transport=transport, base_url=API, timeout=timeout) as client:
            response = await client.get(
                "/clinic/patients", extensions={DEADLINE_EXTENSION: extension}
            )
        assert response.status_code == 200
        return server.timeouts

    assert run_in_virtual_time(scenario()) == expected


async def test_a_free_rolling_window_slot_is_granted_and_given_back_in_one_pass() -> None:
    limiter = RollingWindowLimiter(max_requests=2, window=300.0)
    server = ScriptedServer(ok(), ok(), ok())
    transport = FullscriptTransport(httpx2.MockTransport(server.handle), limiter=limiter)
    async with httpx2.AsyncClient(transport=transport, base_url=API) as client:
        await client.get("/clinic/patients")
        await client.get("/clinic/patients")
        stats = limiter.stats()
        assert (stats.granted, stats.in_flight, limiter.used("us-snd.fullscript.io")) == (2, 0, 2)
        # The window is full now: the third call waits, and is refused past its maximum wait.
        with pytest.raises(RateLimitWaitExceeded):
            await client.get("/clinic/patients", extensions={"timeout": {"pool": 1.0}})
    assert server.attempts == 2


class _CountsAcquires(RollingWindowLimiter):
    def __init__(self) -> None:
        super().__init__()
        self.acquired = 0

    async def acquire(self, *args: object, **kwargs: object) -> Permit:
        self.acquired += 1
        return await super().acquire(*args, **kwargs)  # type: ignore[arg-type]


async def test_a_limiter_subclass_that_changes_acquire_is_asked_for_every_attempt() -> None:
    limiter = _CountsAcquires()
    server = ScriptedServer(status(503), ok())
    transport = FullscriptTransport(
        httpx2.MockTransport(server.handle), limiter=limiter, clock=RecordingClock()
    )
    async with httpx2.AsyncClient(transport=transport, base_url=API) as client:
        await client.get("/clinic/patients")
    assert limiter.acquired == server.attempts == 2


async def test_answers_are_freed_at_once_not_left_to_the_garbage_collector() -> None:
    """The body checked for JSON is handed to the client's parser without a reference cycle
    between the response and its parsed value (a cycle per call made the collector run twice
    as often)."""
    h = Harness(*[ok({"patient": {"id": str(number)}}) for number in range(21)])
    assert (await h.request("GET")).json() == {"patient": {"id": "0"}}
    gc.collect()
    gc.disable()
    try:
        for number in range(1, 21):
            response = await h.request("GET")
            assert response.json() == {"patient": {"id": str(number)}}
            assert response.json() == {"patient": {"id": str(number)}}  # parsed anew
        del response
        assert gc.collect() == 0
    finally:
        gc.enable()
