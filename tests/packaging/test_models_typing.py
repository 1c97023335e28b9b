"""The lazy models package still shows every model to type checkers, and no name that is not one.

`fullscript_api.models` imports a model on first use through a module ``__getattr__`` that is
hidden from type checkers; they read the ``TYPE_CHECKING`` imports instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

SNIPPET = """\
from fullscript_api.models import NotAModel, Patient, PatientCreateRequest

reveal_type(Patient)
request = PatientCreateRequest(email="a@example.org", first_name="A", last_name="B")
reveal_type(request.email)
"""


@pytest.mark.slow
def test_mypy_sees_every_model_and_flags_a_misspelt_one(tmp_path: Path) -> None:
    snippet = tmp_path / "uses_models.py"
    snippet.write_text(SNIPPET)

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            # The project's cache: the generated package is checked once, not per test run.
            "--cache-dir",
            str(REPO_ROOT / ".mypy_cache"),
            str(snippet),
        ],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )
    lines = result.stdout.splitlines()

    errors = [line for line in lines if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'has no attribute "NotAModel"' in errors[0]
    assert any("fullscript_api.models.patient.Patient" in line for line in lines), result.stdout
    assert any(line.endswith('Revealed type is "str"') for line in lines), result.stdout
