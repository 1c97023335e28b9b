"""A truncated or non-JSON success body is a typed, retried failure, not a JSONDecodeError."""

from __future__ import annotations

import json

import httpx2
import pytest
from fullscript_api.models import PatientCreateRequest

from fullscript import Fullscript, FullscriptError, MalformedResponseError, RetryPolicy
from fullscript.sandbox import Sandbox

from .conftest import RecordingTransport, make_client


async def test_a_truncated_get_is_retried_and_succeeds(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    rule = sandbox.faults.malformed(operation_id="retrieve_clinic", times=1)
    clinic = await fs.clinic.retrieve()
    assert clinic.id
    assert rule.fired == 1
    assert recorder.paths().count("/us/api/clinic") == 2


async def test_a_get_malformed_every_time_raises_a_typed_error_with_the_request_id(
    sandbox: Sandbox,
) -> None:
    sandbox.faults.malformed(operation_id="retrieve_clinic")
    async with make_client(sandbox) as fs:
        with pytest.raises(MalformedResponseError) as caught:
            await fs.clinic.retrieve()
    error = caught.value
    assert isinstance(error, FullscriptError)
    assert not isinstance(error, json.JSONDecodeError)
    assert error.request_id and error.request_id in str(error)
    assert error.status_code == 200
    assert error.method == "GET" and error.url.endswith("/api/clinic")
    assert error.may_have_been_applied is False
    assert "GET /us/api/clinic" in str(error)


async def test_a_malformed_answer_to_a_post_is_not_retried_and_says_it_was_applied(
    sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.malformed(operation_id="create_patient", times=1)
    async with make_client(sandbox, transport=recorder) as fs:
        with pytest.raises(MalformedResponseError) as caught:
            await fs.patients.create(
                body=PatientCreateRequest(email="m@example.org", first_name="M", last_name="N")
            )
    assert [r.method for r in recorder.sent].count("POST") == 1
    assert caught.value.may_have_been_applied is True
    assert "applied" in str(caught.value)


async def test_a_non_json_200_from_a_proxy_is_the_same_error() -> None:
    from fullscript import OAuthToken

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            200, text="<html>captive portal</html>", headers={"x-request-id": "req-42"}
        )

    async with Fullscript(
        client_id="id",
        client_secret="secret",
        redirect_uri="https://app.example/cb",
        transport=httpx2.MockTransport(answer),
        retry=RetryPolicy(max_retries=0),
        token=OAuthToken(access_token="a", refresh_token="r", region="us"),
    ) as fs:
        with pytest.raises(MalformedResponseError, match="req-42"):
            await fs.clinic.retrieve()
