"""A user's project: the built wheel with ``[sandbox]`` in a fresh virtualenv, and pytest.

The plugin must be found through its ``pytest11`` entry point with nothing but the install, its
documented fixtures and marker must work, and a failing assertion must read as the user's own.
Slow (a wheel is built and a virtualenv made once per module), never skipped.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from benchmarks.clean_venv import build_wheel, make_venv
from support.doc_test_files import doc_test_files, passed, run_pytest

pytestmark = pytest.mark.slow

# The user's own test tools, at the versions of our dev environment (so uv's cache has them).
TEST_TOOLS = [
    f"{name}=={importlib.metadata.version(name)}" for name in ("pytest", "pytest-asyncio")
]
USER_TESTS = """
import httpx2
import pytest


async def test_patients_are_listed(fullscript_client):
    patients = await fullscript_client.patients.list().to_list()
    assert len(patients) == 350


@pytest.mark.fullscript(seed=5, patients=4, faults=["server_errors"])
async def test_the_marker_sets_the_sandbox(fullscript_client, fullscript_sandbox):
    patients = await fullscript_client.patients.list().to_list()
    assert len(patients) == 4
    assert fullscript_sandbox.faults.rules[0].fired == 2


async def test_more_clinics(fullscript_grants):
    tenant = await fullscript_grants.add("tenant-42", region="ca")
    assert (await tenant.clinic.retrieve()).id


def test_served_on_loopback(fullscript_served, fullscript_sandbox):
    token = fullscript_sandbox.issue_token("us")
    answer = httpx2.get(
        fullscript_served.base_url("us") + "/api/clinic",
        headers={"Authorization": token.authorization},
    )
    assert answer.status_code == 200


async def test_webhooks_and_time(fullscript_webhooks, fullscript_time, fullscript_sandbox):
    fullscript_time.advance(60)
    fullscript_sandbox.clinic("us").activate_clinic_key()
    [delivery] = await fullscript_webhooks.deliver()
    assert delivery.event_type == "clinic_key.activated"
"""

FAILING_TEST = """
async def test_a_clinic_has_ten_patients(fullscript_client):
    patients = await fullscript_client.patients.list().to_list()
    assert len(patients) == 10
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def user_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv holding the built wheel with [sandbox], pytest and pytest-asyncio."""
    venv = tmp_path_factory.mktemp("user-venv") / "venv"
    return make_venv(venv, wheel, extras=["sandbox"], also=TEST_TOOLS)


def test_the_plugin_is_found_and_its_documented_fixtures_work(
    user_python: Path, tmp_path: Path
) -> None:
    files = {"test_my_integration.py": USER_TESTS, **doc_test_files()}
    result = run_pytest(user_python, tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr
    # No conftest.py and no `-p`: the fixtures could only come through the entry point.
    assert not list(tmp_path.glob("conftest.py"))
    assert passed(result) == sum(source.count("def test_") for source in files.values())


def test_a_failing_assertion_reads_as_the_users_own(user_python: Path, tmp_path: Path) -> None:
    result = run_pytest(user_python, tmp_path, {"test_clinic.py": FAILING_TEST})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "assert 350 == 10" in output
    assert "test_clinic.py:4: AssertionError" in output
    # The traceback is the user's: no frames of the plugin or the sandbox, no credentials.
    assert "pytest_plugin" not in output and "fullscript/sandbox" not in output
    assert "Bearer" not in output and "sandbox-client-secret" not in output


WITHOUT_THE_EXTRA = """
def test_unrelated():
    assert 1 + 1 == 2


def test_asks_for_the_sandbox(fullscript_sandbox):
    pass
"""


def test_a_project_without_the_extra_is_unaffected_until_it_asks_for_a_fixture(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    venv = tmp_path_factory.mktemp("base-venv") / "venv"
    python = make_venv(venv, wheel, also=TEST_TOOLS)
    result = run_pytest(python, tmp_path, {"test_app.py": WITHOUT_THE_EXTRA})
    output = result.stdout + result.stderr
    assert "1 passed, 1 error" in output
    assert "pip install 'fullscript[sandbox]'" in output
