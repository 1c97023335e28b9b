"""The pipeline marks what a response can carry; the generated models and enums follow the marks."""

from __future__ import annotations

import enum
import inspect
import json
from collections.abc import Iterator
from typing import Any

import fullscript_api.models as models
import pytest
from fullscript_api.types import OpenIntEnum, OpenStrEnum, set_strict_parsing
from pipeline_support import OUR_SPEC
from specpipe.response_schemas import RESPONSE_MARK, mark_response_schemas, marked_schema_names

SPEC: dict[str, Any] = json.loads(OUR_SPEC.read_text())


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def small_spec() -> dict[str, Any]:
    """One POST whose request body and 200/422 answers use a few component schemas."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "post": {
                    "requestBody": json_body(ref("ThingInput")),
                    "responses": {
                        "200": {"description": "ok", **json_body(ref("Thing"))},
                        "422": {"$ref": "#/components/responses/Invalid"},
                    },
                }
            }
        },
        "components": {
            "responses": {"Invalid": {"description": "bad", **json_body(ref("Error"))}},
            "schemas": {
                "Thing": {
                    "type": "object",
                    "example": {"kind": {"nested": "example data, not a schema"}},
                    "properties": {
                        "kind": ref("Kind"),
                        "parts": {"type": "array", "items": ref("Part")},
                        "parent": {"oneOf": [ref("Thing"), {"type": "string"}]},
                    },
                },
                "Part": {"type": "object", "properties": {"size": {"type": "integer"}}},
                "Kind": {"type": "string", "enum": ["a", "b"]},
                "ThingInput": {"type": "object", "properties": {"kind": ref("Kind")}},
                "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
                "Unused": {"type": "object"},
            },
        },
    }


def test_schemas_reachable_from_responses_are_marked_and_request_only_ones_are_not() -> None:
    marked = mark_response_schemas(small_spec())

    # Thing (directly), Part (array items), Kind (shared with the request), Thing again through
    # its own oneOf (recursion terminates), Error (through components/responses).
    assert marked_schema_names(marked) == {"Thing", "Part", "Kind", "Error"}
    thing = marked["components"]["schemas"]["Thing"]
    assert thing["properties"]["parts"][RESPONSE_MARK] is True
    assert thing["properties"]["parent"]["oneOf"][1][RESPONSE_MARK] is True


def test_marking_leaves_the_input_and_the_examples_alone() -> None:
    original = small_spec()
    marked = mark_response_schemas(original)

    assert original == small_spec()
    assert marked["components"]["schemas"]["Thing"]["example"] == {
        "kind": {"nested": "example data, not a schema"}
    }


def test_our_spec_marks_every_schema_but_the_request_bodies_and_query_enums() -> None:
    unmarked = set(SPEC["components"]["schemas"]) - marked_schema_names(mark_response_schemas(SPEC))

    assert "Patient" not in unmarked and "Error" not in unmarked and "Gender" not in unmarked
    assert {"PatientCreateRequest", "DosageInput", "OAuthTokenRequest"} <= unmarked
    assert unmarked == {
        name for name in unmarked if name.endswith(("Request", "Input")) or name == "SortDirection"
    }


def required_object_schemas() -> Iterator[tuple[str, bool]]:
    """(model name, is marked) for every component object schema with required properties."""
    marked = marked_schema_names(mark_response_schemas(SPEC))
    for name, schema in SPEC["components"]["schemas"].items():
        if schema.get("type") == "object" and schema.get("required"):
            yield name, name in marked


@pytest.fixture
def tolerant() -> Iterator[None]:
    previous = set_strict_parsing(False)
    yield
    set_strict_parsing(previous)


@pytest.mark.parametrize(("name", "is_response"), list(required_object_schemas()))
def test_generated_models_follow_the_marks(tolerant: None, name: str, is_response: bool) -> None:
    model = getattr(models, name)

    if is_response:
        # Tolerant: a body without its required fields still parses.
        assert isinstance(model.from_dict({}), model)
    else:
        # The generator's own code: a request body without its required fields fails.
        with pytest.raises(KeyError):
            model.from_dict({})


def test_every_generated_enum_is_open_for_responses_and_closed_on_construction() -> None:
    exported = [getattr(models, name) for name in models.__all__]
    enums = [value for value in exported if inspect.isclass(value) and issubclass(value, enum.Enum)]

    assert len(enums) > 30
    for found in enums:
        assert issubclass(found, OpenStrEnum | OpenIntEnum), found
        with pytest.raises(ValueError):
            found("certainly-not-a-listed-value")
        assert all(member.is_known for member in found)
