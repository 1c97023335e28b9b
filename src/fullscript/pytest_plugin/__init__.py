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

import pytest

from .fixtures import (
    fullscript_client,
    fullscript_grants,
    fullscript_options,
    fullscript_sandbox,
    fullscript_served,
    fullscript_time,
    fullscript_webhooks,
)

__all__ = [
    "fullscript_client",
    "fullscript_grants",
    "fullscript_options",
    "fullscript_sandbox",
    "fullscript_served",
    "fullscript_time",
    "fullscript_webhooks",
    "pytest_addoption",
    "pytest_configure",
]

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)
