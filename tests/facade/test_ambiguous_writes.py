"""A write whose connection dropped after sending says it may have been applied."""

from __future__ import annotations

import pytest
from fullscript_api.models import PatientCreateRequest

from fullscript import APIConnectionError, Fullscript
from fullscript.reconcile import find_patient_by_email
from fullscript.sandbox import Sandbox

from .conftest import RecordingTransport


def _new_patient(email: str) -> PatientCreateRequest:
    return PatientCreateRequest(email=email, first_name="Ambi", last_name="Guous")


async def test_a_dropped_create_says_it_may_have_been_applied_and_can_be_reconciled(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    rule = sandbox.faults.drop_after_apply(operation_id="create_patient", times=1)
    with pytest.raises(APIConnectionError) as caught:
        await fs.patients.create(body=_new_patient("ambi.guous@example.org"))
    error = caught.value
    assert rule.fired == 1
    assert [r.method for r in recorder.sent].count("POST") == 1  # not repeated blindly
    assert error.may_have_been_applied is True
    assert error.operation == "create_patient"
    assert "may have been applied" in str(error)
    assert "create_patient" in str(error)

    # It was applied: the documented reconciliation finds it, exactly once.
    found = await find_patient_by_email(fs, "Ambi.Guous@example.org")
    assert found is not None and found.email == "ambi.guous@example.org"
    assert await find_patient_by_email(fs, "nobody-like-this@example.org") is None


async def test_a_write_refused_before_sending_was_not_applied(
    fs: Fullscript, sandbox: Sandbox
) -> None:
    import httpx2

    from fullscript._errors import connection_error_from

    request = httpx2.Request("POST", "https://api-us.fullscript.io/api/clinic/patients")
    error = connection_error_from(httpx2.ConnectError("refused", request=request), operation="x")
    assert error.may_have_been_applied is False
    assert "may have been applied" not in str(error)


async def test_a_read_that_dropped_was_not_a_write(fs: Fullscript, sandbox: Sandbox) -> None:
    sandbox.faults.drop(operation_id="retrieve_clinic")
    with pytest.raises(APIConnectionError) as caught:
        await fs.clinic.retrieve()
    assert caught.value.may_have_been_applied is False
    assert caught.value.operation == "retrieve_clinic"


def test_the_sandbox_lists_the_fault_kind(sandbox: Sandbox) -> None:
    rule = sandbox.faults.drop_after_apply(operation_id="create_patient")
    assert rule.to_dict()["kind"] == "drop_after_apply"
