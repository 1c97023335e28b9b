"""Producing fields the spec declares but the sandbox does not know (``fill_declared_fields``).

After a new spec adds an optional field, the sandbox's records do not have it, so its answers
never show it. With ``Sandbox(fill_declared_fields=True)`` (``--fill-declared-fields``) every
member an answer's schema declares and the answer lacks is produced: the schema's ``example``
when it has one, else null. Off by default, because the sandbox leaves some members out on
purpose (event lists carry no ``data``, as Fullscript's do).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cache
from typing import Any

from fullscript.spec import shipped_spec
from fullscript.spec._references import operation_by_id, resolve

__all__ = ["fill_declared_fields", "response_schema"]


@cache
def _spec() -> Mapping[str, Any]:
    return shipped_spec()


def _resolve(node: Any) -> Mapping[str, Any]:
    return resolve(_spec(), node)


def response_schema(operation_id: str, status: int) -> Mapping[str, Any] | None:
    """The JSON schema of an operation's answer with ``status``, from the SDK's spec."""
    operation = operation_by_id(_spec(), operation_id)
    if operation is None:
        return None
    response = _resolve((operation.get("responses") or {}).get(str(status)))
    media = (response.get("content") or {}).get("application/json") or {}
    schema = media.get("schema")
    return schema if isinstance(schema, Mapping) else None


def _properties(schema: Mapping[str, Any]) -> dict[str, Any]:
    node = _resolve(schema)
    found = dict(node.get("properties") or {})
    for part in node.get("allOf") or []:
        found.update(_properties(part))
    return found


def fill_declared_fields(schema: Mapping[str, Any], value: Any) -> Any:
    """``value`` with every declared member it lacks: the member's example, or null."""
    node = _resolve(schema)
    if isinstance(value, list):
        items = node.get("items")
        return [fill_declared_fields(items, item) for item in value] if items else value
    if not isinstance(value, dict):
        return value
    filled = dict(value)
    for name, member in _properties(node).items():
        if name in filled:
            filled[name] = fill_declared_fields(member, filled[name])
        else:
            declared = _resolve(member)
            example = member.get("example", declared.get("example"))
            filled[name] = copy.deepcopy(example)
    return filled
