"""The normaliser stamps every operation's facts (x-fullscript-*) once; templates, the generated
operation table and the sandbox only read them."""

from __future__ import annotations

import json
from typing import Any

import fullscript_api.operations as generated_table
import pytest
from pipeline_support import OUR_SPEC, REPO_ROOT, minimal_spec
from specpipe.normalize import normalize
from specpipe.operation_facts import (
    AUTHENTICATED,
    GROUP,
    METHOD,
    RESTRICTED,
    SCOPE,
    oauth_scopes,
    operation_facts,
)

TEMPLATES = REPO_ROOT / "openapi" / "templates"


def operation(operation_id: str, tag: str, **extra: Any) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "tags": [tag],
        "responses": {"200": {"description": "ok"}},
        **extra,
    }


def stamped(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """operationId -> the operation as the normaliser leaves it."""
    spec = normalize(minimal_spec(paths, **extra)).spec
    return {
        op["operationId"]: op
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }


def test_every_operation_gets_its_group_and_method_name() -> None:
    ops = stamped(
        {
            "/api/clinic/patients": {"get": operation("list_patients", "Patients")},
            "/api/clinic/patients/{id}/orders": {
                "get": operation("list_patient_orders", "Patients")
            },
            "/api/oauth/token": {"post": operation("create_oauth_token", "OAuth")},
        }
    )

    assert (ops["list_patients"][GROUP], ops["list_patients"][METHOD]) == ("patients", "list")
    assert ops["list_patient_orders"][METHOD] == "list_orders"
    assert (ops["create_oauth_token"][GROUP], ops["create_oauth_token"][METHOD]) == (
        "oauth",
        "create_token",
    )


def test_a_short_name_that_is_a_keyword_or_already_taken_keeps_the_operation_id() -> None:
    ops = stamped(
        {
            "/api/patients/import": {"post": operation("import_patients", "Patients")},
            "/api/patients": {"get": operation("list_patients", "Patients")},
            "/api/patient": {"get": operation("list_patient", "Patients")},
        }
    )

    assert ops["import_patients"][METHOD] == "import_patients"
    assert ops["list_patients"][METHOD] == "list"
    assert ops["list_patient"][METHOD] == "list_patient"


def test_scope_token_and_restriction_come_from_security_and_x_restricted() -> None:
    oauth = {"oauth2": ["patients:read"]}
    ops = stamped(
        {
            "/api/clinic/patients": {
                "get": operation(
                    "list_patients", "Patients", security=[oauth], **{"x-restricted": True}
                )
            },
            "/api/clinic": {"get": operation("retrieve_clinic", "Clinic")},
            "/api/oauth/token": {"post": operation("create_oauth_token", "OAuth", security=[])},
        },
        security=[{"bearerAuth": []}],
        components={"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    )

    patients, clinic, token = (
        ops["list_patients"],
        ops["retrieve_clinic"],
        ops["create_oauth_token"],
    )
    assert (patients[SCOPE], patients[AUTHENTICATED], patients[RESTRICTED]) == (
        "patients:read",
        True,
        True,
    )
    assert (clinic[SCOPE], clinic[AUTHENTICATED], clinic[RESTRICTED]) == (None, True, False)
    assert (token[SCOPE], token[AUTHENTICATED]) == (None, False)


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json missing")
def test_the_generated_operation_table_holds_the_stamped_facts_of_every_operation() -> None:
    spec = normalize(json.loads(OUR_SPEC.read_text())).spec
    expected = [tuple(f) for f in operation_facts(spec)]

    assert [tuple(row) for row in generated_table.OPERATIONS] == expected


def test_the_scopes_an_app_can_hold_are_the_oauth_flows_then_any_only_an_operation_names() -> None:
    oauth = {
        "type": "oauth2",
        "flows": {
            "authorizationCode": {
                "authorizationUrl": "https://a.example/authorize",
                "tokenUrl": "https://a.example/token",
                "scopes": {"clinic:read": "", "catalog:read": ""},
            }
        },
    }
    paths = {
        "/api/clinic": {
            "get": operation("retrieve_clinic", "Clinic", security=[{"oauth2": ["clinic:read"]}])
        },
        "/api/labs": {"get": operation("list_labs", "Labs", security=[{"oauth2": ["labs:read"]}])},
    }
    spec = normalize(minimal_spec(paths, components={"securitySchemes": {"oauth2": oauth}})).spec
    assert oauth_scopes(spec) == ("clinic:read", "catalog:read", "labs:read")
    # Without any OAuth 2 scheme: what the operations require.
    assert oauth_scopes(normalize(minimal_spec(paths)).spec) == ("clinic:read", "labs:read")


@pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json missing")
def test_the_generated_table_lists_the_specs_scopes_and_the_sandbox_serves_them() -> None:
    from fullscript.sandbox import ALL_SCOPES

    spec = json.loads(OUR_SPEC.read_text())
    flow = spec["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]
    assert tuple(flow["scopes"]) == generated_table.SCOPES
    assert ALL_SCOPES == generated_table.SCOPES


def test_declared_query_parameters_and_body_members_are_read_from_the_operation() -> None:
    spec = normalize(json.loads(OUR_SPEC.read_text())).spec
    facts = {f.operation_id: f for f in operation_facts(spec)}
    assert "page[size]" in facts["list_orders"].query_parameters
    assert "allergen_ids[]" in facts["search_products"].query_parameters
    assert facts["list_orders"].body_fields == ()
    assert facts["update_patient"].body_fields is not None
    assert "first_name" in facts["update_patient"].body_fields
    assert "attachment" in (facts["create_practitioner_resource"].body_fields or ())


def test_no_template_restates_the_naming_rules() -> None:
    for template in sorted(TEMPLATES.glob("*.jinja")):
        text = template.read_text()
        for rule in ("macro group_name", "macro friendly_name", "macro singular"):
            assert rule not in text, (
                f"{template.name} defines {rule!r}: read x-fullscript-* instead"
            )
