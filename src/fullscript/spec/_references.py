"""Finding things in a spec: an operation by its id, and the node a ``$ref`` points to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["operation_by_id", "resolve"]


def resolve(spec: Mapping[str, Any], node: Any) -> Mapping[str, Any]:
    """``node`` with its ``$ref`` chain followed; ``{}`` for anything that is not an object, a
    reference outside the document, a missing target or a cycle (another spec may be odd)."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = str(node["$ref"])
        if ref in seen or not ref.startswith("#/"):
            return {}
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, Mapping) else {}
        node = target
    return node if isinstance(node, Mapping) else {}


def operation_by_id(spec: Mapping[str, Any], operation_id: str) -> Mapping[str, Any] | None:
    """The operation of ``spec`` with this operationId, or None."""
    for item in (spec.get("paths") or {}).values():
        for operation in item.values() if isinstance(item, Mapping) else ():
            if isinstance(operation, Mapping) and operation.get("operationId") == operation_id:
                return operation
    return None
