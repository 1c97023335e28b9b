"""The dependencies this package provides are ``async def``: FastAPI runs a plain ``def``
dependency in its threadpool, a thread hop on every request (issue 14)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import fastapi.dependencies.utils
import pytest
from app_support import bare_client, running
from fastapi import Depends, FastAPI, Request
from webhook_support import CHALLENGE, SECRET, token_from

from fullscript import Fullscript
from fullscript.fastapi import (
    FullscriptDep,
    OAuthStateSigner,
    fullscript_lifespan,
    grant_dependency,
    oauth_router,
    webhook_router,
)
from fullscript.sandbox import Sandbox
from fullscript.webhooks import WebhookReceiver


@pytest.fixture
def threadpool_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every dependency FastAPI hands to its threadpool, by name."""
    calls: list[str] = []
    original = fastapi.dependencies.utils.run_in_threadpool

    async def recorded(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        calls.append(getattr(function, "__qualname__", repr(function)))
        return await original(function, *args, **kwargs)

    monkeypatch.setattr(fastapi.dependencies.utils, "run_in_threadpool", recorded)
    return calls


async def clinic_id(clinic_id: str) -> str:
    return clinic_id


ClinicDep = Annotated[Fullscript, Depends(grant_dependency(clinic_id))]


async def nobody(request: Request) -> str:
    return ""


async def test_no_provided_dependency_runs_in_the_threadpool(
    sandbox: Sandbox, threadpool_calls: list[str]
) -> None:
    async def connect(fs: Fullscript) -> None:
        await fs.add_grant("clinic-a", token_from(sandbox.issue_token("us")))

    app = FastAPI(lifespan=fullscript_lifespan(lambda: bare_client(sandbox), on_startup=connect))
    app.include_router(oauth_router(OAuthStateSigner("s" * 32), grant_id=nobody, user_id=nobody))
    app.include_router(webhook_router(WebhookReceiver(SECRET, challenge=CHALLENGE)))

    @app.get("/client")
    async def client(fs: FullscriptDep) -> str:
        return fs.grant_id

    @app.get("/clinics/{clinic_id}")
    async def clinic(fs: ClinicDep) -> str:
        return fs.grant_id

    async with running(app) as http:
        assert (await http.get("/client")).status_code == 200
        assert (await http.get("/clinics/clinic-a")).json() == "clinic-a"
        assert (await http.get("/oauth/connect")).status_code == 401
        assert (await http.get("/oauth/callback")).status_code in (400, 401)
        assert (await http.post("/webhooks/fullscript", content=b"")).status_code == 400
    assert threadpool_calls == []


def plain_clinic_id(clinic_id: str) -> str:
    return clinic_id


PlainClinic = Annotated[str, Depends(plain_clinic_id)]


async def test_a_plain_def_dependency_is_seen_by_the_check(
    sandbox: Sandbox, threadpool_calls: list[str]
) -> None:
    # The check above would catch a provided dependency written as a plain def.
    app = FastAPI()

    @app.get("/clinics/{clinic_id}")
    async def clinic(clinic: PlainClinic) -> str:
        return clinic

    async with running(app) as http:
        assert (await http.get("/clinics/a")).json() == "a"
    assert threadpool_calls == [plain_clinic_id.__qualname__]
