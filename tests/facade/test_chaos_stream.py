"""A long stream survives transient faults with the default settings, and can be resumed.

10,000 patients (100 pages of 100) under 10% 5xx, 5% 429, 2% dropped connections and 1%
truncated bodies, on a virtual clock (backoff and Retry-After cost no real time). Every run
must deliver every record exactly once, in order. With the transport's retries alone (3
attempts a page) about half the runs died; the stream now retries a page on its own after a
transient failure, so a page fails only after 12 attempts.
"""

from __future__ import annotations

import asyncio

import pytest

from fullscript import (
    APIConnectionError,
    Fullscript,
    InMemoryTokenStore,
    Region,
    ServerError,
)
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.testing import run_in_virtual_time

from .conftest import token_from

PATIENTS = 10_000


def _client(sandbox: Sandbox, **options: object) -> Fullscript:
    token = token_from(sandbox.issue_token("us"))
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.US.with_base_url(sandbox.base_url("us")),
        transport=sandbox.transport(),
        token_store=InMemoryTokenStore([token]),
        **options,  # type: ignore[arg-type]
    )


def _chaos(sandbox: Sandbox) -> None:
    match = {"operation_id": "list_patients"}
    sandbox.faults.error(503, probability=0.10, **match)
    sandbox.faults.rate_limit(retry_after=1, probability=0.05, **match)
    sandbox.faults.drop(probability=0.02, **match)
    sandbox.faults.malformed(probability=0.01, **match)


async def _chaos_stream(seed: int, prefetch: int = 0) -> tuple[list[str], list[str], int]:
    loop = asyncio.get_running_loop()
    sandbox = Sandbox(seed=seed, patients=PATIENTS, clock=loop.time)
    async with _client(sandbox) as fs:  # default retry policy, default page retries
        expected = [patient.id async for patient in fs.patients.list()]
        _chaos(sandbox)
        streamed = [patient.id async for patient in fs.patients.list(prefetch=prefetch)]
    fired = sum(rule.fired for rule in sandbox.faults.rules)
    return expected, streamed, fired


@pytest.mark.parametrize(("seed", "prefetch"), [(1, 0), (2, 0), (3, 0), (4, 4)])
def test_a_long_stream_completes_under_chaos_with_default_settings(
    seed: int, prefetch: int
) -> None:
    # prefetch=4: pages fail and are fetched again concurrently, and still arrive in order.
    expected, streamed, fired = run_in_virtual_time(_chaos_stream(seed, prefetch))
    assert len(expected) == PATIENTS
    assert fired >= 10  # the faults did happen
    assert streamed == expected  # 0 lost, 0 duplicated, 0 out of order


async def _resume_after_outage() -> tuple[list[str], list[str], BaseException]:
    loop = asyncio.get_running_loop()
    sandbox = Sandbox(seed=9, patients=1_000, clock=loop.time)
    async with _client(sandbox) as fs:
        expected = [patient.id async for patient in fs.patients.list()]
        # Page 4 fails for longer than any retry lasts: the stream gives up there.
        outage = sandbox.faults.error(503, operation_id="list_patients", skip=3)
        streamed: list[str] = []
        paginator = fs.patients.list()
        with pytest.raises(ServerError) as caught:
            async for patient in paginator:
                streamed.append(patient.id)
        sandbox.faults.remove(outage)
        error = caught.value
        async for patient in paginator.starting_at(error.resume_page):  # type: ignore[attr-defined]
            streamed.append(patient.id)
    return expected, streamed, error


def test_a_failed_stream_says_where_to_resume_and_resumes_there() -> None:
    expected, streamed, error = run_in_virtual_time(_resume_after_outage())
    assert error.resume_page == 4  # type: ignore[attr-defined]
    assert "starting_at(4)" in "\n".join(getattr(error, "__notes__", []))
    assert streamed == expected


async def _not_transient() -> BaseException:
    loop = asyncio.get_running_loop()
    sandbox = Sandbox(seed=9, patients=300, clock=loop.time)
    async with _client(sandbox) as fs:
        rule = sandbox.faults.error(403, operation_id="list_patients", skip=1, times=1)
        with pytest.raises(Exception) as caught:
            await fs.patients.list().to_list()
        assert rule.fired == 1  # asked once: a refusal is not retried
        return caught.value


def test_a_refusal_ends_the_stream_at_once_with_its_page() -> None:
    error = run_in_virtual_time(_not_transient())
    assert not isinstance(error, APIConnectionError)
    assert error.resume_page == 2  # type: ignore[attr-defined]


def test_page_retries_is_validated() -> None:
    from fullscript import AsyncPaginator

    async def fetch(number: int, size: int) -> object:
        raise AssertionError

    with pytest.raises(ValueError, match="page_retries"):
        AsyncPaginator(fetch, page_retries=-1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="page_retries"):
        AsyncPaginator(fetch, page_retries=1.5)  # type: ignore[arg-type]
