"""Compare two (normalised) OpenAPI documents operation by operation.

Operations are matched on method + path with path-parameter names blanked, so renaming
``{id}`` to ``{patient_id}`` is not a removal. Each difference becomes a ``Change``; the ones
that can break an existing client are flagged ``breaking`` and say, in ``impact``, what user
code breaks. A field change also names the shared schema it happens in (``schema``,
``schema_field``), so a report can give it once for every operation it reaches.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from specpipe import impact
from specpipe.document import (
    JSON,
    OperationRef,
    iter_operations,
    json_media_schema,
    operation_parameters,
    resolve,
    success_response,
)
from specpipe.fields import FieldInfo, enum_of, flatten, referenced_schema, type_of
from specpipe.generated_names import FACADE, endpoint_module, facade_call
from specpipe.impact import FieldPlace, OperationNames
from specpipe.operation_facts import GROUP, METHOD

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
    schema: str = ""  # the shared schema the change happens in ("Patient"), "" when inline
    schema_field: str = ""  # the field inside it ("mobile_number"), "" for the schema itself
    impact: str = ""  # for breaking changes: what user code breaks


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
            broken = impact.operation_removed(operation_names(op))
            changes.append(_operation_change(op, "removed", breaking=True, impact=broken))
    for key, op in new_ops.items():
        if key not in old_ops:
            changes.append(_operation_change(op, "added", breaking=False))
        else:
            changes.extend(OperationDiff(old, old_ops[key], new, op).changes())
    return changes


def _operation_change(op: OperationRef, change: str, *, breaking: bool, impact: str = "") -> Change:
    return Change(
        "operation",
        change,
        op.label,
        _op_id(op),
        "",
        f"operation {change}",
        breaking,
        impact=impact,
    )


def _op_id(op: OperationRef) -> str:
    return str(op.operation.get("operationId") or "")


def operation_names(op: OperationRef) -> OperationNames:
    """How users reach ``op``: its façade call (as stamped by the normaliser) and module."""
    tags = op.operation.get("tags") or ["default"]
    tag, operation_id = str(tags[0]), _op_id(op)
    group, method = op.operation.get(GROUP), op.operation.get(METHOD)
    call = f"{FACADE}.{group}.{method}" if group and method else facade_call(tag, operation_id)
    return OperationNames(call, endpoint_module(tag, operation_id), operation_id)


class OperationDiff:
    """Differences within one operation present in both documents."""

    def __init__(self, old: Spec, old_op: OperationRef, new: Spec, new_op: OperationRef) -> None:
        self.old, self.old_op, self.new, self.new_op = old, old_op, new, new_op
        self.names = operation_names(new_op)
        self.found: list[Change] = []

    def changes(self) -> list[Change]:
        """Compute and return this operation's changes."""
        self._compare_operation_id()
        self._compare_parameters()
        self._compare_request_body()
        self._compare_response()
        return self.found

    def _add(
        self,
        kind: str,
        change: str,
        subject: str,
        detail: str,
        breaking: bool,
        broken: str = "",
        info: FieldInfo | None = None,
    ) -> None:
        op = self.new_op
        schema, field = _attribution(info, detail)
        self.found.append(
            Change(
                kind,
                change,
                op.label,
                _op_id(op),
                subject,
                detail,
                breaking,
                schema=schema,
                schema_field=field,
                impact=broken if breaking else "",
            )
        )

    def _compare_operation_id(self) -> None:
        old_id, new_id = _op_id(self.old_op), _op_id(self.new_op)
        old_names = operation_names(self.old_op)
        broken = impact.operation_renamed(old_names, self.names)
        if old_id != new_id:
            # Generated function and module names follow the operationId.
            self._add("operation", "changed", "", f"operationId {old_id} -> {new_id}", True, broken)
        elif old_names.call != self.names.call:
            # Same operationId under another tag: the façade group (and module path) moved.
            detail = f"façade name {old_names.call} -> {self.names.call} (tag changed)"
            self._add("operation", "changed", "", detail, True, broken)

    def _compare_parameters(self) -> None:
        old = _parameters(self.old, self.old_op)
        new = _parameters(self.new, self.new_op)
        removed = [k for k in old if k not in new]
        added = [k for k in new if k not in old]
        for old_key, new_key in _renamed_parameters(old, new, removed, added):
            removed.remove(old_key)
            added.remove(new_key)
            place = self._parameter_place(old_key, old[old_key])
            detail = f"renamed to {new_key.split(' ', 1)[1]}"
            broken = impact.field_renamed(place, new_key.split(" ", 1)[1])
            self._add("parameter", "renamed", old_key, detail, True, broken)
        for key in removed:
            place = self._parameter_place(key, old[key])
            broken = impact.field_removed(place)
            self._add("parameter", "removed", key, "parameter removed", True, broken)
        for key in added:
            required = new[key].required
            detail = "required parameter added" if required else "optional parameter added"
            broken = impact.now_required(self._parameter_place(key, new[key]))
            self._add("parameter", "added", key, detail, required, broken)
        for key in [k for k in new if k in old]:
            places = (self._parameter_place(key, old[key]), self._parameter_place(key, new[key]))
            for detail, breaking, broken in compare_field(old[key], new[key], places):
                self._add("parameter", "changed", key, detail, breaking, broken)

    def _parameter_place(self, key: str, info: FieldInfo) -> FieldPlace:
        name = key.split(" ", 1)[1]
        return impact.field_place("parameter", self.names.operation_id, self.names.call, name, info)

    def _field_place(self, direction: str, path: str, info: FieldInfo) -> FieldPlace:
        return impact.field_place(direction, self.names.operation_id, self.names.call, path, info)

    def _compare_request_body(self) -> None:
        old_body = resolve(self.old, self.old_op.operation.get("requestBody"))
        new_body = resolve(self.new, self.new_op.operation.get("requestBody"))
        if old_body and not new_body:
            broken = impact.body_removed(self.names)
            self._add("request body", "removed", "", "request body removed", True, broken)
            return
        if new_body and not old_body:
            required = bool(new_body.get("required"))
            broken = impact.body_required(self.names)
            self._add("request body", "added", "", "request body added", required, broken)
        old_fields = flatten(self.old, json_media_schema(self.old, old_body)) if old_body else {}
        new_fields = flatten(self.new, json_media_schema(self.new, new_body)) if new_body else {}
        self._compare_fields("request field", old_fields, new_fields, is_response=False)

    def _compare_response(self) -> None:
        old_status, old_response = success_response(self.old, self.old_op.operation)
        new_status, new_response = success_response(self.new, self.new_op.operation)
        if old_status != new_status:
            detail = f"success status {old_status or 'none'} -> {new_status or 'none'}"
            broken = impact.status_changed(self.names, old_status, new_status)
            self._add("response", "changed", "", detail, True, broken)
        old_schema = json_media_schema(self.old, old_response)
        new_schema = json_media_schema(self.new, new_response)
        old_fields, new_fields = flatten(self.old, old_schema), flatten(self.new, new_schema)
        old_keys = wrapper_keys(self.old, old_schema)
        new_keys = wrapper_keys(self.new, new_schema)
        if old_keys and new_keys and old_keys != new_keys:
            detail = f"wrapper key {'/'.join(old_keys)} -> {'/'.join(new_keys)}"
            broken = impact.wrapper_changed(self.names, old_keys[0], new_keys[0])
            self._add("response", "changed", "", detail, True, broken)
            if len(old_keys) == 1 and len(new_keys) == 1:
                old_fields = _rename_root(old_fields, old_keys[0], new_keys[0])
        self._compare_fields("response field", old_fields, new_fields, is_response=True)

    def _compare_fields(
        self, kind: str, old: dict[str, FieldInfo], new: dict[str, FieldInfo], *, is_response: bool
    ) -> None:
        direction = "response" if is_response else "request"
        for path in _outermost([p for p in old if p not in new]):
            broken = impact.field_removed(self._field_place(direction, path, old[path]))
            detail = "field removed" + _nested_note(path, old)
            self._add(kind, "removed", path, detail, True, broken, old[path])
        for path in _outermost([p for p in new if p not in old]):
            required = new[path].required and not is_response
            detail = ("required field added" if required else "field added") + _nested_note(
                path, new
            )
            broken = impact.now_required(self._field_place(direction, path, new[path]))
            self._add(kind, "added", path, detail, required, broken, new[path])
        for path in [p for p in new if p in old]:
            places = (
                self._field_place(direction, path, old[path]),
                self._field_place(direction, path, new[path]),
            )
            for detail, breaking, broken in compare_field(old[path], new[path], places):
                self._add(kind, "changed", path, detail, breaking, broken, new[path])


