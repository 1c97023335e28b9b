"""Arguments checked against their declared types, and loose ones made exact, before sending.

The generated functions turn values into URLs and form fields with ``str()``: a model passed
as an id put its repr (a patient's name and email) into the path, floats, bytes and lists were
sent, an enum parameter given anything but a member failed with a raw ``AttributeError``, a lone
surrogate with a raw ``UnicodeEncodeError``, and a multipart ``None`` was sent as ``"None"``.
`coerce_arguments` reads each operation's own type hints once per function (and a multipart
body model's field hints once per model), so this covers every operation without naming one:

* a path or query value must be of its declared type (``str``, ``int`` but not ``bool``,
  ``list[str]``, an enum); otherwise `InvalidParameterTypeError` (a ``TypeError``) names the
  parameter and the type given, never the value, which may be personal data;
* text must be encodable (no lone surrogates), else `InvalidParameterError`;
* ``None`` for an optional parameter means "not given"; for a required one it is refused;
* a plain string for an enum parameter becomes that member; an unknown one raises
  `InvalidParameterError` listing the accepted values;
* a dict body becomes the body model (``Model.from_dict``); a body that is neither a model
  (anything with ``to_dict``) nor a dict raises `InvalidParameterTypeError` naming the model;
* the fields of a multipart body are checked the same way (``None`` is refused rather than
  sent as the text ``"None"``).
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._errors import InvalidParameterError, InvalidParameterTypeError

__all__ = ["coerce_arguments"]

# Values a multipart body's extra (additional_properties) fields may hold: each is sent as text.
_FORM_SCALARS = (str, int, float)


def _members(hint: Any) -> tuple[Any, ...]:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(hint)
    return (hint,)


class _Parameter:
    """What one parameter of a generated function accepts, worked out from its hint once."""

    __slots__ = ("members", "models", "plain_text")

    def __init__(self, members: tuple[Any, ...]) -> None:
        self.members = members
        # A str is sent as it is once it is known to be valid text (no enum to convert it to).
        self.plain_text = str in members and _enum_of(members) is None
        # For a body: the models a dict may become.
        self.models = _models_of(members)


@functools.cache
def _parameters(function: Callable[..., Any]) -> dict[str, _Parameter]:
    """The parameters of a generated function by name, from its type hints (read once per
    function: asked on every call)."""
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # an unresolvable annotation: leave that operation's inputs alone
        return {}
    return {name: _Parameter(_members(hint)) for name, hint in hints.items() if name != "return"}


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "Unset"


def _marks_absence(member: Any) -> bool:
    """True for ``None`` and the generated ``Unset``: the hints of an optional parameter."""
    return member is type(None) or (isinstance(member, type) and member.__name__ == "Unset")


def _optional(members: tuple[Any, ...]) -> bool:
    return any(_marks_absence(member) for member in members)


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


def _describe(members: tuple[Any, ...]) -> str:
    names = []
    for member in members:
        if _marks_absence(member):
            continue
        if typing.get_origin(member) is list:
            (item,) = typing.get_args(member) or (Any,)
            names.append(f"a list of {getattr(item, '__name__', item)}")
        else:
            names.append(getattr(member, "__name__", str(member)))
    return " or ".join(names)


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refusal(problem: str, *, wrong_type: bool) -> InvalidParameterError:
    """Why one value cannot be sent, before the parameter's name is known (`_refused` adds it)."""
    cls = InvalidParameterTypeError if wrong_type else InvalidParameterError
    return cls(problem, operation="", parameter="")


def _type_refusal(members: tuple[Any, ...], value: Any) -> InvalidParameterError:
    return _refusal(f"must be {_describe(members)}, got {type(value).__name__}", wrong_type=True)


def _check_text(text: str) -> None:
    if not _is_encodable(text):
        raise _refusal("is not valid text (it holds a lone surrogate)", wrong_type=False)


def _checked(members: tuple[Any, ...], value: Any) -> Any:
    """``value`` if it matches one of ``members`` (an enum's string made a member), else
    `_refusal`. Hints this does not know (models, ``Any``, files) accept anything."""
    cls = _enum_of(members)
    if cls is not None:
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                accepted = ", ".join(repr(member.value) for member in cls)
                raise _refusal(
                    f"is not one of {accepted} (got a str that is none of them)", wrong_type=False
                ) from None
        raise _type_refusal(members, value)
    known = False
    for member in members:
        if member is str:
            known = True
            if isinstance(value, str):
                _check_text(value)
                return value
        elif member is int:
            known = True
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif member is bool:
            known = True
            if isinstance(value, bool):
                return value
        elif typing.get_origin(member) is list:
            known = True
            item_members = typing.get_args(member)
            if isinstance(value, list | tuple) and item_members:
                for item in value:
                    try:
                        _checked(item_members, item)
                    except InvalidParameterError as refusal:
                        raise _refusal(
                            f"holds an item that {refusal}",
                            wrong_type=isinstance(refusal, InvalidParameterTypeError),
                        ) from None
                return list(value)
        elif _marks_absence(member):
            continue
        else:
            return value  # a hint not checked here (a model, a file, Any)
    if known:
        raise _type_refusal(members, value)
    return value


