"""Loose inputs made exact before a generated operation builds its request.

The generated functions expect enum members (``ListPatientsPatientType.GUARDIAN``) and model
instances (``PatientCreateRequest(...)``); given ``"guardian"`` or a dict they failed deep
inside with ``AttributeError: 'str' object has no attribute 'value'``. `coerce_arguments`
reads each operation's own type hints once, so this covers every operation:

* a plain string for an enum parameter becomes that member; an unknown value raises
  `InvalidParameterError` listing the accepted ones;
* a dict body becomes the body model (``Model.from_dict``); a body that is neither a model
  (anything with ``to_dict``) nor a dict raises a ``TypeError`` naming the model expected.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from ._errors import InvalidParameterError

__all__ = ["coerce_arguments"]


def _members(hint: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(hint)
    return (hint,)


@functools.cache
def _hints(function: Callable[..., Any]) -> dict[str, tuple[Any, ...]]:
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # an unresolvable annotation: leave that operation's inputs alone
        return {}
    return {name: _members(hint) for name, hint in hints.items() if name != "return"}


def _enum_of(members: tuple[Any, ...]) -> type[enum.Enum] | None:
    for member in members:
        if isinstance(member, type) and issubclass(member, enum.Enum):
            return member
    return None


def _models_of(members: tuple[Any, ...]) -> list[type[Any]]:
    return [
        member
        for member in members
        if isinstance(member, type) and hasattr(member, "from_dict") and hasattr(member, "to_dict")
    ]


def _coerce_enum(operation: str, name: str, cls: type[enum.Enum], value: str) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        accepted = ", ".join(repr(member.value) for member in cls)
        raise InvalidParameterError(
            f"{operation}: {name}={value!r} is not one of {accepted}",
            operation=operation,
            parameter=name,
        ) from None


def _coerce_body(operation: str, models: list[type[Any]], value: Any) -> Any:
    if not models or any(isinstance(value, model) for model in models):
        return value
    if callable(getattr(value, "to_dict", None)):
        return value  # model-like (what the generated code calls): trust it
    names = " or ".join(model.__name__ for model in models)
    if isinstance(value, Mapping):
        try:
            return models[0].from_dict(dict(value))
        except (KeyError, TypeError, ValueError) as error:
            raise TypeError(
                f"{operation}: body is a dict that is not a valid {models[0].__name__} "
                f"({type(error).__name__}: {error}); pass a {names}"
            ) from None
    raise TypeError(
        f"{operation}: body must be a {names} (or a dict of one), got {type(value).__name__}"
    )


def coerce_arguments(
    operation: str, function: Callable[..., Any], arguments: dict[str, Any]
) -> dict[str, Any]:
    """``arguments`` for ``function`` with plain strings turned into enum members and dict
    bodies into their model; other values are passed through unchanged. ``arguments`` itself
    is never modified (it is returned as is when nothing needs converting)."""
    hints = _hints(function)
    # Copied only when something is converted: most calls pass nothing to convert.
    coerced: dict[str, Any] | None = None
    for name, value in arguments.items():
        members = hints.get(name)
        if members is None:
            continue
        if name == "body":
            if value is not None and type(value).__name__ != "Unset":
                if coerced is None:
                    coerced = dict(arguments)
                coerced[name] = _coerce_body(operation, _models_of(members), value)
            continue
        cls = _enum_of(members)
        if cls is not None and isinstance(value, str) and not isinstance(value, cls):
            if coerced is None:
                coerced = dict(arguments)
            coerced[name] = _coerce_enum(operation, name, cls, value)
    return arguments if coerced is None else coerced
