"""The public ``Sandbox`` object: the backend served as an ASGI app, plus httpx2 helpers."""

from __future__ import annotations

from functools import cached_property
from typing import Any

import httpx2
from starlette.types import ASGIApp, Receive, Scope, Send

from .backend import SandboxBackend, check_region
from .oauth.issued import IssuedToken
from .web.app import build_app
from .web.transport import SandboxTransport

__all__ = ["IN_PROCESS_HOST", "Sandbox"]

#: Host used for in-process URLs; any host works with :meth:`Sandbox.transport`.
IN_PROCESS_HOST = "http://fullscript-sandbox"


class Sandbox(SandboxBackend):
    """A stateful fake Fullscript API: an ASGI app plus Python helpers for tests.

    In-process use with httpx2::

        sandbox = Sandbox(seed=1)
        token = sandbox.issue_token("us")
        async with httpx2.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url("us"),
            headers={"Authorization": token.authorization},
        ) as client:
            page = (await client.get("/api/clinic/patients")).json()

    Serve it on a socket with ``python -m fullscript.sandbox`` or :func:`fullscript.sandbox.serve`.
    """

    @cached_property
    def app(self) -> ASGIApp:
        """The ASGI app serving every region's API and the ``/_sandbox`` control surface."""
        return build_app(self)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The sandbox is itself an ASGI app."""
        await self.app(scope, receive, send)

    # --- HTTP helpers -----------------------------------------------------------------------

    def transport(self) -> httpx2.AsyncBaseTransport:
        """An httpx2 transport into this sandbox (dropped connections raise httpx2 errors)."""
        return SandboxTransport(self.app)

    @staticmethod
    def base_url(region: str = "us", host: str = IN_PROCESS_HOST) -> str:
        """The region's base URL (API under ``{base}/api``, as is the authorize page)."""
        return f"{host.rstrip('/')}/{check_region(region)}"

    def client(
        self, region: str = "us", *, token: IssuedToken | str | None = None, **options: Any
    ) -> httpx2.AsyncClient:
        """An ``httpx2.AsyncClient`` on the region's base URL, optionally with a bearer token."""
        headers = dict(options.pop("headers", {}) or {})
        if token is not None:
            access = token.access_token if isinstance(token, IssuedToken) else token
            headers["Authorization"] = f"Bearer {access}"
        return httpx2.AsyncClient(
            transport=self.transport(), base_url=self.base_url(region), headers=headers, **options
        )
