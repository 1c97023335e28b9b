"""Helpers for grant tests: clients on the in-process sandbox, and a transport that tells, from
the sandbox's own OAuth records, which grant every request's bearer token belongs to."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Sequence
from typing import Any

import attrs
import httpx2
from support.forwarding_transport import ForwardingTransport
from support.sandbox_clients import NO_WAIT_RETRY, sandbox_region, token_from

from fullscript import Fullscript, OAuthToken, TokenStore
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

from .token_endpoint_counter import TokenEndpointCounter

__all__ = ["NO_WAIT_RETRY", "sandbox_region", "token_from"]

#: The grant the code running now acts for, set by each test task before its calls.
acting_for: contextvars.ContextVar[str | None] = contextvars.ContextVar("acting_for", default=None)


def make_app_client(
    sandbox: Sandbox,
    transport: httpx2.AsyncBaseTransport,
    *,
    region: str = "us",
    token_store: TokenStore | None = None,
    **options: Any,
) -> Fullscript:
    """A `Fullscript` for the sandbox's default app, holding no token yet."""
    options.setdefault("retry", NO_WAIT_RETRY)
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, region),
        transport=transport,
        token_store=token_store,
        **options,
    )


@attrs.frozen
class SeenCall:
    """One API request as the sandbox saw it: whose grant sent it, and whose token it carried."""

    acting_for: str | None
    token_of: str | None
    path: str


class GrantTracingTransport(ForwardingTransport):
    """Forwards to the sandbox and attributes each API request's bearer token to a grant.

    A token belongs to the grant whose first pair (the one the test minted) it descends from
    through the sandbox's refresh records (`TokenRecord.previous`).
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.token_endpoint = TokenEndpointCounter.install(sandbox)
        super().__init__(sandbox.transport())
        self.grant_of_first_pair: dict[str, str] = {}
        self.calls: list[SeenCall] = []

    def mint(self, grant_id: str, region: str = "us") -> OAuthToken:
        """A fresh pair for ``grant_id``, remembered as that grant's first pair."""
        issued = self.sandbox.issue_token(region)
        self.grant_of_first_pair[issued.access_token] = grant_id
        return token_from(issued)

    def grant_of(self, access_token: str | None) -> str | None:
        record: Any = self.sandbox.oauth.lookup(access_token) if access_token else None
        while record is not None and record.previous is not None:
            record = record.previous
        return None if record is None else self.grant_of_first_pair.get(record.access_token)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        if "/oauth/" not in request.url.path:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            owner = self.grant_of(token) if scheme == "Bearer" else None
            self.calls.append(SeenCall(acting_for.get(), owner, request.url.path))
        return await super().handle_async_request(request)


async def add_minted_grants(
    fs: Fullscript, traced: GrantTracingTransport, grants: Sequence[str]
) -> dict[str, OAuthToken]:
    """Mint a first pair for each of `grants` and add it to `fs`; the pairs, by grant."""
    tokens = {grant: traced.mint(grant) for grant in grants}
    for grant, token in tokens.items():
        await fs.add_grant(grant, token)
    return tokens


def revoke(sandbox: Sandbox, token: OAuthToken) -> None:
    """Revoke the sandbox's record of `token`, as a clinic revoking the integration does."""
    record = sandbox.oauth.lookup(token.access_token)
    assert record is not None
    sandbox.oauth.revoke_record(record)


async def clinic_for_each(fs: Fullscript, grants: Sequence[str]) -> dict[str, object]:
    """`clinic.retrieve()` for all `grants` at once, each task acting for its grant: the
    result, or the exception it raised, by grant."""

    async def call(grant: str) -> object:
        acting_for.set(grant)
        return await fs.for_grant(grant).clinic.retrieve()

    results = await asyncio.gather(*(call(grant) for grant in grants), return_exceptions=True)
    return dict(zip(grants, results, strict=True))
