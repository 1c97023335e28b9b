"""Normalise an OpenAPI document so openapi-python-client builds a complete, well-named client.

Every fix is idempotent and only touches what is missing or broken, so a good spec (ours) passes
through semantically unchanged while Fullscript's published 2021 file gets repaired. Each fix
returns human-readable lines describing what it changed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

from specpipe.document import (
    JSON,
    OperationRef,
    iter_operations,
    json_media_schema,
    operation_parameters,
    path_ends_with_parameter,
    resolve,
    success_response,
)
from specpipe.inference import (
    DECLARED_TYPE_CONFLICT,
    infer_array_items,
    infer_example_types,
    infer_nullable,
    infer_resource_ids,
)
from specpipe.naming import name_from_path, name_from_summary, tag_from_path, unique_name
from specpipe.oauth_grants import split_token_grants
from specpipe.operation_facts import stamp_operation_facts

Spec = dict[str, JSON]
Fix = Callable[[Spec], list[str]]

DEVELOPMENT_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0"})
BEARER_SCHEME_NAME = "bearerAuth"
PAGE_PARAMETERS: tuple[dict[str, JSON], ...] = (
    {
        "name": "page[number]",
        "in": "query",
        "required": False,
        "description": "1-based page number.",
        "schema": {"type": "integer", "minimum": 1},
    },
    {
        "name": "page[size]",
        "in": "query",
        "required": False,
        "description": "Items per page (at most 100).",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100},
    },
)
ARRAY_FILTER_HINT = re.compile(r"\barray\b", re.IGNORECASE)
# "Can be one of `patient`, `practitioner`, ..." - the phrases that introduce a value list.
VALUE_LIST_HINT = re.compile(
    r"\b(one of|any of|either|possible values|valid (values|options)|following)\b", re.IGNORECASE
)
BACKTICKED = re.compile(r"`([^`\s]+)`")
COMPOSITION_KEYS = ("oneOf", "anyOf", "allOf")


@dataclass(frozen=True)
class NormalizedSpec:
    """The repaired document and the fixes applied to get there, grouped by kind."""

    spec: Spec
    fixes_by_kind: dict[str, list[str]]

    @property
    def fixes(self) -> list[str]:
        """Every fix, one human-readable line each, in the order they were applied."""
        return [line for lines in self.fixes_by_kind.values() for line in lines]

    @property
    def conflicts(self) -> list[str]:
        """Where an example contradicts its schema's declared type (always shown to people)."""
        return list(self.fixes_by_kind.get(DECLARED_TYPE_CONFLICT, []))

    def summary(self) -> str:
        """``"61 operation names, 28 pagination parameters"``; empty when nothing changed."""
        return ", ".join(f"{len(lines)} {kind}" for kind, lines in self.fixes_by_kind.items())


def normalize(spec: Spec) -> NormalizedSpec:
    """Return a repaired deep copy of ``spec``; the input is not modified.

    After the fixes, every operation is stamped with its ``x-fullscript-*`` facts (façade
    names, scope, ...; see specpipe.operation_facts). Stamps are annotations, not fixes.
    """
    result = copy.deepcopy(spec)
    fixes_by_kind: dict[str, list[str]] = {}
    for kind, fix in FIXES:
        lines = fix(result)
        if lines:
            fixes_by_kind[kind] = lines
    stamp_operation_facts(result)
    return NormalizedSpec(result, fixes_by_kind)


def drop_development_servers(spec: Spec) -> list[str]:
    """Remove servers on localhost: Fullscript's own development host is useless to clients."""
    servers = spec.get("servers")
    if not isinstance(servers, list):
        return []
    kept = [s for s in servers if not _is_development_server(s)]
    dropped = [s.get("url") for s in servers if s not in kept]
    spec["servers"] = kept
    return [f"servers: dropped development server {url}" for url in dropped]


def _is_development_server(server: JSON) -> bool:
    url = server.get("url", "") if isinstance(server, dict) else ""
    return urlparse(str(url)).hostname in DEVELOPMENT_HOSTS


