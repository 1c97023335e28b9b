"""Breaking changes from one spec to another, in the names users write.

The old spec is the one the SDK was generated from (its operations carry the pipeline's
``x-fullscript-group`` / ``x-fullscript-method`` stamps, so each operation is named as users
call it); the new one may be any OpenAPI 3.0 document. Operations are matched by method and
path with path parameters blanked. What is reported breaks code written against the old SDK:

- an operation gone: ``fs.<group>.<method>(...)``;
- a query parameter gone or renamed, or a new required one: the keyword of that call;
- a field of a shared schema gone, or its type changed: ``Model.field``, and every webhook
  event that carries the model (``OrderPlaced.data.order.field``);
- an enum value gone: the value users compare with or send;
- an event type no longer listed: its class in `fullscript.webhooks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ._references import resolve

__all__ = ["BreakingChange", "breaking_changes", "event_readings"]

_METHODS = ("get", "put", "post", "delete", "patch")
_PATH_PARAMETER = re.compile(r"\{[^}]*\}")
_NOT_A_NAME = re.compile(r"\W+")


@attrs.frozen
class BreakingChange:
    """One change that breaks code written against the SDK's spec.

    Attributes:
        names: what users wrote that breaks (``fs.orders.list(order_number=...)``).
        change: what changed in the spec, in a sentence.
    """

    names: tuple[str, ...]
    change: str

    def __str__(self) -> str:
        return f"{', '.join(self.names)}: {self.change}"


def _operations(spec: Mapping[str, Any]) -> dict[str, tuple[str, Mapping[str, Any]]]:
    """``GET /api/clinic/orders`` (path parameters blanked) -> (label, operation)."""
    found: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for path, item in (spec.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, Mapping):
                key = f"{method.upper()} {_PATH_PARAMETER.sub('{}', path)}"
                found[key] = (f"{method.upper()} {path}", {**operation, "_item": item})
    return found


def _call(operation: Mapping[str, Any]) -> str:
    group, method = operation.get("x-fullscript-group"), operation.get("x-fullscript-method")
    if group and method:
        return f"fs.{group}.{method}"
    return f"operation {operation.get('operationId', '?')}"


def _keyword(name: str) -> str:
    return _NOT_A_NAME.sub("_", name).strip("_")


def _query(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    item = operation.get("_item") or {}
    merged: dict[str, Mapping[str, Any]] = {}
    for raw in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        parameter = resolve(spec, raw)
        if isinstance(parameter, Mapping) and parameter.get("in") == "query":
            merged[str(parameter.get("name"))] = parameter
    return merged


def _type(spec: Mapping[str, Any], schema: Any) -> str:
    """A short type: ``string``, ``integer``, ``array of Patient``, ``Patient``, ``a|b``."""
    if isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    schema = resolve(spec, schema)
    if not isinstance(schema, Mapping):
        return "any"
    for key in ("oneOf", "anyOf"):
        if schema.get(key):
            return "|".join(sorted({_type(spec, part) for part in schema[key]}))
    if schema.get("allOf"):
        return "&".join(_type(spec, part) for part in schema["allOf"])
    kind = str(schema.get("type") or "any")
    if kind == "array":
        return f"array of {_type(spec, schema.get('items'))}"
    return kind


def _enum(spec: Mapping[str, Any], schema: Any) -> tuple[str, ...]:
    schema = resolve(spec, schema)
    if not isinstance(schema, Mapping):
        return ()
    if schema.get("enum"):
        return tuple(str(value) for value in schema["enum"])
    if schema.get("type") == "array":
        return _enum(spec, schema.get("items"))
    for part in schema.get("allOf") or []:
        if values := _enum(spec, part):
            return values
    return ()


def _properties(spec: Mapping[str, Any], schema: Any) -> dict[str, Any]:
    schema = resolve(spec, schema)
    if not isinstance(schema, Mapping):
        return {}
    found = dict(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        found.update(_properties(spec, part))
    return found


def _event_types(spec: Mapping[str, Any]) -> set[str]:
    types: set[str] = set()
    for _, operation in _operations(spec).values():
        parameter = _query(spec, operation).get("event_type")
        if parameter is not None:
            types.update(_enum(spec, parameter.get("schema")))
    return types


def event_readings(model: str) -> list[str]:
    """Where webhook handlers read ``model``: ``["OrderPlaced.data.order"]`` for ``Order``."""
    from ..webhooks.events import event_data_models

    return [
        f"{cls.__name__}.data.{attribute}"
        for cls, models in event_data_models().items()
        for attribute, name in models.items()
        if name == model
    ]


def breaking_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[BreakingChange]:
    """Every change from ``old`` (the SDK's spec) to ``new`` that breaks code using ``old``."""
    return [*_operation_changes(old, new), *_schema_changes(old, new), *_event_changes(old, new)]


def _operation_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[BreakingChange]:
    new_operations = _operations(new)
    for key, (label, operation) in _operations(old).items():
        call = _call(operation)
        if key not in new_operations:
            yield BreakingChange((f"{call}(...)",), f"{label} is no longer in the spec")
            continue
        old_query, new_query = _query(old, operation), _query(new, new_operations[key][1])
        gone = [name for name in old_query if name not in new_query]
        added = [name for name in new_query if name not in old_query]
        for name in gone:
            renamed = f"; renamed to {added[0]}?" if len(gone) == 1 and len(added) == 1 else ""
            yield BreakingChange(
                (f"{call}({_keyword(name)}=...)",),
                f"query parameter {name} of {label} is gone{renamed}",
            )
        for name in added:
            if new_query[name].get("required"):
                yield BreakingChange(
                    (f"{call}(...)",), f"{label} now requires the query parameter {name}"
                )
        for name in set(old_query) & set(new_query):
            removed = set(_enum(old, old_query[name].get("schema"))) - set(
                _enum(new, new_query[name].get("schema"))
            )
            if removed and _enum(new, new_query[name].get("schema")):
                yield BreakingChange(
                    (f"{call}({_keyword(name)}=...)",),
                    f"{label} no longer accepts {', '.join(sorted(removed))} for {name}",
                )


def _schema_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[BreakingChange]:
    old_schemas = (old.get("components") or {}).get("schemas") or {}
    new_schemas = (new.get("components") or {}).get("schemas") or {}
    for model, schema in old_schemas.items():
        if model not in new_schemas:
            yield BreakingChange((model, *event_readings(model)), f"schema {model} is gone")
            continue
        old_fields = _properties(old, schema)
        new_fields = _properties(new, new_schemas[model])
        for field, declared in old_fields.items():
            readings = (
                f"{model}.{field}",
                *(f"{where}.{field}" for where in event_readings(model)),
            )
            if field not in new_fields:
                yield BreakingChange(readings, f"{model}.{field} is no longer in the spec")
                continue
            was, now = _type(old, declared), _type(new, new_fields[field])
            if was != now:
                yield BreakingChange(readings, f"{model}.{field} is now {now}, not {was}")
            removed = set(_enum(old, declared)) - set(_enum(new, new_fields[field]))
            if removed and _enum(new, new_fields[field]):
                yield BreakingChange(
                    readings, f"{model}.{field} no longer has {', '.join(sorted(removed))}"
                )


def _event_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[BreakingChange]:
    from ..webhooks.events import EVENT_CLASSES

    for event_type in sorted(_event_types(old) - _event_types(new)):
        cls = EVENT_CLASSES.get(event_type)
        name = f"fullscript.webhooks.{cls.__name__}" if cls is not None else event_type
        yield BreakingChange((name,), f"event type {event_type} is no longer listed")
