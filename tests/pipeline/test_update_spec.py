"""make update-spec: one command adopts a changed spec and says what is left to do.

Each case applies one change to a copy of our spec and runs scripts/update_spec.py on it, into
temporary copies of openapi/openapi.json and generated/ (the repository is never touched).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from pipeline_support import OUR_SPEC, SCRIPTS_DIR


def _adopt(tmp_path: Path, edit: Any) -> tuple[subprocess.CompletedProcess[str], Path]:
    current = tmp_path / "openapi.json"
    current.write_text(OUR_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    new_spec = copy.deepcopy(json.loads(OUR_SPEC.read_text(encoding="utf-8")))
    edit(new_spec)
    new = tmp_path / "new-openapi.json"
    new.write_text(json.dumps(new_spec), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS_DIR / "update_spec.py"),
            str(new),
            "--spec-out",
            str(current),
            "--out",
            str(tmp_path / "generated"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(current.read_text(encoding="utf-8")) == new_spec  # adopted
    return done, tmp_path / "generated" / "fullscript_api"


def test_a_new_operation_is_adopted_generated_and_reported_missing_in_the_sandbox(
    tmp_path: Path,
) -> None:
    def add_operation(spec: dict[str, Any]) -> None:
        spec["paths"]["/api/clinic/orders/{id}/gift_note"] = {
            "get": {
                "operationId": "retrieve_order_gift_note",
                "summary": "Retrieve an order's gift note",
                "tags": ["Orders"],
                "parameters": [{"name": "id", "in": "path", "required": True,
                                "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The note.", "content": {
                    "application/json": {"schema": {"type": "object", "properties": {
                        "gift_note": {"type": "string"}}}}}}},
            }
        }  # fmt: skip

    done, package = _adopt(tmp_path, add_operation)

    assert "retrieve_order_gift_note" in (package / "operations.py").read_text(encoding="utf-8")
    assert "GET /api/clinic/orders/{id}/gift_note" in done.stdout  # what changed for users
    assert (
        "retrieve_order_gift_note (GET /api/clinic/orders/{id}/gift_note) has no handler and "
        "answers 501: add a handler function in src/fullscript/sandbox/handlers/"
    ) in done.stdout


def test_a_renamed_query_parameter_is_breaking_and_names_the_handler_to_change(
    tmp_path: Path,
) -> None:
    def rename(spec: dict[str, Any]) -> None:
        for parameter in spec["paths"]["/api/clinic/orders"]["get"]["parameters"]:
            if parameter.get("name") == "order_number":
                parameter["name"] = "number"

    done, package = _adopt(tmp_path, rename)

    assert '"number"' in (package / "operations.py").read_text(encoding="utf-8")
    assert "order_number" in done.stdout and "BREAKING" in done.stdout.upper()
    assert "list_orders declares query parameter(s) number" in done.stdout
    assert "src/fullscript/sandbox/handlers/orders.py never reads" in done.stdout


def test_generating_generated_from_an_unadopted_spec_says_how_to_adopt_it(
    tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    import generate

    other = tmp_path / "other.json"
    other.write_text(OUR_SPEC.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(generate, "DEFAULT_OUT", tmp_path / "generated")

    assert generate.main(["--spec", str(other), "--out", str(tmp_path / "generated")]) == 0

    printed = capsys.readouterr().out
    assert "openapi/openapi.json is unchanged" in printed
    assert f"make update-spec NEW={other}" in printed
