"""The parity report, with a second served sandbox standing in for Fullscript.

A user's test file runs with ``--fullscript-live`` in a subprocess; "Fullscript" is a served
sandbox (``FULLSCRIPT_LIVE_BASE_URL``) given deliberate differences. The report must name each
of them, and nothing when the stand-in is the same as ours.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.doc_test_files import passed, run_pytest

from fullscript.pytest_plugin.parity import OperationShapes, compare, operation_of
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
    ServedSandbox,
    serve,
)

USER_TESTS = """
import pytest

from fullscript import NotFoundError, ServerError


async def test_patients(fullscript_client):
    assert await fullscript_client.patients.list().to_list()


async def test_clinic(fullscript_client):
    assert (await fullscript_client.clinic.retrieve()).id


async def test_unknown_patient(fullscript_client):
    with pytest.raises(NotFoundError):
        await fullscript_client.patients.retrieve("no-such-patient")


async def test_brands(fullscript_client):
    try:
        await fullscript_client.with_options(max_retries=0).brands.list().to_list()
    except ServerError:
        pass
"""


@pytest.fixture
def stand_in() -> Iterator[tuple[Sandbox, ServedSandbox]]:
    """A second sandbox on loopback, standing in for Fullscript (same seed as ours)."""
    sandbox = Sandbox()
    with serve(sandbox) as served:
        yield sandbox, served


def run_live(stand_in: tuple[Sandbox, ServedSandbox], project: Path) -> dict[str, Any]:
    sandbox, served = stand_in
    refresh_token = sandbox.issue_token("us").refresh_token
    variables = {
        "FULLSCRIPT_CLIENT_ID": DEFAULT_CLIENT_ID,
        "FULLSCRIPT_CLIENT_SECRET": DEFAULT_CLIENT_SECRET,
        "FULLSCRIPT_REDIRECT_URI": DEFAULT_REDIRECT_URI,
        "FULLSCRIPT_REFRESH_TOKEN": refresh_token,
        "FULLSCRIPT_LIVE_REGION": "us",
        "FULLSCRIPT_LIVE_BASE_URL": served.base_url("us"),
        "FULLSCRIPT_LIVE_TOKEN_FILE": str(project / "live-token.json"),
    }
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        result = run_pytest(
            sys.executable, project, {"test_user.py": USER_TESTS}, "--fullscript-live"
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed(result) == 2 * USER_TESTS.count("def test_")  # each on both sides
    assert refresh_token not in result.stdout + result.stderr
    report: dict[str, Any] = json.loads((project / "fullscript-parity.json").read_text())
    report["terminal"] = result.stdout
    return report


def found(report: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(d["operation"], d["aspect"], d["detail"]) for d in report["differences"]}


def test_the_report_finds_nothing_when_the_two_are_the_same(
    stand_in: tuple[Sandbox, ServedSandbox], tmp_path: Path
) -> None:
    report = run_live(stand_in, tmp_path)
    assert report["differences"] == []
    assert set(report["operations"]) == {
        "list_patients",
        "retrieve_clinic",
        "retrieve_patient",
        "list_brands",
    }
    assert "parity: no differences in 4 operation(s)" in report["terminal"]


def test_the_report_finds_every_deliberate_difference(
    stand_in: tuple[Sandbox, ServedSandbox], tmp_path: Path
) -> None:
    sandbox, _ = stand_in
    sandbox.faults.drift("extra_field", operation_id="list_patients")
    sandbox.faults.drift("null_field", operation_id="retrieve_clinic")
    sandbox.faults.error(404, operation_id="retrieve_patient")  # a 404 without "message"
    sandbox.faults.error(503, operation_id="list_brands")
    report = run_live(stand_in, tmp_path)
    first_clinic_field = next(name for name in sandbox.region("us").clinic if name != "id")
    assert found(report) == {
        ("list_patients", "fields", ""),
        ("retrieve_clinic", "types", f"clinic.{first_clinic_field}"),
        ("retrieve_patient", "error_shape", "404"),
        ("list_brands", "status", ""),
    }
    by_aspect = {d["aspect"]: d for d in report["differences"]}
    assert by_aspect["fields"]["theirs"] == ["patients[].sandbox_extra_field"]
    assert by_aspect["types"]["theirs"] == ["null"]
    assert by_aspect["error_shape"]["ours"] == ["error", "message", "status"]
    assert by_aspect["error_shape"]["theirs"] == ["error", "status"]
    assert (by_aspect["status"]["ours"], by_aspect["status"]["theirs"]) == (["200"], ["503"])
    assert "parity: 4 difference(s)" in report["terminal"]


def test_an_operation_called_on_one_side_only_is_named() -> None:
    ours = {"list_patients": OperationShapes()}
    report = compare(ours, {})
    assert [(d.operation, d.aspect, d.ours, d.theirs) for d in report.differences] == [
        ("list_patients", "called", ["called"], [])
    ]


def test_requests_are_named_by_their_operation_on_any_host() -> None:
    assert operation_of("GET", "/us/api/clinic/patients/abc") == "retrieve_patient"
    assert operation_of("GET", "/api/clinic/patients/abc") == "retrieve_patient"
    assert operation_of("GET", "/api/nowhere") == "GET /nowhere"
