"""An httpx transport that runs requests against the sandbox in-process."""

from __future__ import annotations

import httpx
from starlette.types import ASGIApp

from ._responses import ConnectionDropped

__all__ = ["SandboxTransport"]


class SandboxTransport(httpx.AsyncBaseTransport):
    """``httpx.ASGITransport`` plus one translation: a dropped-connection fault becomes
    ``httpx.RemoteProtocolError``, exactly what a client sees when a server hangs up."""

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            return await self._inner.handle_async_request(request)
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a complete response.", request=request
            ) from None

    async def aclose(self) -> None:
        await self._inner.aclose()
