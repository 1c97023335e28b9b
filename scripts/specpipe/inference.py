"""Fixes inferred from the examples a document carries.

- **Array items.** openapi-python-client drops any schema containing ``{"type": "array"}``
  without ``items`` (and every endpoint that references it). The published 2021 spec has such
  arrays in its Variant and Order schemas, so the element values seen in examples give an
  ``items`` schema; with no example we fall back to a permissive ``{}``.
- **Nullability.** A property (or array element) shown as ``null`` in any example becomes
  nullable; otherwise the generated model calls ``dict(None)`` on Fullscript's own answer. The
  same holds for every view of the same object (see :func:`object_families`).
- **Types.** A scalar property whose examples show another JSON type than the declared one
  (``msrp`` an integer, shown as ``"19.99"``) accepts both.
- **Resource ids.** A named schema whose every example object carries an ``id`` it does not
  declare gets that ``id`` (typed from the values seen).
"""

from __future__ import annotations

from typing import Any

from specpipe.document import JSON, resolve
from specpipe.examples import (
    ArrayObservations,
    ExampleWalker,
    Slot,
    iter_schema_nodes,
    node_pointers,
)
from specpipe.naming import singular, words_of

SCHEMAS_POINTER = "#/components/schemas/"
IDENTIFIER = "id"


def schema_from_values(values: list[JSON]) -> dict[str, JSON]:
    """The narrowest simple schema every value fits; ``{}`` (anything) when they disagree."""
    present = [value for value in values if value is not None]
    if not present:
        return {}
    schema = _schema_for_present(present)
    if schema and len(present) < len(values):
        schema["nullable"] = True
    return schema


def _schema_for_present(values: list[JSON]) -> dict[str, JSON]:
    if all(isinstance(value, bool) for value in values):
        return {"type": "boolean"}
    if all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return {"type": "integer"}
    if all(isinstance(value, int | float) and not isinstance(value, bool) for value in values):
        return {"type": "number"}
    if all(isinstance(value, str) for value in values):
        return {"type": "string"}
    if all(isinstance(value, list) for value in values):
        return {"type": "array", "items": schema_from_values([v for lst in values for v in lst])}
    if all(isinstance(value, dict) for value in values):
        keys = list(dict.fromkeys(key for value in values for key in value))
        properties = {key: schema_from_values([v[key] for v in values if key in v]) for key in keys}
        return {"type": "object", "properties": properties}
    return {}


# --- array items ------------------------------------------------------------------------------


def infer_array_items(spec: dict[str, JSON]) -> list[str]:
    """Give every item-less array an ``items`` schema and type example-contradicted arrays.

    Mutates ``spec``; returns one human-readable line per fix.
    """
    walker = ExampleWalker(spec).observe_document()
    fixes: list[str] = []
    # Children before parents, so every reported pointer is one of the input document.
    for pointer, node in reversed(list(iter_schema_nodes(spec))):
        if node.get("type") != "array":
            continue
        record = walker.arrays.get(id(node))
        if record and record.saw_object and not record.saw_list:
            fixes.append(_retype_object_array(pointer, node, record))
        elif "items" not in node:
            fixes.append(_add_items(pointer, node, record))
    fixes.reverse()
    return fixes


def _add_items(pointer: str, node: dict[str, JSON], record: ArrayObservations | None) -> str:
    if record and record.values:
        node["items"] = schema_from_values(record.values)
        return f"{pointer}: array without items; items inferred from examples"
    node["items"] = {}
    return f"{pointer}: array without items; items set to a permissive schema (no example)"


def _retype_object_array(pointer: str, node: dict[str, Any], record: ArrayObservations) -> str:
    """Every example holds one object where the schema says array: describe that object."""
    items = node.pop("items", None)
    element = items if isinstance(items, dict) and items else schema_from_values(record.values)
    description = node.get("description")
    node.clear()
    node.update(element)
    if description and "description" not in node and "$ref" not in node:
        node["description"] = description
    return f"{pointer}: declared array but every example is a single object; typed as that object"


# --- nullability ------------------------------------------------------------------------------


