"""The OAuth router: connect redirects with a signed state; the callback checks it (tampered,
expired, replayed, another user: 400 with the reason), exchanges the code for the right grant,
runs hooks. The grant comes from the signed-in user, never from the request, and a connected
grant is not re-bound unless the app allows it."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
from app_support import bare_client, running
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from webhook_support import FakeTime

from fullscript.fastapi import (
    OAuthFailure,
    OAuthStateError,
    OAuthStateSigner,
    OAuthSuccess,
    fullscript_lifespan,
    oauth_router,
)
from fullscript.sandbox import Sandbox
from fullscript.webhooks import InMemorySeenStore
from fullscript.webhooks.redis import RedisSeenStore

STATE_SECRET = "state-secret-for-the-tests-0123456789"
USER_HEADER = "x-test-user"  # stands for the app's session cookie
#: The app's own records: which tenant each signed-in user belongs to.
TENANT_OF_USER = {
    "alice": "clinic-a",
    "bob": "clinic-b",
    "tess": "tenant-7",
    "mallory": "clinic-m",
    "anna": "clinic-a",
}


def signed_in_user(request: Request) -> str:
    return request.headers.get(USER_HEADER, "")


async def users_tenant(request: Request) -> str:
    return TENANT_OF_USER[signed_in_user(request)]


def build(
    sandbox: Sandbox, clock: FakeTime, **options: Any
) -> tuple[FastAPI, dict[str, list[Any]]]:
    seen: dict[str, list[Any]] = {"success": [], "failure": []}

    async def success(request: Request, outcome: OAuthSuccess) -> Response | None:
        seen["success"].append(outcome)
        return None

    async def failure(request: Request, outcome: OAuthFailure) -> Response | None:
        seen["failure"].append(outcome)
        return None

    options.setdefault("on_success", success)
    options.setdefault("on_failure", failure)
    options.setdefault("grant_id", users_tenant)
    options.setdefault("user_id", signed_in_user)
    signer = OAuthStateSigner(STATE_SECRET, clock=clock)
    app = FastAPI(lifespan=fullscript_lifespan(lambda: bare_client(sandbox)))
    app.include_router(oauth_router(signer, **options))
    return app, seen


def as_user(user: str) -> dict[str, str]:
    return {USER_HEADER: user}


USER_OF_GRANT = {"clinic-a": "alice", "clinic-b": "bob", "clinic-m": "mallory"}


async def connect(app_client: httpx2.AsyncClient, sandbox: Sandbox, grant: str) -> httpx2.URL:
    """connect -> the sandbox's authorize page -> the URL of our callback with code and state."""
    redirect = await app_client.get("/oauth/connect", headers=as_user(USER_OF_GRANT[grant]))
    assert redirect.status_code == 302
    async with httpx2.AsyncClient(transport=sandbox.transport()) as browser:
        approved = await browser.get(redirect.headers["location"])
    assert approved.status_code == 302
    return httpx2.URL(approved.headers["location"])


def callback_query(url: httpx2.URL) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(url.query.decode()).items()}


