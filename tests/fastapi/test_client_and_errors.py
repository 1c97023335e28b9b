"""The lifespan and dependencies, NDJSON streaming, and SDK errors as HTTP answers."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from typing import Annotated, Any

import httpx2
import pytest
from app_support import APP_URL, bare_client, running
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import StreamingResponse
from fullscript_api.models import Patient, PatientCreateRequest
from webhook_support import token_from

from fullscript import Fullscript
from fullscript.fastapi import (
    FullscriptDep,
    SDKRoute,
    fullscript_lifespan,
    grant_dependency,
    install_error_handlers,
    stream_ndjson,
)
from fullscript.sandbox import Sandbox


def clinic_id(clinic_id: str) -> str:
    return clinic_id


ClinicDep = Annotated[Fullscript, Depends(grant_dependency(clinic_id))]


def build(sandbox: Sandbox, started: list[Fullscript] | None = None) -> FastAPI:
    async def startup(fs: Fullscript) -> None:
        if started is not None:
            started.append(fs)
        await fs.add_grant("clinic-a", token_from(sandbox.issue_token("us")))

    app = FastAPI(lifespan=fullscript_lifespan(lambda: bare_client(sandbox), on_startup=startup))
    app.router.route_class = SDKRoute
    install_error_handlers(app)
    router = APIRouter(route_class=SDKRoute)

    @router.get("/clinics/{clinic_id}/patients")
    async def patients(fs: ClinicDep) -> StreamingResponse:
        return await stream_ndjson(fs.patients.list(page_size=7, prefetch=2))

    @router.post("/clinics/{clinic_id}/patients", status_code=201)
    async def create(body: PatientCreateRequest, fs: ClinicDep) -> Patient:
        return await fs.patients.create(body=body)

    @router.get("/clinics/{clinic_id}/patients/{patient_id}")
    async def retrieve(patient_id: str, fs: ClinicDep) -> Patient:
        return await fs.patients.retrieve(patient_id)

    @router.get("/same")
    async def same(fs: FullscriptDep) -> dict[str, int]:
        return {"id": id(fs)}

    app.include_router(router)
    return app


async def test_the_lifespan_opens_one_client_and_closes_it(sandbox: Sandbox) -> None:
    started: list[Fullscript] = []
    app = build(sandbox, started)
    async with running(app) as client:
        ids = {(await client.get("/same")).json()["id"] for _ in range(3)}
        [fs] = started
        assert ids == {id(fs)} and not fs.is_closed
    assert fs.is_closed


async def test_without_the_lifespan_the_dependency_says_what_is_missing() -> None:
    app = FastAPI()

    @app.get("/x")
    async def x(fs: FullscriptDep) -> str:
        return "unreachable"

    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url=APP_URL) as c:
        with pytest.raises(RuntimeError, match="fullscript_lifespan"):
            await c.get("/x")


async def test_patients_stream_as_ndjson_across_pages(sandbox: Sandbox) -> None:
    async with running(build(sandbox)) as client:
        answer = await client.get("/clinics/clinic-a/patients")
    assert answer.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in answer.text.splitlines()]
    assert [line["id"] for line in lines] == [p["id"] for p in sandbox.records("us", "patients")]


async def test_create_and_read_back_through_sdk_models(sandbox: Sandbox) -> None:
    body = {"email": "new.person@example.org", "first_name": "New", "last_name": "Person"}
    async with running(build(sandbox)) as client:
        created = await client.post("/clinics/clinic-a/patients", json=body)
        assert created.status_code == 201
        patient = created.json()
        read = await client.get(f"/clinics/clinic-a/patients/{patient['id']}")
    assert read.json()["email"] == "new.person@example.org"
    assert read.json() == patient


@pytest.mark.parametrize(
    ("fault", "status", "error"),
    [
        ({"kind": "error", "status": 404}, 404, "not found in Fullscript"),
        ({"kind": "error", "status": 403}, 403, "has not granted"),
        ({"kind": "error", "status": 500}, 502, "failed to answer"),
        ({"kind": "rate_limit", "retry_after": 7}, 503, "rate limit"),
    ],
)
async def test_sdk_errors_become_http_answers_with_the_request_id(
    sandbox: Sandbox,
    caplog: pytest.LogCaptureFixture,
    fault: dict[str, Any],
    status: int,
    error: str,
) -> None:
    kind = fault.pop("kind")
    getattr(sandbox.faults, kind)(operation_id="retrieve_patient", **fault)
    patient_id = sandbox.records("us", "patients")[0]["id"]
    with caplog.at_level(logging.WARNING, "fullscript.fastapi"):
        async with running(build(sandbox)) as client:
            answer = await client.get(f"/clinics/clinic-a/patients/{patient_id}")
    assert answer.status_code == status
    assert error in answer.json()["error"]
    request_id = answer.json()["request_id"]
    assert request_id and request_id in caplog.text
    if status == 503:
        assert answer.headers["retry-after"] == "7"


async def test_refused_data_is_a_422_with_fullscript_field_errors(sandbox: Sandbox) -> None:
    taken = sandbox.records("us", "patients")[0]["email"]
    body = {"email": taken, "first_name": "Dup", "last_name": "Licate"}
    async with running(build(sandbox)) as client:
        answer = await client.post("/clinics/clinic-a/patients", json=body)
    assert answer.status_code == 422
    assert "email" in answer.json()["field_errors"]


async def test_an_unconnected_clinic_is_a_401_and_no_token_or_secret_is_answered(
    sandbox: Sandbox,
) -> None:
    async with running(build(sandbox)) as client:
        answer = await client.get("/clinics/nobody/patients/p-1")
        fs: Fullscript = client._transport.app.state.fullscript  # type: ignore[attr-defined]
        token = await fs._shared.store.load("us", "clinic-a")  # type: ignore[attr-defined]
    assert answer.status_code == 401
    assert "connect" in answer.json()["error"]
    for secret in (token.access_token, token.refresh_token, "sandbox-client-secret"):
        assert secret not in answer.text


def test_import_fullscript_never_imports_fastapi_and_the_missing_extra_is_named() -> None:
    code = (
        "import sys\nimport fullscript, fullscript.webhooks\n"
        "assert 'fastapi' not in sys.modules and 'pydantic' not in sys.modules, 'imported'\n"
        "sys.modules['fastapi'] = None\n"
        "try:\n    import fullscript.fastapi\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'fullscript[fastapi]'" in out.stdout


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/clinics/clinic-a/patients/%2e%2e", "id"),
        ("/clinics/clinic-a/patients/%2E", "id"),
        ("/clinics/clinic-a/patients/" + "p" * 1025, "id"),
    ],
)
async def test_an_invalid_id_is_a_422_naming_the_parameter(
    sandbox: Sandbox, path: str, parameter: str
) -> None:
    async with running(build(sandbox)) as client:
        answer = await client.get(path)
    # The name of the SDK call's parameter that refused it (never the value).
    assert answer.status_code == 422
    assert answer.json()["parameter"] == parameter
    assert "p" * 1025 not in answer.text
