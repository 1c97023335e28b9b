"""The normaliser repairs what openapi-python-client cannot use and leaves good specs alone."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pipeline_support import OUR_SPEC, minimal_spec, run_script
from specpipe.normalize import normalize
from specpipe.operation_facts import without_stamps


def list_operation(wrapper: str, **extra: Any) -> dict[str, Any]:
    """A GET collection answering ``{<wrapper>: [...], meta: {...}}``."""
    schema = {
        "type": "object",
        "properties": {
            wrapper: {"type": "array", "items": {"type": "object"}},
            "meta": {"type": "object"},
        },
    }
    return {
        "summary": f"List all {wrapper}",
        "tags": ["Things"],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": schema}}}
        },
        **extra,
    }


def single_operation(summary: str = "Retrieve a thing", **extra: Any) -> dict[str, Any]:
    schema = {"type": "object", "properties": {"thing": {"type": "object"}}}
    return {
        "summary": summary,
        "tags": ["Things"],
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": schema}}}
        },
        **extra,
    }


def parameter_names(operation: dict[str, Any]) -> list[str]:
    return [p["name"] for p in operation.get("parameters", [])]


def test_array_without_items_gets_items_inferred_from_example() -> None:
    spec = minimal_spec(
        {"/api/orders/{id}": {"get": single_operation()}},
        components={
            "schemas": {
                "Order": {
                    "type": "object",
                    "properties": {"variant_ids": {"type": "array"}},
                }
            }
        },
    )
    response = spec["paths"]["/api/orders/{id}"]["get"]["responses"]["200"]
    response["content"]["application/json"] = {
        "schema": {
            "type": "object",
            "properties": {"order": {"$ref": "#/components/schemas/Order"}},
        },
        "example": {"order": {"variant_ids": ["v1", "v2"]}},
    }

    result = normalize(spec)

    variant_ids = result.spec["components"]["schemas"]["Order"]["properties"]["variant_ids"]
    assert variant_ids["items"] == {"type": "string"}
    assert any("variant_ids" in fix and "inferred from examples" in fix for fix in result.fixes)


def test_array_without_items_or_example_gets_permissive_items() -> None:
    spec = minimal_spec(
        {},
        components={
            "schemas": {"Order": {"type": "object", "properties": {"ids": {"type": "array"}}}}
        },
    )

    result = normalize(spec)

    assert result.spec["components"]["schemas"]["Order"]["properties"]["ids"]["items"] == {}


def test_array_whose_examples_are_single_objects_is_typed_as_the_object() -> None:
    product = {
        "type": "array",
        "description": "The product.",
        "items": {"type": "object", "properties": {"id": {"type": "string"}}},
    }
    spec = minimal_spec(
        {},
        components={
            "schemas": {
                "Variant": {
                    "type": "object",
                    "properties": {"product": product},
                    "example": {"product": {"id": "p1"}},
                }
            }
        },
    )

    fixed = normalize(spec).spec["components"]["schemas"]["Variant"]["properties"]["product"]

    assert fixed["type"] == "object"
    assert fixed["properties"] == {"id": {"type": "string"}}
    assert fixed["description"] == "The product."


def test_operation_without_id_is_named_from_summary() -> None:
    spec = minimal_spec({"/api/events/clinic_keys": {"get": list_operation("events")}})
    spec["paths"]["/api/events/clinic_keys"]["get"]["summary"] = "List All ClinicKey Events"

    operation = normalize(spec).spec["paths"]["/api/events/clinic_keys"]["get"]

    assert operation["operationId"] == "list_clinic_key_events"


def test_operation_without_summary_is_named_from_method_and_path() -> None:
    operation = single_operation()
    del operation["summary"]
    spec = minimal_spec({"/api/clinic/patients/{id}": {"patch": operation}})

    result = normalize(spec)

    assert result.spec["paths"]["/api/clinic/patients/{id}"]["patch"]["operationId"] == (
        "update_patient"
    )


def test_colliding_names_are_made_unique() -> None:
    spec = minimal_spec(
        {
            "/api/a": {"get": single_operation("Retrieve a thing")},
            "/api/b": {"get": single_operation("Retrieve a thing", operationId="retrieve_thing")},
            "/api/c": {"get": single_operation("Retrieve a thing")},
        }
    )

    paths = normalize(spec).spec["paths"]
    names = [paths[p]["get"]["operationId"] for p in ("/api/a", "/api/b", "/api/c")]

    assert names[1] == "retrieve_thing"  # existing ids are kept
    assert len(set(names)) == 3


@pytest.mark.parametrize("tags", [None, [], "absent"])
def test_null_or_missing_tags_get_a_derived_tag(tags: Any) -> None:
    operation = single_operation("Create an OAuth Token")
    if tags == "absent":
        del operation["tags"]
    else:
        operation["tags"] = tags
    spec = minimal_spec({"/api/oauth/token": {"post": operation}})

    fixed = normalize(spec).spec["paths"]["/api/oauth/token"]["post"]

    assert fixed["tags"] == ["OAuth"]


def test_paginated_list_gets_page_parameters() -> None:
    spec = minimal_spec({"/api/clinic/patients": {"get": list_operation("patients")}})

    operation = normalize(spec).spec["paths"]["/api/clinic/patients"]["get"]

    assert parameter_names(operation) == ["page[number]", "page[size]"]
    size = operation["parameters"][1]
    assert size["in"] == "query" and size["schema"]["maximum"] == 100


def test_existing_page_parameter_is_not_duplicated() -> None:
    existing = {"name": "page[size]", "in": "query", "schema": {"type": "integer"}}
    spec = minimal_spec(
        {"/api/clinic/patients": {"get": list_operation("patients", parameters=[existing])}}
    )

    operation = normalize(spec).spec["paths"]["/api/clinic/patients"]["get"]

    assert parameter_names(operation) == ["page[size]", "page[number]"]


def test_single_resource_gets_no_page_parameters() -> None:
    spec = minimal_spec({"/api/clinic": {"get": single_operation()}})

    assert "parameters" not in normalize(spec).spec["paths"]["/api/clinic"]["get"]


def test_bearer_security_added_when_absent_but_not_for_oauth_endpoints() -> None:
    spec = minimal_spec(
        {
            "/api/clinic": {"get": single_operation()},
            "/api/oauth/token": {"post": single_operation("Create an OAuth Token")},
        }
    )

    fixed = normalize(spec).spec

    assert fixed["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert fixed["security"] == [{"bearerAuth": []}]
    assert fixed["paths"]["/api/oauth/token"]["post"]["security"] == []
    assert "security" not in fixed["paths"]["/api/clinic"]["get"]


def test_localhost_server_dropped() -> None:
    servers = [{"url": "http://localhost:3000"}, {"url": "https://api-us.fullscript.io"}]
    spec = minimal_spec({}, servers=servers)

    assert normalize(spec).spec["servers"] == [{"url": "https://api-us.fullscript.io"}]


def test_token_schema_accepts_integer_expires_in_and_gains_scope() -> None:
    token = {
        "type": "object",
        "properties": {"access_token": {"type": "string"}, "expires_in": {"type": "string"}},
    }
    spec = minimal_spec({}, components={"schemas": {"Oauth": token}})

    properties = normalize(spec).spec["components"]["schemas"]["Oauth"]["properties"]

    assert properties["expires_in"]["oneOf"] == [{"type": "integer"}, {"type": "string"}]
    assert properties["scope"]["type"] == "string"


def test_array_filter_described_as_array_gets_bracket_name() -> None:
    parameter = {
        "name": "allergen_ids",
        "in": "query",
        "description": "Provide an array of allergen ids.",
        "schema": {"type": "string"},
    }
    spec = minimal_spec({"/api/search": {"get": single_operation(parameters=[parameter])}})

    fixed = normalize(spec).spec["paths"]["/api/search"]["get"]["parameters"][0]

    assert fixed["name"] == "allergen_ids[]"
    assert fixed["schema"] == {"type": "array", "items": {"type": "string"}}


def test_input_document_is_not_modified() -> None:
    spec = minimal_spec({"/api/clinic/patients": {"get": list_operation("patients")}})
    before = copy.deepcopy(spec)

    normalize(spec)

    assert spec == before


def test_normalising_twice_changes_nothing_more() -> None:
    spec = minimal_spec(
        {"/api/clinic/patients": {"get": list_operation("patients", tags=None)}},
        servers=[{"url": "http://localhost:3000"}],
        components={
            "schemas": {"Order": {"type": "object", "properties": {"ids": {"type": "array"}}}}
        },
    )

    once = normalize(spec)
    twice = normalize(once.spec)

    assert once.fixes
    assert twice.fixes == []
    assert twice.spec == once.spec


def test_published_spec_normalisation_is_idempotent(published_spec_path: Path) -> None:
    once = normalize(json.loads(published_spec_path.read_text()))
    twice = normalize(once.spec)

    assert twice.fixes == [] and twice.spec == once.spec


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json not written yet")
def test_our_spec_is_left_unchanged() -> None:
    spec = json.loads(OUR_SPEC.read_text())

    result = normalize(spec)

    assert result.fixes == []
    assert without_stamps(result.spec) == spec


def test_normalize_spec_cli_lists_fixes_and_writes_json(tmp_path: Path) -> None:
    spec = minimal_spec({}, servers=[{"url": "http://localhost:3000"}])
    source, output = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(spec))

    result = run_script("normalize_spec.py", str(source), "--output", str(output))

    assert result.returncode == 0
    assert "fix: servers: dropped development server http://localhost:3000" in result.stderr
    assert json.loads(output.read_text())["servers"] == []
