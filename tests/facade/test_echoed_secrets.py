"""A server echoing one of the SDK's own credentials in free text does not leak it.

Redaction by pattern alone (``Bearer ...``, ``client_secret=...``) missed the three shapes
below; the SDK knows its client secret and tokens, so it redacts those values wherever they
appear: ``str(e)``, ``.body``, ``.field_errors``, headers, tracebacks and logs.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import httpx2
import pytest

from fullscript import APIStatusError, Fullscript, OAuthToken, RetryPolicy

ACCESS = "acc3ss-T0ken-value-1234567890"
REFRESH = "r3fresh-T0ken-value-0987654321"
SECRET = "cl1ent-S3cret-value-abcdefghij"


def _client(answer: Callable[[httpx2.Request], httpx2.Response]) -> Fullscript:
    return Fullscript(
        client_id="app-id",
        client_secret=SECRET,
        redirect_uri="https://app.example/cb",
        transport=httpx2.MockTransport(answer),
        retry=RetryPolicy(max_retries=0),
        token=OAuthToken(access_token=ACCESS, refresh_token=REFRESH, region="us"),
    )


def _texts(error: BaseException) -> str:
    assert isinstance(error, APIStatusError)
    return "\n".join(
        [
            str(error),
            repr(error),
            repr(error.body),
            repr(error.field_errors),
            repr(list(error.headers.multi_items())),
            "".join(traceback.format_exception(error)),
        ]
    )


def _assert_clean(text: str) -> None:
    for value in (ACCESS, REFRESH, SECRET):
        assert value not in text
    assert "[redacted]" in text


async def test_an_access_token_echoed_in_a_field_error(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            422,
            json={"errors": {"token": [f"{ACCESS} is malformed"]}},
            headers={"x-echo": f"token={ACCESS}"},
        )

    async with _client(answer) as fs:
        with pytest.raises(APIStatusError) as caught:
            await fs.clinic.retrieve()
    text = _texts(caught.value)
    _assert_clean(text)
    assert caught.value.field_errors == {"token": ["[redacted] is malformed"]}
    assert ACCESS not in caplog.text


async def test_a_refresh_token_echoed_in_error_description() -> None:
    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            400,
            json={
                "error": "invalid_grant",
                "error_description": f"refresh token {REFRESH} was revoked",
            },
        )

    async with _client(answer) as fs:
        with pytest.raises(APIStatusError) as caught:
            await fs.token_manager.refresh(fs.token_manager.current_token or await _token(fs))
    _assert_clean(_texts(caught.value))
    assert "was revoked" in str(caught.value)


async def test_a_client_secret_echoed_in_a_text_body() -> None:
    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(401, text=f"unknown client secret {SECRET}")

    async with _client(answer) as fs:
        with pytest.raises(APIStatusError) as caught:
            await fs.exchange_code("the-code")
    _assert_clean(_texts(caught.value))
    assert "unknown client secret" in str(caught.value)


async def _token(fs: Fullscript) -> OAuthToken:
    return await fs.token_manager.get_token()
