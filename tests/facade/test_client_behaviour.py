"""Cross-cutting behaviour proven through the real `Fullscript` client and the sandbox:
the limiter counts every attempt (token calls and retries included), a 429 pauses every
client sharing the limiter, each status family raises its typed error, and prefetching
stays bounded."""

from __future__ import annotations

import asyncio

import httpx2
import pytest
from support.sandbox_clients import revoke_at_sandbox

from fullscript import (
    DEFAULT_GRANT,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    GoneError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    RollingWindowLimiter,
    ServerError,
    ValidationError,
)
from fullscript.sandbox import Sandbox
from fullscript.testing import RecordingLimiter, run_in_virtual_time

from .conftest import NO_WAIT_RETRY, RecordingTransport, make_client, sandbox_region


class CountingLimiter(RecordingLimiter):
    """A real rolling-window limiter that also counts grants and remembers pauses."""

    def __init__(self) -> None:
        super().__init__(RollingWindowLimiter())


async def test_every_attempt_is_counted_token_calls_and_retries_included(
    sandbox: Sandbox,
) -> None:
    limiter = CountingLimiter()
    recorder = RecordingTransport(sandbox.transport())
    async with make_client(sandbox, transport=recorder, limiter=limiter, with_token=False) as fs:
        await fs.exchange_code(sandbox.authorization_code("us"))  # token call
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()  # 503, then a retry
        sandbox.faults.rate_limit(operation_id="create_session_grant", times=1)
        await fs.session_grants.create()  # 429, then a retry
        sandbox.advance_time(7300)
        await fs.clinic.retrieve()  # 401, refresh (token call), replay
        ca = fs.with_region(sandbox_region(sandbox, "ca"))
        await ca.exchange_code(sandbox.authorization_code("ca"))
        await ca.clinic.retrieve()
    paths = recorder.paths()
    assert paths.count("/us/api/oauth/token") == 2
    assert paths.count("/ca/api/oauth/token") == 1
    assert len(paths) == 1 + 2 + 2 + 3 + 1 + 1
    assert limiter.acquired == len(paths)
    assert limiter.pauses == [0.0]  # NO_WAIT_RETRY caps Retry-After at 0 s
    # Token calls get the default timeouts too: nothing is ever sent without one.
    for sent in recorder.sent:
        assert sent.timeout and all(value is not None for value in sent.timeout.values()), sent


def test_a_429_pauses_every_client_sharing_the_limiter(sandbox: Sandbox) -> None:
    """Two clients, one limiter, virtual time: B's call waits out A's Retry-After."""

    async def scenario() -> dict[str, float]:
        loop = asyncio.get_running_loop()
        limiter = RollingWindowLimiter()
        sent: dict[str, float] = {}
        policy = RetryPolicy(max_retries=2, max_retry_after=60.0, jitter=False)

        class Clocked(httpx2.AsyncBaseTransport):
            def __init__(self, name: str) -> None:
                self.name = name
                self.inner = sandbox.transport()

            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                sent.setdefault(f"{self.name} {request.url.path}", loop.time())
                return await self.inner.handle_async_request(request)

        sandbox.faults.rate_limit(retry_after=20, operation_id="retrieve_clinic", times=1)
        a = make_client(sandbox, transport=Clocked("a"), limiter=limiter, retry=policy)
        b = make_client(sandbox, transport=Clocked("b"), limiter=limiter, retry=policy)
        async with a, b:

            async def b_a_moment_later() -> None:
                await asyncio.sleep(1.0)
                await b.patients.list(page_size=1).first_page()

            await asyncio.gather(a.clinic.retrieve(), b_a_moment_later())
        return sent

    sent = run_in_virtual_time(scenario(), deadlock_timeout=5.0)
    assert sent == {"a /us/api/clinic": 0.0, "b /us/api/clinic/patients": 20.0}