def compare_field(
    old: FieldInfo, new: FieldInfo, places: tuple[FieldPlace, FieldPlace]
) -> list[tuple[str, bool, str]]:
    """(detail, breaking, what breaks) for each way one field or parameter changed.

    ``places`` are the field's place in the old and the new document: what is gone (an enum
    member) is named as the old client named it.
    """
    place = places[1]
    old_place = dataclasses.replace(place, enum_class=places[0].enum_class)
    is_response = place.direction == "response"
    found: list[tuple[str, bool, str]] = []
    if old.type != new.type:
        broken = impact.type_changed(place, old.type, new.type)
        found.append((f"type {old.type} -> {new.type}", True, broken))
    if not is_response and old.required != new.required:
        detail = "now required" if new.required else "now optional"
        found.append((detail, new.required, impact.now_required(place)))
    old_enum, new_enum = set(old.enum or ()), set(new.enum or ())
    if old.enum is not None and new.enum is not None:
        removed = [v for v in old.enum if v not in new_enum]
        added = [v for v in new.enum if v not in old_enum]
        if removed:
            broken = impact.enum_values_removed(old_place, removed, old.enum)
            found.append((f"enum values removed: {', '.join(removed)}", True, broken))
        if added:
            # Never breaking: response enums are open (an older client reads a value it has never
            # heard of as an unknown member) and a request may simply not use the new value.
            detail = f"enum values added: {', '.join(added)}"
            if is_response:
                detail += f" ({impact.ENUM_VALUE_ADDED_TO_RESPONSE})"
            found.append((detail, False, ""))
    elif old.enum is None and new.enum is not None:
        broken = impact.restricted_to_enum(place)
        found.append((f"now restricted to enum: {', '.join(new.enum)}", not is_response, broken))
    elif old.enum is not None and new.enum is None:
        lifted = impact.restriction_lifted(old_place)
        found.append(("enum restriction lifted", is_response, lifted))
    return found


