"""The pytest plugin: a fresh Fullscript sandbox, and a client bound to it, per test.

Installed with the ``[sandbox]`` extra and found by pytest through the ``pytest11`` entry point;
nothing to import or configure. A test asks for a fixture::

    async def test_sync_job(fullscript_client):
        patients = await fullscript_client.patients.list().to_list()
        assert len(patients) == 350

Fixtures: ``fullscript_sandbox`` (the stateful sandbox), ``fullscript_client`` (a `Fullscript`
on it, authorized, closed after the test), ``fullscript_grants`` (more clinics and regions),
``fullscript_served`` (the same sandbox on a loopback port), ``fullscript_webhooks`` (signed
deliveries, captured or sent to your app) and ``fullscript_time`` (the sandbox's clock, frozen
until the test moves it). ``@pytest.mark.fullscript(seed=..., patients=..., region=...,
rate_limit=..., token_ttl=..., faults=[...])`` sets a test's sandbox; the ``--fullscript-*``
command-line options set the defaults. docs/testing.md has the guide.

This module imports only pytest: the sandbox, the client and their dependencies load when a
fixture is first used, so a test run that never asks for one pays nothing.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from .keys import PARITY_SHAPES, SANDBOX_BOUND_FIXTURES, TARGETS

__all__ = [
    "pytest_addoption",
    "pytest_configure",
    "pytest_generate_tests",
    "pytest_terminal_summary",
]

# pytest registers the fixtures module as a plugin of its own, so its fixtures are listed there
# only once.
pytest_plugins = ["fullscript.pytest_plugin.fixtures"]

MARKER = (
    "fullscript(seed=0, patients=350, region='us', rate_limit='5000/300', token_ttl=7200, "
    "faults=[]): settings of the test's Fullscript sandbox (see docs/testing.md)"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("fullscript", "Fullscript sandbox (fullscript[sandbox])")
    group.addoption("--fullscript-seed", type=int, default=None, help="sandbox seed (default 0)")
    group.addoption(
        "--fullscript-patients", type=int, default=None, help="patients per region (default 350)"
    )
    group.addoption(
        "--fullscript-region", default=None, help="region of fullscript_client (default us)"
    )
    group.addoption(
        "--fullscript-rate-limit",
        default=None,
        help="sandbox rate limit N/SECONDS (default 5000/300)",
    )
    group.addoption(
        "--fullscript-faults",
        default=None,
        help="comma-separated fault presets applied to every test's sandbox",
    )
    group.addoption(
        "--fullscript-live",
        action="store_true",
        default=False,
        help="also run fullscript_client tests on Fullscript's sandbox and report differences "
        "(credentials from FULLSCRIPT_* environment variables, see docs/testing.md)",
    )
    group.addoption(
        "--fullscript-parity-report",
        default="fullscript-parity.json",
        help="where --fullscript-live writes its parity report (default fullscript-parity.json)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """With ``--fullscript-live``, a test that uses ``fullscript_client`` and nothing of the
    sandbox's own runs twice: on the sandbox and on Fullscript."""
    if not metafunc.config.getoption("fullscript_live"):
        return
    asked = set(inspect.signature(metafunc.function).parameters)
    if "fullscript_client" in asked and not asked & SANDBOX_BOUND_FIXTURES:
        metafunc.parametrize("fullscript_target", TARGETS, indirect=True)


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """Compare the two sides' answers and write the parity report."""
    shapes = config.stash.get(PARITY_SHAPES, None)
    if not config.getoption("fullscript_live") or shapes is None:
        return
    from .parity import compare

    report = compare(shapes.get("sandbox", {}), shapes.get("fullscript", {}))
    path = Path(config.getoption("fullscript_parity_report"))
    path.write_text(json.dumps(report.to_dict(), indent=2) + "\n")
    terminalreporter.write_sep("=", "Fullscript parity")
    terminalreporter.write_line(report.render())
    terminalreporter.write_line(f"report written to {path}")
