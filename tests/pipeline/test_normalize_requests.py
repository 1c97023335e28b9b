"""Request-side repairs: object-typed parameters that name a value, and token requests."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pipeline_support import minimal_spec
from specpipe.normalize import normalize

RESOURCE = {"type": "object", "properties": {"id": {"type": "string"}}}


def get_with_parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    operation = {
        "operationId": "find_things",
        "tags": ["Things"],
        "parameters": [parameter],
        "responses": {"200": {"description": "ok"}},
    }
    return minimal_spec(
        {"/api/things": {"get": operation}},
        components={"schemas": {"Patient": RESOURCE, "Staff": RESOURCE}},
    )


def fixed_parameter(spec: dict[str, Any]) -> dict[str, Any]:
    parameter: dict[str, Any] = normalize(spec).spec["paths"]["/api/things"]["get"]["parameters"][0]
    return parameter


def test_union_of_resources_described_as_a_value_list_becomes_an_enum() -> None:
    spec = get_with_parameter(
        {
            "name": "type",
            "in": "query",
            "description": "Kind of record to look up; one of `patient`, `staff`, or `plan`.",
            "schema": {
                "type": "object",
                "oneOf": [
                    {"$ref": "#/components/schemas/Patient"},
                    {"$ref": "#/components/schemas/Staff"},
                ],
            },
        }
    )

    result = normalize(spec)

    parameter = result.spec["paths"]["/api/things"]["get"]["parameters"][0]
    assert parameter["schema"] == {"type": "string", "enum": ["patient", "staff", "plan"]}
    assert result.fixes_by_kind["object parameters"] == [
        "GET /api/things: query parameter type object -> enum of patient, staff, plan"
    ]


def test_object_parameter_without_a_value_list_becomes_a_string() -> None:
    spec = get_with_parameter(
        {"name": "owner", "in": "query", "description": "Who owns it.", "schema": RESOURCE}
    )

    assert fixed_parameter(spec)["schema"] == {"type": "string"}


def test_union_typed_by_refs_alone_is_repaired_too() -> None:
    spec = get_with_parameter(
        {
            "name": "kind",
            "in": "query",
            "description": "Either `patient` or `staff`.",
            "schema": {"anyOf": [{"$ref": "#/components/schemas/Patient"}]},
        }
    )

    assert fixed_parameter(spec)["schema"]["enum"] == ["patient", "staff"]


@pytest.mark.parametrize(
    "parameter",
    [
        {"name": "filter", "in": "query", "style": "deepObject", "schema": RESOURCE},
        {"name": "kind", "in": "query", "description": "One of `a`.", "schema": {"type": "string"}},
    ],
    ids=["deep-object filter", "string"],
)
def test_real_object_filters_and_scalars_are_left_alone(parameter: dict[str, Any]) -> None:
    spec = get_with_parameter(parameter)

    assert fixed_parameter(spec) == parameter


# --- token requests ---------------------------------------------------------------------------


def token_body(**overrides: Any) -> dict[str, Any]:
    """A 2021-style token request: every grant's parameters required at once."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "client_id": {"type": "string"},
            "client_secret": {"type": "string"},
            "redirect_uri": {"type": "string"},
            "grant_type": {
                "type": "string",
                "description": "Use `authorization_code` first, `refresh_token` to refresh.",
            },
            "code": {"type": "string"},
            "refresh_token": {"type": "string"},
        },
        "required": [
            "client_id",
            "client_secret",
            "redirect_uri",
            "grant_type",
            "code",
            "refresh_token",
        ],
    }
    schema.update(overrides)
    return schema


def token_spec(schema: dict[str, Any]) -> dict[str, Any]:
    operation = {
        "operationId": "create_oauth_token",
        "tags": ["OAuth"],
        "requestBody": {"content": {"application/json": {"schema": schema}}},
        "responses": {"200": {"description": "ok"}},
    }
    return minimal_spec({"/api/oauth/token": {"post": operation}})


def test_contradictory_token_request_becomes_one_body_per_grant() -> None:
    result = normalize(token_spec(token_body()))

    request = result.spec["paths"]["/api/oauth/token"]["post"]["requestBody"]
    schemas = result.spec["components"]["schemas"]
    assert request["required"] is True
    assert request["content"]["application/json"]["schema"] == {
        "oneOf": [
            {"$ref": "#/components/schemas/AuthorizationCodeGrant"},
            {"$ref": "#/components/schemas/RefreshTokenGrant"},
        ]
    }
    code, refresh = schemas["AuthorizationCodeGrant"], schemas["RefreshTokenGrant"]
    assert code["required"] == ["grant_type", "client_id", "client_secret", "redirect_uri", "code"]
    assert refresh["required"] == ["grant_type", "client_id", "client_secret", "refresh_token"]
    assert "refresh_token" not in code["properties"]
    assert "code" not in refresh["properties"]
    assert "redirect_uri" in refresh["properties"]  # optional: the docs still send it
    assert refresh["properties"]["grant_type"]["enum"] == ["refresh_token"]
    assert refresh["properties"]["grant_type"]["default"] == "refresh_token"
    assert result.fixes_by_kind["token grants"] == [
        "POST /api/oauth/token: request body required the parameters of every grant at once; "
        "split into one body per grant type (AuthorizationCodeGrant, RefreshTokenGrant)"
    ]


def test_grant_types_come_from_the_enum_when_there_is_one() -> None:
    body = token_body()
    body["properties"]["grant_type"] = {"type": "string", "enum": ["refresh_token", "password"]}
    body["properties"]["username"] = {"type": "string"}

    schemas = normalize(token_spec(body)).spec["components"]["schemas"]

    assert sorted(name for name in schemas if name.endswith("Grant")) == [
        "PasswordGrant",
        "RefreshTokenGrant",
    ]
    assert "username" not in schemas["RefreshTokenGrant"]["properties"]


def test_taken_variant_name_is_prefixed_with_the_operation() -> None:
    spec = token_spec(token_body())
    spec["components"] = {"schemas": {"RefreshTokenGrant": {"type": "object"}}}

    schemas = normalize(spec).spec["components"]["schemas"]

    assert schemas["RefreshTokenGrant"] == {"type": "object"}
    assert "CreateOauthTokenRefreshTokenGrant" in schemas


def test_consistent_token_request_is_left_alone() -> None:
    body = token_body(required=["grant_type", "client_id", "client_secret"])
    spec = token_spec(body)

    result = normalize(spec)

    assert "token grants" not in result.fixes_by_kind
    fixed = result.spec["paths"]["/api/oauth/token"]["post"]["requestBody"]
    assert fixed == spec["paths"]["/api/oauth/token"]["post"]["requestBody"]


def test_token_split_is_idempotent() -> None:
    once = normalize(token_spec(token_body()))
    twice = normalize(copy.deepcopy(once.spec))

    assert twice.fixes == [] and twice.spec == once.spec
