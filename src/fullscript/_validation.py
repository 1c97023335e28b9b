"""Checks of the numbers callers configure the SDK with: durations in seconds and counts.

Every constructor and method taking a number of seconds or a count checks it here, so the
rules and the wording are the same everywhere: a ``bool`` is not a number (``True`` would be
one second), ``nan`` is refused (it compares false with everything, so a check using it never
fires), and infinity only where it means "no bound". A value of the wrong type raises
`InvalidParameterTypeError` (also a ``TypeError``); a number out of range raises
`InvalidParameterError` (also a ``ValueError``). Both name the argument, what it must be and
what was given, e.g. ``window must be a finite number of seconds > 0, got 0``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._errors import InvalidParameterError

__all__ = ["check_count", "check_number", "check_seconds"]


def check_seconds(
    value: object,
    *,
    name: str,
    where: str,
    allow_zero: bool = False,
    allow_infinity: bool = False,
    accepted: str = "a number of seconds",
) -> float:
    """``value`` as a float number of seconds, or an error naming ``name`` (an argument of
    ``where``).

    The number must be greater than zero (``allow_zero``: or equal to it) and finite
    (``allow_infinity``: or ``math.inf``, meaning no bound). ``accepted`` describes the types
    taken, for the message about a wrong one.
    """
    number = _number(value, name=name, where=where, accepted=accepted)
    in_range = number >= 0 if allow_zero else number > 0  # False for nan
    if not in_range or (math.isinf(number) and not allow_infinity):
        bound = ">= 0" if allow_zero else "> 0"
        kind = "a number of seconds" if allow_infinity else "a finite number of seconds"
        hint = " (math.inf: no bound)" if allow_infinity else ""
        raise _invalid(
            f"{name} must be {kind} {bound}{hint}, got {value!r}",
            where=where,
            name=name,
            wrong_type=False,
        )
    return number


def check_count(
    value: object, *, name: str, where: str, minimum: int = 1, maximum: int | None = None
) -> int:
    """``value`` when it is an ``int`` of at least ``minimum`` (and at most ``maximum``), or an
    error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _invalid(
            f"{name} must be an int, got {type(value).__name__}",
            where=where,
            name=name,
            wrong_type=True,
        )
    if maximum is not None and not minimum <= value <= maximum:
        raise _invalid(
            f"{name} must be between {minimum} and {maximum}, got {value!r}",
            where=where,
            name=name,
            wrong_type=False,
        )
    if value < minimum:
        raise _invalid(
            f"{name} must be at least {minimum}, got {value!r}",
            where=where,
            name=name,
            wrong_type=False,
        )
    return value


def check_number(
    value: object,
    *,
    name: str,
    where: str,
    within: Callable[[float], bool],
    accepted: str,
    expected: str,
) -> float:
    """``value`` as a float when it is a number and ``within(value)``, else an error naming
    ``name``: "``name`` must be ``accepted``" for a wrong type, "must be ``expected``" for a
    number out of range (``within`` must be false for nan)."""
    number = _number(value, name=name, where=where, accepted=accepted)
    if not within(number):
        raise _invalid(
            f"{name} must be {expected}, got {value!r}", where=where, name=name, wrong_type=False
        )
    return number


def _number(value: object, *, name: str, where: str, accepted: str) -> float:
    """``value`` as a float when it is an int or a float (not a bool), else an error saying
    that ``name`` must be ``accepted``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _invalid(
            f"{name} must be {accepted}, got {type(value).__name__}",
            where=where,
            name=name,
            wrong_type=True,
        )
    return float(value)


def _invalid(message: str, *, where: str, name: str, wrong_type: bool) -> InvalidParameterError:
    # Imported on failure only: `_errors` imports `_retry`, whose policy fields are checked here.
    from ._errors import InvalidParameterError, InvalidParameterTypeError

    cls = InvalidParameterTypeError if wrong_type else InvalidParameterError
    return cls(message, operation=where, parameter=name)