def assign_operation_ids(spec: Spec) -> list[str]:
    """Give every operation without an operationId a unique snake_case name from its meaning."""
    operations = list(iter_operations(spec))
    taken = {
        str(op.operation["operationId"]) for op in operations if op.operation.get("operationId")
    }
    fixes: list[str] = []
    for op in operations:
        if op.operation.get("operationId"):
            continue
        summary = str(op.operation.get("summary") or "")
        candidate = name_from_summary(summary) or name_from_path(op.method, op.path)
        name = unique_name(candidate, op.method, taken)
        taken.add(name)
        op.operation["operationId"] = name
        fixes.append(f"{op.label}: operationId set to {name}")
    return fixes


def derive_missing_tags(spec: Spec) -> list[str]:
    """Tag untagged operations (``tags: null`` or missing) after their first path segment."""
    fixes: list[str] = []
    for op in iter_operations(spec):
        tags = op.operation.get("tags")
        if isinstance(tags, list) and tags and all(isinstance(t, str) and t for t in tags):
            continue
        tag = tag_from_path(op.path)
        op.operation["tags"] = [tag]
        fixes.append(f"{op.label}: tags {tags!r} replaced by derived tag {tag!r}")
        _declare_tag(spec, tag)
    return fixes


def _declare_tag(spec: Spec, tag: str) -> None:
    declared = spec.get("tags")
    if isinstance(declared, list) and all(d.get("name") != tag for d in declared):
        declared.append({"name": tag})


def add_page_parameters(spec: Spec) -> list[str]:
    """Give paginated GET collections ``page[number]``/``page[size]`` when they lack them."""
    fixes: list[str] = []
    for op in iter_operations(spec):
        if not _is_paginated_collection(spec, op):
            continue
        present = {p["name"] for p in operation_parameters(spec, op) if p.get("in") == "query"}
        missing = [p for p in PAGE_PARAMETERS if p["name"] not in present]
        if not missing:
            continue
        if op.operation.get("parameters") is None:  # absent, or null in the published file
            op.operation["parameters"] = []
        op.operation["parameters"].extend(copy.deepcopy(missing))
        names = " and ".join(p["name"] for p in missing)
        fixes.append(f"{op.label}: added pagination query parameters {names}")
    return fixes


def _is_paginated_collection(spec: Spec, op: OperationRef) -> bool:
    if op.method != "get" or path_ends_with_parameter(op.path):
        return False
    _, response = success_response(spec, op.operation)
    schema = resolve(spec, json_media_schema(spec, response))
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(properties, dict):
        return False
    if "meta" in properties:
        return True
    return any(_is_array(spec, value) for value in properties.values())


def _is_array(spec: Spec, schema: JSON) -> bool:
    resolved = resolve(spec, schema)
    return isinstance(resolved, dict) and resolved.get("type") == "array"


def mark_array_query_filters(spec: Spec) -> list[str]:
    """``allergen_ids`` typed string but described as an array -> ``allergen_ids[]`` array.

    Fullscript reads array filters as ``name[]=a&name[]=b``; the published file types them as
    plain strings named without brackets, which would send a single comma-less value.
    """
    fixes: list[str] = []
    for op in iter_operations(spec):
        names = {p.get("name") for p in operation_parameters(spec, op)}
        for raw in op.operation.get("parameters") or []:
            if "$ref" in raw or not _is_array_filter(raw) or f"{raw['name']}[]" in names:
                continue
            old = raw["name"]
            raw["name"] = f"{old}[]"
            raw["schema"] = {"type": "array", "items": {"type": "string"}}
            fixes.append(f"{op.label}: query filter {old} (described as an array) -> {old}[] array")
    return fixes


def _is_array_filter(param: JSON) -> bool:
    name = str(param.get("name", ""))
    schema = param.get("schema") or {}
    return (
        param.get("in") == "query"
        and name.endswith("_ids")
        and schema.get("type") == "string"
        and bool(ARRAY_FILTER_HINT.search(str(param.get("description", ""))))
    )


