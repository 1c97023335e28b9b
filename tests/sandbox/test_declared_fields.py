"""fill_declared_fields: a field a new spec adds appears in the sandbox's answers."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from fullscript.sandbox import Sandbox
from fullscript.sandbox.web import declared_fields
from fullscript.spec import shipped_spec

from .conftest import FakeTime


@pytest.fixture
def spec_with_new_order_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK's spec plus two optional Order fields the sandbox knows nothing about."""
    spec: dict[str, Any] = copy.deepcopy(shipped_spec())
    properties = spec["components"]["schemas"]["Order"]["properties"]
    properties["gift_note"] = {"type": "string", "nullable": True, "example": "Happy birthday"}
    properties["carrier"] = {"type": "string", "nullable": True}
    monkeypatch.setattr(declared_fields, "_spec", lambda: spec)


async def test_a_new_optional_field_is_produced_from_its_example_or_null(
    spec_with_new_order_fields: None, fake_time: FakeTime
) -> None:
    sandbox = Sandbox(seed=7, clock=fake_time, fill_declared_fields=True)
    order_id = sandbox.records("us", "orders")[0]["id"]
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        one = (await http.get(f"/api/clinic/orders/{order_id}")).json()["order"]
        listed = (await http.get("/api/clinic/orders")).json()["orders"]
    assert (one["gift_note"], one["carrier"]) == ("Happy birthday", None)
    assert all(order["gift_note"] == "Happy birthday" for order in listed)


async def test_without_the_setting_answers_hold_only_what_the_sandbox_knows(
    spec_with_new_order_fields: None, fake_time: FakeTime
) -> None:
    sandbox = Sandbox(seed=7, clock=fake_time)
    order_id = sandbox.records("us", "orders")[0]["id"]
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        one = (await http.get(f"/api/clinic/orders/{order_id}")).json()["order"]
    assert "gift_note" not in one and "carrier" not in one
