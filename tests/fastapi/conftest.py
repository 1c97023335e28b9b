"""Fixtures for the FastAPI tests: the in-process sandbox (helpers in app_support)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
for path in (_HERE, _HERE.parent / "webhooks", _HERE.parents[1]):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from webhook_support import START, FakeTime  # noqa: E402

from fullscript.sandbox import Sandbox  # noqa: E402


@pytest.fixture
def sandbox_time() -> FakeTime:
    return FakeTime(START)


@pytest.fixture
def sandbox(sandbox_time: FakeTime) -> Sandbox:
    return Sandbox(seed=5, patients=30, clock=sandbox_time)
