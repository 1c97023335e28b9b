"""Flatten schemas into dotted field paths, following ``$ref``s, for comparison.

Each field also records where it is defined: the named schema whose ``properties`` hold it
(``Patient`` for ``patients[].mobile_number``) and its path inside that schema, so a report can
name a change of a shared schema once instead of once per operation that uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from specpipe.document import JSON, resolve_pointer

Spec = dict[str, JSON]
SCHEMAS_POINTER = "#/components/schemas/"


@dataclass(frozen=True)
class FieldInfo:
    """What a report needs to know about one field or parameter."""

    type: str
    required: bool
    enum: tuple[str, ...] | None = None
    schema: str = ""
    """The named schema whose properties hold this field; "" when inline in the operation."""
    schema_path: str = ""
    """The field's path inside ``schema`` (``mobile_number``, ``variants[].upc``)."""
    ref: str = ""
    """The named schema the field's own schema is (``Gender`` for ``gender: {$ref: Gender}``)."""


def type_of(spec: Spec, schema: JSON, seen: frozenset[str] = frozenset()) -> str:
    """A short descriptor: ``string``, ``string/date-time``, ``array<integer>``, ``integer|string``."""
    node, seen, _ = _deref(spec, schema, seen)
    if not isinstance(node, dict):
        return "any"
    declared = node.get("x-declared-type")  # widened by examples: compare what was declared
    if isinstance(declared, str):
        return declared
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
    node, _, _ = _deref(spec, schema, frozenset())
    if isinstance(node, dict) and node.get("type") == "array":
        node, _, _ = _deref(spec, node.get("items"), frozenset())
    parts = node.get("allOf") if isinstance(node, dict) and "enum" not in node else None
    if isinstance(parts, list) and len(parts) == 1:  # a nullable reference to an enum schema
        return enum_of(spec, parts[0])
    if isinstance(node, dict) and isinstance(node.get("enum"), list):
        return tuple(str(value) for value in node["enum"])
    return None


def flatten(spec: Spec, schema: JSON) -> dict[str, FieldInfo]:
    """Every field under ``schema`` keyed by dotted path (``patient.address.city``, ``items[]``)."""
    fields: dict[str, FieldInfo] = {}
    _walk(spec, schema, Place("", "", ""), fields, frozenset())
    return fields


@dataclass(frozen=True)
class Place:
    """Where the walk is: the path from the body root, and inside the current named schema."""

    path: str
    schema: str
    schema_path: str

    def child(self, name: str) -> Place:
        return Place(_join(self.path, name), self.schema, _join(self.schema_path, name))

    def items(self) -> Place:
        return Place(f"{self.path}[]", self.schema, f"{self.schema_path}[]")

    def entering(self, schema: str) -> Place:
        return Place(self.path, schema, "") if schema else self


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else str(name)


def _walk(
    spec: Spec, schema: JSON, place: Place, out: dict[str, FieldInfo], seen: frozenset[str]
) -> None:
    node, seen, named = _deref(spec, schema, seen)
    place = place.entering(named)
    if not isinstance(node, dict) or node.get("x-recursive"):
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        _walk(spec, node["items"], place.items(), out, seen)
        return
    variants = node.get("oneOf") or node.get("anyOf") or []
    if variants:
        out.update(_merge_variants(spec, variants, place, seen))
    for part in node.get("allOf") or []:
        _walk_properties(spec, part, place, out, seen)
    _walk_properties(spec, node, place, out, seen)


def _merge_variants(
    spec: Spec, variants: list[JSON], place: Place, seen: frozenset[str]
) -> dict[str, FieldInfo]:
    """The fields of a ``oneOf``/``anyOf``: whatever one variant can hold.

    A field is required when every variant requires it; its enum is the union of the variants'
    (none when one variant leaves it open), its type the union of theirs. Each grant type of a
    token request fixes ``grant_type`` to one value; together they allow both.
    """
    found: list[dict[str, FieldInfo]] = []
    for variant in variants:
        fields: dict[str, FieldInfo] = {}
        _walk_properties(spec, variant, place, fields, seen)
        found.append(fields)
    merged: dict[str, FieldInfo] = {}
    for path in dict.fromkeys(path for fields in found for path in fields):
        infos = [fields[path] for fields in found if path in fields]
        enums = [info.enum for info in infos]
        merged[path] = FieldInfo(
            type="|".join(sorted({info.type for info in infos})),
            required=len(infos) == len(found) and all(info.required for info in infos),
            enum=None
            if any(enum is None for enum in enums)
            else tuple(dict.fromkeys(value for enum in enums for value in enum or ())),
            schema=infos[0].schema,
            schema_path=infos[0].schema_path,
            ref=infos[0].ref,
        )
    return merged


def _walk_properties(
    spec: Spec,
    schema: JSON,
    place: Place,
    out: dict[str, FieldInfo],
    seen: frozenset[str],
) -> None:
    node, seen, named = _deref(spec, schema, seen)
    place = place.entering(named)
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if not isinstance(properties, dict):
        if node is not schema and ("allOf" in node or "oneOf" in node or "anyOf" in node):
            _walk(spec, node, place, out, seen)
        return
    required = set(node.get("required") or [])
    for name, child in properties.items():
        at = place.child(name)
        out[at.path] = FieldInfo(
            type=type_of(spec, child, seen),
            required=name in required,
            enum=enum_of(spec, child),
            schema=at.schema,
            schema_path=at.schema_path,
            ref=referenced_schema(spec, child),
        )
        _walk(spec, child, at, out, seen)


def referenced_schema(spec: Spec, schema: JSON) -> str:
    """``Gender`` for ``{$ref: .../Gender}`` or a nullable ``allOf`` of it; "" when inline."""
    node = schema
    if isinstance(node, dict) and "$ref" not in node:
        parts = node.get("allOf")
        if isinstance(parts, list) and len(parts) == 1:
            node = parts[0]
    if isinstance(node, dict) and "$ref" not in node:
        arrays = node.get("items") if node.get("type") == "array" else None
        node = arrays if isinstance(arrays, dict) and "$ref" in arrays else node
    _, _, named = _deref(spec, node, frozenset())
    return named


def _deref(spec: Spec, schema: JSON, seen: frozenset[str]) -> tuple[JSON, frozenset[str], str]:
    """Resolve references: (node, refs on the path, last named schema passed, or "").

    A reference already on the current path yields a recursion marker.
    """
    node = schema
    named = ""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            return {"x-recursive": True, "type": "object"}, seen, named
        seen = seen | {ref}
        if ref.startswith(SCHEMAS_POINTER):
            named = ref[len(SCHEMAS_POINTER) :]
        try:
            node = resolve_pointer(spec, ref)
        except (KeyError, IndexError, TypeError):
            return None, seen, named
    return node, seen, named
