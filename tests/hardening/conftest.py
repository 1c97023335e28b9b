"""Shared pieces of the hardening tests: clients on the in-process sandbox, a recording transport."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

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


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests to `inner` and remembers each one."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.sent: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def token_from(issued: IssuedToken) -> OAuthToken:
    """A façade token from a sandbox-minted pair."""
    return OAuthToken.from_response(
        {
            "access_token": issued.access_token,
            "refresh_token": issued.refresh_token,
            "expires_in": issued.expires_in,
            "created_at": issued.created_at,
            "scope": issued.scope,
            "resource_owner": issued.resource_owner,
        },
        region=issued.region,
    )


def make_client(
    sandbox: Sandbox,
    *,
    region: str = "us",
    transport: httpx.AsyncBaseTransport | None = None,
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
        region=Region.from_key(region).with_base_url(sandbox.base_url(region)),
        transport=transport if transport is not None else sandbox.transport(),
        token_store=store,
        token=token,
        **options,
    )


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
