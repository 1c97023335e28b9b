"""Fixtures for the packaging tests: the SDK installed as a user installs it.

`clean_install` is ``pip install .`` with no extras into a fresh virtualenv, made with the
project's pinned uv (``.tools/bin/uv``, which ``make install`` provides). It needs the package
index (or uv's cache) for httpx2 and attrs, as any user's install does; the test fails, rather
than skips, when that is not available.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS_DIR = REPO_ROOT / "scripts"
if str(SCRIPTS_DIR) not in sys.path:
    sys.path.insert(0, str(SCRIPTS_DIR))

from benchmarks.clean_venv import make_venv  # noqa: E402


@pytest.fixture(scope="session")
def clean_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The interpreter of a fresh virtualenv holding ``pip install .`` (no extras) only."""
    return make_venv(tmp_path_factory.mktemp("clean-install") / "venv", REPO_ROOT)
