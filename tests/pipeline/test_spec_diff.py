"""spec_diff reports operation, parameter and field changes and flags the breaking ones."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from pipeline_support import OUR_SPEC, minimal_spec, run_make, run_script
from specpipe.diffing import Change, diff_specs


def base_spec() -> dict[str, Any]:
    """Two operations: a paginated patient list and a patient create, sharing a Patient schema."""
    patient = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "email": {"type": "string"},
            "gender": {"type": "string", "enum": ["male", "female", "x"]},
            "address": {"$ref": "#/components/schemas/Address"},
        },
    }
    address = {"type": "object", "properties": {"city": {"type": "string"}}}
    list_body = {
        "type": "object",
        "properties": {
            "patients": {"type": "array", "items": {"$ref": "#/components/schemas/Patient"}},
            "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
        },
    }
    create_request = {
        "type": "object",
        "required": ["patient"],
        "properties": {
            "patient": {
                "type": "object",
                "required": ["email"],
                "properties": {"email": {"type": "string"}, "mobile": {"type": "string"}},
            }
        },
    }
    single_body = {
        "type": "object",
        "properties": {"patient": {"$ref": "#/components/schemas/Patient"}},
    }
    return minimal_spec(
        {
            "/api/clinic/patients": {
                "get": {
                    "operationId": "list_patients",
                    "tags": ["Patients"],
                    "parameters": [
                        {
                            "name": "patient_type",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["all", "dependent"]},
                        },
                        {"name": "page[number]", "in": "query", "schema": {"type": "integer"}},
                        {"name": "page[size]", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": {"200": json_response(list_body)},
                },
                "post": {
                    "operationId": "create_patient",
                    "tags": ["Patients"],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": create_request}},
                    },
                    "responses": {"201": json_response(single_body)},
                },
            }
        },
        security=[{"bearerAuth": []}],
        components={
            "schemas": {"Patient": patient, "Address": address},
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    )


def json_response(schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def list_op(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/api/clinic/patients"]["get"]


def create_op(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/api/clinic/patients"]["post"]


def find(changes: list[Change], kind: str, subject: str) -> list[Change]:
    return [c for c in changes if c.kind == kind and c.subject == subject]


def one(changes: list[Change], kind: str, subject: str) -> Change:
    found = find(changes, kind, subject)
    assert len(found) == 1, changes
    return found[0]


def test_identical_specs_have_no_changes() -> None:
    assert diff_specs(base_spec(), base_spec()) == []


def test_removed_operation_is_breaking_and_added_is_not() -> None:
    old, new = base_spec(), base_spec()
    del new["paths"]["/api/clinic/patients"]["post"]
    new["paths"]["/api/clinic/staff"] = {"get": copy.deepcopy(list_op(old))}

    changes = diff_specs(old, new)

    removed = [c for c in changes if c.kind == "operation" and c.change == "removed"]
    added = [c for c in changes if c.kind == "operation" and c.change == "added"]
    assert [(c.operation, c.breaking) for c in removed] == [("POST /api/clinic/patients", True)]
    assert [(c.operation, c.breaking) for c in added] == [("GET /api/clinic/staff", False)]


def test_renamed_path_parameter_is_not_a_removal() -> None:
    old, new = base_spec(), base_spec()
    op = {"operationId": "retrieve_patient", "responses": {"200": json_response({})}}
    old["paths"]["/api/clinic/patients/{id}"] = {"get": op}
    new["paths"]["/api/clinic/patients/{patient_id}"] = {"get": copy.deepcopy(op)}

    assert diff_specs(old, new) == []


def test_parameter_changes() -> None:
    old, new = base_spec(), base_spec()
    params = list_op(new)["parameters"]
    params[0]["schema"]["enum"] = ["all", "guardian"]  # "dependent" removed, "guardian" added
    params[1]["required"] = True
    params.remove(params[2])
    params.append({"name": "sort_by", "in": "query", "schema": {"type": "string"}})
    params.append({"name": "region", "in": "query", "required": True, "schema": {"type": "string"}})

    changes = diff_specs(old, new)

    enum_changes = find(changes, "parameter", "query patient_type")
    assert ("enum values removed: dependent", True) in [
        (c.detail, c.breaking) for c in enum_changes
    ]
    assert ("enum values added: guardian", False) in [(c.detail, c.breaking) for c in enum_changes]
    assert one(changes, "parameter", "query page[number]").detail == "now required"
    assert one(changes, "parameter", "query page[number]").breaking
    assert one(changes, "parameter", "query page[size]").change == "removed"
    assert one(changes, "parameter", "query page[size]").breaking
    assert not one(changes, "parameter", "query sort_by").breaking
    assert one(changes, "parameter", "query region").breaking


def test_request_enum_value_added_is_not_breaking_and_removed_is() -> None:
    old, new = base_spec(), base_spec()
    for spec, values in ((old, ["new", "returning"]), (new, ["new", "vip"])):
        fields = create_op(spec)["requestBody"]["content"]["application/json"]["schema"]
        fields["properties"]["patient"]["properties"]["kind"] = {"type": "string", "enum": values}

    changes = find(diff_specs(old, new), "request field", "patient.kind")

    # Request enums stay closed, so only a value that is gone breaks code that sends it; the
    # added value gets no note about unknown members (those are read, never sent).
    assert [(c.detail, c.breaking) for c in changes] == [
        ("enum values removed: returning", True),
        ("enum values added: vip", False),
    ]
    assert "AttributeError" in changes[0].impact and changes[1].impact == ""


def test_parameter_type_change_is_breaking() -> None:
    old, new = base_spec(), base_spec()
    list_op(new)["parameters"][1]["schema"] = {"type": "string"}

    change = one(diff_specs(old, new), "parameter", "query page[number]")

    assert change.detail == "type integer -> string" and change.breaking


def test_request_field_changes() -> None:
    old, new = base_spec(), base_spec()
    fields = create_op(new)["requestBody"]["content"]["application/json"]["schema"]["properties"]
    patient = fields["patient"]
    patient["required"] = ["email", "mobile"]
    patient["properties"]["date_of_birth"] = {"type": "string", "format": "date"}
    patient["properties"]["tags"] = {"type": "array", "items": {"type": "string"}}
    patient["required"].append("tags")

    changes = diff_specs(old, new)

    assert one(changes, "request field", "patient.mobile").detail == "now required"
    assert one(changes, "request field", "patient.mobile").breaking
    assert not one(changes, "request field", "patient.date_of_birth").breaking
    assert one(changes, "request field", "patient.tags").detail == "required field added"
    assert one(changes, "request field", "patient.tags").breaking


def test_response_fields_are_followed_through_refs_with_dotted_paths() -> None:
    old, new = base_spec(), base_spec()
    schemas = new["components"]["schemas"]
    schemas["Address"]["properties"]["city"] = {"type": "integer"}
    schemas["Address"]["properties"]["zip"] = {"type": "string"}
    del schemas["Patient"]["properties"]["email"]
    schemas["Patient"]["properties"]["gender"]["enum"] = ["male", "female"]

    changes = diff_specs(old, new)

    city = find(changes, "response field", "patients[].address.city")
    assert [(c.detail, c.breaking) for c in city] == [("type string -> integer", True)]
    assert one(changes, "response field", "patients[].email").change == "removed"
    assert one(changes, "response field", "patients[].email").breaking
    assert one(changes, "response field", "patient.email").breaking  # via create's response
    assert not one(changes, "response field", "patients[].address.zip").breaking
    gender = one(changes, "response field", "patients[].gender")
    assert gender.detail == "enum values removed: x" and gender.breaking


def test_wrapper_key_change_is_breaking_and_inner_fields_are_matched() -> None:
    old, new = base_spec(), base_spec()
    body = create_op(new)["responses"]["201"]["content"]["application/json"]["schema"]
    body["properties"] = {"patient_record": body["properties"]["patient"]}

    changes = [c for c in diff_specs(old, new) if c.operation_id == "create_patient"]

    assert [(c.kind, c.detail, c.breaking) for c in changes] == [
        ("response", "wrapper key patient -> patient_record", True)
    ]


def test_nested_additions_are_reported_once() -> None:
    old, new = base_spec(), base_spec()
    new["components"]["schemas"]["Patient"]["properties"]["clinic"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
    }

    changes = find(diff_specs(old, new), "response field", "patients[].clinic")

    assert [c.detail for c in changes] == ["field added (with 2 nested fields)"]


def write(tmp_path: Path, name: str, spec: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(spec))
    return path


def breaking_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = base_spec(), base_spec()
    del new["paths"]["/api/clinic/patients"]["post"]
    return write(tmp_path, "old.json", old), write(tmp_path, "new.json", new)


def test_cli_text_report_flags_breaking(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path)

    result = run_script("spec_diff.py", str(old), str(new))

    assert result.returncode == 0
    assert "1 breaking change(s)" in result.stdout
    assert "BREAKING  operation removed" in result.stdout
    assert "POST /api/clinic/patients (create_patient)" in result.stdout


def test_cli_fail_on_breaking_exits_1(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path)

    assert run_script("spec_diff.py", str(old), str(new), "--fail-on-breaking").returncode == 1
    assert run_script("spec_diff.py", str(old), str(old), "--fail-on-breaking").returncode == 0


def test_cli_json_output(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path)

    report = json.loads(run_script("spec_diff.py", str(old), str(new), "--json").stdout)

    assert report["summary"]["breaking"] == 1
    assert report["summary"]["operations_removed"] == 1
    assert report["changes"][0] == {
        "kind": "operation",
        "change": "removed",
        "operation": "POST /api/clinic/patients",
        "operation_id": "create_patient",
        "subject": "",
        "detail": "operation removed",
        "breaking": True,
        "schema": "",
        "schema_field": "",
        "impact": "`fs.patients.create(...)` raises AttributeError; "
        "`import fullscript_api.api.patients.create_patient` raises ModuleNotFoundError",
    }
    assert report["schema_changes"] == []


def test_cli_unreachable_url_gives_clear_message(tmp_path: Path) -> None:
    old = write(tmp_path, "old.json", base_spec())

    # Port 9 on loopback (discard) refuses connections: no traffic leaves the machine.
    result = run_script("spec_diff.py", str(old), "http://127.0.0.1:9/openapi.json")

    assert result.returncode == 2
    assert "cannot fetch spec from http://127.0.0.1:9/openapi.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_specs_are_normalised_before_comparison(tmp_path: Path) -> None:
    """A spec without operationIds/page params compares cleanly against its repaired self."""
    raw = base_spec()
    for op in (list_op(raw), create_op(raw)):
        del op["operationId"]
        op["summary"] = "List all patients" if op is list_op(raw) else "Create a patient"
    list_op(raw)["parameters"] = list_op(raw)["parameters"][:1]
    repaired = base_spec()

    result = run_script(
        "spec_diff.py",
        str(write(tmp_path, "raw.json", raw)),
        str(write(tmp_path, "ok.json", repaired)),
    )

    assert "0 breaking change(s)" in result.stdout, result.stdout


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json not written yet")
def test_our_spec_against_a_copy_missing_one_operation(tmp_path: Path) -> None:
    spec = json.loads(OUR_SPEC.read_text())
    reduced = copy.deepcopy(spec)
    path = next(iter(reduced["paths"]))
    del reduced["paths"][path]

    changes = diff_specs(spec, reduced)

    assert changes
    assert all(c.kind == "operation" and c.change == "removed" and c.breaking for c in changes)


def modified_copy_of_our_spec() -> dict[str, Any]:
    """Our spec with one change of each kind a regeneration has to care about."""
    spec = json.loads(OUR_SPEC.read_text())
    schemas = spec["components"]["schemas"]
    del spec["paths"]["/api/clinic/staff/{id}"]["patch"]  # operation removed
    del schemas["Patient"]["properties"]["mobile_number"]  # response field removed
    schemas["Patient"]["properties"]["pronouns"] = {"type": "string", "nullable": True}
    schemas["Gender"]["enum"] = ["male", "female"]  # enum value removed
    schemas["PatientCreateRequest"]["required"].append("date_of_birth")  # now required
    spec["paths"]["/api/clinic/patients"]["get"]["parameters"].append(
        {"name": "archived", "in": "query", "schema": {"type": "string"}}
    )
    return spec


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json not written yet")
def test_cli_compares_our_spec_with_a_modified_copy_served_over_http(
    served_dir: tuple[str, Path],
) -> None:
    base, directory = served_dir
    (directory / "openapi.json").write_text(json.dumps(modified_copy_of_our_spec()))
    url = f"{base}/openapi.json"

    result = run_script("spec_diff.py", str(OUR_SPEC), url, "--json", "--fail-on-breaking")

    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["new"] == url
    found = {
        (c["operation_id"], c["kind"], c["change"], c["subject"], c["breaking"])
        for c in report["changes"]
    }
    assert {
        ("update_staff", "operation", "removed", "", True),
        ("retrieve_patient", "response field", "removed", "patient.mobile_number", True),
        ("retrieve_patient", "response field", "added", "patient.pronouns", False),
        ("create_patient", "request field", "changed", "date_of_birth", True),
        ("list_patients", "parameter", "added", "query archived", False),
    } <= found
    gender = [
        c
        for c in report["changes"]
        if c["operation_id"] == "create_patient" and c["subject"] == "gender"
    ]
    assert [(c["detail"], c["breaking"]) for c in gender] == [("enum values removed: x", True)]
    assert report["summary"]["operations_removed"] == 1


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json not written yet")
def test_make_spec_diff_prints_the_text_report_for_a_url(served_dir: tuple[str, Path]) -> None:
    base, directory = served_dir
    (directory / "openapi.json").write_text(json.dumps(modified_copy_of_our_spec()))

    result = run_make("spec-diff", f"NEW={base}/openapi.json", f"PY={sys.executable}")

    assert result.returncode == 0, result.stderr
    assert f"Spec changes: openapi/openapi.json -> {base}/openapi.json" in result.stdout
    assert "1 removed" in result.stdout
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "BREAKING operation removed PATCH /api/clinic/staff/{id} (update_staff)" in lines
    patient = lines.index("Patient (shared schema)")
    assert lines[patient + 1] == "BREAKING response field mobile_number: field removed"
    assert lines[patient + 2].startswith("in 9 operations: create_gateway_treatment_plan_link,")
    gender = lines.index("Gender (shared schema)")
    assert lines[gender + 1] == "BREAKING request field: enum values removed: x"
    # Each shared change is given once, not once per operation.
    assert result.stdout.count("mobile_number: field removed") == 1
    assert "operations: 0 added, 1 removed, 9 changed; 5 breaking change(s)" in lines


def test_a_changed_model_names_the_webhook_events_that_carry_it() -> None:
    spec = json.loads(OUR_SPEC.read_text())
    changed = copy.deepcopy(spec)
    del changed["components"]["schemas"]["Order"]["properties"]["item_total"]

    removed = [
        c
        for c in diff_specs(spec, changed)
        if c.change == "removed" and c.schema == "Order" and c.schema_field == "item_total"
    ]

    assert removed and all(c.breaking for c in removed)
    assert all("`OrderPlaced.data.order.item_total`" in c.impact for c in removed)