def _refused(operation: str, name: str, refusal: InvalidParameterError) -> InvalidParameterError:
    cls = type(refusal)
    return cls(f"{operation}: parameter {name!r} {refusal}", operation=operation, parameter=name)


def _checked_argument(operation: str, name: str, members: tuple[Any, ...], value: Any) -> Any:
    if _is_unset(value):
        return value
    if value is None:
        if _optional(members):
            return _unset_for(members)
        raise InvalidParameterError(
            f"{operation}: parameter {name!r} is None; it is required",
            operation=operation,
            parameter=name,
        )
    try:
        return _checked(members, value)
    except InvalidParameterError as refusal:
        raise _refused(operation, name, refusal) from None


def _unset_for(members: tuple[Any, ...]) -> Any:
    # None stands for "not given": the generated code expects its UNSET (None would reach an
    # enum's ``.value``).
    for member in members:
        if isinstance(member, type) and member.__name__ == "Unset":
            return member()
    return None


def _coerce_body(operation: str, models: list[type[Any]], value: Any) -> Any:
    names = " or ".join(model.__name__ for model in models)
    if not models or any(isinstance(value, model) for model in models):
        return _checked_form(operation, value)
    if callable(getattr(value, "to_dict", None)):
        return value  # model-like (what the generated code calls): trust it
    if isinstance(value, Mapping):
        try:
            return _checked_form(operation, models[0].from_dict(dict(value)))
        except (KeyError, TypeError, ValueError) as error:
            # A missing key names the field; other problems name their kind only (their
            # text could quote a value).
            detail = f"missing {error}" if isinstance(error, KeyError) else type(error).__name__
            raise InvalidParameterTypeError(
                f"{operation}: body is a dict that is not a valid {models[0].__name__} "
                f"({detail}); pass a {names}",
                operation=operation,
                parameter="body",
            ) from None
    raise InvalidParameterTypeError(
        f"{operation}: body must be a {names} (or a dict of one), got {type(value).__name__}",
        operation=operation,
        parameter="body",
    )


@functools.cache
def _form_fields(model: type[Any]) -> dict[str, tuple[Any, ...]]:
    try:
        hints = typing.get_type_hints(model)
    except Exception:  # an unresolvable annotation: leave that model alone
        return {}
    return {
        field.name: _members(hints[field.name])
        for field in attrs.fields(model)
        if field.name in hints and field.name != "additional_properties"
    }


def _checked_form(operation: str, body: Any) -> Any:
    """A multipart body whose every field is of its declared type (each is sent as text)."""
    model = type(body)
    if not callable(getattr(body, "to_multipart", None)) or not attrs.has(model):
        return body
    for name, members in _form_fields(model).items():
        value = getattr(body, name)
        # The form sends None as the text "None" unless its field declares None.
        if value is None and type(None) not in members:
            raise InvalidParameterError(
                f"{operation}: parameter 'body.{name}' is None; it is required",
                operation=operation,
                parameter=f"body.{name}",
            )
        if value is not None:
            _checked_argument(operation, f"body.{name}", members, value)
    extra = getattr(body, "additional_properties", None)
    for key, value in (extra or {}).items():
        if not isinstance(value, _FORM_SCALARS):
            raise InvalidParameterTypeError(
                f"{operation}: parameter 'body.{key}' must be str, int or float, got {type(value).__name__}",
                operation=operation,
                parameter=f"body.{key}",
            )
        if isinstance(value, str) and not _is_encodable(value):
            raise InvalidParameterError(
                f"{operation}: parameter 'body.{key}' is not valid text (it holds a lone surrogate)",
                operation=operation,
                parameter=f"body.{key}",
            )
    return body


def coerce_arguments(
    operation: str, function: Callable[..., Any], arguments: dict[str, Any]
) -> dict[str, Any]:
    """``arguments`` for ``function``, each checked against its declared type.

    Plain strings become enum members, dict bodies their model, ``None`` for an optional
    parameter "not given"; a value of another type raises `InvalidParameterTypeError`, one
    that cannot be sent `InvalidParameterError`. ``arguments`` itself is never modified (it
    is returned as is when nothing needs converting).
    """
    parameters = _parameters(function)
    # Copied only when something is converted: most calls pass nothing to convert.
    coerced: dict[str, Any] | None = None
    for name, value in arguments.items():
        parameter = parameters.get(name)
        if parameter is None:
            continue
        if parameter.plain_text and type(value) is str and value.isascii():
            continue  # the usual argument, an id: ASCII text is always valid
        if name == "body":
            if value is None or _is_unset(value):
                continue
            exact = _coerce_body(operation, parameter.models, value)
        else:
            exact = _checked_argument(operation, name, parameter.members, value)
        if exact is not value:
            if coerced is None:
                coerced = dict(arguments)
            coerced[name] = exact
    return arguments if coerced is None else coerced
