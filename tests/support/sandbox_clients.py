"""Façade clients wired to the in-process sandbox, shared by the façade, docs and scale tests."""

from __future__ import annotations

from typing import Any

import httpx2

from fullscript import Fullscript, InMemoryTokenStore, OAuthToken, Region, RetryPolicy, TokenStore
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    IssuedToken,
    Sandbox,
)

# Retries without waiting: tests assert decisions, never wall-clock time.
NO_WAIT_RETRY = RetryPolicy(
    max_retries=2, initial_backoff=0.0, max_backoff=0.0, max_retry_after=0.0, jitter=False
)


def sandbox_region(sandbox: Sandbox, key: str = "us") -> Region:
    """The region `key` served by the in-process sandbox (same key, so its tokens are valid)."""
    return Region.from_key(key).with_base_url(sandbox.base_url(key))


def token_from(issued: IssuedToken) -> OAuthToken:
    """A façade token from a sandbox-minted pair."""
    return OAuthToken.from_response(issued.to_oauth(), region=issued.region)


def make_client(
    sandbox: Sandbox,
    *,
    region: str = "us",
    transport: httpx2.AsyncBaseTransport | None = None,
    token_store: TokenStore | None = None,
    with_token: bool = True,
    **options: Any,
) -> Fullscript:
    """A `Fullscript` on the sandbox, holding a fresh token for `region` unless told otherwise."""
    store = token_store if token_store is not None else InMemoryTokenStore()
    token = token_from(sandbox.issue_token(region)) if with_token else None
    options.setdefault("retry", NO_WAIT_RETRY)
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, region),
        transport=transport if transport is not None else sandbox.transport(),
        token_store=store,
        token=token,
        **options,
    )


async def revoke_at_sandbox(sandbox: Sandbox, fs: Fullscript, token: str) -> None:
    """Revoke ``token`` at the sandbox's ``/oauth/revoke`` of ``fs``'s region, as the clinic
    revoking the integration would (the client itself is not told)."""
    async with httpx2.AsyncClient(transport=sandbox.transport()) as other:
        await other.post(
            f"{fs.region.api_url}/oauth/revoke",
            json={
                "client_id": DEFAULT_CLIENT_ID,
                "client_secret": DEFAULT_CLIENT_SECRET,
                "token": token,
            },
        )
