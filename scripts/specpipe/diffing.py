"""Compare two (normalised) OpenAPI documents operation by operation.

Operations are matched on method + path with path-parameter names blanked, so renaming
``{id}`` to ``{patient_id}`` is not a removal. Each difference becomes a ``Change``; the ones
that can break an existing client are flagged ``breaking``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specpipe.document import (
    JSON,
    OperationRef,
    iter_operations,
    json_media_schema,
    operation_parameters,
    resolve,
    success_response,
)
from specpipe.fields import FieldInfo, enum_of, flatten, type_of

Spec = dict[str, JSON]
PAGINATION_KEY = "meta"
PATH_PARAMETER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new document."""

    kind: str  # operation | parameter | request body | request field | response | response field
    change: str  # added | removed | changed
    operation: str  # "GET /api/clinic/patients"
    operation_id: str
    subject: str  # "query page[size]", "patient.email", ""
    detail: str
    breaking: bool


def operation_key(op: OperationRef) -> str:
    """``GET /api/clinic/patients/{}``: identity of an operation across versions."""
    blanked = PATH_PARAMETER.sub("{}", op.path)
    return f"{op.method.upper()} {blanked}"


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    """All changes from ``old`` to ``new``, operations in the new document's order."""
    old_ops = {operation_key(op): op for op in iter_operations(old)}
    new_ops = {operation_key(op): op for op in iter_operations(new)}
    changes: list[Change] = []
    for key, op in old_ops.items():
        if key not in new_ops:
            changes.append(_operation_change(op, "removed", breaking=True))
    for key, op in new_ops.items():
        if key not in old_ops:
            changes.append(_operation_change(op, "added", breaking=False))
        else:
            changes.extend(OperationDiff(old, old_ops[key], new, op).changes())
    return changes


def _operation_change(op: OperationRef, change: str, *, breaking: bool) -> Change:
    return Change("operation", change, op.label, _op_id(op), "", f"operation {change}", breaking)


def _op_id(op: OperationRef) -> str:
    return str(op.operation.get("operationId") or "")


class OperationDiff:
    """Differences within one operation present in both documents."""

    def __init__(self, old: Spec, old_op: OperationRef, new: Spec, new_op: OperationRef) -> None:
        self.old, self.old_op, self.new, self.new_op = old, old_op, new, new_op
        self.found: list[Change] = []

    def changes(self) -> list[Change]:
        """Compute and return this operation's changes."""
        self._compare_operation_id()
        self._compare_parameters()
        self._compare_request_body()
        self._compare_response()
        return self.found

    def _add(self, kind: str, change: str, subject: str, detail: str, breaking: bool) -> None:
        op = self.new_op
        self.found.append(Change(kind, change, op.label, _op_id(op), subject, detail, breaking))

    def _compare_operation_id(self) -> None:
        old_id, new_id = _op_id(self.old_op), _op_id(self.new_op)
        if old_id != new_id:
            # Generated function and module names follow the operationId.
            self._add("operation", "changed", "", f"operationId {old_id} -> {new_id}", True)

    def _compare_parameters(self) -> None:
        old = _parameters(self.old, self.old_op)
        new = _parameters(self.new, self.new_op)
        for key in [k for k in old if k not in new]:
            self._add("parameter", "removed", key, "parameter removed", True)
        for key in [k for k in new if k not in old]:
            required = new[key].required
            detail = "required parameter added" if required else "optional parameter added"
            self._add("parameter", "added", key, detail, required)
        for key in [k for k in new if k in old]:
            for detail, breaking in compare_field(old[key], new[key], is_response=False):
                self._add("parameter", "changed", key, detail, breaking)

    def _compare_request_body(self) -> None:
        old_body = resolve(self.old, self.old_op.operation.get("requestBody"))
        new_body = resolve(self.new, self.new_op.operation.get("requestBody"))
        if old_body and not new_body:
            self._add("request body", "removed", "", "request body removed", True)
            return
        if new_body and not old_body:
            required = bool(new_body.get("required"))
            self._add("request body", "added", "", "request body added", required)
        old_fields = flatten(self.old, json_media_schema(self.old, old_body)) if old_body else {}
        new_fields = flatten(self.new, json_media_schema(self.new, new_body)) if new_body else {}
        self._compare_fields("request field", old_fields, new_fields, is_response=False)

    def _compare_response(self) -> None:
        old_status, old_response = success_response(self.old, self.old_op.operation)
        new_status, new_response = success_response(self.new, self.new_op.operation)
        if old_status != new_status:
            detail = f"success status {old_status or 'none'} -> {new_status or 'none'}"
            self._add("response", "changed", "", detail, True)
        old_schema = json_media_schema(self.old, old_response)
        new_schema = json_media_schema(self.new, new_response)
        old_fields, new_fields = flatten(self.old, old_schema), flatten(self.new, new_schema)
        old_keys = wrapper_keys(self.old, old_schema)
        new_keys = wrapper_keys(self.new, new_schema)
        if old_keys and new_keys and old_keys != new_keys:
            detail = f"wrapper key {'/'.join(old_keys)} -> {'/'.join(new_keys)}"
            self._add("response", "changed", "", detail, True)
            if len(old_keys) == 1 and len(new_keys) == 1:
                old_fields = _rename_root(old_fields, old_keys[0], new_keys[0])
        self._compare_fields("response field", old_fields, new_fields, is_response=True)

    def _compare_fields(
        self, kind: str, old: dict[str, FieldInfo], new: dict[str, FieldInfo], *, is_response: bool
    ) -> None:
        for path in _outermost([p for p in old if p not in new]):
            self._add(kind, "removed", path, "field removed" + _nested_note(path, old), True)
        for path in _outermost([p for p in new if p not in old]):
            required = new[path].required and not is_response
            detail = ("required field added" if required else "field added") + _nested_note(
                path, new
            )
            self._add(kind, "added", path, detail, required)
        for path in [p for p in new if p in old]:
            for detail, breaking in compare_field(old[path], new[path], is_response=is_response):
                self._add(kind, "changed", path, detail, breaking)


