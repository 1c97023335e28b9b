"""Infer missing array ``items`` schemas from the examples a document carries.

openapi-python-client drops any schema containing ``{"type": "array"}`` without ``items`` (and
every endpoint that references it). The published 2021 spec has such arrays in its Variant and
Order schemas, so we look at the examples each schema node is used with: the element values seen
there give an ``items`` schema; with no example we fall back to a permissive ``{}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from specpipe.document import JSON, resolve

# Keys whose values are data, not schema: never treat them as schema nodes.
DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})
# How deep examples are followed into nested schemas (recursive schemas would never end).
MAX_DEPTH = 32


@dataclass
class ArrayObservations:
    """Values seen at one array schema node while walking examples."""

    node: dict[str, JSON]
    values: list[JSON] = field(default_factory=list)
    saw_list: bool = False
    saw_object: bool = False


def iter_schema_nodes(node: JSON, pointer: str = "#") -> Iterator[tuple[str, dict[str, JSON]]]:
    """Every dict in the document with its JSON pointer, skipping example/enum/default data."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in DATA_KEYS or str(key).startswith("x-"):
                continue
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from iter_schema_nodes(value, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_schema_nodes(value, f"{pointer}/{index}")


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


class ExampleWalker:
    """Walks (schema, example) pairs in parallel and records what array nodes receive."""

    def __init__(self, spec: dict[str, JSON]) -> None:
        self.spec = spec
        self.arrays: dict[int, ArrayObservations] = {}

    def observe_document(self) -> None:
        """Pair every schema with the examples beside it (media types, parameters, schemas)."""
        for _, node in iter_schema_nodes(self.spec):
            schema = node.get("schema")
            if isinstance(schema, dict):
                for example in self._examples_of(node):
                    self.observe(schema, example, 0)
            if "example" in node and _looks_like_schema(node):
                self.observe(node, node["example"], 0)

    def _examples_of(self, node: dict[str, JSON]) -> list[JSON]:
        found: list[JSON] = []
        if "example" in node:
            found.append(node["example"])
        examples = node.get("examples")
        if isinstance(examples, dict):
            for entry in examples.values():
                entry = resolve(self.spec, entry)
                if isinstance(entry, dict) and "value" in entry:
                    found.append(entry["value"])
        return found

    def observe(self, schema: JSON, value: JSON, depth: int) -> None:
        """Record ``value`` against ``schema`` and recurse into properties and items."""
        node = resolve(self.spec, schema)
        if not isinstance(node, dict) or value is None or depth > MAX_DEPTH:
            return
        for part in node.get("allOf") or []:
            self.observe(part, value, depth + 1)
        if node.get("type") == "array":
            self._observe_array(node, value, depth)
            return
        properties = node.get("properties")
        if isinstance(properties, dict) and isinstance(value, dict):
            for key, item in value.items():
                if key in properties:
                    self.observe(properties[key], item, depth + 1)

    def _observe_array(self, node: dict[str, JSON], value: JSON, depth: int) -> None:
        record = self.arrays.setdefault(id(node), ArrayObservations(node))
        record.saw_list |= isinstance(value, list)
        record.saw_object |= isinstance(value, dict)
        # A lone object where the schema says array is read as a one-element list.
        elements = value if isinstance(value, list) else [value]
        record.values.extend(elements)
        if "items" in node:
            for element in elements:
                self.observe(node["items"], element, depth + 1)


def _looks_like_schema(node: dict[str, JSON]) -> bool:
    return isinstance(node.get("type"), str) or "properties" in node or "items" in node


def infer_array_items(spec: dict[str, JSON]) -> list[str]:
    """Give every item-less array an ``items`` schema and type example-contradicted arrays.

    Mutates ``spec``; returns one human-readable line per fix.
    """
    walker = ExampleWalker(spec)
    walker.observe_document()
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
