"""Counts, at the sandbox's ASGI boundary, the token calls it answered (refreshes, refusals)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fullscript.sandbox import Sandbox


class TokenEndpointCounter:
    """An ASGI wrapper around a sandbox app counting ``POST .../oauth/token`` by outcome.

    ``counts`` keys are ``(grant_type, status)``, e.g. ``("refresh_token", 200)``. Thread-safe:
    a served sandbox answers on uvicorn's thread while the test reads the counts.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.counts: Counter[tuple[str, int]] = Counter()
        # How often each refresh token was presented (digests only: no secret is kept).
        self.presented: Counter[str] = Counter()
        self._lock = threading.Lock()

    @classmethod
    def install(cls, sandbox: Sandbox) -> TokenEndpointCounter:
        """Wrap ``sandbox.app`` (before any transport or server is made from it)."""
        counter = cls(sandbox.app)
        sandbox.app = counter  # type: ignore[method-assign,assignment]
        return counter

    @property
    def refreshes(self) -> int:
        """Refresh calls the sandbox answered with a new pair."""
        with self._lock:
            return self.counts[("refresh_token", 200)]

    @property
    def refused_refreshes(self) -> int:
        """Refresh calls the sandbox refused (invalid_grant)."""
        with self._lock:
            return sum(
                n
                for (kind, status), n in self.counts.items()
                if kind == "refresh_token" and status >= 400
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/oauth/token"):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        status: list[int] = []

        async def receiving() -> Message:
            message = await receive()
            body.extend(message.get("body", b""))
            return message

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
            await send(message)

        await self.app(scope, receiving, sending)
        fields = _fields(bytes(body))
        grant_type = str(fields.get("grant_type"))
        with self._lock:
            self.counts[(grant_type, status[0] if status else 0)] += 1
            if grant_type == "refresh_token":
                digest = hashlib.sha256(str(fields.get("refresh_token")).encode()).hexdigest()
                self.presented[digest[:12]] += 1

    def presented_twice(self) -> list[int]:
        """How often each refresh token presented more than once was (empty when none was)."""
        with self._lock:
            return sorted(n for n in self.presented.values() if n > 1)


def _fields(body: bytes) -> dict[str, Any]:
    try:
        parsed: Any = json.loads(body or b"{}")
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}
