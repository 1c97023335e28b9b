"""A demo-like run through the real client, with every logger at DEBUG: no access token,
refresh token or client secret appears in any log record, repr or error message."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import httpx2
import pytest
from fullscript_api.models import PatientCreateRequest
from support.sandbox_clients import revoke_at_sandbox

from fullscript import FileTokenStore, FullscriptError, OAuthApp, RetryPolicy
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

from .conftest import RecordingTransport, make_client, sandbox_region, token_from

LOGGERS = ("", "fullscript", "httpx2", "httpcore2", "asyncio")


async def test_no_secret_in_logs_reprs_or_errors_across_a_demo_like_run(
    sandbox: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    store = FileTokenStore(tmp_path / "tokens.json")
    recorder = RecordingTransport(sandbox.transport())
    texts: list[str] = []
    tokens = []

    def keep(error: BaseException) -> None:
        texts.extend([str(error), repr(error), repr(error.args), str(vars(error))])

    retry = RetryPolicy(max_retries=2, initial_backoff=0.0, max_retry_after=0.0, jitter=False)
    async with make_client(
        sandbox, transport=recorder, token_store=store, with_token=False, retry=retry
    ) as fs:
        tokens.append(await fs.exchange_code(sandbox.authorization_code("us")))
        await fs.patients.list(page_size=50, prefetch=2).to_list()
        created = await fs.patients.create(
            body=PatientCreateRequest(email="s@example.org", first_name="A", last_name="B")
        )
        sandbox.faults.rate_limit(retry_after=1, operation_id="retrieve_clinic", times=1)
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)  # 401s, one refresh, replays
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(5)))
        tokens.append(await fs.token_manager.get_token())
        ca = fs.with_region(sandbox_region(sandbox, "ca"))
        tokens.append(await ca.exchange_code(sandbox.authorization_code("ca")))
        await ca.clinic.retrieve()

        failing = [
            fs.patients.retrieve("missing"),  # 404
            fs.patients.create(  # 422
                body=PatientCreateRequest(email="s@example.org", first_name="A", last_name="B")
            ),
            ca.set_token(tokens[0]),  # region mismatch
        ]
        for call in failing:
            with pytest.raises(FullscriptError) as raised:
                await call
            keep(raised.value)
        sandbox.faults.drop(operation_id="retrieve_clinic", times=3)
        with pytest.raises(FullscriptError) as dropped:
            await fs.clinic.retrieve()
        keep(dropped.value)
        sandbox.faults.rate_limit(retry_after=1, operation_id="retrieve_clinic", times=3)
        with pytest.raises(FullscriptError) as limited:
            await fs.clinic.retrieve()
        keep(limited.value)
        texts.append(str(dict(limited.value.headers)))  # type: ignore[attr-defined]
        # A revoked grant: the refresh is refused, the error must not quote the tokens.
        await revoke_at_sandbox(sandbox, fs, tokens[1].access_token)
        with pytest.raises(FullscriptError) as revoked:
            await fs.clinic.retrieve()
        keep(revoked.value)
        texts.append(str(revoked.value.body))  # type: ignore[attr-defined]

        texts += [
            repr(fs),
            repr(ca),
            repr(fs.token_manager),
            repr(ca.token_manager),
            repr(fs.token_manager.oauth),
            repr(fs.token_manager.store),
            repr(OAuthApp(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI)),
            repr(token_from(sandbox.issue_token("us"))),
            repr(fs.with_options(timeout=1)),
            repr(created),
            *(repr(token) for token in tokens),
            *(str(token) for token in tokens),
        ]
    texts.append(caplog.text)
    texts += [record.getMessage() for record in caplog.records]

    secrets = {DEFAULT_CLIENT_SECRET}
    for token in tokens:
        secrets |= {token.access_token, token.refresh_token}
    assert len(secrets) == 1 + 2 * len(tokens)  # three distinct pairs: US, US refreshed, CA
    assert len(caplog.records) > 10  # the run was actually logged
    assert any(record.name.startswith("httpx2") for record in caplog.records)
    for text in texts:
        for secret in secrets:
            assert secret not in text
        assert "Bearer " not in text


async def test_no_secret_leaks_from_errors_at_more_than_a_thousand_grants() -> None:
    # A fixed-size memory of recent values forgot the client secret and the first pairs once
    # 128 pairs existed; every credential stays redacted while something can still carry it.
    import gc
    import secrets as random_secrets
    import traceback

    from fullscript import APIStatusError, Fullscript, OAuthToken
    from fullscript.fastapi import OAuthStateSigner
    from fullscript.webhooks import WebhookReceiver

    client_secret = "client-" + random_secrets.token_urlsafe(24)
    webhook_secret = "webhook-" + random_secrets.token_urlsafe(24)
    state_secret = "state-" + random_secrets.token_urlsafe(24)
    OAuthStateSigner(state_secret)
    WebhookReceiver(webhook_secret)
    pairs = [
        OAuthToken(
            access_token=f"access-{n}-" + random_secrets.token_urlsafe(24),
            refresh_token=f"refresh-{n}-" + random_secrets.token_urlsafe(24),
            region="us",
        )
        for n in range(1200)
    ]
    gc.collect()
    first, last = pairs[0], pairs[-1]
    echoed = [
        client_secret,
        webhook_secret,
        state_secret,
        first.access_token,
        first.refresh_token,
        last.refresh_token,
    ]

    def answer(request: httpx2.Request) -> httpx2.Response:
        text = " and ".join(f"value {value} was refused" for value in echoed)
        return httpx2.Response(
            400,
            json={"error": "invalid_request", "error_description": text},
            headers={"x-echo": text},
        )

    async with Fullscript(
        client_id="app-id",
        client_secret=client_secret,
        redirect_uri="https://app.example/cb",
        transport=httpx2.MockTransport(answer),
        retry=RetryPolicy(max_retries=0),
        token=first,
    ) as fs:
        with pytest.raises(APIStatusError) as caught:
            await fs.clinic.retrieve()
    error = caught.value
    shown = "\n".join(
        [
            str(error),
            repr(error),
            repr(error.body),
            repr(list(error.headers.multi_items())),
            "".join(traceback.format_exception(error)),
        ]
    )
    assert "[redacted]" in shown
    for value in echoed:
        assert value not in shown


def test_a_token_is_forgotten_once_no_value_carries_it() -> None:
    import gc

    from fullscript import OAuthToken
    from fullscript._secrets import redact_known_secrets, remembered_count

    gc.collect()
    before = remembered_count()
    pairs = [OAuthToken(f"gone-access-{n:04}", f"gone-refresh-{n:04}", "us") for n in range(500)]
    assert remembered_count() >= before + 1000
    assert redact_known_secrets("x gone-refresh-0007 y", "[r]") == "x [r] y"
    del pairs
    gc.collect()
    assert remembered_count() <= before
