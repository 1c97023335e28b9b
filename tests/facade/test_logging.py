"""Logs carry no query values or bodies; FULLSCRIPT_LOG turns on the SDK's logging."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap

import pytest
from fullscript_api.models import PatientCreateRequest

from fullscript import Fullscript
from fullscript.sandbox import Sandbox

LOGGERS = ("", "fullscript", "httpx2", "httpcore2")


async def test_search_terms_and_bodies_stay_out_of_every_log(
    fs: Fullscript, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    sandbox.faults.error(503, operation_id="search_patients", times=1)  # a retry is logged too
    await fs.patients.search(query="Maya Lindqvist").to_list()
    await fs.patients.create(
        body=PatientCreateRequest(email="quiet@example.org", first_name="Quinn", last_name="Zed")
    )
    assert "/api/clinic/search/patients" in caplog.text  # the request line is still there
    assert "Retrying GET" in caplog.text
    for private in ("Maya", "Lindqvist", "query=", "quiet@example.org", "Quinn"):
        assert private not in caplog.text
        assert all(private not in str(record.args) for record in caplog.records)


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


SCRIPT = """
    import asyncio
    from fullscript import Fullscript, OAuthToken, Region
    from fullscript.sandbox import (
        DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI, Sandbox,
    )

    async def main():
        sandbox = Sandbox(seed=1)
        issued = sandbox.issue_token("us")
        token = OAuthToken(access_token=issued.access_token, refresh_token=issued.refresh_token,
                           region="us")
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        async with Fullscript(
            client_id=DEFAULT_CLIENT_ID, client_secret=DEFAULT_CLIENT_SECRET,
            redirect_uri=DEFAULT_REDIRECT_URI, token=token,
            region=Region.US.with_base_url(sandbox.base_url("us")),
            transport=sandbox.transport(),
        ) as fs:
            await fs.clinic.retrieve()

    asyncio.run(main())
"""


def test_fullscript_log_turns_on_the_sdk_logging() -> None:
    assert "fullscript" not in _run(SCRIPT).stderr  # unset: the application decides
    debug = _run(SCRIPT, FULLSCRIPT_LOG="debug").stderr
    assert "api/clinic -> 200" in debug
    assert "Retrying GET /us/api/clinic" in debug
    info = _run(SCRIPT, FULLSCRIPT_LOG="info").stderr
    assert "DEBUG" not in info and "Retrying" not in info
