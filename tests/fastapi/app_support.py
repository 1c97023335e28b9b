"""Running an app's lifespan around an httpx client on its ASGI transport (no TestClient,
no threads)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

APP_URL = "http://app.test"


@asynccontextmanager
async def running(app: object) -> AsyncIterator[httpx.AsyncClient]:
    """Start the app's lifespan, yield a client on its ASGI transport, then shut it down."""
    async with app.router.lifespan_context(app):  # type: ignore[attr-defined]
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url=APP_URL,  # type: ignore[arg-type]
        ) as client:
            yield client
