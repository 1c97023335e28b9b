"""What the normaliser infers from examples: nullability and the ids of resources."""

from __future__ import annotations

from typing import Any

from pipeline_support import minimal_spec
from specpipe.diffing import diff_specs
from specpipe.normalize import normalize


def spec_with_schemas(schemas: dict[str, Any], example: Any, root: str) -> dict[str, Any]:
    """A GET whose 200 body is ``{"thing": <root schema>}`` with ``example`` beside it."""
    response = {
        "description": "ok",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"thing": {"$ref": f"#/components/schemas/{root}"}},
                },
                "example": {"thing": example},
            }
        },
    }
    operation = {"operationId": "get_thing", "tags": ["Things"], "responses": {"200": response}}
    return minimal_spec({"/api/thing": {"get": operation}}, components={"schemas": schemas})


def thing_schema(**properties: Any) -> dict[str, Any]:
    return {"Thing": {"type": "object", "properties": properties}}


def test_property_shown_as_null_becomes_nullable() -> None:
    spec = spec_with_schemas(
        thing_schema(name={"type": "string"}, mobile={"type": "string"}),
        {"name": "n", "mobile": None},
        "Thing",
    )

    result = normalize(spec)

    properties = result.spec["components"]["schemas"]["Thing"]["properties"]
    assert properties["mobile"] == {"type": "string", "nullable": True}
    assert properties["name"] == {"type": "string"}
    assert result.fixes_by_kind["nullable from examples"] == [
        "#/components/schemas/Thing/properties/mobile: shown as null in an example; made nullable"
    ]


def test_null_in_any_one_of_several_examples_is_enough() -> None:
    spec = spec_with_schemas(thing_schema(page={"type": "number"}), {"page": 2}, "Thing")
    spec["components"]["schemas"]["Thing"]["example"] = {"page": None}

    properties = normalize(spec).spec["components"]["schemas"]["Thing"]["properties"]

    assert properties["page"]["nullable"] is True


def test_null_reference_is_wrapped_and_the_shared_schema_left_alone() -> None:
    schemas = {
        **thing_schema(owner={"$ref": "#/components/schemas/Owner"}),
        "Owner": {"type": "object", "description": "Who.", "properties": {"id": {}}},
    }
    spec = spec_with_schemas(schemas, {"owner": None}, "Thing")

    fixed = normalize(spec).spec["components"]["schemas"]

    assert fixed["Thing"]["properties"]["owner"] == {
        "allOf": [{"$ref": "#/components/schemas/Owner"}],
        "nullable": True,
        "description": "Who.",
    }
    assert "nullable" not in fixed["Owner"]


def test_null_inline_object_keeps_its_model_name_as_a_component() -> None:
    dosage = {"type": "object", "description": "Dose.", "properties": {"amount": {}}}
    spec = spec_with_schemas(thing_schema(custom_dosage=dosage), {"custom_dosage": None}, "Thing")

    result = normalize(spec)

    schemas = result.spec["components"]["schemas"]
    assert schemas["ThingCustomDosage"] == dosage
    assert schemas["Thing"]["properties"]["custom_dosage"] == {
        "allOf": [{"$ref": "#/components/schemas/ThingCustomDosage"}],
        "nullable": True,
        "description": "Dose.",
    }
    assert "moved to #/components/schemas/ThingCustomDosage" in result.fixes[0]


def test_null_array_element_makes_items_nullable() -> None:
    tags = {"type": "array", "items": {"type": "string"}}
    spec = spec_with_schemas(thing_schema(tags=tags), {"tags": ["a", None]}, "Thing")

    fixed = normalize(spec).spec["components"]["schemas"]["Thing"]["properties"]["tags"]

    assert fixed["items"] == {"type": "string", "nullable": True}


