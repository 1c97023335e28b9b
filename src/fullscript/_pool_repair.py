"""Work around httpcore issue 1093: connections stranded in the pool by a cancelled request.

httpcore 1.0.9 (the latest release; the fix, encode/httpcore#1099, is unmerged) assigns a
queued request a brand-new connection and lets the request's own task open it. When that task
is cancelled (or its pool wait times out) in between, the request leaves the pool but the
connection stays: never opened, so neither closed, idle nor expired, and never reaped. Once
``max_connections`` of them pile up, every later request waits for its pool timeout.

`discard_stranded_connections` finds exactly those (not yet opened, not failed, and assigned
to no request still in the pool) and drops them, so the next request gets a fresh slot. It
reads httpcore internals, so it is defensive: any other pool shape is left alone.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

__all__ = ["discard_stranded_connections"]

logger = logging.getLogger("fullscript")


def _pool_of(transport: httpx.AsyncBaseTransport) -> Any:
    return (
        getattr(transport, "_pool", None)
        if isinstance(transport, httpx.AsyncHTTPTransport)
        else None
    )


def _is_stranded(connection: Any, claimed: set[int]) -> bool:
    if id(connection) in claimed:
        return False
    # AsyncHTTPConnection before its first connect: no inner connection, no failure recorded.
    return (
        hasattr(connection, "_connection")
        and getattr(connection, "_connection", True) is None
        and getattr(connection, "_connect_failed", True) is False
    )


def discard_stranded_connections(transport: httpx.AsyncBaseTransport) -> int:
    """Drop never-opened connections no request holds from ``transport``'s pool; the count.

    Synchronous and free of awaits, so on the event loop it cannot interleave with the
    pool's own bookkeeping. Transports other than ``httpx.AsyncHTTPTransport`` give 0.
    """
    pool = _pool_of(transport)
    connections = getattr(pool, "_connections", None)
    requests = getattr(pool, "_requests", None)
    if not isinstance(connections, list) or not isinstance(requests, list):
        return 0
    claimed = {id(getattr(request, "connection", None)) for request in requests}
    stranded = [connection for connection in connections if _is_stranded(connection, claimed)]
    for connection in stranded:
        connections.remove(connection)
    if stranded:
        logger.debug(
            "discarded %d connection(s) stranded in the pool by cancelled requests "
            "(httpcore issue 1093)",
            len(stranded),
        )
    return len(stranded)
