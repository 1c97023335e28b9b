"""Read-only helpers over openapi/openapi.json shared by the spec tests.

Deliberately independent of scripts/specpipe: the spec tests are an oracle for the spec, not a
second use of the pipeline's own code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "openapi" / "openapi.json"
SHARED_DIR = REPO_ROOT.parent / "shared"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")


@cache
def load_spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow local `$ref`s until a concrete object is reached."""
    spec = load_spec()
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


def operation_by_id(operation_id: str) -> dict[str, Any]:
    for _, _, op in operations():
        if op.get("operationId") == operation_id:
            return op
    raise LookupError(
        f"{operation_id} is not an operation of openapi/openapi.json: the spec renamed or dropped "
        "it; update the test to the operationId the spec now uses"
    )


def parameters_of(op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in (resolve(raw) for raw in op.get("parameters", []))}


def success_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    for status in ("200", "201"):
        response = op["responses"].get(status)
        if response is None:
            continue
        content = resolve(response).get("content", {})
        if "application/json" in content:
            return resolve(content["application/json"]["schema"])
    return None


def is_paginated(op: dict[str, Any]) -> bool:
    schema = success_schema(op)
    return schema is not None and "meta" in schema.get("properties", {})


def walk_schemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every schema-like mapping in the document with a JSON-pointer-ish location."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk_schemas(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_schemas(value, f"{where}/{index}")


@dataclass(frozen=True)
class BodyField:
    """One field of a request body: required within its parent object, enum when closed."""

    required: bool
    enum: tuple[Any, ...] | None


def request_body_fields(op: dict[str, Any]) -> dict[str, BodyField]:
    """Every field of an operation's request body by dotted path (``recommendations[].dosage``).

    All media types are merged: the multipart and JSON forms describe the same fields.
    """
    fields: dict[str, BodyField] = {}
    body = op.get("requestBody")
    if body is not None:
        for media in resolve(body)["content"].values():
            fields.update(schema_fields(media["schema"]))
    return fields


def schema_fields(schema: dict[str, Any]) -> dict[str, BodyField]:
    """Every field under ``schema`` by dotted path, following references."""
    fields: dict[str, BodyField] = {}
    _collect(schema, "", fields)
    return fields


def _collect(schema: dict[str, Any], prefix: str, out: dict[str, BodyField]) -> None:
    node = resolve(schema)
    for part in node.get("allOf", []):
        _collect(part, prefix, out)
    if node.get("type") == "array" and "items" in node:
        _collect(node["items"], f"{prefix}[]", out)
        return
    required = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        out[path] = BodyField(required=name in required, enum=_enum_of(child))
        _collect(child, path, out)


def _enum_of(schema: dict[str, Any]) -> tuple[Any, ...] | None:
    node = resolve(schema)
    if "enum" in node:
        return tuple(node["enum"])
    for part in node.get("allOf", []):
        found = _enum_of(part)
        if found is not None:
            return found
    return None
