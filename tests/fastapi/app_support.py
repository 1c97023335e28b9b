"""Running an app's lifespan around an httpx2 client on its ASGI transport (no TestClient,
no threads), and an SDK client on the in-process sandbox without a token."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx2
from support.sandbox_clients import sandbox_region

from fullscript import Fullscript
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

APP_URL = "http://app.test"


@asynccontextmanager
async def running(app: Any) -> AsyncIterator[httpx2.AsyncClient]:
    """Start the app's lifespan, yield a client on its ASGI transport, then shut it down."""
    transport = httpx2.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx2.AsyncClient(transport=transport, base_url=APP_URL) as client,
    ):
        yield client


def bare_client(sandbox: Sandbox, region: str = "us", **options: Any) -> Fullscript:
    """A `Fullscript` on the in-process sandbox, holding no token yet."""
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, region),
        transport=sandbox.transport(),
        max_retries=0,
        **options,
    )
