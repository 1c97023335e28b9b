"""The façade's surface is statically typed: mypy sees typed arguments and typed results."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api as mypy_api

SNIPPET = """
from fullscript import Fullscript
from fullscript_api.models import PatientCreateRequest

async def main(fs: Fullscript) -> None:
    reveal_type(fs.patients.list())
    reveal_type(await fs.patients.create(body=PatientCreateRequest(email="a@b.c", first_name="A", last_name="B")))
    reveal_type(await fs.with_raw_response.patients.retrieve("x"))
    reveal_type(fs.with_region("ca").labs.list_orders)
    async for page in fs.patients.list().pages():
        reveal_type(page.items)
    await fs.patients.retrieve(42)
    await fs.patients.create(body={"email": "a@b.c"})
"""


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = Path(tmp_path_factory.mktemp("typing")) / "snippet.py"
    path.write_text(SNIPPET)
    stdout, stderr, _status = mypy_api.run(["--strict", "--no-error-summary", str(path)])
    return stdout + stderr


def test_list_operations_are_typed_paginators(mypy_output: str) -> None:
    assert (
        "fullscript_api.pagination.Paginator[fullscript_api.models.patient.Patient]" in mypy_output
    )
    assert "Sequence[fullscript_api.models.patient.Patient]" in mypy_output


def test_results_are_unwrapped_models(mypy_output: str) -> None:
    assert 'Revealed type is "fullscript_api.models.patient.Patient"' in mypy_output


def test_raw_responses_are_typed(mypy_output: str) -> None:
    assert "fullscript_api.types.Response[" in mypy_output
    assert "RetrievePatientResponse200" in mypy_output


def test_methods_have_typed_signatures_on_copies_too(mypy_output: str) -> None:
    assert "patient_id: str | fullscript_api.types.Unset" in mypy_output
    assert (
        "fullscript_api.pagination.Paginator[fullscript_api.models.lab_order.LabOrder]"
        in mypy_output
    )


def test_wrong_argument_types_are_rejected(mypy_output: str) -> None:
    assert (
        'Argument 1 to "retrieve" of "PatientsResource" has incompatible type "int"' in mypy_output
    )
    assert 'Argument "body" to "create" of "PatientsResource" has incompatible type' in mypy_output
