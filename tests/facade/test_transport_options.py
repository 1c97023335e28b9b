"""RequestOptions and the context variable that carries them to the transport."""

from __future__ import annotations

import asyncio

import httpx2

from fullscript._options import RequestOptions, current_request_options, use_request_options
from fullscript._retry import RetryPolicy


def test_no_overrides_outside_any_block() -> None:
    assert current_request_options() == RequestOptions()


def test_block_sets_and_restores_the_options() -> None:
    options = RequestOptions(retry=RetryPolicy(max_retries=0))
    with use_request_options(options) as effective:
        assert effective == options
        assert current_request_options() == options
    assert current_request_options() == RequestOptions()


def test_nested_blocks_refine_the_outer_options() -> None:
    no_retry = RetryPolicy(max_retries=0)
    short = httpx2.Timeout(1.0)
    with use_request_options(RequestOptions(retry=no_retry)):
        with use_request_options(RequestOptions(timeout=short)):
            assert current_request_options() == RequestOptions(retry=no_retry, timeout=short)
        assert current_request_options() == RequestOptions(retry=no_retry)


def test_options_are_restored_when_the_block_raises() -> None:
    try:
        with use_request_options(RequestOptions(timeout=httpx2.Timeout(1.0))):
            raise KeyError("boom")
    except KeyError:
        pass
    assert current_request_options() == RequestOptions()


async def test_tasks_started_inside_a_block_inherit_it_but_siblings_do_not() -> None:
    seen: dict[str, RequestOptions] = {}
    options = RequestOptions(retry=RetryPolicy(max_retries=7))

    async def record(name: str) -> None:
        await asyncio.sleep(0)
        seen[name] = current_request_options()

    async def inside() -> None:
        with use_request_options(options):
            await asyncio.gather(record("child"))
            await asyncio.sleep(0)

    await asyncio.gather(inside(), record("sibling"))

    assert seen == {"child": options, "sibling": RequestOptions()}
