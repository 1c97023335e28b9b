"""Every path parameter of every operation is checked locally, before anything is sent.

`quote(value, safe="")` leaves "." alone and httpx2 then normalises dot segments, so an id of
".." used to reach another endpoint (``PATCH /clinic`` for a patient update). The check lives
in the generated layer (one shared function every endpoint module calls), so it covers
operations added to the spec later without a line of façade code.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fullscript_api import api as generated_api
from fullscript_api.api import Operation
from fullscript_api.errors import InvalidPathParameterError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fullscript import Fullscript, FullscriptError, OAuthToken, Region

from .conftest import RecordingTransport

SPEC = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text("utf-8")
)
HTTP_METHODS = ("get", "put", "post", "patch", "delete")


def _generated_operations() -> dict[tuple[str, str], Operation]:
    found: dict[tuple[str, str], Operation] = {}
    for info in pkgutil.iter_modules(generated_api.__path__):
        module = importlib.import_module(f"{generated_api.__name__}.{info.name}")
        for value in vars(module).values():
            operations = getattr(value, "OPERATIONS", None)
            if isinstance(operations, dict):
                for operation in operations.values():
                    found[(operation.http_method, operation.path)] = operation
    return found


GENERATED = _generated_operations()
SPEC_CASES = [
    (method.upper(), path, name)
    for path, item in SPEC["paths"].items()
    for method in HTTP_METHODS
    if method in item
    for name in re.findall(r"{([^}]+)}", path)
]
BAD_VALUES: dict[str, Any] = {
    "dot": ".",
    "dot-dot": "..",
    "empty": "",
    "blank": "   ",
    "inner dot-dot": "abc/../def",
    "leading dot-dot": "../abc",
    "trailing dot": "abc/.",
    "backslash dot-dot": "..\\abc",
    "encoded dot-dot": "%2e%2E",
    "none": None,
    "huge": "x" * 100_000,
}


def test_the_spec_has_path_parameters_and_every_one_is_generated() -> None:
    assert len(SPEC_CASES) >= 40
    missing = [(method, path) for method, path, _ in SPEC_CASES if (method, path) not in GENERATED]
    assert missing == []


def _arguments(operation: Operation, bad_name: str, bad_value: Any) -> dict[str, Any]:
    """Good values for every parameter except `bad_name`; None for a body (never reached)."""
    arguments: dict[str, Any] = {}
    for parameter in inspect.signature(operation.module._get_kwargs).parameters.values():
        if parameter.kind is parameter.POSITIONAL_OR_KEYWORD:
            arguments[parameter.name] = "abc123"
        elif parameter.default is inspect.Parameter.empty:
            arguments[parameter.name] = None
    arguments[bad_name] = bad_value
    return arguments


@pytest.mark.parametrize(("method", "path", "name"), SPEC_CASES, ids=lambda v: str(v))
async def test_a_bad_path_parameter_is_refused_before_sending(
    method: str, path: str, name: str
) -> None:
    operation = GENERATED[(method, path)]
    sent: list[httpx2.Request] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return httpx2.Response(200, json={})

    fs = Fullscript(
        client_id="id",
        client_secret="secret",
        redirect_uri="https://app.example/cb",
        transport=httpx2.MockTransport(record),
        token=OAuthToken(access_token="a", refresh_token="r", region="us"),
    )
    async with fs:
        for bad, value in BAD_VALUES.items():
            arguments = _arguments(operation, name, value)

            # The generated layer alone refuses it.
            with pytest.raises(InvalidPathParameterError) as generated_error:
                operation.module._get_kwargs(**arguments)
            assert isinstance(generated_error.value, ValueError), bad
            assert repr(name) in str(generated_error.value), bad
            assert generated_error.value.parameter == name

            # So does the façade, with an error of its own family naming the operation.
            with pytest.raises(FullscriptError) as facade_error:
                await fs._binding.request(operation, arguments)
            assert isinstance(facade_error.value, ValueError), bad
            assert repr(name) in str(facade_error.value), bad
            assert operation.name in str(facade_error.value), bad
            assert "x" * 1000 not in str(facade_error.value)  # a huge value is not echoed whole
            if isinstance(value, str) and len(value.strip()) > 2:  # names it, not its value
                assert value not in str(facade_error.value), bad
                assert value not in str(generated_error.value), bad
    assert sent == []


@pytest.mark.parametrize("good", ["abc123", "a.b", "...", "user@example.com", "a b", 42, "é"])
def test_ordinary_ids_still_pass(good: Any) -> None:
    operation = GENERATED[("GET", "/api/clinic/patients/{id}")]
    url = operation.module._get_kwargs(id=good)["url"]
    assert url.startswith("/api/clinic/patients/") and url.count("/") == 4


async def test_the_issue_examples_reach_nothing(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    from fullscript_api.models import PatientUpdateRequest

    with pytest.raises(ValueError, match="patient_id"):
        await fs.patients.list_orders("..").to_list()
    with pytest.raises(ValueError, match="'id'"):
        await fs.patients.update("..", body=PatientUpdateRequest.from_dict({}))
    with pytest.raises(ValueError, match="'id'"):
        await fs.practitioners.delete_resource("p1", "..")
    with pytest.raises(ValueError, match="'id'"):
        await fs.patients.retrieve("..")
    with pytest.raises(ValueError, match="None"):
        await fs.patients.retrieve(None)  # type: ignore[arg-type]
    assert recorder.sent == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    identifier=st.text(min_size=1, max_size=40).filter(
        lambda text: text.strip() not in ("", ".", "..") and "/" not in text and "\\" not in text
    ),
    region=st.sampled_from(
        [Region.US, Region.CA, Region.CA_SANDBOX.with_base_url("http://127.0.0.1:8000/ca-snd")]
    ),
)
async def test_the_url_sent_is_the_one_httpx2_merges_from_the_base_url(
    identifier: str, region: Region
) -> None:
    # The façade hands httpx2 an absolute URL (one parse instead of a parse and a merge); it
    # must be exactly what httpx2 builds from the client's base URL and the generated path.
    operation = GENERATED[("GET", "/api/clinic/patients/{id}")]
    try:
        relative = operation.module._get_kwargs(id=identifier)["url"]
    except InvalidPathParameterError:
        return  # refused before sending (dot segments): covered above
    sent: list[httpx2.URL] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        sent.append(request.url)
        return httpx2.Response(200, json={"patient": {"id": "p"}})

    fs = Fullscript(
        client_id="id",
        client_secret="secret",
        redirect_uri="https://app.example/cb",
        region=region,
        transport=httpx2.MockTransport(record),
        token=OAuthToken(access_token="a", refresh_token="r", region=region.key),
    )
    async with fs:
        await fs.patients.retrieve(identifier)
        expected = httpx2.AsyncClient(base_url=fs.region.base_url).build_request("GET", relative)
    assert sent == [expected.url]
    assert str(sent[0]) == str(expected.url)
