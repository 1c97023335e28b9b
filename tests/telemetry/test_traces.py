"""Spans: one per operation call named after the operation, one child per attempt named
``{METHOD} {url.template}`` (OpenTelemetry's HTTP client conventions), events for what made the
call slow or fail."""

from __future__ import annotations

import asyncio

import httpx2
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode
from support.otel_recording import Recorded
from support.sandbox_clients import make_client

from fullscript import NotFoundError, RollingWindowLimiter
from fullscript.sandbox import Sandbox


def children_of(parent: ReadableSpan, spans: list[ReadableSpan]) -> list[ReadableSpan]:
    assert parent.context is not None
    return [
        span
        for span in spans
        if span.parent is not None and span.parent.span_id == parent.context.span_id
    ]


def event_names(span: ReadableSpan) -> list[str]:
    return [event.name for event in span.events]


async def test_a_plain_call_is_an_operation_span_with_one_attempt_span(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        await fs.clinic.retrieve()
    (call,) = recorded.named("fullscript clinic.retrieve")
    (attempt,) = children_of(call, recorded.finished())
    assert call.kind is SpanKind.INTERNAL
    assert call.attributes is not None
    assert call.attributes["fullscript.operation"] == "clinic.retrieve"
    assert call.attributes["fullscript.region"] == "us"
    assert call.attributes["fullscript.attempts"] == 1
    assert call.attributes["fullscript.work_class"] == "interactive"
    assert "fullscript.request_id" in call.attributes
    assert attempt.name == "GET /api/clinic"
    assert attempt.kind is SpanKind.CLIENT
    assert attempt.attributes is not None
    assert attempt.attributes["http.request.method"] == "GET"
    assert attempt.attributes["url.template"] == "/api/clinic"
    assert attempt.attributes["http.response.status_code"] == 200
    assert attempt.attributes["server.address"] == fs.region.base_url.split("://")[1].split("/")[0]
    assert isinstance(attempt.attributes["server.port"], int)
    assert "http.request.resend_count" not in attempt.attributes  # first attempt
    assert "error.type" not in attempt.attributes


async def test_a_raw_response_call_is_traced_too(sandbox: Sandbox, recorded: Recorded) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        response = await fs.with_raw_response.clinic.retrieve()
    (call,) = recorded.named("fullscript clinic.retrieve")
    assert call.attributes is not None
    assert call.attributes["fullscript.request_id"] == response.headers["x-request-id"]


async def test_an_attempt_span_names_the_path_template_never_the_ids(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        patient_id = sandbox.records("us", "patients")[0]["id"]
        await fs.patients.retrieve(patient_id)
    (call,) = recorded.named("fullscript patients.retrieve")
    (attempt,) = children_of(call, recorded.finished())
    assert attempt.name == "GET /api/clinic/patients/{id}"
    for span in recorded.finished():
        assert patient_id not in span.name
        assert patient_id not in str(span.attributes)


async def test_a_retried_call_has_an_attempt_span_per_attempt_and_a_retry_event(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
    (call,) = recorded.named("fullscript clinic.retrieve")
    first, second = sorted(children_of(call, recorded.finished()), key=lambda s: s.start_time or 0)
    assert first.attributes is not None and second.attributes is not None
    assert first.attributes["http.response.status_code"] == 503
    assert first.attributes["error.type"] == "503"
    assert first.status.status_code is StatusCode.ERROR
    assert second.attributes["http.response.status_code"] == 200
    assert second.attributes["http.request.resend_count"] == 1
    assert event_names(call) == ["fullscript.retry"]
    assert call.events[0].attributes is not None
    assert call.events[0].attributes["fullscript.reason"] == "status 503"
    assert call.status.status_code is StatusCode.UNSET  # the call itself succeeded


async def test_a_429_pause_is_an_event_of_the_call(sandbox: Sandbox, recorded: Recorded) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        sandbox.faults.rate_limit(operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
    (call,) = recorded.named("fullscript clinic.retrieve")
    assert event_names(call) == ["fullscript.rate_limit.pause", "fullscript.retry"]
    statuses = [
        span.attributes["http.response.status_code"]
        for span in children_of(call, recorded.finished())
        if span.attributes is not None
    ]
    assert sorted(statuses) == [200, 429]


async def test_a_refresh_under_load_shows_once_on_the_call_that_made_it(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        await fs.clinic.retrieve()  # loads the token
        sandbox.advance_time(7300)  # it has expired: the next calls get 401, one refreshes
        recorded.spans.clear()
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(5)))
    calls = recorded.named("fullscript clinic.retrieve")
    assert len(calls) == 5
    refreshing = [call for call in calls if "fullscript.token.refreshed" in event_names(call)]
    assert len(refreshing) == 1
    # The refresh's own request is an attempt span of that call, without a path template.
    token_attempts = [
        span
        for span in children_of(refreshing[0], recorded.finished())
        if span.attributes is not None and "url.template" not in span.attributes
    ]
    assert [span.name for span in token_attempts] == ["POST"]


async def test_an_error_marks_the_call_span_failed_with_its_status(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        with pytest.raises(NotFoundError):
            await fs.patients.retrieve("no-such-patient")
    (call,) = recorded.named("fullscript patients.retrieve")
    (attempt,) = children_of(call, recorded.finished())
    assert call.status.status_code is StatusCode.ERROR
    assert call.attributes is not None and call.attributes["error.type"] == "404"
    assert attempt.attributes is not None and attempt.attributes["error.type"] == "404"


async def test_a_stream_is_a_span_with_a_child_span_per_page(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        records = [patient async for patient in fs.patients.list(page_size=50, prefetch=3)]
    total = len(sandbox.records("us", "patients"))
    assert len(records) == total
    (stream,) = recorded.named("fullscript patients.list")
    assert stream.attributes is not None and stream.attributes["fullscript.stream"] is True
    pages = children_of(stream, recorded.finished())
    numbers = sorted(
        span.attributes["fullscript.page"] for span in pages if span.attributes is not None
    )
    assert numbers == list(range(1, -(-total // 50) + 1))
    assert {span.name for span in pages} == {"fullscript patients.list page"}
    assert {
        span.attributes["fullscript.work_class"] for span in pages if span.attributes is not None
    } == {"background"}  # streams are background work for the rate limiter
    for page in pages:
        (attempt,) = children_of(page, recorded.finished())
        assert attempt.name == "GET /api/clinic/patients"


async def test_a_page_fetched_again_is_an_event_of_the_stream(
    sandbox: Sandbox, recorded: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("fullscript._pagination.MAX_PAGE_RETRY_WAIT", 0.0)
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        # Three 503s exhaust the transport's two retries: the stream fetches the page again.
        sandbox.faults.error(503, operation_id="list_patients", times=3)
        await fs.patients.list(page_size=10).first_page()
    (stream,) = recorded.named("fullscript patients.list")
    assert event_names(stream) == ["fullscript.page.retry"]
    assert len(recorded.named("fullscript patients.list page")) == 2


async def test_the_grant_id_is_recorded_only_when_asked_for(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        await fs.clinic.retrieve()
    async with make_client(sandbox, telemetry=recorded.telemetry(record_grant_id=True)) as fs:
        await fs.clinic.retrieve()
    first, second = recorded.named("fullscript clinic.retrieve")
    assert first.attributes is not None and "fullscript.grant_id" not in first.attributes
    assert second.attributes is not None and second.attributes["fullscript.grant_id"] == "default"


async def test_no_tracing_header_is_sent_to_fullscript(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    seen: list[set[str]] = []
    inner = sandbox.transport()

    class Headers(httpx2.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
            seen.append({name.lower() for name in request.headers})
            return await inner.handle_async_request(request)

    tracer = recorded.tracer_provider.get_tracer("app")
    async with make_client(sandbox, transport=Headers(), telemetry=recorded.telemetry()) as fs:
        with trace.use_span(tracer.start_span("app request"), end_on_exit=True):
            await fs.clinic.retrieve()
    assert seen
    for names in seen:
        assert not names & {"traceparent", "tracestate", "baggage"}
    (call,) = recorded.named("fullscript clinic.retrieve")
    (app,) = recorded.named("app request")
    assert call.parent is not None and app.context is not None
    assert call.parent.span_id == app.context.span_id  # the call joins the app's trace


async def test_a_stream_marked_interactive_says_so_on_its_pages(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        await fs.patients.list(page_size=50, limit=60).with_work_class("interactive").to_list()
    pages = [span for span in recorded.finished() if span.name == "fullscript patients.list page"]
    assert pages
    assert {span.attributes["fullscript.work_class"] for span in pages if span.attributes} == {
        "interactive"
    }


async def test_pages_a_stream_guessed_and_did_not_need_are_cancelled_not_failed(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    # One slot an hour: page 1 is sent, the guessed pages 2..4 queue for quota, and page 1
    # says the list has one page, so the stream cancels them.
    limiter = RollingWindowLimiter(1, window=3600)
    sandbox.faults.latency(0.05, operation_id="list_practitioners", times=1)  # they start
    async with make_client(sandbox, telemetry=recorded.telemetry(), limiter=limiter) as fs:
        records = [p async for p in fs.practitioners.list(page_size=50, prefetch=3)]
    assert len(records) == len(sandbox.records("us", "practitioners")) <= 50
    (stream,) = recorded.named("fullscript practitioners.list")
    assert stream.status.status_code is not StatusCode.ERROR
    pages = {
        span.attributes["fullscript.page"]: span
        for span in children_of(stream, recorded.finished())
        if span.attributes is not None
    }
    assert sorted(pages) == [1, 2, 3, 4]
    assert all(span.status.status_code is not StatusCode.ERROR for span in pages.values())
    assert "fullscript.cancelled" not in (pages[1].attributes or {})
    for number in (2, 3, 4):
        assert (pages[number].attributes or {}).get("fullscript.cancelled") is True
