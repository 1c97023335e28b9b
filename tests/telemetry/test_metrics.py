"""Metric points: request durations by template and status, limiter waits, 429s, retries and
token refreshes, through the OpenTelemetry metrics API."""

from __future__ import annotations

import asyncio

import pytest
from support.manual_clock import ManualClock
from support.otel_recording import Recorded
from support.sandbox_clients import make_client, revoke_at_sandbox

from fullscript import AuthenticationError, NotFoundError, RollingWindowLimiter
from fullscript.sandbox import Sandbox
from fullscript.telemetry import METRICS


async def test_each_attempt_records_its_duration_by_template_and_status(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
    duration = "http.client.request.duration"
    assert recorded.total(duration, **{"url.template": "/api/clinic"}) == 2
    assert recorded.total(duration, **{"http.response.status_code": 503, "error.type": "503"}) == 1
    assert recorded.total(duration, **{"http.response.status_code": 200}) == 1
    for attributes, _ in recorded.points(duration):
        assert attributes["http.request.method"] == "GET"
        assert "server.address" in attributes and "server.port" in attributes


async def test_limiter_waits_are_recorded_per_quota_and_slots_are_given_back(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(3)))
    waits = recorded.points("fullscript.limiter.wait")
    assert sum(point.count for _, point in waits) == 3
    assert all(attributes["fullscript.quota"] for attributes, _ in waits)
    in_use = recorded.points("fullscript.limiter.slots_in_use")
    assert in_use and all(point.value == 0 for _, point in in_use)  # every slot released
    queued = recorded.points("fullscript.limiter.queued")
    assert queued and all(point.value == 0 for _, point in queued)  # nobody left waiting


async def test_callers_waiting_for_a_full_quota_are_counted_while_they_wait(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    limiter = RollingWindowLimiter(1, 60.0)
    async with make_client(sandbox, telemetry=recorded.telemetry(), limiter=limiter) as fs:
        await fs.clinic.retrieve()  # the one slot of the window
        waiting = [asyncio.create_task(fs.clinic.retrieve()) for _ in range(3)]
        for _ in range(1000):  # until the three are parked in the limiter
            if recorded.total("fullscript.limiter.queued") == 3:
                break
            await asyncio.sleep(0)
        assert recorded.total("fullscript.limiter.queued") == 3
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        await asyncio.sleep(0)
    assert recorded.total("fullscript.limiter.queued") == 0  # cancelled waits are given back


async def test_429s_retries_and_refreshes_are_counted(sandbox: Sandbox, recorded: Recorded) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        sandbox.faults.rate_limit(operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()  # a 429, then a retry
        sandbox.advance_time(7300)
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(4)))  # one refresh
    assert recorded.total("fullscript.rate_limited") == 1
    assert recorded.total("fullscript.retries") == 1
    assert recorded.total("fullscript.token.refreshes", **{"fullscript.outcome": "refreshed"}) == 1
    assert recorded.total("fullscript.grants.dead") == 0


async def test_a_dead_grant_is_counted(sandbox: Sandbox, recorded: Recorded) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry(), max_retries=0) as fs:
        token = await fs.token_manager.get_token()
        await revoke_at_sandbox(sandbox, fs, token.access_token)
        with pytest.raises(AuthenticationError):
            await fs.clinic.retrieve()
    assert recorded.total("fullscript.grants.dead") == 1


def test_every_metric_is_in_the_docs_table() -> None:
    from pathlib import Path

    table = (Path(__file__).parents[2] / "docs" / "telemetry.md").read_text()
    for spec in METRICS:
        assert f"| `{spec.name}` | {spec.kind} | `{spec.unit}` |" in table, spec.name


async def test_a_background_refresh_is_counted_and_belongs_to_no_call(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    clock = ManualClock(10_000)
    async with make_client(sandbox, telemetry=recorded.telemetry(), clock=clock) as fs:
        await fs.clinic.retrieve()
        clock.t += 7200 - 299  # inside the 300 s leeway: refreshed beside the next call
        await fs.clinic.retrieve()
        await fs.token_manager.settle()
    assert recorded.total("fullscript.token.refreshes", **{"fullscript.outcome": "refreshed"}) == 1
    for call in recorded.named("fullscript clinic.retrieve"):
        assert not call.events  # the call that noticed it did not wait for it
        assert call.attributes is not None and call.attributes["fullscript.attempts"] == 1
    # Nor is the refresh's request an attempt of that call.
    assert [span.name for span in recorded.finished() if span.name.startswith("POST")] == []


async def test_an_error_and_a_prefetched_stream_record_their_attempts(
    sandbox: Sandbox, recorded: Recorded
) -> None:
    async with make_client(sandbox, telemetry=recorded.telemetry()) as fs:
        with pytest.raises(NotFoundError):
            await fs.patients.retrieve("no-such-patient")
        records = [patient async for patient in fs.patients.list(page_size=50, prefetch=3)]
    duration = "http.client.request.duration"
    template = "/api/clinic/patients/{id}"
    assert recorded.total(duration, **{"url.template": template, "error.type": "404"}) == 1
    pages = -(-len(records) // 50)
    assert recorded.total(duration, **{"url.template": "/api/clinic/patients"}) == pages
