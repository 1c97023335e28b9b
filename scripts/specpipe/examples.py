"""Pair every schema of a document with the example values shown for it.

The published 2021 spec says more in its examples than in its schemas: arrays without ``items``,
properties shown as ``null`` but not declared nullable, resources whose examples all carry an
``id`` the schema forgot. :class:`ExampleWalker` walks (schema, example) pairs in parallel and
records what each schema node receives; the fixes in :mod:`specpipe.inference` read the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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


@dataclass
class Slot:
    """A schema slot and the example values shown for it: ``container[key]`` is the schema.

    ``container`` is a ``properties`` mapping (``key`` the property name) or an array schema
    (``key`` is ``"items"``). Keeping the container lets a fix replace a bare ``$ref``.
    """

    container: dict[str, JSON]
    key: str
    values: list[JSON] = field(default_factory=list)

    @property
    def shown_null(self) -> bool:
        return any(value is None for value in self.values)


@dataclass
class ObjectObservations:
    """The example objects seen at one object schema node (one with ``properties``)."""

    node: dict[str, JSON]
    values: list[dict[str, JSON]] = field(default_factory=list)


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


def node_pointers(spec: dict[str, JSON]) -> dict[int, str]:
    """``id(node)`` -> JSON pointer, for reporting where a fix landed."""
    return {id(node): pointer for pointer, node in iter_schema_nodes(spec)}


class ExampleWalker:
    """Walks (schema, example) pairs in parallel and records what schema nodes receive."""

    def __init__(self, spec: dict[str, JSON]) -> None:
        self.spec = spec
        self.arrays: dict[int, ArrayObservations] = {}
        self.slots: dict[tuple[int, str], Slot] = {}
        self.objects: dict[int, ObjectObservations] = {}

    def observe_document(self) -> ExampleWalker:
        """Pair every schema with the examples beside it (media types, parameters, schemas)."""
        for _, node in iter_schema_nodes(self.spec):
            schema = node.get("schema")
            if isinstance(schema, dict):
                for example in self._examples_of(node):
                    self.observe(schema, example, 0)
            if "example" in node and _looks_like_schema(node):
                self.observe(node, node["example"], 0)
        return self

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
        branch = self._matching_branch(node, value)
        if branch is not None:
            self.observe(branch, value, depth + 1)
        if node.get("type") == "array":
            self._observe_array(node, value, depth)
            return
        properties = node.get("properties")
        if isinstance(properties, dict) and isinstance(value, dict):
            self.objects.setdefault(id(node), ObjectObservations(node)).values.append(value)
            for key, item in value.items():
                if key not in properties:
                    continue
                self._observe_slot(properties, key, item)
                self.observe(properties[key], item, depth + 1)

    def _observe_slot(self, container: dict[str, JSON], key: str, value: JSON) -> None:
        self.slots.setdefault((id(container), key), Slot(container, key)).values.append(value)

    def _matching_branch(self, node: dict[str, JSON], value: JSON) -> JSON:
        """Of a ``oneOf``/``anyOf`` of objects, the branch declaring most of the example's keys.

        Observing an example against every branch would credit a patient's nulls to a
        treatment plan; the best-matching branch is the one the example shows.
        """
        branches = [*(node.get("oneOf") or []), *(node.get("anyOf") or [])]
        if not branches or not isinstance(value, dict):
            return None
        best, best_score = None, 0
        for branch in branches:
            resolved = resolve(self.spec, branch)
            properties = resolved.get("properties") if isinstance(resolved, dict) else None
            score = len(set(value) & set(properties)) if isinstance(properties, dict) else 0
            if score > best_score:
                best, best_score = branch, score
        return best

    def _observe_array(self, node: dict[str, JSON], value: JSON, depth: int) -> None:
        record = self.arrays.setdefault(id(node), ArrayObservations(node))
        record.saw_list |= isinstance(value, list)
        record.saw_object |= isinstance(value, dict)
        # A lone object where the schema says array is read as a one-element list.
        elements = value if isinstance(value, list) else [value]
        record.values.extend(elements)
        if "items" in node:
            for element in elements:
                self._observe_slot(node, "items", element)
                self.observe(node["items"], element, depth + 1)


def _looks_like_schema(node: dict[str, JSON]) -> bool:
    return isinstance(node.get("type"), str) or "properties" in node or "items" in node
