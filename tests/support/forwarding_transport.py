"""The base of the tests' transport wrappers: everything goes on to an inner transport."""

from __future__ import annotations

import httpx2


class ForwardingTransport(httpx2.AsyncBaseTransport):
    """Passes each request to `inner` and closes it on `aclose()`; subclasses override
    `handle_async_request` to record, delay or edit the traffic on its way."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
