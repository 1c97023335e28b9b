"""Shared pieces of the hardening tests: clients on the in-process sandbox, a recording transport."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2
import pytest
from support.forwarding_transport import ForwardingTransport
from support.sandbox_clients import NO_WAIT_RETRY, make_client, token_from

from fullscript import Fullscript
from fullscript.sandbox import Sandbox

__all__ = ["NO_WAIT_RETRY", "RecordingTransport", "make_client", "token_from"]


class RecordingTransport(ForwardingTransport):
    """Passes requests to `inner` and remembers each one."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        super().__init__(inner)
        self.sent: list[httpx2.Request] = []

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        return await super().handle_async_request(request)


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=7)


@pytest.fixture
def recorder(sandbox: Sandbox) -> RecordingTransport:
    return RecordingTransport(sandbox.transport())


@pytest.fixture
async def fs(sandbox: Sandbox, recorder: RecordingTransport) -> AsyncIterator[Fullscript]:
    async with make_client(sandbox, transport=recorder) as client:
        yield client
