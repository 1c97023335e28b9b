"""Shared fixtures for the spec pipeline tests.

Generation takes a couple of seconds per run, so the published-spec client is generated once per
session and shared by every test that inspects it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
for _path in (_HERE, _HERE.parents[1] / "scripts"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from pipeline_support import PUBLISHED_SPEC, SHARED_DIR, run_script  # noqa: E402


@pytest.fixture(scope="session")
def published_spec_path() -> Path:
    """Fullscript's 2021 published file; skips only when ../shared is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not available")
    return PUBLISHED_SPEC


@pytest.fixture(scope="session")
def published_client(
    published_spec_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """(output dir, finished process) of one generate.py run on the published 2021 file."""
    out = tmp_path_factory.mktemp("published")
    result = run_script("generate.py", "--spec", str(published_spec_path), "--out", str(out))
    return out, result
