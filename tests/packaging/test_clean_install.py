"""`pip install .` without extras: only the base dependencies arrive, and the client works.

Slow (a virtualenv is made and the project built once per session), never skipped.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from benchmarks.clean_venv import installed_distributions

PROBE = Path(__file__).resolve().parent / "clean_install_probe.py"
# The dependencies of the extras, and of what the base install no longer needs.
NOT_IN_BASE = {
    "starlette",
    "uvicorn",
    "redis",
    "fastapi",
    "python-multipart",
    "python-dateutil",
    "aiolimiter",
    "cryptography",
    "rich",
    "keyring",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def probe_report(clean_install: Path) -> dict[str, object]:
    result = subprocess.run(
        [str(clean_install), "-I", str(PROBE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    return report


def test_base_install_brings_no_extra_dependencies(clean_install: Path) -> None:
    installed = installed_distributions(clean_install)
    assert {"fullscript", "httpx2", "attrs"} <= installed
    assert installed & NOT_IN_BASE == set()


def test_client_works_from_a_clean_install(probe_report: dict[str, object]) -> None:
    assert probe_report["calls"] == {"created": "p-2 Ada", "fetched": "Maya"}


def test_import_loads_no_optional_package_in_a_clean_install(
    probe_report: dict[str, object],
) -> None:
    after_import = probe_report["after_import"]
    assert isinstance(after_import, list)
    loaded = {name.partition(".")[0] for name in after_import}
    assert loaded & {"starlette", "uvicorn", "redis", "fastapi", "dateutil", "aiolimiter"} == set()


def test_the_wheel_ships_the_spec_the_client_was_generated_from(
    probe_report: dict[str, object],
) -> None:
    # `python -m fullscript.spec diff` compares an installed SDK with another spec.
    assert isinstance(probe_report["shipped_spec_paths"], int)
    assert probe_report["shipped_spec_paths"] > 0


def test_sandbox_without_its_extra_names_the_extra(probe_report: dict[str, object]) -> None:
    assert "pip install 'fullscript[sandbox]'" in str(probe_report["sandbox_error"])


def test_cli_without_its_extra_names_the_extra(probe_report: dict[str, object]) -> None:
    assert "pip install 'fullscript[cli]'" in str(probe_report["cli_error"])
