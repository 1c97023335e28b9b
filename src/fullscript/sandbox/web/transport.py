"""An httpx transport that runs requests against the sandbox in-process."""

from __future__ import annotations

import anyio
import httpx
from starlette.types import ASGIApp

from .responses import ConnectionDropped

__all__ = ["SandboxTransport"]


class SandboxTransport(httpx.AsyncBaseTransport):
    """``httpx.ASGITransport`` made to fail like a network would.

    - a dropped-connection fault raises ``httpx.RemoteProtocolError``, what a client sees
      when a server hangs up;
    - the request's read timeout is honoured (``ASGITransport`` ignores it), so latency faults
      raise ``httpx.ReadTimeout`` exactly as they would over a socket.
    """

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Run ``request`` through the sandbox app, turning its faults into httpx errors."""
        timeouts = request.extensions.get("timeout") or {}
        read_timeout = timeouts.get("read")
        try:
            if read_timeout is None:
                return await self._inner.handle_async_request(request)
            with anyio.fail_after(read_timeout):
                return await self._inner.handle_async_request(request)
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a complete response.", request=request
            ) from None
        except TimeoutError:
            raise httpx.ReadTimeout("Timed out waiting for the sandbox", request=request) from None

    async def aclose(self) -> None:
        """Close the wrapped ASGI transport."""
        await self._inner.aclose()
