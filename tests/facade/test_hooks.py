"""`Hooks`: request, response and event callbacks, sync or async, for users without
OpenTelemetry; they see the operation, the attempt, the status and the timings."""

from __future__ import annotations

import logging

import httpx2
import pytest
from support.sandbox_clients import make_client

from fullscript import AttemptInfo, CallEvent, Hooks
from fullscript._observation import current_call
from fullscript.sandbox import Sandbox


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=7)


async def test_sync_hooks_see_each_attempt_with_its_operation_status_and_timings(
    sandbox: Sandbox,
) -> None:
    requests: list[AttemptInfo] = []
    responses: list[AttemptInfo] = []
    events: list[CallEvent] = []
    hooks = Hooks(on_request=requests.append, on_response=responses.append, on_event=events.append)
    async with make_client(sandbox, hooks=hooks) as fs:
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
    assert [a.resend_count for a in requests] == [0, 1]
    assert [a.status_code for a in responses] == [503, 200]
    assert [a.error_type for a in responses] == ["503", None]
    for attempt in responses:
        assert attempt.call.operation == "clinic.retrieve"
        assert attempt.call.url_template == "/api/clinic"
        assert attempt.url_template == "/api/clinic"
        assert attempt.duration is not None and attempt.duration >= 0
        assert attempt.limiter_wait >= 0
        assert attempt.request_id
    assert [event.name for event in events] == ["retry"]
    assert events[0].attributes["reason"] == "status 503"


async def test_async_hooks_are_awaited(sandbox: Sandbox) -> None:
    seen: list[tuple[str, int | None]] = []

    async def on_response(attempt: AttemptInfo) -> None:
        seen.append((attempt.call.operation, attempt.status_code))

    async with make_client(sandbox, hooks=Hooks(on_response=on_response)) as fs:
        await fs.clinic.retrieve()
    assert seen == [("clinic.retrieve", 200)]


async def test_a_token_refresh_is_an_event(sandbox: Sandbox) -> None:
    events: list[CallEvent] = []
    async with make_client(sandbox, hooks=Hooks(on_event=events.append)) as fs:
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)
        await fs.clinic.retrieve()
    assert [event.name for event in events] == ["token.refreshed"]
    assert events[0].call is not None and events[0].call.operation == "clinic.retrieve"


async def test_a_hook_that_raises_is_logged_and_never_fails_the_call(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(attempt: AttemptInfo) -> None:
        raise RuntimeError("bug in a metrics hook")

    async def broken_async(attempt: AttemptInfo) -> None:
        raise RuntimeError("bug in an async hook")

    with caplog.at_level(logging.WARNING, logger="fullscript"):
        async with make_client(
            sandbox, hooks=Hooks(on_request=broken, on_response=broken_async)
        ) as fs:
            clinic = await fs.clinic.retrieve()
    assert clinic is not None
    assert sum("the hook" in record.getMessage() for record in caplog.records) == 2


async def test_without_hooks_or_telemetry_no_call_is_observed(sandbox: Sandbox) -> None:
    observed: list[object] = []
    inner = sandbox.transport()

    class Looking(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            observed.append(current_call())
            return await inner.handle_async_request(request)

    async with make_client(sandbox, transport=Looking()) as fs:
        await fs.clinic.retrieve()
        await fs.patients.list(page_size=5).first_page()
    assert observed and observed == [None] * len(observed)


def test_hooks_must_be_a_hooks_value(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError, match=r"hooks= must be a fullscript\.Hooks"):
        make_client(sandbox, hooks=print)


def test_telemetry_must_be_a_bool_or_an_observer(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError, match="telemetry= must be True, False"):
        make_client(sandbox, telemetry="yes")
