"""The spec and the sandbox stay in step: every documented operation is routed and handled, and
one the sandbox does not handle answers 501 naming it. Failures say what to add where.

The sandbox's operation table comes from the generated package (``fullscript_api.operations``),
so an operation added to the spec is routed once the package is regenerated."""

from __future__ import annotations

import copy
import importlib
import sys
import types
from pathlib import Path
from typing import Any

import httpx2
import pytest
from support.spec_pipeline import generate_package

from fullscript.sandbox import OPERATIONS, IssuedToken, Operation, Sandbox, SandboxTransport
from fullscript.sandbox.handlers.registry import handler_groups, handlers_for
from fullscript.sandbox.operations import operation_table
from fullscript.sandbox.state.records import EVENT_TYPES, event_category
from fullscript.sandbox.web.app import build_app

HANDLERS_PACKAGE = "src/fullscript/sandbox/handlers"


def _documented(checker: Any) -> dict[str, tuple[str, str]]:
    """operationId -> (METHOD, path relative to /api) for every operation of the spec."""
    return {
        op_id: (method, path.removeprefix("/api"))
        for op_id, (method, path, _) in checker.operations.items()
    }


def _group_for(path: str, sandbox: Sandbox) -> str:
    """The handlers module serving the documented path that shares the most segments with
    ``path``: where a new operation's handler most likely belongs."""
    handled = {
        op_id: group
        for group, handlers in handler_groups(sandbox.oauth).items()
        for op_id in handlers
    }
    segments = path.strip("/").split("/")

    def shared(op: Operation) -> int:
        count = 0
        for mine, theirs in zip(segments, op.path.strip("/").split("/"), strict=False):
            if mine != theirs:
                break
            count += 1
        return count

    best = max((op for op in OPERATIONS if op.operation_id in handled), key=shared)
    return handled[best.operation_id]


def test_every_operation_of_the_spec_is_in_the_sandbox_operation_table(
    checker: Any, sandbox: Sandbox
) -> None:
    known = {op.operation_id: (op.method, op.path) for op in OPERATIONS}
    problems = [
        f"operation {op_id} ({method} /api{path}) is in openapi/openapi.json but not routed by "
        f"the sandbox: run `make generate` (the sandbox reads fullscript_api.operations), then "
        f"add a handler in {HANDLERS_PACKAGE}/{_group_for(path, sandbox)}.py"
        for op_id, (method, path) in sorted(_documented(checker).items())
        if known.get(op_id) != (method, path)
    ]
    assert not problems, "\n".join(problems)


def test_every_operation_the_sandbox_routes_is_in_the_spec(checker: Any) -> None:
    documented = _documented(checker)
    problems = [
        f"operation {op.operation_id} ({op.method} /api{op.path}) is routed by the sandbox but "
        f"not in openapi/openapi.json (removed or renamed?): run `make generate` and remove "
        f"its handler from {HANDLERS_PACKAGE}/"
        for op in OPERATIONS
        if documented.get(op.operation_id) != (op.method, op.path)
    ]
    assert not problems, "\n".join(problems)


def test_every_operation_of_the_spec_has_a_sandbox_handler(checker: Any, sandbox: Sandbox) -> None:
    handlers = handlers_for(sandbox.oauth)
    problems = [
        f"operation {op_id} ({method} /api{path}) has no sandbox handler, so it answers 501: "
        f"add one in {HANDLERS_PACKAGE}/{_group_for(path, sandbox)}.py"
        for op_id, (method, path) in sorted(_documented(checker).items())
        if op_id not in handlers
    ]
    assert not problems, "\n".join(problems)


def test_every_sandbox_handler_serves_an_operation_of_the_spec(
    checker: Any, sandbox: Sandbox
) -> None:
    documented = _documented(checker)
    stale = [
        f"{group}.py has a handler for {op_id}, which is not in openapi/openapi.json: remove it"
        for group, handlers in handler_groups(sandbox.oauth).items()
        for op_id in handlers
        if op_id not in documented
    ]
    assert not stale, "\n".join(stale)


def test_no_operation_has_handlers_in_two_groups(sandbox: Sandbox) -> None:
    seen: dict[str, str] = {}
    twice = []
    for group, handlers in handler_groups(sandbox.oauth).items():
        for op_id in handlers:
            if op_id in seen:
                twice.append(f"{op_id} is handled in both {seen[op_id]}.py and {group}.py")
            seen[op_id] = group
    assert not twice, "\n".join(twice)


def _client_without(sandbox: Sandbox, *operation_ids: str) -> httpx2.AsyncClient:
    handlers = {
        op_id: handler
        for op_id, handler in handlers_for(sandbox.oauth).items()
        if op_id not in operation_ids
    }
    return httpx2.AsyncClient(
        transport=SandboxTransport(build_app(sandbox, handlers)), base_url=sandbox.base_url("us")
    )


