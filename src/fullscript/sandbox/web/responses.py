"""HTTP answers the sandbox builds: JSON, errors, faults (including a dropped connection)."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

__all__ = [
    "SERVED_SCOPE_KEY",
    "ConnectionDropped",
    "DroppedConnectionResponse",
    "error_response",
    "json_response",
    "malformed_response",
]

#: Scope key set by :func:`fullscript.sandbox.serve`; a drop then just closes the socket.
SERVED_SCOPE_KEY = "fullscript.sandbox.served"


class ConnectionDropped(Exception):
    """Raised by the sandbox app when a fault drops the connection.

    :meth:`fullscript.sandbox.Sandbox.transport` turns it into ``httpx2.RemoteProtocolError``;
    over a real socket the connection is closed mid-response.
    """


def _dumps(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    if body is None:
        return Response(status_code=status, headers=headers)
    return Response(_dumps(body), status, headers, media_type="application/json")


def error_response(
    status: int, body: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> Response:
    if body is None:
        body = {"status": status, "error": HTTPStatus(status).phrase}
    return json_response(status, body, headers)


def malformed_response(status: int, body: Any) -> Response:
    """The real answer cut in half: valid headers, unparseable JSON."""
    raw = _dumps(body if body is not None else {})
    return Response(raw[: max(1, len(raw) // 2)], status, media_type="application/json")


class DroppedConnectionResponse(Response):
    """Start an answer, send a fragment, then vanish."""

    def __init__(self) -> None:
        super().__init__(status_code=200, media_type="application/json")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
            }
        )
        await send({"type": "http.response.body", "body": b'{"', "more_body": True})
        if scope.get(SERVED_SCOPE_KEY):
            # The server closes the socket when the app returns mid-body.
            return
        raise ConnectionDropped("sandbox fault: connection dropped")
