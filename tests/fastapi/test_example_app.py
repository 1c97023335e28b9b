"""examples/fastapi_app in-process against the sandbox: two clinics connected by OAuth,
patients streamed and created, webhooks handled, and on restart the events missed while the
app was down handled exactly once (dedup in a real Redis, shared with the webhook path), and
two workers sharing one token store and one rate limiter through Redis."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
import pytest
from app_support import APP_URL, running
from webhook_support import CHALLENGE, SECRET, FakeTime

from examples.fastapi_app.app import create_app
from examples.fastapi_app.settings import Settings
from fullscript.redis import RedisRateLimiter
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Sandbox

REDIRECT = f"{APP_URL}/oauth/callback"


@pytest.fixture
def sandbox(sandbox_time: FakeTime) -> Sandbox:
    return Sandbox(
        seed=5,
        patients=30,
        clock=sandbox_time,
        redirect_uri=REDIRECT,
        webhook_secret=SECRET,
        webhook_challenge=CHALLENGE,
    )


@pytest.fixture
def settings(tmp_path: Path, redis_url: str) -> Settings:
    return Settings(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=REDIRECT,
        clinics={"clinic-a": "us", "clinic-b": "ca"},
        webhook_secrets=(SECRET,),
        webhook_challenge=CHALLENGE,
        state_secret="example-state-secret-0123456789",
        token_file=str(tmp_path / "tokens.json"),
        event_log=str(tmp_path / "events.jsonl"),
        redis_url=redis_url,
        api_base=Sandbox.base_url("us").removesuffix("/us") + "/{region}",
        catch_up_hours=1,
    )


def build(settings: Settings, sandbox: Sandbox) -> Any:
    app = create_app(settings, transport=sandbox.transport(), clock=sandbox.now)
    sandbox.configure_webhooks(
        url=f"{APP_URL}/webhooks/fullscript", transport=httpx2.ASGITransport(app=app)
    )
    return app


async def connect(client: httpx2.AsyncClient, sandbox: Sandbox, clinic: str) -> None:
    redirect = await client.get("/oauth/connect", params={"clinic": clinic})
    assert redirect.status_code == 302, redirect.text
    async with httpx2.AsyncClient(transport=sandbox.transport()) as browser:
        approved = await browser.get(redirect.headers["location"])
    callback = httpx2.URL(approved.headers["location"])
    answer = await client.get(callback.path, params=callback.params)
    assert answer.status_code == 200 and answer.json() == {"connected": clinic}


async def test_two_clinics_connect_and_each_sees_its_own_region(
    settings: Settings, sandbox: Sandbox
) -> None:
    async with running(build(settings, sandbox)) as client:
        await connect(client, sandbox, "clinic-a")
        await connect(client, sandbox, "clinic-b")
        us = await client.get("/clinics/clinic-a/patients")
        ca = await client.get("/clinics/clinic-b/patients")
        assert [json.loads(x)["id"] for x in us.text.splitlines()] == [
            p["id"] for p in sandbox.records("us", "patients")
        ]
        assert [json.loads(x)["id"] for x in ca.text.splitlines()] == [
            p["id"] for p in sandbox.records("ca", "patients")
        ]
        body = {"email": "lea@example.org", "first_name": "Léa", "last_name": "Roy"}
        created = await client.post("/clinics/clinic-b/patients", json=body)
        assert created.status_code == 201
        read = await client.get(f"/clinics/clinic-b/patients/{created.json()['id']}")
        assert read.json()["first_name"] == "Léa"
        assert any(p["email"] == "lea@example.org" for p in sandbox.records("ca", "patients"))
        assert not any(p["email"] == "lea@example.org" for p in sandbox.records("us", "patients"))
        unknown = await client.get("/clinics/clinic-z/patients")
        assert unknown.status_code == 404


async def test_an_unconnected_clinic_is_told_to_connect(
    settings: Settings, sandbox: Sandbox
) -> None:
    async with running(build(settings, sandbox)) as client:
        answer = await client.get("/clinics/clinic-a/patients")
    assert answer.status_code == 401 and "connect" in answer.json()["error"]


async def test_missed_events_are_caught_up_on_restart_exactly_once(
    settings: Settings, sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    clinic = sandbox.clinic("us")
    patient_id = sandbox.records("us", "patients")[0]["id"]
    async with running(build(settings, sandbox)) as client:
        await connect(client, sandbox, "clinic-a")
        live = [clinic.update_patient(patient_id, last_name=f"Live{i}")["id"] for i in range(3)]
        delivered = await sandbox.deliver_webhooks()
        assert all(d["successfully_delivered"] for d in delivered)
        assert [e["id"] for e in (await client.get("/events/handled")).json()] == live

    # The app is down: the clinic keeps working, deliveries fail and wait for their retry.
    sandbox_time.value += 5
    missed = []
    for i in range(4):
        missed.append(clinic.update_patient(patient_id, last_name=f"Down{i}")["id"])
        sandbox_time.value += 1  # a second apart: the order they happened in is known
    missed.append(clinic.place_order(patient_id)["id"])
    sandbox.configure_webhooks(transport=httpx2.MockTransport(lambda r: httpx2.Response(503)))
    assert not any(d["successfully_delivered"] for d in await sandbox.deliver_webhooks())

    async with running(build(settings, sandbox)) as client:  # startup reconciles
        after_restart = [e["id"] for e in (await client.get("/events/handled")).json()]
        assert after_restart == live + missed
        # Fullscript's retries arrive later: acknowledged, not handled again.
        sandbox_time.value += 60
        retried = await sandbox.deliver_webhooks()
        assert len(retried) == len(missed) and all(d["successfully_delivered"] for d in retried)
        handled = [e["id"] for e in (await client.get("/events/handled")).json()]
    assert Counter(handled) == Counter(live + missed)
    assert set(Counter(handled).values()) == {1}


async def test_metrics_show_what_the_sdk_did_as_prometheus_text(
    settings: Settings, sandbox: Sandbox
) -> None:
    async with running(build(settings, sandbox)) as client:
        await connect(client, sandbox, "clinic-a")
        sandbox.faults.error(503, operation_id="list_patients", times=1)
        await client.get("/clinics/clinic-a/patients")
        answer = await client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = answer.text.splitlines()
    assert 'fullscript_attempts_total{operation="patients.list",status="503"} 1' in lines
    # The stream's page 1 and whichever of its guessed pages were sent before page 1 said
    # the list ends there (prefetch=2: at most two).
    answered = [
        line
        for line in lines
        if line.startswith('fullscript_attempts_total{operation="patients.list",status="200"} ')
    ]
    assert len(answered) == 1 and 1 <= int(answered[0].rsplit(" ", 1)[1]) <= 3
    assert 'fullscript_events_total{event="retry"} 1' in lines
    assert any(line.startswith("fullscript_limiter_wait_seconds_count") for line in lines)


async def test_two_workers_share_one_token_store_and_one_limiter(
    settings: Settings,
    sandbox: Sandbox,
) -> None:
    scope = f"app:{DEFAULT_CLIENT_ID}@{httpx2.URL(Sandbox.base_url('us')).host}"
    one, two = build(settings, sandbox), build(settings, sandbox)
    async with running(one) as first, running(two) as second:
        await connect(first, sandbox, "clinic-a")  # through worker one only
        listed = await second.get("/clinics/clinic-a/patients/" + _first_patient(sandbox))
        assert listed.status_code == 200  # worker two has the token worker one saved
        limiters: list[Any] = [app.state.fullscript.limiter for app in (one, two)]
        assert all(isinstance(limiter, RedisRateLimiter) for limiter in limiters)
        await second.get("/clinics/clinic-a/patients/" + _first_patient(sandbox))
        # One quota: each worker sees the other's requests in it.
        used = [await limiter.used(scope) for limiter in limiters]
        assert used[0] == used[1] >= 3  # the code exchange and two reads, at least


def _first_patient(sandbox: Sandbox) -> str:
    return str(sandbox.records("us", "patients")[0]["id"])
