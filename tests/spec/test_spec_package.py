"""fullscript.spec: the spec ships with the SDK, and another spec's breaking changes are named
the way users write them (``python -m fullscript.spec diff``)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fullscript.spec import SpecLoadError, breaking_changes, load_spec, shipped_spec

REPO = Path(__file__).resolve().parents[2]


def _changed(edit: Any) -> dict[str, Any]:
    spec = copy.deepcopy(shipped_spec())
    edit(spec)
    return spec


def _operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise LookupError(f"{operation_id} is not in the SDK's spec")


def test_the_sdk_ships_the_spec_it_was_generated_from() -> None:
    ours = json.loads((REPO / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    shipped = shipped_spec()
    assert set(shipped["paths"]) == set(ours["paths"])
    assert _operation(shipped, "list_orders")["x-fullscript-method"] == "list"


def test_the_same_spec_breaks_nothing() -> None:
    assert breaking_changes(shipped_spec(), shipped_spec()) == []


def test_a_renamed_query_parameter_names_the_keyword_users_pass() -> None:
    def rename(spec: dict[str, Any]) -> None:
        for parameter in _operation(spec, "list_orders")["parameters"]:
            if parameter.get("name") == "order_number":
                parameter["name"] = "number"

    changes = breaking_changes(shipped_spec(), _changed(rename))
    assert [change.names for change in changes] == [("fs.orders.list(order_number=...)",)]
    assert "renamed to number" in changes[0].change


def test_a_removed_field_names_the_model_and_the_webhook_events_carrying_it() -> None:
    changes = breaking_changes(
        shipped_spec(),
        _changed(lambda s: s["components"]["schemas"]["Order"]["properties"].pop("item_total")),
    )
    assert [change.names for change in changes] == [
        ("Order.item_total", "OrderPlaced.data.order.item_total")
    ]


def test_a_changed_type_and_a_removed_operation_are_breaking() -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Order"]["properties"]["order_number"] = {"type": "integer"}
        del spec["paths"]["/api/clinic/orders/{id}"]

    names = [change.names[0] for change in breaking_changes(shipped_spec(), _changed(edit))]
    assert "Order.order_number" in names
    assert "fs.orders.retrieve(...)" in names


def test_an_added_optional_field_or_operation_is_not_breaking() -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["Order"]["properties"]["gift_note"] = {"type": "string"}
        spec["paths"]["/api/clinic/orders/{id}/gift"] = {
            "get": {"operationId": "retrieve_order_gift", "responses": {"200": {}}}
        }

    assert breaking_changes(shipped_spec(), _changed(edit)) == []


def test_the_command_prints_breaking_changes_and_fails(tmp_path: Path) -> None:
    def rename(spec: dict[str, Any]) -> None:
        for parameter in _operation(spec, "list_orders")["parameters"]:
            if parameter.get("name") == "order_number":
                parameter["name"] = "number"

    other = tmp_path / "openapi.json"
    other.write_text(json.dumps(_changed(rename)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "fullscript.spec", "diff", str(other)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "fs.orders.list(order_number=...)" in done.stdout


def test_an_unreadable_spec_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SpecLoadError, match="cannot read"):
        load_spec(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(SpecLoadError, match="not an OpenAPI document"):
        load_spec(tmp_path / "bad.json")
