"""Small helpers for walking an OpenAPI 3.0 document held as plain JSON data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

JSON = Any
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class OperationRef:
    """One operation of a document, with the path item it belongs to."""

    path: str
    method: str
    operation: dict[str, JSON]
    path_item: dict[str, JSON]

    @property
    def label(self) -> str:
        """``GET /api/clinic/patients``: how reports name an operation."""
        return f"{self.method.upper()} {self.path}"


def iter_operations(spec: dict[str, JSON]) -> Iterator[OperationRef]:
    """Yield every operation in document order."""
    paths = spec.get("paths") or {}
    for path, path_item in paths.items():
        if not isinstance(path_item, dict):
            continue
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if isinstance(operation, dict):
                yield OperationRef(path, method, operation, path_item)


def resolve_pointer(spec: dict[str, JSON], ref: str) -> JSON:
    """Return the node a local ``#/...`` reference points at (KeyError when it does not exist)."""
    if not ref.startswith("#/"):
        raise KeyError(f"only local references are supported: {ref}")
    node: JSON = spec
    for raw in ref[2:].split("/"):
        node = node[raw.replace("~1", "/").replace("~0", "~")]
    return node


def resolve(spec: dict[str, JSON], node: JSON) -> JSON:
    """Follow ``$ref`` chains to a non-reference node; None when a reference dangles."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            break
        seen.add(ref)
        try:
            node = resolve_pointer(spec, ref)
        except (KeyError, IndexError, TypeError):
            return None
    return node


def operation_parameters(spec: dict[str, JSON], op: OperationRef) -> list[dict[str, JSON]]:
    """The effective (resolved) parameters of an operation, path-item level ones included."""
    merged: dict[tuple[str, str], dict[str, JSON]] = {}
    for raw in [*(op.path_item.get("parameters") or []), *(op.operation.get("parameters") or [])]:
        param = resolve(spec, raw)
        if isinstance(param, dict) and "name" in param:
            merged[(str(param.get("in")), str(param["name"]))] = param
    return list(merged.values())


def json_media_schema(spec: dict[str, JSON], container: JSON) -> JSON:
    """The schema of the JSON media type of a response or request body, if any."""
    container = resolve(spec, container)
    if not isinstance(container, dict):
        return None
    content = container.get("content") or {}
    for media_type, media in content.items():
        if "json" in media_type and isinstance(media, dict):
            return media.get("schema")
    return None


def success_response(spec: dict[str, JSON], operation: dict[str, JSON]) -> tuple[str, JSON]:
    """The first 2xx response (status, response object); ``("", None)`` when there is none."""
    responses = operation.get("responses") or {}
    for status in sorted(responses, key=str):
        if str(status).startswith("2"):
            return str(status), resolve(spec, responses[status])
    return "", None


def path_ends_with_parameter(path: str) -> bool:
    """True for item paths such as ``/patients/{id}``."""
    return path.rstrip("/").endswith("}")
