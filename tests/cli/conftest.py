"""Fixtures for the CLI tests: one sandbox served on loopback whose registered redirect URI is
the CLI's loopback port, and a configuration directory logged in to it through that redirect."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

from cli_support import FAKE_BROWSER, CliRunner, Ran, cli_environment, free_port  # noqa: E402

from fullscript.sandbox import (  # noqa: E402
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    Sandbox,
    ServedSandbox,
    serve,
)

PATIENTS = 120


@pytest.fixture(scope="session")
def redirect_uri() -> str:
    return f"http://127.0.0.1:{free_port()}/callback"


@pytest.fixture(scope="session")
def served(redirect_uri: str) -> Iterator[ServedSandbox]:
    sandbox = Sandbox(redirect_uri=redirect_uri, patients=PATIENTS, seed=3)
    with serve(sandbox) as running:
        yield running


@pytest.fixture(autouse=True)
def no_faults_left(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "served" in request.fixturenames:
        request.getfixturevalue("served").sandbox.faults.clear()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "browser.py"
    path.write_text(FAKE_BROWSER)
    return path


def new_runner(config_dir: Path, browser: Path) -> CliRunner:
    return CliRunner(
        config_dir, cli_environment(config_dir, browser, client_secret=DEFAULT_CLIENT_SECRET)
    )


def login_args(served: ServedSandbox, redirect_uri: str, *more: str) -> list[str]:
    return [
        "login",
        "--client-id",
        DEFAULT_CLIENT_ID,
        "--redirect-uri",
        redirect_uri,
        "--base-url",
        served.base_url("us"),
        "--timeout",
        "30",
        *more,
    ]


@pytest.fixture(scope="session")
def first_login(
    served: ServedSandbox,
    redirect_uri: str,
    browser: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[CliRunner, Ran]:
    """A configuration directory logged in through the loopback redirect, and that login's run."""
    runner = new_runner(tmp_path_factory.mktemp("config"), browser)
    return runner, runner.run(*login_args(served, redirect_uri))


@pytest.fixture
def cli(first_login: tuple[CliRunner, Ran]) -> CliRunner:
    runner, ran = first_login
    assert ran.code == 0, ran.stderr
    return runner
