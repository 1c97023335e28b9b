"""The webhook router against the sandbox's signed deliveries: the challenge, handlers after
the answer, dedup, forgeries refused without detail, handler failures never a 5xx."""

from __future__ import annotations

import logging
from typing import Any

import httpx2
import pytest
from app_support import APP_URL, bare_client, running
from fastapi import FastAPI
from webhook_support import CHALLENGE, SECRET, delivery

from fullscript.fastapi import fullscript_lifespan, webhook_router
from fullscript.sandbox import Sandbox
from fullscript.webhooks import (
    PatientUpdated,
    ProbePolicy,
    WebhookEvent,
    WebhookReceiver,
    sign_payload,
)

HOOK = f"{APP_URL}/webhooks/fullscript"


def build(sandbox: Sandbox, **options: Any) -> tuple[FastAPI, WebhookReceiver, list[WebhookEvent]]:
    receiver = WebhookReceiver(SECRET, challenge=CHALLENGE, clock=sandbox.now, **options)
    handled: list[WebhookEvent] = []
    receiver.on()(handled.append)
    app = FastAPI(lifespan=fullscript_lifespan(lambda: bare_client(sandbox)))
    app.include_router(webhook_router(receiver))
    sandbox.configure_webhooks(
        url=HOOK, secret=SECRET, challenge=CHALLENGE, transport=httpx2.ASGITransport(app=app)
    )
    return app, receiver, handled


async def test_sandbox_deliveries_are_answered_with_the_challenge_and_handled(
    sandbox: Sandbox,
) -> None:
    app, _, handled = build(sandbox)
    clinic = sandbox.clinic("us")
    patient_id = sandbox.records("us", "patients")[0]["id"]
    made = [clinic.update_patient(patient_id, last_name=name)["id"] for name in "ABC"]
    async with running(app):
        records = await sandbox.deliver_webhooks()
    assert [r["successfully_delivered"] for r in records] == [True, True, True]
    assert [e.id for e in handled] == made
    assert all(isinstance(e, PatientUpdated) for e in handled)


async def test_a_duplicate_delivery_is_answered_but_handled_once(sandbox: Sandbox) -> None:
    app, _, handled = build(sandbox)
    event = sandbox.clinic("us").update_patient(sandbox.records("us", "patients")[0]["id"])
    body, headers = delivery(event, at=sandbox.now())
    async with running(app) as client:
        answers = [
            await client.post("/webhooks/fullscript", content=body, headers=headers)
            for _ in range(3)
        ]
    assert [a.json() for a in answers] == [{"challenge": CHALLENGE}] * 3
    assert [e.id for e in handled] == [event["id"]]


@pytest.mark.parametrize(
    "forge",
    [
        lambda body, headers: (body + b" ", headers),
        lambda body, headers: (body, {}),
        lambda body, headers: (body, {"Fullscript-Signature": sign_payload("guess", body, 1)}),
    ],
)
async def test_a_forgery_is_a_400_that_reveals_nothing(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture, forge: Any
) -> None:
    app, _, handled = build(sandbox)
    event = sandbox.clinic("us").update_patient(sandbox.records("us", "patients")[0]["id"])
    body, headers = forge(*delivery(event, at=sandbox.now()))
    with caplog.at_level(logging.WARNING, "fullscript.fastapi"):
        async with running(app) as client:
            answer = await client.post("/webhooks/fullscript", content=body, headers=headers)
    assert answer.status_code == 400
    assert answer.json() == {"error": "invalid signature"}
    assert CHALLENGE not in answer.text
    assert handled == []
    assert "refused" in caplog.text and SECRET not in caplog.text


async def test_a_failing_handler_is_logged_and_never_a_5xx(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    app, receiver, _ = build(sandbox)

    @receiver.on(PatientUpdated)
    async def broken(event: PatientUpdated) -> None:
        raise RuntimeError("boom")

    sandbox.clinic("us").update_patient(sandbox.records("us", "patients")[0]["id"])
    with caplog.at_level(logging.ERROR, "fullscript.webhooks"):
        async with running(app):
            [record] = await sandbox.deliver_webhooks()
    assert record["response_status"] == 200 and record["successfully_delivered"]
    assert "failed on event" in caplog.text


async def test_a_genuine_body_that_is_not_an_event_is_a_400(sandbox: Sandbox) -> None:
    app, _, handled = build(sandbox)
    body = b"{not json"
    headers = {"Fullscript-Signature": sign_payload(SECRET, body, int(sandbox.now()))}
    async with running(app) as client:
        answer = await client.post("/webhooks/fullscript", content=body, headers=headers)
    assert answer.status_code == 400 and answer.json() == {"error": "unreadable payload"}
    assert handled == []


@pytest.mark.parametrize(
    ("policy", "signed", "status"),
    [
        (ProbePolicy.REQUIRE_SIGNATURE, True, 200),
        (ProbePolicy.REQUIRE_SIGNATURE, False, 400),
        (ProbePolicy.ANSWER_UNSIGNED, False, 200),
    ],
)
async def test_the_empty_probe_follows_the_policy(
    sandbox: Sandbox, policy: ProbePolicy, signed: bool, status: int
) -> None:
    app, _, handled = build(sandbox, probe_policy=policy)
    headers = (
        {"Fullscript-Signature": sign_payload(SECRET, b"", int(sandbox.now()))} if signed else {}
    )
    async with running(app) as client:
        answer = await client.post("/webhooks/fullscript", content=b"", headers=headers)
    assert answer.status_code == status
    if status == 200:
        assert answer.json() == {"challenge": CHALLENGE}
    assert handled == []


async def test_an_unreachable_dedup_store_is_a_503_so_fullscript_retries(
    sandbox: Sandbox, own_redis_server: Any
) -> None:
    from fullscript.webhooks.redis import RedisSeenStore

    store = RedisSeenStore(own_redis_server.url)
    app, _, handled = build(sandbox, seen=store)
    event = sandbox.clinic("us").update_patient(sandbox.records("us", "patients")[0]["id"])
    own_redis_server.stop()
    try:
        async with running(app) as client:
            answer = await client.post(
                "/webhooks/fullscript",
                content=delivery(event, at=sandbox.now())[0],
                headers=delivery(event, at=sandbox.now())[1],
            )
    finally:
        await store.aclose()
    assert answer.status_code == 503 and handled == []