def infer_nullable(spec: dict[str, JSON]) -> list[str]:
    """Make every property or array element that an example shows as ``null`` nullable.

    A property shown as null in one view of an object is nullable in every view of that object
    that declares it (``DynamicLink.patient.gender`` null -> ``Patient.gender`` nullable too).

    A bare ``$ref`` cannot carry ``nullable`` in OpenAPI 3.0 (siblings of ``$ref`` are
    ignored), so it is wrapped: ``{"allOf": [{"$ref": ...}], "nullable": true}``. The shared
    schema itself is left alone: being null in one place says nothing about the others.
    """
    walker = ExampleWalker(spec).observe_document()
    pointers = node_pointers(spec)
    shown = [slot for slot in walker.slots.values() if slot.shown_null]
    sites: dict[tuple[int, str], tuple[Slot, str]] = {}
    for slot in shown:
        sites.setdefault((id(slot.container), slot.key), (slot, ""))
    families = object_families(spec)
    for slot in shown:
        origin = f"{pointers.get(id(slot.container), '#')}/{slot.key}"
        for sibling in families.get(id(slot.container), []):
            if slot.key in sibling:
                sites.setdefault((id(sibling), slot.key), (Slot(sibling, slot.key), origin))
    fixes: list[str] = []
    for site, origin in sites.values():
        schema = site.container.get(site.key)
        if not isinstance(schema, dict) or _accepts_null(spec, schema):
            continue
        where = f"{pointers.get(id(site.container), '#')}/{site.key}"
        fixes.append(_make_nullable(spec, site, schema, where, origin))
    return sorted(fixes)


def _make_nullable(
    spec: dict[str, JSON], site: Slot, schema: dict[str, JSON], where: str, origin: str
) -> str:
    hoisted = _hoisted_name(spec, where, schema)
    if hoisted:
        # openapi-python-client would name a nullable inline object ``...Type0``; as a
        # component under the name it had, the model keeps its name.
        spec["components"]["schemas"][hoisted] = schema
        schema = {"$ref": f"{SCHEMAS_POINTER}{hoisted}"}
    if "$ref" in schema:
        wrapper: dict[str, JSON] = {"allOf": [schema], "nullable": True}
        description = resolve(spec, schema).get("description")
        if description:
            wrapper["description"] = description
        site.container[site.key] = wrapper
    else:
        schema["nullable"] = True
    reason = (
        f"the same object is shown as null at {origin}" if origin else "shown as null in an example"
    )
    moved = f" (its object schema moved to {SCHEMAS_POINTER}{hoisted})" if hoisted else ""
    return f"{where}: {reason}; made nullable{moved}"


def object_families(spec: dict[str, JSON]) -> dict[int, list[dict[str, JSON]]]:
    """``id(properties)`` -> the ``properties`` of the other views of the same object.

    Views of one object: a named schema and the inline objects under a property of its name
    (``Patient``, ``DynamicLink.patient``; ``Variant``, ``Product.variants[]``), and inline
    objects under the same property name (the ``metadata`` of each resource). Request bodies
    and parameters are no views: what a client sends is not what the API answers.
    """
    members: dict[str, list[dict[str, JSON]]] = {}
    for pointer, node in iter_schema_nodes(spec):
        if "/requestBody/" in pointer or "/parameters/" in pointer:
            continue
        properties = node.get("properties")
        family = _family_of(pointer)
        if family and isinstance(properties, dict) and properties:
            members.setdefault(family, []).append(properties)
    related: dict[int, list[dict[str, JSON]]] = {}
    for group in members.values():
        for properties in group:
            related[id(properties)] = [other for other in group if other is not properties]
    return related


def _family_of(pointer: str) -> str:
    parts = pointer.split("/")
    if len(parts) == 4 and pointer.startswith(SCHEMAS_POINTER):
        return "_".join(words_of(parts[3]))
    if len(parts) >= 2 and parts[-2] == "properties":
        return parts[-1]
    if len(parts) >= 3 and parts[-1] == "items" and parts[-3] == "properties":
        return singular(parts[-2])
    return ""


def _accepts_null(spec: dict[str, JSON], schema: dict[str, JSON]) -> bool:
    if schema.get("nullable") is True or schema == {}:
        return True
    resolved = resolve(spec, schema)
    return isinstance(resolved, dict) and resolved.get("nullable") is True


# --- scalar types -----------------------------------------------------------------------------

SCALAR_TYPES = ("string", "integer", "number", "boolean")
#: The type a schema declared before examples of another type widened it to a ``oneOf``.
DECLARED_TYPE = "x-declared-type"
#: The kind of fix `infer_example_types` reports under: a conflict, listed even without -v.
DECLARED_TYPE_CONFLICT = "conflicts: examples contradict the declared type"


