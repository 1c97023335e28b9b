"""The spec says what the docs say: statuses, request bodies, wrapper keys, restricted set.

Each expectation below is written from the documentation notes (../shared/fullscript-api-notes.md)
and the endpoint reference, not read back from the spec, so a regression in the spec fails here.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
import pytest
from spec_support import (
    HTTP_METHODS,
    REPO_ROOT,
    SHARED_DIR,
    load_spec,
    operation_by_id,
    operations,
    request_body_fields,
    resolve,
    schema_fields,
    success_schema,
)

UNAUTHENTICATED_OPS = {"create_oauth_token", "revoke_oauth_token"}


def documented_statuses(method: str, path: str, op_id: str) -> set[str]:
    """The notes' status list for one operation: lists 200/403, single 200/403/404, ..."""
    if method == "delete":
        return {"204"}
    if op_id == "create_practitioner":
        return {"201", "403", "404"}
    if op_id == "create_in_office_checkout":
        return {"201", "404", "422"}
    if method == "post" and "/dynamic_links/" in path:
        return {"200", "400", "422"}
    if op_id.startswith(("activate_", "cancel_")):
        return {"200", "403", "404", "422"}
    if method == "post":
        return {"201", "403", "422"}
    if method in ("patch", "put"):
        return {"200", "403", "404", "422"}
    if path.endswith("}"):
        return (
            {"200", "403", "404", "410"} if op_id == "retrieve_variant" else {"200", "403", "404"}
        )
    return {"200", "403"}


def bearer_operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [op for op in operations() if op[2]["operationId"] not in UNAUTHENTICATED_OPS]


@pytest.mark.parametrize(
    ("method", "path", "op"),
    bearer_operations(),
    ids=[op["operationId"] for _, _, op in bearer_operations()],
)
def test_documented_statuses_are_declared_and_extra_ones_are_marked(
    method: str, path: str, op: dict[str, Any]
) -> None:
    op_id = op["operationId"]
    responses = op["responses"]
    documented = documented_statuses(method, path, op_id)
    assert documented <= set(responses), sorted(documented - set(responses))

    scoped = any(req.get("oauth2") for req in op.get("security", [])) or op.get("x-restricted")
    undocumented = set(responses) - documented - {"401", "429"}
    if scoped:
        # Which scope an operation needs is an inference of the oauth2 scheme (marked there).
        undocumented.discard("403")
    unmarked = [
        status
        for status in sorted(undocumented)
        if not responses[status].get("x-inferred") and not op.get("x-inferred")
    ]
    assert unmarked == [], f"{op_id}: statuses beyond the docs without x-inferred"


def test_delete_answers_204_without_a_body() -> None:
    deletes = [op for method, _, op in operations() if method == "delete"]
    assert [op["operationId"] for op in deletes] == ["delete_practitioner_resource"]
    assert "content" not in resolve(deletes[0]["responses"]["204"])


