"""Specification of openapi/openapi.json, our own description of the Fullscript API.

Read-only and fast: the spec is loaded once, then checked for validity, completeness against
the shared list of documented operations, and the project's conventions.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from spec_support import (
    HTTP_METHODS,
    SHARED_DIR,
    SPEC_PATH,
    is_paginated,
    load_spec,
    operation_by_id,
    operations,
    parameters_of,
    resolve,
    success_schema,
    walk_schemas,
)

from fullscript import Region

OPERATIONS_TSV = SHARED_DIR / "operations.tsv"

UNAUTHENTICATED_OPS = {"create_oauth_token", "revoke_oauth_token"}
RESTRICTED_OPS = {
    "create_patient_treatment_plan",
    "activate_treatment_plan",
    "search_products",
    "list_similar_products",
    "retrieve_lab_test",
}
# The SDK's regions follow Fullscript's canonical table (checked against the notes in
# tests/facade/test_regions.py); the spec's servers are their roots (paths carry /api).
EXPECTED_SERVERS = {region.base_url for region in Region.all()}
SCOPES = {
    "catalog:read",
    "clinic:read",
    "clinic:write",
    "patients:read",
    "patients:write",
    "patients:treatment_plan_history",
    "patients:order_history",
}
DATE_FILTERS = ("completed_at", "created_at", "attempted_at")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


def documented_operations() -> list[tuple[str, str]]:
    rows = []
    with OPERATIONS_TSV.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            rows.append((row[0].lower(), "/api" + row[1]))
    return rows


def test_spec_is_valid_openapi_3_0() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.0")
    validate(spec)


def test_file_is_stably_formatted() -> None:
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(load_spec(), indent=2, ensure_ascii=False) + "\n"


def test_info_names_version_and_patch_version() -> None:
    info = load_spec()["info"]
    assert info["version"] == "v2"
    assert info["title"]
    assert "2020-02-14" in info["description"]


@pytest.mark.skipif(not OPERATIONS_TSV.exists(), reason="../shared/operations.tsv is absent")
def test_every_documented_operation_is_described_with_an_operation_id() -> None:
    documented = documented_operations()
    assert documented
    paths = load_spec()["paths"]
    missing = [
        (method, path)
        for method, path in documented
        if "operationId" not in paths.get(path, {}).get(method, {})
    ]
    assert missing == [], (
        "documented operations missing from openapi/openapi.json (or without operationId): add "
        "them there, then make generate"
    )


def test_spec_describes_its_operations_under_api() -> None:
    found = list(operations())
    assert found
    assert all(path.startswith("/api/") for _, path, _ in found)


@pytest.mark.skipif(not OPERATIONS_TSV.exists(), reason="../shared/operations.tsv is absent")
def test_spec_describes_no_operation_the_notes_do_not_document() -> None:
    documented = set(documented_operations())
    extra = [(method, path) for method, path, _ in operations() if (method, path) not in documented]
    assert extra == [], (
        "openapi/openapi.json describes operations ../shared/operations.tsv does not list: if an "
        "adopted spec brought them, confirm them in Fullscript's docs and add them to "
        "../shared/operations.tsv; otherwise remove them from openapi/openapi.json"
    )


def test_operation_ids_are_unique_snake_case() -> None:
    ids = [op["operationId"] for _, _, op in operations()]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not SNAKE_CASE.match(i)] == []


def test_operation_ids_start_with_a_verb_and_never_echo_the_path() -> None:
    verbs = {"list", "retrieve", "create", "update", "delete", "search", "find", "activate"}
    verbs |= {"cancel", "revoke"}
    for _, _, op in operations():
        op_id = op["operationId"]
        assert op_id.split("_", 1)[0] in verbs, op_id  # never get_/post_ + path
        assert "api_clinic" not in op_id and "api_catalog" not in op_id, op_id


def test_every_operation_has_one_tag_a_summary_and_a_description() -> None:
    declared_tags = {tag["name"] for tag in load_spec()["tags"]}
    for _, _, op in operations():
        assert len(op["tags"]) == 1, op["operationId"]
        assert op["tags"][0] in declared_tags, op["operationId"]
        assert op["summary"].strip(), op["operationId"]
        assert op["description"].strip(), op["operationId"]


def test_every_list_search_and_find_operation_is_paginated() -> None:
    for _, _, op in operations():
        op_id = op["operationId"]
        if op_id.startswith(("list_", "search_")) or op_id == "find_metadata_objects":
            assert is_paginated(op), op_id


def test_every_paginated_operation_declares_page_number_and_page_size() -> None:
    paginated = [op for _, _, op in operations() if is_paginated(op)]
    assert paginated
    for op in paginated:
        params = parameters_of(op)
        number = params["page[number]"]
        size = params["page[size]"]
        assert number["in"] == size["in"] == "query", op["operationId"]
        assert number["schema"]["type"] == "integer"
        assert number["schema"]["minimum"] == 1
        assert size["schema"]["type"] == "integer"
        assert size["schema"]["minimum"] == 1
        assert size["schema"]["maximum"] == 100


def test_paginated_answers_carry_the_pagination_meta() -> None:
    meta = load_spec()["components"]["schemas"]["PaginationMeta"]["properties"]
    assert set(meta) == {"current_page", "next_page", "prev_page", "total_pages", "total_count"}
    assert meta["next_page"]["nullable"] is True
    assert meta["prev_page"]["nullable"] is True


def test_every_array_schema_has_items() -> None:
    arrays_without_items = [
        where
        for where, node in walk_schemas(load_spec())
        if node.get("type") == "array" and "items" not in node
    ]
    assert arrays_without_items == []


def test_array_filters_use_bracketed_names_and_exploded_form_style() -> None:
    params = parameters_of(operation_by_id("search_products"))
    for name in (
        "allergen_ids[]",
        "ingredient_ids[]",
        "supplement_type_ids[]",
        "third_party_certification_ids[]",
    ):
        param = params[name]
        assert param["in"] == "query"
        assert param["style"] == "form"
        assert param["explode"] is True
        assert param["schema"] == {"type": "array", "items": {"type": "string"}}


@pytest.mark.parametrize(
    "value, accepted",
    [
        ("2024-01-31", True),
        ("<2024-01-31", True),
        (">2024-01-31", True),
        ("2024-01-01..2024-01-31", True),
        ("2024-12-01..2025-01-31", True),
        ("2024-1-31", False),
        ("0000-00-00", False),
        ("2024-13-01", False),
        ("2024-01-32", False),
        ("2024-01-01..2024-00-31", False),
        ("<2024-01-01..2024-01-31", False),
        ("yesterday", False),
    ],
)
def test_date_filters_accept_the_documented_forms_only(value: str, accepted: bool) -> None:
    date_params = [
        param
        for _, _, op in operations()
        for name, param in parameters_of(op).items()
        if name in DATE_FILTERS
    ]
    assert {p["name"] for p in date_params} == set(DATE_FILTERS)
    assert {p["schema"]["type"] for p in date_params} == {"string"}
    assert not any("format" in p["schema"] for p in date_params)  # ranges are no dates
    for param in date_params:
        pattern = re.compile(param["schema"]["pattern"])
        assert bool(pattern.search(value)) is accepted, (param["name"], value)


def test_closed_parameter_sets_are_enumerated() -> None:
    def enum_of(op_id: str, name: str) -> list[str]:
        return resolve(parameters_of(operation_by_id(op_id))[name]["schema"])["enum"]

    assert enum_of("list_orders", "order_by") == ["ASC", "DESC"]
    assert enum_of("list_orders", "type") == ["supplement", "labs"]
    assert enum_of("list_patients", "patient_type") == ["all", "dependent", "guardian"]
    assert enum_of("list_webhook_deliveries", "successfully_delivered") == ["true", "false"]
    assert set(enum_of("list_practitioner_protocols", "ownership_type")) == {
        "owned",
        "shared",
        "all",
    }
    assert set(enum_of("list_patient_events", "event_type")) == {
        "patient.created",
        "patient.updated",
        "patient.emancipated",
    }


def test_restricted_operations_are_marked() -> None:
    marked = {op["operationId"] for _, _, op in operations() if op.get("x-restricted") is True}
    assert marked == RESTRICTED_OPS


def test_authenticated_operations_document_401_and_429_with_the_error_schema() -> None:
    error_ref = "#/components/schemas/Error"
    for _, _, op in operations():
        if op["operationId"] in UNAUTHENTICATED_OPS:
            continue
        for status in ("401", "429"):
            response = resolve(op["responses"][status])
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": error_ref}, (op["operationId"], status)
        assert "Retry-After" in resolve(op["responses"]["429"])["headers"]


def test_reads_with_query_parameters_document_an_inferred_422() -> None:
    for method, _, op in operations():
        takes_query = any(p["in"] == "query" for p in parameters_of(op).values())
        if method != "get" or not takes_query:
            assert method != "get" or "422" not in op["responses"], op["operationId"]
            continue
        raw = op["responses"]["422"]
        assert raw["$ref"] == "#/components/responses/UnprocessableEntity", op["operationId"]
        assert raw["x-inferred"] is True and "query parameters" in raw["x-inferred-reason"]


def test_operations_needing_a_scope_or_access_document_403() -> None:
    for _, _, op in operations():
        scoped = any(req.get("oauth2") for req in op.get("security", []))
        if scoped or op.get("x-restricted"):
            response = resolve(op["responses"]["403"])
            assert response == load_spec()["components"]["responses"]["Forbidden"]


def test_token_endpoints_count_against_the_rate_limit() -> None:
    for op_id in UNAUTHENTICATED_OPS:
        raw = operation_by_id(op_id)["responses"]["429"]
        assert raw["$ref"] == "#/components/responses/TooManyRequests"
        assert raw["x-inferred"] is True and raw["x-inferred-reason"]


def test_token_endpoints_need_no_bearer_and_document_client_errors() -> None:
    for op_id in UNAUTHENTICATED_OPS:
        op = operation_by_id(op_id)
        assert op["security"] == []
        assert {"400", "401"} <= set(op["responses"])


def test_creates_answer_201_and_delete_answers_204_without_body() -> None:
    for method, _, op in operations():
        op_id = op["operationId"]
        if method == "post" and op_id.startswith("create_") and "link" not in op_id:
            if op_id == "create_oauth_token":
                continue
            assert "201" in op["responses"], op_id
        if method == "delete":
            assert set(op["responses"]) & {"200", "201"} == set(), op_id
            assert "content" not in op["responses"]["204"], op_id


def test_success_answers_use_the_documented_wrapper_keys() -> None:
    def keys(op_id: str) -> set[str]:
        schema = success_schema(operation_by_id(op_id))
        assert schema is not None
        return set(schema["properties"])

    assert keys("retrieve_patient") == {"patient"}
    assert keys("list_staff") == {"staff", "meta"}
    assert keys("retrieve_staff") == {"staff"}
    assert keys("create_treatment_plan_link") == {"dynamic_links"}
    assert keys("retrieve_new_treatment_plan_link") == {"redirect_url"}
    assert keys("create_oauth_token") == {"oauth"}
    assert "secret_token" in keys("create_session_grant")


def test_oauth_token_tolerates_both_documented_types() -> None:
    token = load_spec()["components"]["schemas"]["OAuthToken"]["properties"]
    assert {s["type"] for s in token["expires_in"]["oneOf"]} == {"integer", "string"}
    assert {s["type"] for s in token["created_at"]["oneOf"]} == {"integer", "string"}
    assert "scope" in token


def test_every_response_documents_the_request_id_header() -> None:
    for _, _, op in operations():
        for status, raw in op["responses"].items():
            assert "X-Request-Id" in resolve(raw).get("headers", {}), (op["operationId"], status)


def test_servers_are_the_four_regional_hosts_and_never_localhost() -> None:
    urls = [server["url"] for server in load_spec()["servers"]]
    assert set(urls) == EXPECTED_SERVERS
    assert not any("localhost" in url or "127.0.0.1" in url for url in urls)


def test_the_oauth2_flow_urls_are_us_productions_canonical_ones() -> None:
    flow = load_spec()["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]
    assert flow["authorizationUrl"] == Region.US.authorize_url
    assert flow["tokenUrl"] == flow["refreshUrl"] == Region.US.token_url


def test_security_schemes_offer_bearer_and_oauth2_with_every_scope() -> None:
    spec = load_spec()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    flow = schemes["oauth2"]["flows"]["authorizationCode"]
    assert set(flow["scopes"]) == SCOPES
    assert flow["tokenUrl"].endswith("/api/oauth/token")
    assert spec["security"] == [{"bearerAuth": []}]
    used_scopes = {
        scope
        for _, _, op in operations()
        for requirement in op.get("security", [])
        for scope in requirement.get("oauth2", [])
    }
    assert used_scopes <= SCOPES


def schema_validator(schema_name: str) -> OAS30Validator:
    registry = Registry().with_resource(
        "urn:spec", Resource(contents=load_spec(), specification=DRAFT4)
    )
    return OAS30Validator(
        {"$ref": f"urn:spec#/components/schemas/{schema_name}"}, registry=registry
    )


def test_schema_examples_conform_to_their_schemas() -> None:
    examples = {
        name: schema["example"]
        for name, schema in load_spec()["components"]["schemas"].items()
        if "example" in schema
    }
    assert {"Patient", "TreatmentPlan", "Order", "OAuthToken"} <= set(examples)
    problems = {
        name: [error.message for error in schema_validator(name).iter_errors(example)]
        for name, example in examples.items()
    }
    assert {name: found for name, found in problems.items() if found} == {}


def test_schemas_reject_values_outside_documented_enums() -> None:
    errors = list(schema_validator("Patient").iter_errors({"gender": "other"}))
    assert errors
    errors = list(schema_validator("TreatmentPlanCreateRequest").iter_errors({}))
    assert any("recommendations" in error.message for error in errors)


# Resources whose every documented example carries an id: the generated models type `id` as
# `str`, not `str | Unset`. Request bodies never require one.
RESOURCES_WITH_ID = [
    "Patient",
    "Practitioner",
    "Staff",
    "Clinic",
    "Address",
    "TreatmentPlan",
    "Order",
    "Product",
    "Variant",
    "Brand",
    "Allergen",
    "Ingredient",
    "Category",
    "SupplementType",
    "ThirdPartyCertification",
    "PractitionerType",
    "Protocol",
    "Template",
    "LabOrder",
    "LabTest",
    "LabResult",
    "PractitionerResource",
    "FullscriptResource",
    "SessionGrant",
    "Event",
    "WebhookDelivery",
]


def test_resources_always_carry_a_required_id() -> None:
    schemas = load_spec()["components"]["schemas"]
    assert [
        name for name in RESOURCES_WITH_ID if "id" not in schemas[name].get("required", [])
    ] == []
    assert [
        name for name in RESOURCES_WITH_ID if schemas[name]["properties"]["id"].get("nullable")
    ] == []
    errors = list(schema_validator("Patient").iter_errors({"first_name": "Ada"}))
    assert any("'id' is a required property" in error.message for error in errors)


def test_request_bodies_never_require_an_id() -> None:
    requiring_id = []
    for method, path, op in operations():
        body = op.get("requestBody")
        if body is None:
            continue
        for media in resolve(body)["content"].values():
            if "id" in resolve(media["schema"]).get("required", []):
                requiring_id.append((method, path))
    assert requiring_id == []


def test_inferred_members_always_give_a_reason() -> None:
    inferred = [
        (where, node) for where, node in walk_schemas(load_spec()) if node.get("x-inferred") is True
    ]
    assert inferred
    assert [where for where, node in inferred if not node.get("x-inferred-reason")] == []


REFERENCE_SPEC = SHARED_DIR / "reference" / "fullscript-openapi-2021.json"
# Where our schema names differ from the 2021 published file.
REFERENCE_SCHEMA_NAMES = {"Pagination": "PaginationMeta", "Oauth": "OAuthToken"}
needs_reference = pytest.mark.skipif(
    not REFERENCE_SPEC.exists(), reason="../shared/reference is absent"
)


@cache
def load_reference() -> dict[str, Any]:
    return json.loads(REFERENCE_SPEC.read_text(encoding="utf-8"))


def texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("description", "summary") and isinstance(value, str):
                yield value.strip()
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


@needs_reference
def test_every_operation_of_the_2021_file_is_described() -> None:
    ours = load_spec()["paths"]
    missing = [
        (method, path)
        for path, item in load_reference()["paths"].items()
        for method in HTTP_METHODS
        if method in item and method not in ours.get(path, {})
    ]
    assert missing == []


@needs_reference
def test_our_schemas_keep_every_field_of_the_2021_schemas() -> None:
    ours = load_spec()["components"]["schemas"]
    missing = {}
    for name, schema in load_reference()["components"]["schemas"].items():
        our_schema = ours[REFERENCE_SCHEMA_NAMES.get(name, name)]
        absent = set(schema.get("properties", {})) - set(our_schema.get("properties", {}))
        if absent:
            missing[name] = absent
    assert missing == {}


@needs_reference
def test_no_long_description_is_copied_from_the_2021_file() -> None:
    theirs = {text for text in texts(load_reference()) if len(text) >= 60}
    assert sorted(set(texts(load_spec())) & theirs) == []
