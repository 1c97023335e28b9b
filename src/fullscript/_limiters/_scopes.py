"""Which quota a request counts against: the limiter key follows the quota's scope.

Fullscript documents "5000 requests in a rolling 5m period across all API endpoints" and no
more; the conservative reading is one quota per app (client_id) and server, which is the
default. `"grant"` gives every grant (one authorized clinic account) a quota of its own, for
servers that count per token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import httpx2

__all__ = [
    "DEFAULT_GRANT_ID",
    "GRANT_ID_EXTENSION",
    "QuotaScope",
    "app_scope",
    "grant_scope",
    "host_scope",
    "quota_scope",
]

GRANT_ID_EXTENSION = "fullscript.grant_id"
"""Request extension naming the grant a request is made for (set by the client's auth layer)."""

DEFAULT_GRANT_ID = "default"
"""The grant of requests that name none (the single-grant API)."""

QuotaScope = Callable[[httpx2.Request], str]
"""Maps a request to the name of the quota it counts against."""


def host_scope(request: httpx2.Request) -> str:
    """One quota per server (what a bare `FullscriptTransport` uses)."""
    return request.url.host


def app_scope(client_id: str) -> QuotaScope:
    """One quota per app (`client_id`) and server: the default."""

    # The name depends only on the host: build each host's string once, not on every request.
    names: dict[str, str] = {}

    def scope(request: httpx2.Request) -> str:
        host = request.url.host
        name = names.get(host)
        if name is None:
            name = names[host] = f"app:{client_id}@{host}"
        return name

    return scope


def grant_scope(client_id: str) -> QuotaScope:
    """One quota per app, server and grant (the grant id comes from the request extension)."""

    def scope(request: httpx2.Request) -> str:
        grant = request.extensions.get(GRANT_ID_EXTENSION, DEFAULT_GRANT_ID)
        return f"grant:{client_id}@{request.url.host}/{grant}"

    return scope


def quota_scope(setting: Literal["app", "grant"] | QuotaScope, client_id: str) -> QuotaScope:
    """The scope function for `Fullscript(quota_scope=...)`: "app", "grant" or your own."""
    if setting == "app":
        return app_scope(client_id)
    if setting == "grant":
        return grant_scope(client_id)
    if callable(setting):
        return setting
    raise ValueError(
        f"quota_scope must be 'app', 'grant' or a function of the request, got {setting!r}"
    )
