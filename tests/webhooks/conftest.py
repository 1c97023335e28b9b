"""Fixtures for the webhook tests: a sandbox on a fixed clock (helpers in webhook_support)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from webhook_support import START, FakeTime

from fullscript.sandbox import Sandbox


@pytest.fixture
def sandbox_time() -> FakeTime:
    return FakeTime(START)


@pytest.fixture
def sandbox(sandbox_time: FakeTime) -> Sandbox:
    return Sandbox(seed=3, patients=40, clock=sandbox_time)
