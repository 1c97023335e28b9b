"""A storm of cancelled calls does not poison the connection pool (encode/httpcore#1093).

httpcore 1.0.9 left a connection stuck in CONNECTING when a request was cancelled right after
the pool assigned it a new connection; once `max_connections` of them piled up every later
request waited for the pool timeout. httpcore2 drops such connections; this keeps it so. The
bug would live in the pool, so this runs against a real socket: a tiny HTTP/1.1 server on
loopback, httpx2's real transport.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx2
import pytest
from support.loopback_http import CLINIC, loopback_client, loopback_server, read_request_head

from fullscript import APITimeoutError, Fullscript, RetryPolicy

HANGING: list[asyncio.Event] = []  # set when the server receives GET /hang


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        while True:
            head = await read_request_head(reader)
            if head is None:
                return
            if b" /hang " in head:  # headers, then a body that never comes
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
                await writer.drain()
                for event in HANGING:
                    event.set()
                await asyncio.sleep(3600)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(CLINIC)).encode() + b"\r\n\r\n" + CLINIC
            )
            await writer.drain()
    with contextlib.suppress(Exception):
        writer.close()


@pytest.fixture
async def loopback() -> AsyncIterator[str]:
    async with loopback_server(_serve) as base_url:
        yield base_url


def _client(base_url: str, *, max_connections: int = 10) -> Fullscript:
    return loopback_client(
        base_url,
        transport=httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=max_connections)),
        timeout=httpx2.Timeout(5.0, pool=1.0),
        retry=RetryPolicy(initial_backoff=0.0, max_backoff=0.0, jitter=False),
    )


async def test_a_cancellation_storm_leaves_the_pool_usable(loopback: str) -> None:
    async with _client(loopback) as fs:
        await fs.clinic.retrieve()
        # Cancel 20 concurrent calls (pool of 10) after 0..5 ticks of the loop, many times:
        # one of those moments is the one that stranded a connection in httpcore 1.0.9.
        for round_number in range(30):
            calls = [asyncio.create_task(fs.clinic.retrieve()) for _ in range(20)]
            for _ in range(round_number % 6):
                await asyncio.sleep(0)
            for call in calls:
                call.cancel()
            await asyncio.gather(*calls, return_exceptions=True)
        results = await asyncio.gather(*(fs.clinic.retrieve() for _ in range(30)))
    assert [clinic.id for clinic in results] == ["c1"] * 30


async def test_a_pool_timeout_is_not_retried(loopback: str) -> None:
    # One connection, held by a response whose body never arrives: no other call can get one.
    async with _client(loopback, max_connections=1) as fs:
        http = fs._connection.anonymous_http
        hanging = asyncio.Event()
        HANGING.append(hanging)
        held = asyncio.create_task(http.get(f"{loopback}/hang"))
        await hanging.wait()
        HANGING.remove(hanging)
        attempts = 0
        inner = fs._shared.transport._inner

        class Counting(httpx2.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
                nonlocal attempts
                attempts += 1
                return await inner.handle_async_request(request)

        fs._shared.transport._inner = Counting()
        try:
            with pytest.raises(APITimeoutError, match="pool") as caught:
                await fs.clinic.retrieve()
        finally:
            fs._shared.transport._inner = inner
            held.cancel()
            await asyncio.gather(held, return_exceptions=True)
    assert attempts == 1  # waiting another pool timeout (or two) would not free a connection
    assert "max_connections" in str(caught.value)
