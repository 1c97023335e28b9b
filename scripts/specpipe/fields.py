"""Flatten schemas into dotted field paths, following ``$ref``s, for comparison."""

from __future__ import annotations

from dataclasses import dataclass

from specpipe.document import JSON, resolve_pointer

Spec = dict[str, JSON]


@dataclass(frozen=True)
class FieldInfo:
    """What a report needs to know about one field or parameter."""

    type: str
    required: bool
    enum: tuple[str, ...] | None = None


def type_of(spec: Spec, schema: JSON, seen: frozenset[str] = frozenset()) -> str:
    """A short descriptor: ``string``, ``string/date-time``, ``array<integer>``, ``integer|string``."""
    node, seen = _deref(spec, schema, seen)
    if not isinstance(node, dict):
        return "any"
    variants = node.get("oneOf") or node.get("anyOf")
    if isinstance(variants, list) and variants:
        return "|".join(sorted({type_of(spec, v, seen) for v in variants}))
    if isinstance(node.get("allOf"), list) and "type" not in node:
        parts = {type_of(spec, part, seen) for part in node["allOf"]}
        return parts.pop() if len(parts) == 1 else "object"
    kind = node.get("type")
    if kind == "array":
        items = node.get("items")
        inner = type_of(spec, items, seen) if isinstance(items, dict) and items else "any"
        return f"array<{inner}>"
    if kind is None:
        return "object" if "properties" in node else "any"
    fmt = node.get("format")
    return f"{kind}/{fmt}" if fmt else str(kind)


def enum_of(spec: Spec, schema: JSON) -> tuple[str, ...] | None:
    """Enum values of a schema (or of its array items), as strings, in document order."""
    node, _ = _deref(spec, schema, frozenset())
    if isinstance(node, dict) and node.get("type") == "array":
        node, _ = _deref(spec, node.get("items"), frozenset())
    if isinstance(node, dict) and isinstance(node.get("enum"), list):
        return tuple(str(value) for value in node["enum"])
    return None


def flatten(spec: Spec, schema: JSON) -> dict[str, FieldInfo]:
    """Every field under ``schema`` keyed by dotted path (``patient.address.city``, ``items[]``)."""
    fields: dict[str, FieldInfo] = {}
    _walk(spec, schema, "", fields, frozenset())
    return fields


def _walk(
    spec: Spec, schema: JSON, prefix: str, out: dict[str, FieldInfo], seen: frozenset[str]
) -> None:
    node, seen = _deref(spec, schema, seen)
    if not isinstance(node, dict) or node.get("x-recursive"):
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        _walk(spec, node["items"], f"{prefix}[]", out, seen)
        return
    for variant in node.get("oneOf") or node.get("anyOf") or []:
        _walk_properties(spec, variant, prefix, out, seen, force_optional=True)
    for part in node.get("allOf") or []:
        _walk_properties(spec, part, prefix, out, seen, force_optional=False)
    _walk_properties(spec, node, prefix, out, seen, force_optional=False)


def _walk_properties(
    spec: Spec,
    schema: JSON,
    prefix: str,
    out: dict[str, FieldInfo],
    seen: frozenset[str],
    *,
    force_optional: bool,
) -> None:
    node, seen = _deref(spec, schema, seen)
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if not isinstance(properties, dict):
        if node is not schema and ("allOf" in node or "oneOf" in node or "anyOf" in node):
            _walk(spec, node, prefix, out, seen)
        return
    required = set(node.get("required") or [])
    for name, child in properties.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        out[path] = FieldInfo(
            type=type_of(spec, child, seen),
            required=(name in required) and not force_optional,
            enum=enum_of(spec, child),
        )
        _walk(spec, child, path, out, seen)


def _deref(spec: Spec, schema: JSON, seen: frozenset[str]) -> tuple[JSON, frozenset[str]]:
    """Resolve references; a reference already on the current path yields a recursion marker."""
    node = schema
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return {"x-recursive": True, "type": "object"}, seen
        seen = seen | {ref}
        try:
            node = resolve_pointer(spec, ref)
        except (KeyError, IndexError, TypeError):
            return None, seen
    return node, seen
