"""Values the spec does not list: for testing tolerant parsing against a changed enum."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ._loading import shipped_spec
from ._references import operation_by_id, resolve

__all__ = ["response_enum", "unlisted_value"]


def unlisted_value(values: Iterable[str]) -> str:
    """A value not among ``values`` (``"<first>_unlisted"``), as a new enum value would be."""
    listed = list(values)
    candidate = f"{listed[0] if listed else 'value'}_unlisted"
    while candidate in listed:
        candidate += "_"
    return candidate


def response_enum(operation_id: str, field: str) -> tuple[str, ...]:
    """The enum values the SDK's spec lists for ``field`` anywhere in an operation's answer."""
    spec = shipped_spec()
    operation = operation_by_id(spec, operation_id)
    if operation is None:
        raise LookupError(f"{operation_id} is not an operation of the SDK's spec")
    for response in (operation.get("responses") or {}).values():
        for media in (resolve(spec, response).get("content") or {}).values():
            found = _find_enum(spec, media.get("schema"), field, set())
            if found:
                return found
    return ()


def _find_enum(spec: Mapping[str, Any], schema: Any, field: str, seen: set[int]) -> tuple[str, ...]:
    node = resolve(spec, schema)
    if id(node) in seen:
        return ()
    seen.add(id(node))
    properties = node.get("properties") or {}
    if field in properties:
        target = resolve(spec, properties[field])
        for part in [target, *(target.get("allOf") or []), *(target.get("oneOf") or [])]:
            values = resolve(spec, part).get("enum")
            if values:
                return tuple(str(value) for value in values)
    children = [
        *properties.values(),
        node.get("items"),
        *(node.get("allOf") or []),
        *(node.get("oneOf") or []),
        *(node.get("anyOf") or []),
    ]
    for child in children:
        if child is not None and (found := _find_enum(spec, child, field, seen)):
            return found
    return ()
