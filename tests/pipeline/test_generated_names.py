"""The names spec-diff uses in its "breaks:" lines are the ones the generated client really has.

Checked against generated/fullscript_api (our spec's committed client), so a change in the
generator or the templates' naming fails here instead of silently misnaming user code.
"""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
from typing import Any

import attrs
import fullscript_api.api as generated_api
import fullscript_api.models as generated_models
import pytest
from fullscript_api.api import Operation
from pipeline_support import OUR_SPEC
from specpipe.document import iter_operations
from specpipe.generated_names import (
    attribute,
    class_name,
    endpoint_module,
    enum_member,
    facade_call,
    facade_names,
    python_type,
)

pytestmark = pytest.mark.skipif(not OUR_SPEC.is_file(), reason="openapi/openapi.json missing")


def generated_operations() -> dict[str, Operation]:
    """operationId -> the Operation constant the resource layer declares for it."""
    found: dict[str, Operation] = {}
    for info in pkgutil.iter_modules(generated_api.__path__):
        module = importlib.import_module(f"fullscript_api.api.{info.name}")
        for value in vars(module).values():
            if isinstance(value, Operation):
                found[value.name] = value
    return found


def our_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(OUR_SPEC.read_text())
    return spec


def test_facade_calls_and_modules_match_the_resource_layer() -> None:
    operations = generated_operations()
    for op in iter_operations(our_spec()):
        operation_id, tag = op.operation["operationId"], op.operation["tags"][0]
        generated = operations[operation_id]

        assert facade_call(tag, operation_id) == f"fs.{generated.group}.{generated.method_name}"
        assert endpoint_module(tag, operation_id) == generated.module.__name__


def test_the_stamped_facade_names_are_the_resource_layer_names() -> None:
    operations = generated_operations()
    names = facade_names(our_spec())

    assert set(names) == set(operations)
    for operation_id, (group, method) in names.items():
        generated = operations[operation_id]
        assert (group, method) == (generated.group, generated.method_name), operation_id


def test_schema_classes_and_attributes_match_the_models() -> None:
    for name, schema in our_spec()["components"]["schemas"].items():
        model = getattr(generated_models, class_name(name))
        if attrs.has(model):
            fields = {field.name for field in attrs.fields(model)}
            assert {attribute(p) for p in schema.get("properties", {})} <= fields, name


def test_enum_members_match_the_generated_enums() -> None:
    for name, schema in our_spec()["components"]["schemas"].items():
        if "enum" not in schema:
            continue
        generated = getattr(generated_models, class_name(name))
        assert issubclass(generated, enum.Enum)
        members = [enum_member(str(v), i) for i, v in enumerate(schema["enum"])]
        assert sorted(members) == sorted(member.name for member in generated), name


@pytest.mark.parametrize(
    ("name", "python"),
    [
        ("page[size]", "pagesize"),
        ("type", "type_"),
        ("id", "id"),
        ("mobileNumber", "mobile_number"),
    ],
)
def test_attribute_names(name: str, python: str) -> None:
    assert attribute(name) == python


@pytest.mark.parametrize(
    ("descriptor", "python"),
    [
        ("string", "str"),
        ("array<integer>", "list[int]"),
        ("integer|string", "int | str"),
        ("string/date-time", "datetime.datetime"),
        ("string/uuid", "str"),
    ],
)
def test_python_types(descriptor: str, python: str) -> None:
    assert python_type(descriptor) == python
