"""Shared fixtures for façade tests: the embedded sandbox, clients wired to it, a recording transport."""

from __future__ import annotations

import signal
import threading
from collections.abc import AsyncIterator, Iterator
from types import FrameType

import attrs
import httpx2
import pytest
from support.forwarding_transport import ForwardingTransport
from support.sandbox_clients import NO_WAIT_RETRY, make_client, sandbox_region, token_from

from fullscript import Fullscript
from fullscript.sandbox import Sandbox

__all__ = ["NO_WAIT_RETRY", "RecordingTransport", "make_client", "sandbox_region", "token_from"]


@attrs.frozen
class SentRequest:
    """What the recording transport saw (the Authorization value is kept for comparisons only)."""

    method: str
    path: str
    query: dict[str, str]
    authorization: str | None
    timeout: dict[str, float | None]
    user_agent: str | None


class RecordingTransport(ForwardingTransport):
    """Passes requests to `inner` and remembers each one, for assertions about the traffic."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        super().__init__(inner)
        self.sent: list[SentRequest] = []
        self.closed = False

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(
            SentRequest(
                method=request.method,
                path=request.url.path,
                query=dict(request.url.params),
                authorization=request.headers.get("authorization"),
                timeout=dict(request.extensions.get("timeout", {})),
                user_agent=request.headers.get("user-agent"),
            )
        )
        return await super().handle_async_request(request)

    async def aclose(self) -> None:
        self.closed = True
        await super().aclose()

    def paths(self, method: str | None = None) -> list[str]:
        return [s.path for s in self.sent if method is None or s.method == method]

    def count(self, path_suffix: str, method: str | None = None) -> int:
        return sum(1 for path in self.paths(method) if path.endswith(path_suffix))


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


HANG_TIMEOUT = 20
"""Seconds after which a façade test is failed as hung (a lost cancellation, a deadlock)."""


@pytest.fixture(autouse=True)
def fail_instead_of_hanging() -> Iterator[None]:
    """Turn a hang into a red test: several behaviours (cancellation, single flight) fail by
    waiting forever when broken, and a suite that hangs tells nobody which test did it."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"test still running after {HANG_TIMEOUT} s: it hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(HANG_TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