async def test_connect_then_callback_saves_the_token_for_that_grant(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    app, seen = build(sandbox, sandbox_time)
    async with running(app) as client:
        back = await connect(client, sandbox, "clinic-a")
        answer = await client.get(
            "/oauth/callback", params=callback_query(back), headers=as_user("alice")
        )
        assert answer.status_code == 200 and answer.json() == {"connected": "clinic-a"}
        [success] = seen["success"]
        assert success.grant_id == "clinic-a"
        assert success.token.access_token not in answer.text
        fs = app.state.fullscript
        assert await fs.grants() == ["clinic-a"]
        clinic = await fs.for_grant("clinic-a").clinic.retrieve()
        assert clinic.id == sandbox.region("us").clinic["id"]


async def test_the_state_carries_the_grant_and_is_not_readable_as_plain_text(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    app, _ = build(sandbox, sandbox_time)
    async with running(app) as client:
        redirect = await client.get("/oauth/connect", headers=as_user("tess"))
    location = urlsplit(redirect.headers["location"])
    assert location.path.endswith("/oauth/authorize")
    state = parse_qs(location.query)["state"][0]
    signer = OAuthStateSigner(STATE_SECRET, clock=sandbox_time)
    assert signer.peek(state) == "tenant-7"
    with pytest.raises(OAuthStateError) as refused:
        OAuthStateSigner("another-secret-of-enough-bytes", clock=sandbox_time).peek(state)
    assert refused.value.reason == "tampered"


def _tamper(state: str) -> str:
    payload, mac = state.split(".")
    return f"{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}.{mac}"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda q, t: {**q, "state": _tamper(q["state"])}, "tampered"),
        (lambda q, t: {**q, "state": q["state"].split(".")[0]}, "malformed"),
        (lambda q, t: {k: v for k, v in q.items() if k != "state"}, "missing"),
        (lambda q, t: setattr(t, "value", t.value + 601) or q, "expired"),
        (lambda q, t: {"state": q["state"], "error": "access_denied"}, "denied"),
        (lambda q, t: {"state": q["state"]}, "missing"),
        (lambda q, t: {**q, "code": "not-a-real-code"}, "code_refused"),
    ],
)
async def test_a_bad_callback_is_a_400_naming_the_reason(
    sandbox: Sandbox, sandbox_time: FakeTime, change: Any, reason: str
) -> None:
    app, seen = build(sandbox, sandbox_time)
    async with running(app) as client:
        query = callback_query(await connect(client, sandbox, "clinic-a"))
        answer = await client.get(
            "/oauth/callback", params=change(query, sandbox_time), headers=as_user("alice")
        )
        assert answer.status_code == 400
        assert answer.json()["error"] == reason
        assert [failure.reason for failure in seen["failure"]] == [reason]
        assert seen["success"] == []
        assert await app.state.fullscript.grants() == []


async def test_a_state_cannot_be_used_twice(sandbox: Sandbox, sandbox_time: FakeTime) -> None:
    app, _ = build(sandbox, sandbox_time)
    async with running(app) as client:
        query = callback_query(await connect(client, sandbox, "clinic-a"))
        alice = as_user("alice")
        assert (await client.get("/oauth/callback", params=query, headers=alice)).status_code == 200
        again = await client.get("/oauth/callback", params=query, headers=alice)
        assert again.status_code == 400 and again.json()["error"] == "replayed"


async def test_hooks_may_answer_themselves(sandbox: Sandbox, sandbox_time: FakeTime) -> None:
    async def welcome(request: Request, outcome: OAuthSuccess) -> Response:
        return JSONResponse({"welcome": outcome.grant_id}, status_code=201)

    async def sorry(request: Request, outcome: OAuthFailure) -> Response:
        return JSONResponse({"sorry": outcome.reason}, status_code=400)

    app, _ = build(sandbox, sandbox_time, on_success=welcome, on_failure=sorry)
    async with running(app) as client:
        query = callback_query(await connect(client, sandbox, "clinic-b"))
        bob = as_user("bob")
        first = await client.get("/oauth/callback", params=query, headers=bob)
        assert first.json() == {"welcome": "clinic-b"}
        again = await client.get("/oauth/callback", params=query, headers=bob)
        assert again.json() == {"sorry": "replayed"}


async def test_workers_sharing_a_redis_nonce_store_refuse_a_replay_on_another_worker(
    redis_url: str, sandbox_time: FakeTime
) -> None:
    stores = [RedisSeenStore(redis_url, ttl=660) for _ in range(2)]
    try:
        first, second = (
            OAuthStateSigner(STATE_SECRET, clock=sandbox_time, nonces=s) for s in stores
        )
        state = first.issue("tenant-1", "user-1")
        assert await second.verify(state, "user-1") == "tenant-1"
        with pytest.raises(OAuthStateError) as replay:
            await first.verify(state, "user-1")
        assert replay.value.reason == "replayed"
    finally:
        for store in stores:
            await store.aclose()


def test_a_tampered_state_does_not_use_up_the_nonce() -> None:
    signer = OAuthStateSigner(STATE_SECRET, nonces=InMemorySeenStore())
    state = signer.issue("g", "u")
    with pytest.raises(OAuthStateError):
        signer.peek(_tamper(state))
    assert signer.peek(state) == "g"


