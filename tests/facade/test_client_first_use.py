"""What a first use from the docs alone tripped over."""

from __future__ import annotations

import platform

import httpx2
import pytest
from fullscript_api.models import ListPatientsPatientType

from fullscript import Fullscript, InvalidParameterError
from fullscript.sandbox import Sandbox

from .conftest import RecordingTransport, make_client


async def test_enum_parameters_take_plain_strings(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    by_string = await fs.patients.list(patient_type="guardian").to_list()  # type: ignore[arg-type]
    by_member = await fs.patients.list(patient_type=ListPatientsPatientType.GUARDIAN).to_list()
    assert [p.id for p in by_string] == [p.id for p in by_member]
    assert recorder.sent[0].query["patient_type"] == "guardian"


async def test_an_unknown_enum_string_names_the_accepted_values(fs: Fullscript) -> None:
    with pytest.raises(InvalidParameterError, match="'guardian'") as caught:
        await fs.patients.list(patient_type="guardians").to_list()  # type: ignore[arg-type]
    assert caught.value.parameter == "patient_type"
    assert isinstance(caught.value, ValueError)


async def test_a_dict_body_works(fs: Fullscript, sandbox: Sandbox) -> None:
    patient = await fs.patients.create(
        body={"email": "dict.body@example.org", "first_name": "Dee", "last_name": "Ct"}  # type: ignore[arg-type]
    )
    assert patient.email == "dict.body@example.org"


async def test_a_body_of_the_wrong_type_is_a_clear_type_error(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    with pytest.raises(TypeError, match="PatientCreateRequest"):
        await fs.patients.create(body="email=x@example.org")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="PatientCreateRequest"):
        await fs.patients.create(body={"first_name": "No email"})  # type: ignore[arg-type]
    assert recorder.sent == []


@pytest.mark.parametrize("timeout", [-1, 0, float("nan"), float("inf"), -0.5])
def test_a_nonsense_timeout_is_refused(sandbox: Sandbox, timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        make_client(sandbox, timeout=timeout)
    with pytest.raises(ValueError, match="timeout"):
        make_client(sandbox).with_options(timeout=timeout)
    with pytest.raises(ValueError, match="timeout"):
        make_client(sandbox, timeout=httpx2.Timeout(10.0, read=timeout))


async def test_the_user_agent_names_sdk_python_and_httpx(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    await fs.clinic.retrieve()
    agent = recorder.sent[-1].user_agent
    assert agent.startswith("fullscript-python/")
    assert f"Python/{platform.python_version()}" in agent
    assert f"httpx2/{httpx2.__version__}" in agent


async def test_the_raw_response_has_the_request_id(fs: Fullscript) -> None:
    response = await fs.with_raw_response.clinic.retrieve()
    assert response.request_id
    assert response.request_id == response.headers["x-request-id"]


async def test_raw_list_calls_take_the_paginators_names(fs: Fullscript) -> None:
    response = await fs.with_raw_response.patients.list(page=2, page_size=5)
    assert response.parsed is not None
    assert response.parsed.meta.current_page == 2
    assert len(response.parsed.patients) == 5
