"""Where the plugin keeps session-wide state on the pytest config (imports only pytest)."""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["PARITY_SHAPES", "SANDBOX_BOUND_FIXTURES", "TARGETS"]

#: The answer shapes recorded per target ("sandbox", "fullscript"), for the parity report.
PARITY_SHAPES = pytest.StashKey[dict[str, dict[str, Any]]]()
#: What ``fullscript_client`` talks to in a ``--fullscript-live`` run.
TARGETS = ("sandbox", "fullscript")
#: Fixtures that reach into the sandbox: a test using one cannot run against Fullscript.
SANDBOX_BOUND_FIXTURES = frozenset(
    {
        "fullscript_sandbox",
        "fullscript_served",
        "fullscript_webhooks",
        "fullscript_time",
        "fullscript_grants",
    }
)