async def test_an_operation_without_a_handler_answers_501_naming_it(
    sandbox: Sandbox, token: IssuedToken
) -> None:
    async with _client_without(sandbox, "list_brands", "update_patient") as http:
        http.headers["Authorization"] = token.authorization
        listed = await http.get("/api/catalog/brands")
        patient_id = sandbox.records("us", "patients")[0]["id"]
        updated = await http.patch(f"/api/clinic/patients/{patient_id}", json={"patient": {}})
    assert listed.status_code == 501
    assert listed.json()["operation"] == "list_brands"
    assert "list_brands (GET /api/catalog/brands)" in listed.json()["message"]
    assert updated.status_code == 501
    assert "update_patient (PATCH /api/clinic/patients/{id})" in updated.json()["message"]
    assert listed.headers["x-request-id"]


async def test_the_other_operations_answer_as_usual_beside_an_unimplemented_one(
    sandbox: Sandbox, token: IssuedToken
) -> None:
    async with _client_without(sandbox, "list_brands") as http:
        http.headers["Authorization"] = token.authorization
        brand_id = sandbox.records("us", "brands")[0]["id"]
        retrieved = await http.get(f"/api/catalog/brands/{brand_id}")
        unknown_path = await http.get("/api/catalog/no_such_thing")
    assert retrieved.status_code == 200
    assert retrieved.json()["brand"]["id"] == brand_id
    assert unknown_path.status_code == 404  # only documented operations answer 501


async def test_an_unimplemented_operation_still_requires_a_token(sandbox: Sandbox) -> None:
    async with _client_without(sandbox, "list_brands") as http:
        answer = await http.get("/api/catalog/brands")
    assert answer.status_code == 401


def _operation_table_generated_from(spec: dict[str, Any], directory: Path) -> tuple[Operation, ...]:
    """The sandbox table built from the package the pipeline generates from ``spec``.

    Only the generated table and its row type are loaded (as package ``spec_copy``), so the
    installed ``fullscript_api`` stays untouched.
    """
    out = generate_package(spec, directory)
    package = types.ModuleType("spec_copy")
    package.__path__ = [str(out / "fullscript_api")]
    sys.modules["spec_copy"] = package
    try:
        table = importlib.import_module("spec_copy.operations").OPERATIONS
    finally:
        for name in [n for n in sys.modules if n == "spec_copy" or n.startswith("spec_copy.")]:
            del sys.modules[name]
    return operation_table(table)


@pytest.mark.slow
async def test_an_operation_added_to_the_spec_is_routed_and_answers_501_naming_it(
    spec: dict[str, Any], sandbox: Sandbox, token: IssuedToken, tmp_path: Path
) -> None:
    grown = copy.deepcopy(spec)
    listing = copy.deepcopy(grown["paths"]["/api/catalog/brands"]["get"])
    listing.update(operationId="list_brand_awards", summary="List all brand awards")
    grown["paths"]["/api/catalog/brand_awards"] = {"get": listing}

    operations = _operation_table_generated_from(grown, tmp_path)
    app = build_app(sandbox, operations=operations)
    async with httpx2.AsyncClient(
        transport=SandboxTransport(app), base_url=sandbox.base_url("us")
    ) as http:
        http.headers["Authorization"] = token.authorization
        answer = await http.get("/api/catalog/brand_awards")
        brands = await http.get("/api/catalog/brands")

    assert answer.status_code == 501
    assert answer.json()["operation"] == "list_brand_awards"
    assert "list_brand_awards (GET /api/catalog/brand_awards)" in answer.json()["message"]
    assert brands.status_code == 200


def test_the_table_routes_static_paths_before_parameterised_siblings() -> None:
    paths = [op.path for op in OPERATIONS]
    for index, path in enumerate(paths):
        parent, _, last = path.rpartition("/")
        if last.startswith("{"):
            later_static = [
                p
                for p in paths[index + 1 :]
                if p.rpartition("/")[0] == parent and not p.rpartition("/")[2].startswith("{")
            ]
            assert not later_static, f"{later_static} come after {path}"


def test_each_event_list_takes_the_event_types_the_spec_lists_for_it(spec: dict[str, Any]) -> None:
    for path, item in spec["paths"].items():
        category = path.removeprefix("/api/events/")
        parameters = (item.get("get") or {}).get("parameters") or []
        for parameter in parameters:
            if parameter.get("name") != "event_type":
                continue
            served = {t for t in EVENT_TYPES if event_category(t) == category}
            assert served == set(parameter["schema"]["enum"]), path


def test_every_declared_query_parameter_is_read_by_its_handler() -> None:
    from fullscript.sandbox.coverage import sandbox_gaps

    gaps = sandbox_gaps()
    assert gaps == [], "the sandbox does not serve all the spec declares:\n" + "\n".join(gaps)


def test_a_renamed_query_parameter_is_a_gap_naming_the_handler_and_the_next_step() -> None:
    import attrs

    from fullscript.sandbox.coverage import sandbox_gaps

    # The spec renamed order_number to number; the handler still reads order_number.
    renamed = [
        attrs.evolve(
            op,
            query_parameters=tuple(
                "number" if name == "order_number" else name for name in op.query_parameters
            ),
        )
        if op.operation_id == "list_orders"
        else op
        for op in OPERATIONS
    ]

    gaps = sandbox_gaps(renamed)

    assert len(gaps) == 1
    assert "list_orders declares query parameter(s) number" in gaps[0]
    assert f"{HANDLERS_PACKAGE}/orders.py" in gaps[0] and "list_orders" in gaps[0]