def compare_field(old: FieldInfo, new: FieldInfo, *, is_response: bool) -> list[tuple[str, bool]]:
    """(detail, breaking) for each way one field or parameter changed."""
    found: list[tuple[str, bool]] = []
    if old.type != new.type:
        found.append((f"type {old.type} -> {new.type}", True))
    if not is_response and old.required != new.required:
        found.append(("now required" if new.required else "now optional", new.required))
    old_enum, new_enum = set(old.enum or ()), set(new.enum or ())
    if old.enum is not None and new.enum is not None:
        removed = [v for v in old.enum if v not in new_enum]
        added = [v for v in new.enum if v not in old_enum]
        if removed:
            found.append((f"enum values removed: {', '.join(removed)}", True))
        if added:
            # An older client cannot parse a value it has never heard of.
            found.append((f"enum values added: {', '.join(added)}", is_response))
    elif old.enum is None and new.enum is not None:
        found.append((f"now restricted to enum: {', '.join(new.enum)}", not is_response))
    elif old.enum is not None and new.enum is None:
        found.append(("enum restriction lifted", is_response))
    return found


def _is_under(path: str, parent: str) -> bool:
    return path.startswith((f"{parent}.", f"{parent}[]"))


def _outermost(paths: list[str]) -> list[str]:
    """Drop paths nested under another path of the list: report a new object once."""
    return [p for p in paths if not any(_is_under(p, other) for other in paths if other != p)]


def _nested_note(path: str, fields: dict[str, FieldInfo]) -> str:
    nested = sum(_is_under(other, path) for other in fields)
    return f" (with {nested} nested field{'s' if nested != 1 else ''})" if nested else ""


def _parameters(spec: Spec, op: OperationRef) -> dict[str, FieldInfo]:
    return {
        f"{p.get('in')} {p['name']}": FieldInfo(
            type=type_of(spec, p.get("schema")),
            required=bool(p.get("required")),
            enum=enum_of(spec, p.get("schema")),
        )
        for p in operation_parameters(spec, op)
    }


def wrapper_keys(spec: Spec, schema: JSON) -> list[str]:
    """Top-level keys of a response body other than pagination ``meta`` (``patient``)."""
    node = resolve(spec, schema)
    properties = node.get("properties") if isinstance(node, dict) else None
    if not isinstance(properties, dict):
        return []
    return sorted(name for name in properties if name != PAGINATION_KEY)


def _rename_root(fields: dict[str, FieldInfo], old: str, new: str) -> dict[str, FieldInfo]:
    renamed: dict[str, FieldInfo] = {}
    for path, info in fields.items():
        for separator in (".", "[]"):
            if path == old or path.startswith(old + separator):
                path = new + path[len(old) :]
                break
        renamed[path] = info
    return renamed