def repair_object_parameters(spec: Spec) -> list[str]:
    """A parameter typed as an object (or a union of resources) where a value is meant.

    The published file types ``GET /clinic/metadata``'s ``type`` as ``oneOf`` Patient,
    Practitioner, ... while its description says "one of `patient`, `practitioner`, ...": the
    parameter names a kind of object, it does not carry one. Such a parameter becomes a string
    enum of the values its description lists, or a plain string when it lists none. A real
    structured filter (``style: deepObject`` with properties) is left alone.
    """
    fixes: list[str] = []
    for op in iter_operations(spec):
        for raw in op.operation.get("parameters") or []:
            schema = raw.get("schema") if isinstance(raw, dict) else None
            if "$ref" in raw or not _is_misplaced_object(spec, raw, schema):
                continue
            values = _listed_values(str(raw.get("description") or ""))
            replacement: dict[str, JSON] = {"type": "string"}
            if values:
                replacement["enum"] = values
            raw["schema"] = replacement
            typed = f"enum of {', '.join(values)}" if values else "string"
            fixes.append(
                f"{op.label}: {raw.get('in')} parameter {raw.get('name')} object -> {typed}"
            )
    return fixes


def _is_misplaced_object(spec: Spec, param: dict[str, JSON], schema: JSON) -> bool:
    if not isinstance(schema, dict):
        return False
    if param.get("style") == "deepObject" and isinstance(schema.get("properties"), dict):
        return False
    resolved = resolve(spec, schema)
    if isinstance(resolved, dict) and resolved.get("type") == "object":
        return True
    parts = [resolve(spec, part) for key in COMPOSITION_KEYS for part in schema.get(key) or []]
    return bool(parts) and any(
        isinstance(part, dict) and part.get("type") == "object" for part in parts
    )


def _listed_values(description: str) -> list[str]:
    """The backticked values after "one of"/"possible values"/...; [] when none are listed."""
    hint = VALUE_LIST_HINT.search(description)
    if hint is None:
        return []
    return list(dict.fromkeys(BACKTICKED.findall(description[hint.end() :])))


def add_bearer_security(spec: Spec) -> list[str]:
    """Declare bearer auth (globally) when the document declares no security at all."""
    components = spec.setdefault("components", {})
    schemes = components.get("securitySchemes")
    if schemes or spec.get("security"):
        return []
    components["securitySchemes"] = {BEARER_SCHEME_NAME: {"type": "http", "scheme": "bearer"}}
    spec["security"] = [{BEARER_SCHEME_NAME: []}]
    fixes = ["security: added bearer scheme bearerAuth, required globally"]
    for op in iter_operations(spec):
        # The OAuth endpoints authenticate with client credentials in the body, not a bearer.
        if "/oauth/" in op.path and "security" not in op.operation:
            op.operation["security"] = []
            fixes.append(f"{op.label}: marked as needing no bearer token")
    return fixes


def repair_token_schemas(spec: Spec) -> list[str]:
    """OAuth token schemas: ``expires_in`` integer or string, ``scope`` present."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    fixes: list[str] = []
    for name, schema in schemas.items():
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict) or "access_token" not in properties:
            continue
        fixes.extend(_repair_token_schema(name, properties))
    return fixes


def _repair_token_schema(name: str, properties: dict[str, JSON]) -> list[str]:
    fixes: list[str] = []
    expires_in = properties.get("expires_in")
    if isinstance(expires_in, dict) and expires_in.get("type") == "string":
        description = expires_in.get("description")
        properties["expires_in"] = {"oneOf": [{"type": "integer"}, {"type": "string"}]}
        if description:
            properties["expires_in"]["description"] = description
        fixes.append(f"schema {name}: expires_in accepts integer or string (was string)")
    if "scope" not in properties:
        properties["scope"] = {
            "type": "string",
            "description": "Space-separated scopes granted to the token.",
        }
        fixes.append(f"schema {name}: added missing scope property")
    return fixes


FIXES: tuple[tuple[str, Fix], ...] = (
    ("development servers", drop_development_servers),
    ("array schemas", infer_array_items),
    ("nullable from examples", infer_nullable),
    (DECLARED_TYPE_CONFLICT, infer_example_types),
    ("resource ids", infer_resource_ids),
    ("operation names", assign_operation_ids),
    ("tags", derive_missing_tags),
    ("array query filters", mark_array_query_filters),
    ("pagination parameters", add_page_parameters),
    ("security", add_bearer_security),
    ("token schema", repair_token_schemas),
    ("object parameters", repair_object_parameters),
    ("token grants", split_token_grants),
)