def infer_example_types(spec: dict[str, JSON]) -> list[str]:
    """A scalar property whose examples show another JSON type accepts both (``oneOf``).

    This is a conflict between the example and its schema, never a silent change: the declared
    type stays first and is kept as ``x-declared-type`` (what the diff compares, so a field
    that became an integer shows as ``string`` -> ``integer``), and each case is reported as a
    conflict (`DECLARED_TYPE_CONFLICT`). ``integer`` values fit ``number``. Enums and
    references are left alone.
    """
    walker = ExampleWalker(spec).observe_document()
    pointers = node_pointers(spec)
    fixes: list[str] = []
    for slot in walker.slots.values():
        schema = slot.container.get(slot.key)
        if not isinstance(schema, dict) or schema.get("type") not in SCALAR_TYPES:
            continue
        if "enum" in schema or "$ref" in schema:
            continue
        declared = str(schema["type"])
        shown = {_json_type(v) for v in slot.values if v is not None}
        extra = sorted(t for t in shown if not _fits(t, declared))
        if not extra:
            continue
        kept = {k: v for k, v in schema.items() if k not in ("type", "format", "nullable")}
        first = {"type": declared, **({"format": schema["format"]} if "format" in schema else {})}
        slot.container[slot.key] = {
            **kept,
            DECLARED_TYPE: declared,
            "oneOf": [first, *({"type": t} for t in extra)],
            **({"nullable": True} if schema.get("nullable") else {}),
        }
        where = f"{pointers.get(id(slot.container), '#')}/{slot.key}"
        fixes.append(
            f"{where}: declared {declared} but examples show {', '.join(extra)}; readers accept "
            f"both, the diff compares {declared}: correct the schema or the example"
        )
    return sorted(fixes)


def _json_type(value: JSON) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _fits(shown: str, declared: str) -> bool:
    return shown == declared or (shown == "integer" and declared == "number")


def _hoisted_name(spec: dict[str, JSON], pointer: str, schema: dict[str, JSON]) -> str:
    """The generator's name for an inline object inside a named schema; "" when not hoisted.

    ``#/components/schemas/Product/properties/custom_dosage`` -> ``ProductCustomDosage``,
    ``.../variants/items/properties/dosage`` -> ``ProductVariantsItemDosage``.
    """
    if not (schema.get("type") == "object" and isinstance(schema.get("properties"), dict)):
        return ""
    if not pointer.startswith(SCHEMAS_POINTER):
        return ""
    name, *rest = pointer[len(SCHEMAS_POINTER) :].split("/")
    parts = [name]
    while rest:
        if rest[0] == "properties" and len(rest) > 1:
            parts.append("".join(word.capitalize() for word in words_of(rest[1])))
            rest = rest[2:]
        elif rest[0] == "items":
            parts.append("Item")
            rest = rest[1:]
        else:
            return ""
    hoisted = "".join(parts)
    return "" if hoisted in spec["components"]["schemas"] or "~" in hoisted else hoisted


# --- resource ids -----------------------------------------------------------------------------


def infer_resource_ids(spec: dict[str, JSON]) -> list[str]:
    """A named object schema without ``id`` whose every example object has one gets ``id``.

    Only schemas under ``components/schemas`` count: those are the API's resources. The id is
    typed from the values seen (a string for Fullscript's uuids) and left optional, like the
    ids the same document declares on its other resources.
    """
    walker = ExampleWalker(spec).observe_document()
    schemas = (spec.get("components") or {}).get("schemas") or {}
    fixes: list[str] = []
    for name, schema in schemas.items():
        record = walker.objects.get(id(schema))
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if record is None or not isinstance(properties, dict) or IDENTIFIER in properties:
            continue
        ids = [value.get(IDENTIFIER) for value in record.values]
        if not ids or any(isinstance(i, bool) or not isinstance(i, str | int) for i in ids):
            continue
        properties[IDENTIFIER] = {
            **schema_from_values(ids),
            "description": f"Unique identifier of the {name}.",
        }
        # Declared first, where readers (and the generated model) expect the identifier.
        schema["properties"] = {IDENTIFIER: properties.pop(IDENTIFIER), **properties}
        fixes.append(
            f"{SCHEMAS_POINTER}{name}: every example ({len(ids)}) carries an id; "
            f"added property {IDENTIFIER}"
        )
    return fixes
