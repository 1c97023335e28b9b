"""OAuthClient: authorize URL, code exchange, refresh, revoke against a mock token server."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from fullscript._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    MalformedResponseError,
    RegionMismatchError,
    ServerError,
)
from fullscript._oauth import OAuthApp, OAuthClient
from fullscript._regions import Region
from fullscript._tokens import OAuthToken

CLIENT_SECRET = "client-SECRET-abcdef"
APP = OAuthApp("client-id-1", CLIENT_SECRET, "https://app.example/callback")
OLD_ACCESS, OLD_REFRESH = "access-SECRET-old", "refresh-SECRET-old"
NEW_ACCESS, NEW_REFRESH = "access-SECRET-new", "refresh-SECRET-new"
SECRETS = (CLIENT_SECRET, OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH)

Handler = Callable[[httpx2.Request], httpx2.Response]


def token_body(access: str = NEW_ACCESS, refresh: str = NEW_REFRESH) -> dict[str, Any]:
    return {
        "oauth": {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": "7200",
            "refresh_token": refresh,
            "scope": "catalog:read patients:read",
            "created_at": 1700000000,
            "resource_owner": {"id": "prac-1", "type": "Practitioner"},
        }
    }


def old_token(region: str = "us") -> OAuthToken:
    return OAuthToken(OLD_ACCESS, OLD_REFRESH, region, created_at="2024-01-01T00:00:00Z")


class Recorder:
    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        return self.handler(request)

    def json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def make_client(handler: Handler) -> tuple[OAuthClient, Recorder]:
    recorder = Recorder(handler)
    http = httpx2.AsyncClient(transport=httpx2.MockTransport(recorder))
    return OAuthClient(APP, http), recorder


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_app_repr_hides_the_client_secret() -> None:
    assert CLIENT_SECRET not in repr(APP)
    assert "client-id-1" in repr(APP)


def test_authorize_url_carries_client_redirect_code_and_state() -> None:
    oauth, _ = make_client(lambda r: httpx2.Response(500))
    url = oauth.authorize_url(Region.CA_SANDBOX, state="csrf-123")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == Region.CA_SANDBOX.authorize_url
    assert parse_qs(parts.query) == {
        "client_id": ["client-id-1"],
        "redirect_uri": ["https://app.example/callback"],
        "response_type": ["code"],
        "state": ["csrf-123"],
    }
    assert "scope" not in parts.query
    assert CLIENT_SECRET not in url


def test_authorize_url_follows_a_base_url_override() -> None:
    oauth, _ = make_client(lambda r: httpx2.Response(500))
    local = Region.US_SANDBOX.with_base_url("http://sandbox/us-snd")
    assert oauth.authorize_url(local, "s").startswith("http://sandbox/us-snd/api/oauth/authorize?")


async def test_exchange_code_posts_json_and_parses_the_wrapped_token() -> None:
    oauth, server = make_client(lambda r: httpx2.Response(200, json=token_body()))
    token = await oauth.exchange_code(Region.CA, "code-1")
    request = server.requests[0]
    assert request.method == "POST"
    assert str(request.url) == Region.CA.token_url
    assert request.headers["content-type"] == "application/json"
    assert "authorization" not in request.headers
    assert server.json() == {
        "grant_type": "authorization_code",
        "client_id": "client-id-1",
        "client_secret": CLIENT_SECRET,
        "code": "code-1",
        "redirect_uri": "https://app.example/callback",
    }
    assert token.region == "ca"
    assert (token.access_token, token.refresh_token) == (NEW_ACCESS, NEW_REFRESH)
    assert token.expires_in == 7200
    assert token.scope == ("catalog:read", "patients:read")


async def test_refused_code_is_an_authentication_error_without_secrets() -> None:
    oauth, _ = make_client(
        lambda r: httpx2.Response(
            400,
            json={"error": "invalid_grant", "error_description": "The grant is invalid."},
            headers={"X-Request-Id": "req-9"},
        )
    )
    with pytest.raises(AuthenticationError) as info:
        await oauth.exchange_code(Region.US, "used-code")
    error = info.value
    assert error.status_code == 400
    assert error.request_id == "req-9"
    assert "invalid_grant" in str(error) and "req-9" in str(error)
    assert "10 minutes" in str(error)
    assert_no_secret(str(error))
    assert_no_secret(repr(error))


async def test_refresh_goes_to_the_tokens_region_with_a_json_body() -> None:
    oauth, server = make_client(lambda r: httpx2.Response(200, json=token_body()))
    fresh = await oauth.refresh(old_token("us-snd"))
    assert str(server.requests[0].url) == "https://api-us-snd.fullscript.io/api/oauth/token"
    assert server.json() == {
        "grant_type": "refresh_token",
        "client_id": "client-id-1",
        "client_secret": CLIENT_SECRET,
        "refresh_token": OLD_REFRESH,
        "redirect_uri": "https://app.example/callback",
    }
    assert fresh.region == "us-snd"
    assert fresh.refresh_token == NEW_REFRESH


async def test_refresh_uses_an_overridden_host_of_the_same_region() -> None:
    oauth, server = make_client(lambda r: httpx2.Response(200, json=token_body()))
    local = Region.CA_SANDBOX.with_base_url("http://sandbox/ca-snd")
    await oauth.refresh(old_token("ca-snd"), region=local)
    assert str(server.requests[0].url) == "http://sandbox/ca-snd/api/oauth/token"


async def test_refresh_with_another_regions_server_is_refused_before_any_call() -> None:
    oauth, server = make_client(lambda r: httpx2.Response(200, json=token_body()))
    with pytest.raises(RegionMismatchError) as info:
        await oauth.refresh(old_token("ca"), region=Region.US)
    assert "'ca'" in str(info.value) and "'us'" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert server.requests == []


async def test_revoked_refresh_token_is_an_authentication_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    oauth, _ = make_client(
        lambda r: httpx2.Response(
            400,
            json={
                "error": "invalid_grant",
                "error_description": "The provided authorization grant is revoked.",
            },
        )
    )
    with pytest.raises(AuthenticationError) as info:
        await oauth.refresh(old_token())
    assert "refresh" in str(info.value) and "authorize the app again" in str(info.value)
    assert_no_secret(str(info.value))
    assert_no_secret(caplog.text)


async def test_server_echoing_secrets_does_not_leak_them_into_the_error() -> None:
    oauth, _ = make_client(
        lambda r: httpx2.Response(
            401,
            json={
                "error": "invalid_client",
                "client_secret": CLIENT_SECRET,
                **json.loads(r.content),
            },
        )
    )
    with pytest.raises(AuthenticationError) as info:
        await oauth.refresh(old_token())
    assert_no_secret(str(info.value))
    assert_no_secret(repr(info.value.body))


async def test_network_failure_is_a_connection_error() -> None:
    def fail(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError("connection refused", request=request)

    oauth, _ = make_client(fail)
    with pytest.raises(APIConnectionError) as info:
        await oauth.refresh(old_token())
    assert_no_secret(str(info.value))


async def test_timeout_is_a_timeout_error() -> None:
    def slow(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ReadTimeout("read timed out", request=request)

    oauth, _ = make_client(slow)
    with pytest.raises(APITimeoutError):
        await oauth.refresh(old_token())


async def test_server_failure_is_a_server_error_not_an_authentication_error() -> None:
    oauth, _ = make_client(lambda r: httpx2.Response(503, text="maintenance"))
    with pytest.raises(ServerError):
        await oauth.refresh(old_token())


async def test_unusable_token_response_is_reported_without_its_body() -> None:
    oauth, _ = make_client(
        lambda r: httpx2.Response(200, json={"oauth": {"access_token": NEW_ACCESS}})
    )
    with pytest.raises(Exception, match="no usable token") as info:
        await oauth.refresh(old_token())
    assert_no_secret(str(info.value))


async def test_token_with_an_out_of_range_lifetime_is_an_unusable_token_response() -> None:
    content = (
        f'{{"oauth": {{"access_token": "{NEW_ACCESS}", "refresh_token": "{NEW_REFRESH}", '
        '"expires_in": 1e999}}'
    ).encode()
    oauth, _ = make_client(lambda r: httpx2.Response(200, content=content))
    with pytest.raises(MalformedResponseError, match="no usable token") as info:
        await oauth.refresh(old_token())
    assert_no_secret(str(info.value))


async def test_revoke_posts_the_access_token_and_accepts_an_empty_object() -> None:
    oauth, server = make_client(lambda r: httpx2.Response(200, json={}))
    await oauth.revoke(old_token("ca"))
    request = server.requests[0]
    assert str(request.url) == Region.CA.revoke_url
    assert "authorization" not in request.headers
    assert server.json() == {
        "client_id": "client-id-1",
        "client_secret": CLIENT_SECRET,
        "token": OLD_ACCESS,
    }


async def test_revoke_failure_raises_a_typed_error() -> None:
    oauth, _ = make_client(lambda r: httpx2.Response(403, json={"error": "Forbidden"}))
    with pytest.raises(Exception, match="403") as info:
        await oauth.revoke(old_token())
    assert_no_secret(str(info.value))


@pytest.mark.parametrize(
    ("status", "body"), [(400, {"error": "invalid_grant"}), (200, {"oauth": {"nope": 1}})]
)
async def test_token_endpoint_errors_strip_url_credentials_and_redact_secret_headers(
    status: int, body: dict[str, Any]
) -> None:
    # Both OAuth-specific errors (refused grant, unusable answer) are built like every other
    # status error: a proxy's user:password in the URL and credential headers stay out.
    oauth, _ = make_client(
        lambda r: httpx2.Response(
            status, json=body, headers={"Proxy-Authorization": "Basic cHJveHktU0VDUkVU"}
        )
    )
    proxied = Region.US.with_base_url("https://user:proxy-SECRET@proxy.example/us")
    with pytest.raises((APIStatusError, MalformedResponseError)) as info:
        await oauth.exchange_code(proxied, "code-1")
    error = info.value
    assert isinstance(error, AuthenticationError) == (status == 400)
    assert isinstance(error, MalformedResponseError) == (status == 200)
    assert error.url == "https://proxy.example/us/api/oauth/token"
    if isinstance(error, APIStatusError):
        assert error.headers["proxy-authorization"] == "[redacted]"
    assert "proxy-SECRET" not in str(error) + repr(error)