@pytest.mark.parametrize(
    ("secret", "ttl"), [("short", 600), (STATE_SECRET, 0), (STATE_SECRET, float("nan"))]
)
def test_weak_settings_are_refused(secret: str, ttl: float) -> None:
    with pytest.raises(ValueError):
        OAuthStateSigner(secret, ttl=ttl)


def test_the_router_needs_the_apps_grant_and_user_resolvers() -> None:
    signer = OAuthStateSigner(STATE_SECRET)
    with pytest.raises(TypeError):
        oauth_router(signer)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="user_id"):
        oauth_router(signer, grant_id=users_tenant, user_id="alice")  # type: ignore[arg-type]


async def test_an_anonymous_caller_cannot_start_a_connect_for_any_tenant(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    app, _ = build(sandbox, sandbox_time)
    async with running(app) as client:
        answer = await client.get("/oauth/connect", params={"grant_id": "clinic-a"})
    assert answer.status_code == 401
    assert answer.json()["error"] == "unauthenticated"
    assert "location" not in answer.headers


async def test_the_query_string_does_not_choose_the_grant(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    app, _ = build(sandbox, sandbox_time)
    async with running(app) as client:
        redirect = await client.get(
            "/oauth/connect", params={"grant_id": "clinic-b"}, headers=as_user("alice")
        )
    state = parse_qs(urlsplit(redirect.headers["location"]).query)["state"][0]
    assert OAuthStateSigner(STATE_SECRET, clock=sandbox_time).peek(state) == "clinic-a"


async def test_a_connected_grant_is_not_rebound_by_another_account(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    app, seen = build(sandbox, sandbox_time)
    async with running(app) as client:
        first = callback_query(await connect(client, sandbox, "clinic-a"))
        await client.get("/oauth/callback", params=first, headers=as_user("alice"))
        fs = app.state.fullscript
        bound = await fs.for_grant("clinic-a").token_manager.get_token()
        # Another user of the same tenant (or a stolen session) tries to re-bind it.
        again = await client.get("/oauth/connect", headers=as_user("anna"))
        assert again.status_code == 409
        assert again.json()["error"] == "already_connected"
        assert (await fs.for_grant("clinic-a").token_manager.get_token()) == bound
    assert [failure.reason for failure in seen["failure"]] == ["already_connected"]


async def test_the_app_may_allow_replacing_a_connected_grant(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    async def admins_only(request: Request, grant: str) -> bool:
        return signed_in_user(request) == "alice"

    app, _ = build(sandbox, sandbox_time, allow_replace=admins_only)
    async with running(app) as client:
        first = callback_query(await connect(client, sandbox, "clinic-a"))
        await client.get("/oauth/callback", params=first, headers=as_user("alice"))
        assert (await client.get("/oauth/connect", headers=as_user("anna"))).status_code == 409
        second = callback_query(await connect(client, sandbox, "clinic-a"))
        answer = await client.get("/oauth/callback", params=second, headers=as_user("alice"))
        assert answer.status_code == 200


async def test_a_state_started_by_one_user_does_not_complete_for_another(
    sandbox: Sandbox, sandbox_time: FakeTime
) -> None:
    # Mallory starts a connect with her own Fullscript account and sends Alice the callback
    # link: in Alice's browser the state names another user, so nothing is bound.
    app, seen = build(sandbox, sandbox_time)
    async with running(app) as client:
        query = callback_query(await connect(client, sandbox, "clinic-m"))
        answer = await client.get("/oauth/callback", params=query, headers=as_user("alice"))
        assert answer.status_code == 400
        assert answer.json()["error"] == "wrong_user"
        assert await app.state.fullscript.grants() == []
    assert seen["success"] == []


def test_the_state_binds_the_grant_the_user_and_a_nonce() -> None:
    signer = OAuthStateSigner(STATE_SECRET)
    state = signer.issue("clinic-a", "alice")
    assert signer.issue("clinic-a", "alice") != state  # a fresh nonce each time
    payload = state.split(".")[0]
    changed = _tamper(state)
    assert changed.split(".")[0] != payload
    with pytest.raises(OAuthStateError) as refused:
        signer.peek(changed)
    assert refused.value.reason == "tampered"
