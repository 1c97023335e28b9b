"""The parity check: where our sandbox answered differently from Fullscript, per operation.

With ``--fullscript-live`` every test that uses ``fullscript_client`` (and not the sandbox
itself) runs twice: once on the sandbox and once on Fullscript's real sandbox. A recording
transport keeps the *shape* of every answer (but the client's own token calls), never its values: the status, each field's path
and JSON type, and for an error the members of its body. At the end of the session the two
sides are compared per operation, and the report lists each difference:

- ``status``: statuses seen on one side only;
- ``fields``: fields of successful answers present on one side only;
- ``types``: a field whose JSON types differ (e.g. ``string`` here, ``null`` there);
- ``error_shape``: the members of an error body, per status seen on both sides;
- ``called``: an operation answered on one side only.

Values never enter the report (no ids, names or tokens), so it can be sent to us as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import attrs
import httpx2

from fullscript.sandbox import OPERATIONS

__all__ = [
    "Difference",
    "OperationShapes",
    "ParityReport",
    "ShapeRecorder",
    "compare",
    "operation_of",
]

#: The client's own token calls (a refresh on one side only): not the user's calls.
_NOT_COMPARED = frozenset({"create_oauth_token", "revoke_oauth_token"})
#: At most this many items of a list are looked at (their shapes are merged).
_ITEMS_PER_LIST = 20
_TEMPLATES = [
    (
        operation.method,
        re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(operation.path)) + "$"),
        operation.operation_id,
    )
    for operation in OPERATIONS
]


def operation_of(method: str, path: str) -> str:
    """The operationId of a request (its path taken after its ``/api``), else METHOD path."""
    _, found, after = path.partition("/api/")
    relative = "/" + after if found else path
    for candidate, pattern, operation_id in _TEMPLATES:
        if candidate == method.upper() and pattern.match(relative):
            return operation_id
    return f"{method.upper()} {relative}"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _walk(value: Any, path: str, into: dict[str, set[str]]) -> None:
    if path:
        into.setdefault(path, set()).add(_json_type(value))
    if isinstance(value, dict):
        for name, member in value.items():
            _walk(member, f"{path}.{name}" if path else name, into)
    elif isinstance(value, list):
        for item in value[:_ITEMS_PER_LIST]:
            _walk(item, f"{path}[]", into)


@attrs.define
class OperationShapes:
    """Everything one side's answers to one operation looked like."""

    statuses: set[int] = attrs.Factory(set)
    fields: dict[str, set[str]] = attrs.Factory(dict)
    errors: dict[int, set[str]] = attrs.Factory(dict)

    @property
    def succeeded(self) -> bool:
        """Whether any answer was a success (so there are fields to compare)."""
        return any(status < 400 for status in self.statuses)

    def add(self, status: int, body: bytes) -> None:
        """Record one answer's shape."""
        self.statuses.add(status)
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        if status < 400:
            _walk(parsed, "", self.fields)
        else:
            members = set(parsed) if isinstance(parsed, dict) else {f"<{_json_type(parsed)}>"}
            self.errors.setdefault(status, set()).update(members)


class ShapeRecorder(httpx2.AsyncBaseTransport):
    """A transport that passes requests on and records each answer's shape by operation."""

    def __init__(
        self, inner: httpx2.AsyncBaseTransport, shapes: dict[str, OperationShapes]
    ) -> None:
        self._inner = inner
        self.shapes = shapes

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self._inner.handle_async_request(request)
        operation = operation_of(request.method, request.url.path)
        if operation in _NOT_COMPARED:
            return response
        body = await response.aread()
        self.shapes.setdefault(operation, OperationShapes()).add(response.status_code, body)
        return httpx2.Response(
            response.status_code,
            headers=response.headers,
            content=body,
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


@attrs.frozen
class Difference:
    """One way an operation answered differently on our sandbox and on Fullscript."""

    operation: str
    aspect: str
    detail: str
    ours: list[str]
    theirs: list[str]


@attrs.frozen
class ParityReport:
    """The differences found, and the operations compared."""

    operations: list[str]
    differences: list[Difference]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON (what ``--fullscript-parity-report`` writes)."""
        return {
            "operations": self.operations,
            "differences": [attrs.asdict(difference) for difference in self.differences],
        }

    def render(self) -> str:
        """The report as lines for the terminal."""
        if not self.differences:
            return f"parity: no differences in {len(self.operations)} operation(s)"
        lines = [f"parity: {len(self.differences)} difference(s)"]
        for item in self.differences:
            lines.append(
                f"  {item.operation} {item.aspect} {item.detail}: "
                f"sandbox {', '.join(item.ours) or '-'} | fullscript {', '.join(item.theirs) or '-'}"
            )
        return "\n".join(lines)


def _sorted(values: Iterable[object]) -> list[str]:
    return sorted(str(value) for value in values)


def _compare_one(name: str, ours: OperationShapes, theirs: OperationShapes) -> list[Difference]:
    found: list[Difference] = []
    if ours.statuses != theirs.statuses:
        found.append(
            Difference(name, "status", "", _sorted(ours.statuses), _sorted(theirs.statuses))
        )
    if not (ours.succeeded and theirs.succeeded):
        return found + _compare_errors(name, ours, theirs)  # no answers to compare fields of
    only_ours = set(ours.fields) - set(theirs.fields)
    only_theirs = set(theirs.fields) - set(ours.fields)
    if only_ours or only_theirs:
        found.append(Difference(name, "fields", "", _sorted(only_ours), _sorted(only_theirs)))
    for field in sorted(set(ours.fields) & set(theirs.fields)):
        if ours.fields[field] != theirs.fields[field]:
            found.append(
                Difference(
                    name, "types", field, _sorted(ours.fields[field]), _sorted(theirs.fields[field])
                )
            )
    return found + _compare_errors(name, ours, theirs)


def _compare_errors(name: str, ours: OperationShapes, theirs: OperationShapes) -> list[Difference]:
    found: list[Difference] = []
    for status in sorted(set(ours.errors) & set(theirs.errors)):
        if ours.errors[status] != theirs.errors[status]:
            found.append(
                Difference(
                    name,
                    "error_shape",
                    str(status),
                    _sorted(ours.errors[status]),
                    _sorted(theirs.errors[status]),
                )
            )
    return found


def compare(ours: dict[str, OperationShapes], theirs: dict[str, OperationShapes]) -> ParityReport:
    """Where the sandbox's answers (``ours``) differed from Fullscript's (``theirs``)."""
    differences: list[Difference] = []
    for name in sorted(set(ours) | set(theirs)):
        if name not in ours or name not in theirs:
            sides = (["called"], []) if name in ours else ([], ["called"])
            differences.append(Difference(name, "called", "", *sides))
            continue
        differences.extend(_compare_one(name, ours[name], theirs[name]))
    return ParityReport(sorted(set(ours) | set(theirs)), differences)