# Status family -> (sandbox fault status, expected class). 401 is made real (revoked token).
STATUS_FAMILIES = [
    (400, BadRequestError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (410, GoneError),
    (422, ValidationError),
    (429, RateLimitError),
    (500, ServerError),
    (503, ServerError),
]


@pytest.mark.parametrize(("status", "error_class"), STATUS_FAMILIES)
async def test_each_status_family_raises_its_typed_error_with_request_id_and_body(
    sandbox: Sandbox, status: int, error_class: type[APIStatusError]
) -> None:
    async with make_client(sandbox, max_retries=0) as fs:
        if status == 429:
            sandbox.faults.rate_limit(retry_after=7, operation_id="retrieve_clinic", times=1)
        else:
            sandbox.faults.error(status, operation_id="retrieve_clinic", times=1)
        with pytest.raises(error_class) as raised:
            await fs.clinic.retrieve()
    error = raised.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.request_id and error.request_id in str(error)
    assert error.headers["x-request-id"] == error.request_id
    assert isinstance(error.body, dict) and error.body  # parsed JSON, not text
    assert (error.method, error.url) == ("GET", f"{sandbox.base_url('us')}/api/clinic")
    if isinstance(error, RateLimitError):
        assert error.retry_after == 7.0


async def test_a_revoked_grant_is_an_authentication_error(sandbox: Sandbox) -> None:
    async with make_client(sandbox, max_retries=0) as fs:
        token = await fs.token_manager.get_token()
        await revoke_at_sandbox(sandbox, fs, token.access_token)
        # The API answers 401; the refresh that follows is refused by the token endpoint.
        with pytest.raises(AuthenticationError) as raised:
            await fs.clinic.retrieve()
    error = raised.value
    assert error.request_id and error.request_id in str(error)
    assert isinstance(error.body, dict) and error.body.get("error") == "invalid_grant"


async def test_connection_and_timeout_errors_are_typed(sandbox: Sandbox) -> None:
    async with make_client(sandbox, max_retries=0) as fs:
        sandbox.faults.drop(operation_id="retrieve_clinic", times=1)
        with pytest.raises(APIConnectionError) as dropped:
            await fs.clinic.retrieve()
        assert not isinstance(dropped.value, APITimeoutError)

    def slow(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("timed out", request=request)

    async with make_client(sandbox, transport=httpx2.MockTransport(slow), max_retries=0) as fs:
        with pytest.raises(APITimeoutError):
            await fs.clinic.retrieve()


async def test_prefetch_through_the_client_keeps_order_and_bounds_pages_in_flight(
    sandbox: Sandbox,
) -> None:
    in_flight = 0
    most_in_flight = 0
    inner = sandbox.transport()

    class Slow(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            nonlocal in_flight, most_in_flight
            if not request.url.path.endswith("/patients"):
                return await inner.handle_async_request(request)
            in_flight += 1
            most_in_flight = max(most_in_flight, in_flight)
            try:
                # Later pages answer first: order must come from the paginator, not timing.
                page = int(request.url.params["page[number]"])
                await asyncio.sleep(0.002 * (40 - page))
                return await inner.handle_async_request(request)
            finally:
                in_flight -= 1

    async with make_client(sandbox, transport=Slow(), retry=NO_WAIT_RETRY) as fs:
        expected = [record["id"] for record in sandbox.records("us", "patients")]
        streamed: list[str] = []
        async for patient in fs.patients.list(page_size=10, prefetch=3):
            streamed.append(patient.id)
            await asyncio.sleep(0)
    async with make_client(sandbox) as fs:
        page_by_page = [patient.id async for patient in fs.patients.list(page_size=10)]
    assert len(streamed) == 350
    assert sorted(streamed) == sorted(expected)
    assert streamed == page_by_page
    # Concurrent, never more than the page waited for and the prefetch depth beyond it.
    assert 2 <= most_in_flight <= 3 + 1


@pytest.mark.parametrize("again_through", ["the client", "a copy", "a grant view"])
async def test_a_list_streamed_again_starts_the_pages_it_remembers_with_the_first_page(
    sandbox: Sandbox, again_through: str
) -> None:
    inner = sandbox.transport()
    started: list[int] = []
    started_when_page_one_answered: list[int] = []

    class Recording(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            if request.url.path.endswith("/patients"):
                page = int(request.url.params["page[number]"])
                started.append(page)
                for _ in range(5):  # a few loop turns of latency
                    await asyncio.sleep(0)
                if page == 1:
                    started_when_page_one_answered.append(len(started))
            return await inner.handle_async_request(request)

    async with make_client(sandbox, transport=Recording(), retry=NO_WAIT_RETRY) as fs:
        # A request handler makes a new view per request: the grant remembers, not the view.
        views = {
            "the client": fs,
            "a copy": fs.with_options(timeout=30.0),
            "a grant view": fs.for_grant(DEFAULT_GRANT),
        }
        passes, asked = [], []
        for view in (fs, views[again_through]):
            started.clear()
            passes.append([p.id async for p in view.patients.list(page_size=100, prefetch=5)])
            asked.append(sorted(started))
    assert passes[0] == passes[1]
    assert len(passes[0]) == 350  # 4 pages
    # First listing: the count is unknown, pages 2-6 are guessed with page 1 (two past the
    # end). Again: the client remembers 4 pages, so exactly pages 1-4 start together.
    assert asked == [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4]]
    assert started_when_page_one_answered == [6, 4]


async def test_cancelling_the_consumer_cancels_page_fetches_in_the_transport(
    sandbox: Sandbox,
) -> None:
    inner = sandbox.transport()
    gate = asyncio.Event()  # never set: pages after the first block inside the transport
    waiting: list[str] = []
    cancelled: list[str] = []
    all_blocked = asyncio.Event()

    async def handler(request: httpx2.Request) -> httpx2.Response:
        number = request.url.params.get("page[number]", "1")
        if number == "1":
            return await inner.handle_async_request(request)
        waiting.append(number)
        if len(waiting) == 4:
            all_blocked.set()
        try:
            await gate.wait()
        except asyncio.CancelledError:
            cancelled.append(number)
            raise
        raise AssertionError("unreachable")

    async with make_client(sandbox, transport=httpx2.MockTransport(handler)) as fs:
        seen: list[str] = []

        async def consume() -> None:
            async for patient in fs.patients.list(page_size=20, prefetch=3):
                seen.append(patient.id)

        consumer = asyncio.create_task(consume())
        # Page 1 consumed; page 2 waited for and pages 3-5 prefetched, all stuck.
        await all_blocked.wait()
        for _ in range(5):
            await asyncio.sleep(0)
        assert len(seen) == 20
        consumer.cancel()
        with pytest.raises(asyncio.CancelledError):
            await consumer
        for _ in range(5):
            await asyncio.sleep(0)
    assert sorted(cancelled) == sorted(waiting) == ["2", "3", "4", "5"]
    assert asyncio.all_tasks() == {asyncio.current_task()}


@pytest.mark.parametrize("status", [502, 504])
async def test_a_gateway_error_on_a_create_says_the_write_may_have_been_applied(
    sandbox: Sandbox, recorder: RecordingTransport, status: int
) -> None:
    from fullscript_api.models import PatientCreateRequest

    sandbox.faults.error(status=status, operation_id="create_patient", times=1)
    async with make_client(sandbox, transport=recorder) as fs:
        with pytest.raises(ServerError) as caught:
            await fs.patients.create(
                body=PatientCreateRequest(email="gw@example.org", first_name="G", last_name="W")
            )
    assert caught.value.status_code == status
    assert caught.value.may_have_been_applied is True
    assert "may have been applied" in str(caught.value)
    assert recorder.count("/api/clinic/patients", "POST") == 1  # not repeated