def test_nested_null_is_found_through_arrays_and_objects() -> None:
    line = {"type": "object", "properties": {"upc": {"type": "string"}}}
    variants = {"type": "array", "items": line}
    spec = spec_with_schemas(
        thing_schema(variants=variants), {"variants": [{"upc": "1"}, {"upc": None}]}, "Thing"
    )

    fixed = normalize(spec).spec["components"]["schemas"]["Thing"]["properties"]["variants"]

    assert fixed["items"]["properties"]["upc"]["nullable"] is True


def test_nullable_and_permissive_schemas_need_no_fix() -> None:
    spec = spec_with_schemas(
        thing_schema(a={"type": "string", "nullable": True}, b={}),
        {"a": None, "b": None},
        "Thing",
    )

    assert "nullable from examples" not in normalize(spec).fixes_by_kind


def test_resource_whose_every_example_carries_an_id_gets_it_first() -> None:
    schemas = thing_schema(state={"type": "string"})
    spec = spec_with_schemas(schemas, {"id": "t1", "state": "draft"}, "Thing")
    spec["components"]["schemas"]["Thing"]["example"] = {"id": "t2", "state": "active"}

    result = normalize(spec)

    properties = result.spec["components"]["schemas"]["Thing"]["properties"]
    assert list(properties) == ["id", "state"]
    assert properties["id"] == {"type": "string", "description": "Unique identifier of the Thing."}
    assert result.fixes_by_kind["resource ids"] == [
        "#/components/schemas/Thing: every example (2) carries an id; added property id"
    ]


def test_no_id_is_added_when_one_example_lacks_it_or_none_is_shown() -> None:
    partly = spec_with_schemas(thing_schema(state={}), {"id": "t1"}, "Thing")
    partly["components"]["schemas"]["Thing"]["example"] = {"state": "active"}
    unseen = minimal_spec({}, components={"schemas": thing_schema(state={})})

    assert "resource ids" not in normalize(partly).fixes_by_kind
    assert "resource ids" not in normalize(unseen).fixes_by_kind


def test_declared_id_is_left_as_it_is() -> None:
    spec = spec_with_schemas(thing_schema(id={"type": "integer"}), {"id": 7}, "Thing")

    fixed = normalize(spec).spec["components"]["schemas"]["Thing"]["properties"]

    assert fixed["id"] == {"type": "integer"}


def test_inferred_fixes_are_idempotent() -> None:
    dosage = {"type": "object", "properties": {"amount": {"type": "string"}}}
    spec = spec_with_schemas(
        thing_schema(custom_dosage=dosage, owner={"$ref": "#/components/schemas/Thing"}),
        {"id": "t1", "custom_dosage": None, "owner": None},
        "Thing",
    )

    once = normalize(spec)
    twice = normalize(once.spec)

    assert {"nullable from examples", "resource ids"} <= set(once.fixes_by_kind)
    assert twice.fixes == [] and twice.spec == once.spec


def test_scalar_contradicted_by_its_examples_is_a_reported_conflict_keeping_its_type() -> None:
    spec = spec_with_schemas(
        thing_schema(
            msrp={"type": "integer", "description": "Price."},
            units={"type": "string", "nullable": True},
            count={"type": "number"},
        ),
        {"msrp": "19.99", "units": 2, "count": 3},
        "Thing",
    )

    result = normalize(spec)

    properties = result.spec["components"]["schemas"]["Thing"]["properties"]
    assert properties["msrp"] == {
        "description": "Price.",
        "x-declared-type": "integer",
        "oneOf": [{"type": "integer"}, {"type": "string"}],
    }
    assert properties["units"] == {
        "x-declared-type": "string",
        "oneOf": [{"type": "string"}, {"type": "integer"}],
        "nullable": True,
    }
    assert properties["count"] == {"type": "number"}  # an integer is a number
    assert result.conflicts == [
        "#/components/schemas/Thing/properties/msrp: declared integer but examples show string; "
        "readers accept both, the diff compares integer: correct the schema or the example",
        "#/components/schemas/Thing/properties/units: declared string but examples show integer; "
        "readers accept both, the diff compares string: correct the schema or the example",
    ]