def test_error_responses_share_the_tolerant_error_schema() -> None:
    error = load_spec()["components"]["schemas"]["Error"]
    assert {"error", "errors", "status", "message"} <= set(error["properties"])
    assert "required" not in error
    assert error.get("additionalProperties", True) is not False
    for _, _, op in operations():
        for status, raw in op["responses"].items():
            if not status.startswith("4"):
                continue
            schema = resolve(raw)["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (op["operationId"], status)


# (operationId, field path) -> documented closed set.
GENDERS = ("male", "female", "x")
FREQUENCIES = (
    "once per day",
    "twice per day",
    "three times per day",
    "four times per day",
    "every morning",
    "every night",
)
FORMATS = (
    "capsule",
    "chewable",
    "gel",
    "liquid",
    "lozenge",
    "packet",
    "pellet",
    "drops",
    "powder",
    "strip",
    "suppository",
    "tablet",
)
RESOURCE_TYPES = ("Guide", "Handout", "Infographic", "Meal plan", "Workbook")
RESOURCE_CATEGORIES = (
    "Nutrition",
    "Lifestyle",
    "Physical activity",
    "Supplements",
    "Health conditions",
)
BODY_ENUMS = {
    ("create_patient", "gender"): GENDERS,
    ("update_patient", "gender"): GENDERS,
    ("create_treatment_plan_link", "patient.gender"): GENDERS,
    ("create_gateway_treatment_plan_link", "patient.gender"): GENDERS,
    ("create_gateway_treatment_plan_link", "entrypoint"): ("catalog", "labs"),
    ("create_patient_treatment_plan", "state"): ("draft", "active"),
    ("create_patient_treatment_plan", "recommendations[].dosage.frequency"): FREQUENCIES,
    ("create_patient_treatment_plan", "recommendations[].dosage.format"): FORMATS,
    ("update_treatment_plan", "recommendations[].dosage.frequency"): FREQUENCIES,
    ("update_treatment_plan", "recommendations[].dosage.format"): FORMATS,
    ("create_practitioner_resource", "type"): RESOURCE_TYPES,
    ("create_practitioner_resource", "category"): RESOURCE_CATEGORIES,
    ("update_practitioner_resource", "type"): RESOURCE_TYPES,
    ("update_practitioner_resource", "category"): RESOURCE_CATEGORIES,
    ("create_oauth_token", "grant_type"): ("authorization_code", "refresh_token"),
}


@pytest.mark.parametrize(("key", "values"), BODY_ENUMS.items(), ids=lambda v: str(v))
def test_request_bodies_enumerate_the_documented_closed_sets(
    key: tuple[str, str], values: tuple[str, ...]
) -> None:
    op_id, field = key
    found = request_body_fields(operation_by_id(op_id)).get(field)
    assert found is not None, f"{op_id} has no request field {field}"
    assert found.enum is not None and set(found.enum) == set(values)


# operationId -> the dotted paths the docs mark REQUIRED in its request body.
BODY_REQUIRED = {
    "create_patient": {"email", "first_name", "last_name"},
    "create_practitioner": {"practitioner_type_id", "email", "first_name", "last_name"},
    "create_staff": {"email", "first_name", "last_name"},
    "create_patient_treatment_plan": {
        "recommendations",
        "recommendations[].variant_id",
        "recommendations[].units_to_purchase",
    },
    "update_treatment_plan": {
        "recommendations",
        "recommendations[].variant_id",
        "recommendations[].units_to_purchase",
    },
    "create_treatment_plan_link": {"treatment_plan", "treatment_plan.practitioner_id"},
    "create_practitioner_resource": {"name", "attachment", "save_to_library"},
    "create_oauth_token": {"grant_type", "client_id", "client_secret"},
    "revoke_oauth_token": {"client_id", "client_secret", "token"},
}


@pytest.mark.parametrize(("op_id", "required"), BODY_REQUIRED.items())
def test_request_bodies_require_exactly_the_documented_fields(
    op_id: str, required: set[str]
) -> None:
    fields = request_body_fields(operation_by_id(op_id))
    assert {path for path, field in fields.items() if field.required} == required


def test_updates_require_nothing_the_docs_leave_optional() -> None:
    for op_id in ("update_patient", "update_practitioner", "update_staff"):
        fields = request_body_fields(operation_by_id(op_id))
        assert fields, op_id
        assert [path for path, field in fields.items() if field.required] == [], op_id


def wrapper_keys(op_id: str) -> set[str]:
    schema = success_schema(operation_by_id(op_id))
    assert schema is not None, op_id
    return set(schema.get("properties", {}))


# Operations the 2021 file does not describe: wrapper keys from the docs.
DOCS_ONLY_WRAPPERS = {
    "list_lab_orders": {"lab_orders", "meta"},
    "retrieve_lab_order": {"lab_order"},
    "retrieve_lab_test": {"lab_test"},
    "list_lab_order_events": {"events", "meta"},
    "list_patient_dependents": {"patients", "meta"},
    "list_fullscript_resources": {"resources", "meta"},
    "list_practitioner_resources": {"resources", "meta"},
    "create_practitioner_resource": {"resource"},
    "retrieve_practitioner_resource": {"resource"},
    "update_practitioner_resource": {"resource"},
    "create_gateway_treatment_plan_link": {"dynamic_links"},
    # Session grants answer unwrapped.
    "create_session_grant": {"id", "secret_token", "claimed_at", "expires_at", "user"},
}


@pytest.mark.parametrize(("op_id", "keys"), DOCS_ONLY_WRAPPERS.items())
def test_docs_only_operations_use_the_documented_wrapper(op_id: str, keys: set[str]) -> None:
    assert wrapper_keys(op_id) == keys


def test_the_exceptional_wrappers_of_the_notes() -> None:
    assert wrapper_keys("list_patients") == {"patients", "meta"}
    assert wrapper_keys("list_staff") == {"staff", "meta"}
    assert wrapper_keys("retrieve_staff") == {"staff"}
    assert wrapper_keys("create_treatment_plan_link") == {"dynamic_links"}
    assert wrapper_keys("retrieve_treatment_plan_link") == {"dynamic_links"}
    assert wrapper_keys("retrieve_new_treatment_plan_link") == {"redirect_url"}
    assert wrapper_keys("create_oauth_token") == {"oauth"}


REFERENCE_SPEC = SHARED_DIR / "reference" / "fullscript-openapi-2021.json"


@cache
def reference() -> dict[str, Any]:
    return json.loads(REFERENCE_SPEC.read_text(encoding="utf-8"))


def reference_success(op: dict[str, Any]) -> tuple[str, set[str]]:
    """(status, top-level keys) of a 2021 operation's success answer."""
    for status in ("200", "201"):
        response = op.get("responses", {}).get(status)
        if response is None:
            continue
        node: Any = response
        media = (node.get("content") or {}).get("application/json", {})
        schema = media.get("schema", {})
        while "$ref" in schema:
            target: Any = reference()
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return status, set(schema.get("properties", {}))
    raise AssertionError("no success answer")


@pytest.mark.skipif(not REFERENCE_SPEC.exists(), reason="../shared/reference is absent")
def test_success_status_and_wrapper_keys_match_the_2021_file() -> None:
    ours = load_spec()["paths"]
    mismatches = []
    for path, item in reference()["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = ours[path][method]
            status, keys = reference_success(item[method])
            if status not in op["responses"] or wrapper_keys(op["operationId"]) != keys:
                mismatches.append((method, path))
    assert mismatches == []


def test_restricted_set_is_the_documented_one() -> None:
    # The docs restrict treatment plan create/activate, product search, similar products and
    # lab tests; the only lab test operation documented is the retrieve.
    marked = {op["operationId"] for _, _, op in operations() if op.get("x-restricted") is True}
    assert marked == {
        "create_patient_treatment_plan",
        "activate_treatment_plan",
        "search_products",
        "list_similar_products",
        "retrieve_lab_test",
    }
    lab_test_ops = {op["operationId"] for _, path, op in operations() if "/labs/tests" in path}
    assert lab_test_ops <= marked
    for op_id in marked:
        assert "403" in operation_by_id(op_id)["responses"]


def test_token_and_revoke_are_described_without_bearer() -> None:
    token = operation_by_id("create_oauth_token")
    revoke = operation_by_id("revoke_oauth_token")
    assert [path for _, path, op in operations() if op in (token, revoke)] == [
        "/api/oauth/revoke",
        "/api/oauth/token",
    ]
    assert token["security"] == revoke["security"] == []


def test_region_servers_name_their_region_and_environment() -> None:
    descriptions = {s["url"]: s.get("description", "") for s in load_spec()["servers"]}
    assert len(descriptions) == 4
    for url, description in descriptions.items():
        region = "US" if "-us" in url else "Canada"
        sandbox = "-snd." in url
        assert region in description, url
        assert ("sandbox" in description.lower()) is sandbox, url


DOC_INFERRED = REPO_ROOT / "docs" / "spec-inferred.md"


def inferred_marks(node: Any, where: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Key paths of every member of ``node`` marked ``x-inferred: true``."""
    found: list[tuple[str, ...]] = []
    if isinstance(node, dict):
        if node.get("x-inferred") is True:
            found.append(where)
        for key, value in node.items():
            found.extend(inferred_marks(value, (*where, str(key))))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(inferred_marks(value, (*where, str(index))))
    return found


def summary_names(where: tuple[str, ...]) -> set[str]:
    """Names docs/spec-inferred.md may use for one mark (any one of them will do)."""
    if where[0] == "paths":
        return {str(load_spec()["paths"][where[1]][where[2]]["operationId"])}
    kind, name = where[1], where[2]
    if kind != "schemas":
        return {f"components.{kind}.{name}", f"`{name}`"}
    if len(where) > 4 and where[3] == "properties":
        return {f"{name}.{where[4]}", f"`{where[4]}`"}
    return {name}


# Marks repeated on many operations are summarised by their rule, not one by one.
RULES = {
    ("get", "422"): "Every GET operation that takes query parameters (422)",
    ("get", "404"): "unknown parent id in the path (404)",
    ("post", "404"): "unknown parent id in the path (404)",
    ("delete", "404"): "unknown parent id in the path (404)",
}


def test_every_inferred_mark_is_summarised_in_the_docs() -> None:
    text = DOC_INFERRED.read_text(encoding="utf-8")
    missing = []
    for where in inferred_marks(load_spec()):
        names = summary_names(where)
        if where[0] == "paths" and len(where) == 5 and where[3] == "responses":
            names.add(RULES.get((where[2], where[4]), "(no rule)"))
        if not any(name in text for name in names):
            missing.append("/".join(where))
    assert missing == []


def nullable_as_json_schema(schema: Any) -> Any:
    """``nullable: true`` as JSON Schema's null alternative, also beside ``allOf``/``oneOf``.

    This is how openapi-python-client and schemathesis read the spec's nullable references
    (``{allOf: [$ref], nullable: true}``); a strict OpenAPI 3.0.3 reading ignores ``nullable``
    where no ``type`` stands beside it (see docs/spec-inferred.md).
    """
    if isinstance(schema, list):
        return [nullable_as_json_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: nullable_as_json_schema(value) for key, value in schema.items()}
    if converted.pop("nullable", False):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def reference_examples() -> list[tuple[str, str, str, Any]]:
    """(method, path, status, example) for every JSON response example of the 2021 file."""
    found = []
    for path, item in reference()["paths"].items():
        for method in HTTP_METHODS:
            for status, response in (item.get(method, {}).get("responses") or {}).items():
                media = (response.get("content") or {}).get("application/json") or {}
                if "example" in media:
                    found.append((method, path, status, media["example"]))
                for named in (media.get("examples") or {}).values():
                    found.append((method, path, status, named.get("value")))
    return found


@pytest.mark.skipif(not REFERENCE_SPEC.exists(), reason="../shared/reference is absent")
def test_every_2021_response_example_is_valid_against_our_schemas() -> None:
    """Fields, types, enums, required ids and nulls of the published examples all fit."""
    spec = load_spec()
    components = nullable_as_json_schema(spec["components"])
    examples = reference_examples()
    assert len(examples) >= 50
    problems = []
    for method, path, status, example in examples:
        schema = resolve(spec["paths"][path][method]["responses"][status])["content"][
            "application/json"
        ]["schema"]
        root = {**nullable_as_json_schema(schema), "components": components}
        for error in jsonschema.Draft7Validator(root).iter_errors(example):
            problems.append(
                f"{method} {path} {status} {list(error.absolute_path)}: {error.message}"
            )
    assert problems == []


# The resource shapes of the documentation notes, newer fields included.
DOCUMENTED_SHAPES = {
    "Patient": "id first_name last_name email archived date_of_birth gender discount "
    "total_discount mobile_number text_message_notification metadata is_dependent "
    "guardian_patient_id",
    "Practitioner": "id first_name last_name email practitioner_type_id metadata",
    "Staff": "id first_name last_name email metadata",
    "Clinic": "id name patient_count practitioner_count discount dispensary_url integration_id "
    "integration_activated_at",
    "TreatmentPlan": "id state patient practitioner available_at created_at updated_at "
    "invitation_url personal_message metadata recommendations resources lab_recommendations",
    "Recommendation": "variant_id refill units_to_purchase dosage",
    # take_with is placed under dosage (an inference, see docs/spec-inferred.md).
    "Dosage": "amount frequency duration format additional_info time_of_day take_with",
    "Order": "id order_number completed_at treatment_plan_ids patient_id item_total msrp_total "
    "payment_total line_items practitioner_ids",
    "LineItem": "variant_id quantity type",
    "Product": "id name status variant_count brand primary_variant description_html variants "
    "dosage custom_dosage",
    "ProductDosage": "practitioner_id",
    "Variant": "id sku primary units unit_of_measure availability status upc msrp supplier_sku "
    "image_url_small image_url_medium image_url_large product",
    "LabOrder": "id practitioner_id patient_id status state tests results",
    "Event": "id type created_at clinic_id data",
    "SessionGrant": "id secret_token claimed_at expires_at user",
    "OAuthToken": "access_token token_type expires_in refresh_token scope created_at "
    "resource_owner",
}


@pytest.mark.parametrize(("schema", "fields"), DOCUMENTED_SHAPES.items())
def test_resource_schemas_carry_every_documented_field(schema: str, fields: str) -> None:
    properties = load_spec()["components"]["schemas"][schema]["properties"]
    assert [name for name in fields.split() if name not in properties] == []


def test_documented_closed_sets_in_answers() -> None:
    schemas = load_spec()["components"]["schemas"]

    def enum(schema: str, field: str) -> set[str]:
        values = schema_fields(schemas[schema])[field].enum
        assert values is not None, (schema, field)
        return {v for v in values if v is not None}

    assert enum("TreatmentPlan", "state") == {"draft", "active", "cancelled"}
    assert enum("Patient", "gender") == {"male", "female", "x"}
    assert enum("LineItem", "type") == {"supplement", "labs"}
    assert enum("OAuthResourceOwner", "type") == {"Practitioner", "Staff", "Clinic"}
    assert enum("LabOrder", "status") == {
        "not_purchased",
        "purchased",
        "schedule_appointment",
        "upcoming_appointment",
        "processing",
        "partial_results",
        "results_ready",
        "results_amended",
        "interpretation_ready",
        "interpretation_shared",
    }
