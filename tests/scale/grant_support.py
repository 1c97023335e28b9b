"""Helpers for grant tests: clients on the in-process sandbox, and a transport that tells, from
the sandbox's own OAuth records, which grant every request's bearer token belongs to."""

from __future__ import annotations

import contextvars
from typing import Any

import attrs
import httpx

from fullscript import Fullscript, OAuthToken, Region, RetryPolicy, TokenStore
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    IssuedToken,
    Sandbox,
)

from .token_endpoint_counter import TokenEndpointCounter

NO_WAIT_RETRY = RetryPolicy(
    max_retries=2, initial_backoff=0.0, max_backoff=0.0, max_retry_after=0.0, jitter=False
)

#: The grant the code running now acts for, set by each test task before its calls.
acting_for: contextvars.ContextVar[str | None] = contextvars.ContextVar("acting_for", default=None)


def token_from(issued: IssuedToken) -> OAuthToken:
    """A façade token from a sandbox-minted pair."""
    return OAuthToken.from_response(issued.to_oauth(), region=issued.region)


def sandbox_region(sandbox: Sandbox, key: str = "us") -> Region:
    return Region.from_key(key).with_base_url(sandbox.base_url(key))


def make_app_client(
    sandbox: Sandbox,
    transport: httpx.AsyncBaseTransport,
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


class GrantTracingTransport(httpx.AsyncBaseTransport):
    """Forwards to the sandbox and attributes each API request's bearer token to a grant.

    A token belongs to the grant whose first pair (the one the test minted) it descends from
    through the sandbox's refresh records (`TokenRecord.previous`).
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.token_endpoint = TokenEndpointCounter.install(sandbox)
        self.inner = sandbox.transport()
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

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if "/oauth/" not in request.url.path:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            owner = self.grant_of(token) if scheme == "Bearer" else None
            self.calls.append(SeenCall(acting_for.get(), owner, request.url.path))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
