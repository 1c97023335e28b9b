"""Keep httpcore2's connection pool usable when calls are cancelled (httpcore2 issue 1093).

httpcore2 1.0.9, the latest release (the fixes, encode/httpcore2#1094 and #1099, are unmerged),
leaks a pool slot whenever a cancellation lands at the wrong moment. Three shapes, all seen
with a storm of ``asyncio.wait_for`` / ``Task.cancel`` against a loopback server:

- a request cancelled right after the pool handed it a brand-new connection leaves that
  connection behind, never opened (``CONNECTING``) or opened but never used (``NEW``, holding a
  socket): neither idle, closed nor expired, so the pool never reaps it;
- a second cancellation during httpcore2's clean-up (its ``AsyncShieldCancellation`` is an
  anyio cancel scope, which does not stop a plain ``Task.cancel()``) leaves an ``ACTIVE``
  connection that no request owns any more;
- the same during a response close leaves the request itself registered in the pool for ever,
  still holding its connection.

Once ``max_connections`` slots are lost every later call waits for its pool timeout and fails,
although the server is fine. `PoolGuard` wraps the transport that owns the pool and repairs
it: before each request and after each cancelled one it drops connections that no request in
the pool owns and that are not idle (so no task can be using them), closes them in the
background, and hands the freed slots to requests already waiting. The response close runs
in a task of its own, so a cancellation cannot interrupt it half-way, and a request left
registered by an interrupted close is unregistered.

It reads httpcore2 internals of the pinned version; any other transport, or a pool of another
shape, is passed through untouched.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any

import httpx2

__all__ = ["PoolGuard"]

logger = logging.getLogger("fullscript")

_POOL_ATTRIBUTES = ("_connections", "_requests", "_assign_requests_to_connections")


def _pool_of(transport: httpx2.AsyncBaseTransport) -> Any:
    """httpx2's httpcore2 pool when it has the shape this module knows, else None."""
    if not isinstance(transport, httpx2.AsyncHTTPTransport):
        return None
    pool = getattr(transport, "_pool", None)
    if pool is None or not all(hasattr(pool, name) for name in _POOL_ATTRIBUTES):
        return None
    if not isinstance(pool._connections, list) or not isinstance(pool._requests, list):
        return None
    return pool


class PoolGuard(httpx2.AsyncBaseTransport):
    """Wraps ``inner`` (normally ``httpx2.AsyncHTTPTransport``) and repairs its pool.

        transport = PoolGuard(httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_connections=10)))

    Requests and responses are passed on unchanged; only the pool's bookkeeping is repaired.
    """

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self._inner = inner
        self._pool: Any = _pool_of(inner)  # None: not a pool this module knows
        # Background closes: the event loop keeps only weak references to tasks.
        self._closing: set[asyncio.Task[None]] = set()

    @property
    def inner(self) -> httpx2.AsyncBaseTransport:
        """The wrapped transport."""
        return self._inner

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Send ``request`` through the inner transport over a repaired pool."""
        if self._pool is None:
            return await self._inner.handle_async_request(request)
        self.repair()
        try:
            response = await self._inner.handle_async_request(request)
        except asyncio.CancelledError:
            # Synchronous: a second cancellation cannot interrupt it.
            self.repair()
            raise
        except httpx2.PoolTimeout:
            self.repair()  # so the next call finds the slots a stranded connection held
            raise
        response.stream = _GuardedStream(response.stream, self)
        return response

    def repair(self) -> int:
        """Drop connections no request owns that are not idle; the number dropped.

        Free of awaits, so on the event loop it cannot interleave with the pool's own
        bookkeeping. Queued requests get the freed slots at once.
        """
        pool = self._pool
        if pool is None:
            return 0
        owned = {id(pool_request.connection) for pool_request in pool._requests}
        # Not idle means a task would be using it, yet no request owns it: stuck. (A closed
        # one is reaped by the pool itself.)
        stranded = [
            connection
            for connection in pool._connections
            if id(connection) not in owned
            and not connection.is_idle()
            and not connection.is_closed()
        ]
        if not stranded:
            return 0
        for connection in stranded:
            pool._connections.remove(connection)
        closing = pool._assign_requests_to_connections()
        self._close_in_background([*stranded, *closing])
        logger.debug(
            "Dropped %d connection(s) left stuck in the pool by cancelled requests "
            "(httpcore2 issue 1093)",
            len(stranded),
        )
        return len(stranded)

    def release(self, stream: Any) -> None:
        """Unregister the pool request of a closed httpcore2 response stream, if still there.

        An interrupted close leaves it registered, holding its connection; `repair` then
        drops that connection.
        """
        pool = self._pool
        pool_request = getattr(stream, "_pool_request", None)
        if pool is None or pool_request is None or not getattr(stream, "_closed", False):
            return
        registered: list[Any] = pool._requests
        if pool_request in registered and getattr(stream, "_pool", None) is pool:
            registered.remove(pool_request)
            logger.debug("Unregistered a pool request whose close was cut short by cancellation")
        self.repair()

    def _close_in_background(self, connections: Iterable[Any]) -> None:
        for connection in connections:
            self._track(asyncio.get_running_loop().create_task(_close_quietly(connection)))

    def _track(self, task: asyncio.Task[None]) -> None:
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def aclose(self) -> None:
        """Finish background closes, then close the inner transport (and its pool)."""
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)
        await self._inner.aclose()

    def __repr__(self) -> str:
        return f"PoolGuard({self._inner!r})"


class _GuardedStream(httpx2.AsyncByteStream):
    """A response body whose close always runs to the end, whoever is cancelled meanwhile."""

    def __init__(self, inner: Any, guard: PoolGuard) -> None:
        self._inner = inner
        self._guard = guard
        self._close_task: asyncio.Task[None] | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._inner:
                yield part
        except BaseException:
            # httpcore2 closes the stream itself here, and a second cancellation can cut that
            # short: finish it in the background.
            self._start_close()
            raise

    async def aclose(self) -> None:
        # The task goes on if the caller is cancelled while waiting for it.
        await asyncio.shield(self._start_close())

    def _start_close(self) -> asyncio.Task[None]:
        if self._close_task is None:
            self._close_task = asyncio.get_running_loop().create_task(self._close())
            self._close_task.add_done_callback(_retrieve_exception)
            self._guard._track(self._close_task)
        return self._close_task

    async def _close(self) -> None:
        try:
            if hasattr(self._inner, "aclose"):
                await self._inner.aclose()
        finally:
            # httpx2's stream wraps httpcore2's, which knows its pool request.
            self._guard.release(getattr(self._inner, "_httpcore_stream", None))


async def _close_quietly(connection: Any) -> None:
    try:
        await connection.aclose()
    except Exception:  # a stuck connection's socket may be broken already
        logger.debug("Closing a dropped pool connection failed", exc_info=True)


def _retrieve_exception(task: asyncio.Task[None]) -> None:
    # Nobody may await a close started by a failed read: asyncio must not log
    # "exception was never retrieved" (the caller already got the read's error).
    if not task.cancelled():
        task.exception()