def test_a_type_change_contradicted_by_a_stale_example_diffs_as_the_real_change() -> None:
    # A field became an integer but its example still shows a string: the diff says
    # string -> integer, not the misleading string -> integer|string.
    old = spec_with_schemas(thing_schema(count={"type": "string"}), {"count": "3"}, "Thing")
    new = spec_with_schemas(thing_schema(count={"type": "integer"}), {"count": "3"}, "Thing")

    changes = [
        c
        for c in diff_specs(normalize(old).spec, normalize(new).spec)
        if c.subject.endswith("count")
    ]

    assert changes and all(c.breaking for c in changes)
    assert all("string" in c.detail and "integer|string" not in c.detail for c in changes)
    assert all("integer" in c.detail for c in changes)
    assert normalize(new).conflicts


def test_enums_and_matching_scalars_keep_their_type() -> None:
    spec = spec_with_schemas(
        thing_schema(state={"type": "string", "enum": ["a"]}, name={"type": "string"}),
        {"state": 1, "name": "n"},
        "Thing",
    )

    assert normalize(spec).conflicts == []


def test_null_spreads_to_the_other_views_of_the_same_object() -> None:
    patient = {"type": "object", "properties": {"gender": {"type": "string"}}}
    link = {
        "type": "object",
        "properties": {
            "patient": {"type": "object", "properties": {"gender": {"type": "string"}}},
            "metadata": {"type": "object", "properties": {"id": {"type": "string"}}},
        },
    }
    plan = {
        "type": "object",
        "properties": {"metadata": {"type": "object", "properties": {"id": {"type": "string"}}}},
    }
    spec = spec_with_schemas(
        {"Patient": patient, "Link": link, "Plan": plan},
        {"patient": {"gender": None}, "metadata": {"id": None}},
        "Link",
    )

    result = normalize(spec)

    schemas = result.spec["components"]["schemas"]
    assert schemas["Patient"]["properties"]["gender"]["nullable"] is True
    assert schemas["Plan"]["properties"]["metadata"]["properties"]["id"]["nullable"] is True
    assert (
        "#/components/schemas/Patient/properties/gender: the same object is shown as null at "
        "#/components/schemas/Link/properties/patient/properties/gender; made nullable"
    ) in result.fixes


def test_nulls_do_not_spread_into_request_bodies() -> None:
    spec = spec_with_schemas(
        thing_schema(metadata={"type": "object", "properties": {"id": {"type": "string"}}}),
        {"metadata": {"id": None}},
        "Thing",
    )
    request = {"type": "object", "properties": {"id": {"type": "string"}}}
    spec["paths"]["/api/thing"]["post"] = {
        "operationId": "create_thing",
        "tags": ["Things"],
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {"type": "object", "properties": {"metadata": request}}
                }
            }
        },
        "responses": {"201": {"description": "ok"}},
    }

    fixed = normalize(spec).spec["paths"]["/api/thing"]["post"]["requestBody"]

    schema = fixed["content"]["application/json"]["schema"]
    assert "nullable" not in schema["properties"]["metadata"]["properties"]["id"]


def test_example_under_one_of_is_read_against_the_branch_it_matches() -> None:
    schemas = {
        "Patient": {
            "type": "object",
            "properties": {"first_name": {}, "gender": {"type": "string"}},
        },
        "Plan": {"type": "object", "properties": {"state": {}, "gender": {"type": "string"}}},
        "Found": {
            "type": "object",
            "properties": {
                "data": {
                    "type": "object",
                    "oneOf": [
                        {"$ref": "#/components/schemas/Plan"},
                        {"$ref": "#/components/schemas/Patient"},
                    ],
                }
            },
        },
    }
    spec = spec_with_schemas(schemas, {"data": {"first_name": "A", "gender": None}}, "Found")

    fixed = normalize(spec).spec["components"]["schemas"]

    assert fixed["Patient"]["properties"]["gender"]["nullable"] is True
    assert "nullable" not in fixed["Plan"]["properties"]["gender"]
