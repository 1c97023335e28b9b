"""An httpx2 transport that runs requests against the sandbox in-process."""

from __future__ import annotations

import anyio
import httpx2
from starlette.types import ASGIApp

from .responses import ConnectionDropped

__all__ = ["SandboxTransport"]


class SandboxTransport(httpx2.AsyncBaseTransport):
    """``httpx2.ASGITransport`` made to fail like a network would.

    - a dropped-connection fault raises ``httpx2.RemoteProtocolError``, what a client sees
      when a server hangs up;
    - the request's read timeout is honoured (``ASGITransport`` ignores it), so latency faults
      raise ``httpx2.ReadTimeout`` exactly as they would over a socket.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx2.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Run ``request`` through the sandbox app, turning its faults into httpx2 errors."""
        timeouts = request.extensions.get("timeout") or {}
        read_timeout = timeouts.get("read")
        try:
            if read_timeout is None:
                return await self._inner.handle_async_request(request)
            with anyio.fail_after(read_timeout):
                return await self._inner.handle_async_request(request)
        except ConnectionDropped:
            raise httpx2.RemoteProtocolError(
                "Server disconnected without sending a complete response.", request=request
            ) from None
        except TimeoutError:
            raise httpx2.ReadTimeout("Timed out waiting for the sandbox", request=request) from None

    async def aclose(self) -> None:
        """Close the wrapped ASGI transport."""
        await self._inner.aclose()
