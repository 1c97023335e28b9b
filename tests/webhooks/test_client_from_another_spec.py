"""A client generated from another spec (without some models) keeps the webhooks importable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types
from typing import Any

import pytest

from fullscript.webhooks import LabOrderUpdated, UnknownEvent, parse_event

LAB_ORDER_EVENT = {
    "id": "ev-lab",
    "type": "lab_order.updated",
    "data": {"lab_order": {"id": "lo-1", "status": "processing"}},
}
MISSING = ("LabOrder", "ListLabOrderEventsSortBy")

# The generated models module of a spec without the lab models (it loads models lazily, so
# deleting an attribute is not enough: the stand-in refuses the names).
PARTIAL_MODELS = f"""
import sys, types
import fullscript_api, fullscript_api.models as real

class PartialModels(types.ModuleType):
    def __getattr__(self, name):
        if name in {MISSING!r}:
            raise AttributeError(name)
        return getattr(real, name)

sys.modules["fullscript_api.models"] = fullscript_api.models = PartialModels("fullscript_api.models")
"""


def test_webhooks_and_the_sandbox_import_without_the_event_models() -> None:
    script = PARTIAL_MODELS + textwrap.dedent(
        f"""
        import fullscript.webhooks, fullscript.sandbox
        event = fullscript.webhooks.parse_event({LAB_ORDER_EVENT!r})
        print(type(event).__name__, event.reason)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "UnknownEvent the generated client has no model LabOrder"


def test_an_event_whose_model_is_missing_becomes_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    import fullscript_api.models as real

    class PartialModels(types.ModuleType):
        def __getattr__(self, name: str) -> Any:
            if name in MISSING:
                raise AttributeError(name)
            return getattr(real, name)

    assert isinstance(parse_event(LAB_ORDER_EVENT), LabOrderUpdated)
    monkeypatch.setitem(
        sys.modules, "fullscript_api.models", PartialModels("fullscript_api.models")
    )
    event = parse_event(LAB_ORDER_EVENT)
    assert isinstance(event, UnknownEvent)
    assert "LabOrder" in event.reason