# Changes that belong to the field's own schema rather than to the field that uses it: with
# ``gender: {$ref: Gender}``, an enum value removed from Gender is one change of Gender.
OWN_SCHEMA_DETAILS = ("type ", "enum ", "now restricted")


def _attribution(info: FieldInfo | None, detail: str) -> tuple[str, str]:
    """(schema, field) a change is rolled up under; ("", "") for operation-level changes."""
    if info is None:
        return "", ""
    if info.ref and detail.startswith(OWN_SCHEMA_DETAILS):
        return info.ref, ""
    return info.schema, info.schema_path if info.schema else ""


def _renamed_parameters(
    old: dict[str, FieldInfo], new: dict[str, FieldInfo], removed: list[str], added: list[str]
) -> list[tuple[str, str]]:
    """A removed and an added parameter alone in the same place with the same type: a rename."""
    pairs: list[tuple[str, str]] = []
    for location in {key.split(" ", 1)[0] for key in removed}:
        gone = [k for k in removed if k.startswith(f"{location} ")]
        came = [k for k in added if k.startswith(f"{location} ")]
        if len(gone) == 1 and len(came) == 1 and old[gone[0]].type == new[came[0]].type:
            pairs.append((gone[0], came[0]))
    return pairs


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
            ref=referenced_schema(spec, p.get("schema")),
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
