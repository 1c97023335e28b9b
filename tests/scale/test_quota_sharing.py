"""One quota, many clinics, as a `Fullscript` user sees it: calls are interactive and streams
background, a long stream completes under the defaults, a clinic's calls stay fast while
another clinic exports, and a request queued for its slot leaves with the newest token.
Against an in-process sandbox, on virtual time."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx2
import pytest
from support.sandbox_clients import token_from

from fullscript import InvalidParameterError, OAuthToken, RollingWindowLimiter
from fullscript.sandbox import Sandbox
from fullscript.testing import RecordingLimiter

from .test_quota_client import EPOCH, Latency, client_for, virtual


def sandbox_with(patients: int, rate_limit: str) -> Sandbox:
    loop = asyncio.get_running_loop()
    return Sandbox(clock=loop.time, rate_limit=rate_limit, patients=patients, seed=1)


def token_for(sandbox: Sandbox) -> OAuthToken:
    return token_from(sandbox.issue_token("us"))


def classes(limiter: RecordingLimiter) -> list[tuple[str | None, str | None]]:
    return [(c.work_class, c.grant) for c in limiter.calls if c.kind == "acquire"]


def test_calls_are_interactive_and_streams_background() -> None:
    async def scenario() -> dict[str, list[tuple[str | None, str | None]]]:
        sandbox = sandbox_with(3, "100/60")
        seen: dict[str, list[tuple[str | None, str | None]]] = {}
        limiter = RecordingLimiter()
        async with client_for(sandbox, sandbox.transport(), limiter=limiter) as fs:
            await fs.add_grant("b", token_for(sandbox))

            async def record(name: str, work: Any) -> None:
                limiter.calls.clear()
                await work
                seen[name] = classes(limiter)

            await record("call", fs.clinic.retrieve())
            await record("stream", fs.patients.list(page_size=3).to_list())
            await record("first page", fs.patients.list(page_size=3).first_page())
            await record("with_options", fs.with_options(work_class="background").clinic.retrieve())
            sync = fs.for_grant("b", work_class="background")
            await record("grant view", sync.clinic.retrieve())
            await record(
                "stream told",
                sync.patients.list(page_size=3).with_work_class("interactive").to_list(),
            )
        return seen

    seen = virtual(scenario)
    assert seen["call"] == [("interactive", "default")]
    assert seen["stream"] == [("background", "default")]
    assert seen["first page"] == [("interactive", "default")]
    assert seen["with_options"] == [("background", "default")]
    assert seen["grant view"] == [("background", "b")]
    assert seen["stream told"] == [("interactive", "b")]


def test_an_unknown_work_class_is_refused_where_it_is_given() -> None:
    async def scenario() -> None:
        sandbox = sandbox_with(1, "100/60")
        with pytest.raises(InvalidParameterError, match="work_class must be one of"):
            client_for(sandbox, sandbox.transport(), work_class="bulk")
        async with client_for(sandbox, sandbox.transport()) as fs:
            with pytest.raises(InvalidParameterError, match="work_class"):
                fs.with_options(work_class="urgent")  # type: ignore[arg-type]
            with pytest.raises(InvalidParameterError, match="work_class"):
                fs.for_grant("b", work_class="later")  # type: ignore[arg-type]
            with pytest.raises(InvalidParameterError, match="work_class"):
                fs.patients.list().with_work_class("soon")  # type: ignore[arg-type]

    virtual(scenario)


def test_a_stream_longer_than_the_quota_completes_under_the_default_settings() -> None:
    """5 per 300 s and a 2 s timeout: the 6th page is 300 s away. A call would give up; a
    stream waits, never exceeds the server's limit, and says where it is meanwhile."""

    async def scenario() -> tuple[int, float, Any, Any, list[Any]]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_with(24, "5/300")
        seen: list[Any] = []
        async with client_for(
            sandbox, sandbox.transport(), limiter=RollingWindowLimiter(5, 300.0), timeout=2.0
        ) as fs:
            export = fs.patients.list(page_size=2)

            async def watch() -> None:
                while True:
                    await asyncio.sleep(100.0)
                    seen.append(export.progress)

            watcher = asyncio.create_task(watch())
            records = len(await export.to_list())
            watcher.cancel()
            return records, loop.time() - EPOCH, export.progress, sandbox.traffic_stats(), seen

    records, took, progress, traffic, seen = virtual(scenario)
    assert records == 24
    assert progress.pages == 12 and progress.records == 24 and progress.finished
    assert progress.page_retries == 0 and not progress.waiting_for_quota
    # At t = 100 s: 5 pages (10 records) out, the 6th queued for its slot.
    assert (seen[0].pages, seen[0].records, seen[0].waiting_for_slot) == (5, 10, 1)
    assert seen[0].waiting_for_quota and not seen[0].finished
    app = next(iter(traffic.apps.values()))
    assert app.rate_limited == 0 and app.max_in_window <= 5
    assert 600.0 <= took < 900.0  # 12 pages at 5 per 300 s


def test_one_clinics_calls_stay_fast_while_another_clinic_exports() -> None:
    """Clinic A streams as fast as the quota allows; clinic B calls every 5 s. B's calls
    find a slot from the reserve within one round trip and none fails."""

    async def scenario() -> tuple[list[float], int, Any]:
        loop = asyncio.get_running_loop()
        sandbox = sandbox_with(400, "100/30")
        latency = Latency(sandbox.transport(), 0.025)  # 50 ms a round trip
        limiter = RollingWindowLimiter(100, 30.0)  # reserve 10%: 10 slots a window
        async with client_for(sandbox, latency, limiter=limiter, timeout=60.0) as fs:
            await fs.add_grant("a", token_for(sandbox))
            await fs.add_grant("b", token_for(sandbox))
            export = asyncio.create_task(
                fs.for_grant("a").patients.list(page_size=1, prefetch=8).to_list()
            )
            clinic_b = fs.for_grant("b")
            durations: list[float] = []
            for _ in range(24):  # 2 minutes
                asked = loop.time()
                await clinic_b.clinic.retrieve()
                durations.append(loop.time() - asked)
                await asyncio.sleep(5.0 - (loop.time() - asked))
            records = len(await export)
            return durations, records, sandbox.traffic_stats()

    durations, records, traffic = virtual(scenario)
    assert max(durations) <= 0.05 + 1e-6  # one round trip: never queued behind the export
    assert records == 400
    app = next(iter(traffic.apps.values()))
    assert app.rate_limited == 0 and app.max_in_window <= 100


def test_a_request_queued_for_its_slot_leaves_with_the_token_rotated_meanwhile() -> None:
    async def scenario() -> list[str]:
        sandbox = sandbox_with(1, "100/60")
        sent: list[str] = []

        class Recording(httpx2.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                sent.append(request.headers.get("authorization", ""))
                return await sandbox.transport().handle_async_request(request)

        limiter = RollingWindowLimiter(1, 10.0)
        async with client_for(
            sandbox, Recording(), limiter=limiter, max_limiter_wait=math.inf
        ) as fs:
            await fs.clinic.retrieve()  # the only slot, for 10 s
            queued = asyncio.create_task(fs.clinic.retrieve())
            await asyncio.sleep(1)
            rotated = token_for(sandbox)
            await fs.set_token(rotated)  # a sibling rotated the token while it waited
            await queued
            return [sent[0] == sent[1], sent[1] == f"Bearer {rotated.access_token}"]

    same_as_first, rotated_one = virtual(scenario)
    assert not same_as_first and rotated_one
