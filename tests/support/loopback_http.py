"""A tiny HTTP/1.1 server on loopback and a client for it, for tests that need httpx2's real
transport over real sockets (connection-pool behaviour) rather than an in-process one."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx2

from fullscript import Fullscript, OAuthToken, Region, RetryPolicy

#: The body of a successful ``GET /api/clinic``.
CLINIC = json.dumps({"clinic": {"id": "c1", "name": "Loopback clinic"}}).encode()

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def read_request_head(reader: asyncio.StreamReader) -> bytes | None:
    """The request line and headers of the next request, or None when the client hung up."""
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = await reader.read(4096)
        if not chunk:
            return None
        head += chunk
    return head


@contextlib.asynccontextmanager
async def loopback_server(handler: Handler) -> AsyncIterator[str]:
    """Serve `handler` on a free loopback port; yields the base URL."""
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 5)


def loopback_client(
    base_url: str,
    *,
    transport: httpx2.AsyncBaseTransport,
    timeout: httpx2.Timeout,
    retry: RetryPolicy,
) -> Fullscript:
    """A `Fullscript` holding a made-up token, sending to `base_url` through `transport`."""
    return Fullscript(
        client_id="app-id",
        client_secret="app-secret-value",
        redirect_uri="https://app.example/cb",
        region=Region.US.with_base_url(base_url),
        token=OAuthToken(access_token="access-value", refresh_token="refresh-value", region="us"),
        transport=transport,
        timeout=timeout,
        retry=retry,
    )
