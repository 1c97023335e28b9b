"""Work classes: who is waiting for a slot, and how much of the window they may take.

One quota serves two kinds of work. **Interactive** work has a user waiting on it (a patient
lookup); **background** work does not (a nightly sync, an export, a catch-up). Interactive
calls are granted before queued background work, and a reserve of each window is held back
for them while they are active, so a bulk job cannot make a user wait a whole window.
Background work has no default maximum wait: it completes, at whatever pace the quota allows.
"""

from __future__ import annotations

import math
from typing import Literal

from .._validation import check_number

__all__ = [
    "BACKGROUND",
    "DEFAULT_RESERVE",
    "INTERACTIVE",
    "WORK_CLASSES",
    "WorkClass",
    "check_reserve",
    "check_weight",
    "check_work_class",
]

WorkClass = Literal["interactive", "background"]
"""Which kind of work a request is: ``"interactive"`` (a user waits) or ``"background"``."""

INTERACTIVE: WorkClass = "interactive"
BACKGROUND: WorkClass = "background"
WORK_CLASSES: tuple[WorkClass, ...] = (INTERACTIVE, BACKGROUND)

DEFAULT_RESERVE = 0.1
"""Share of each window background work may not take while interactive work is active: 10%
(500 of Fullscript's 5000 per 5 minutes), enough for a burst of user calls between two
refills, small enough that a bulk job loses little when users are about."""


def check_work_class(value: object, *, where: str) -> WorkClass:
    """``value`` when it names a work class, else an error naming the classes there are."""
    if value in WORK_CLASSES:
        return value
    from .._validation import _invalid

    raise _invalid(
        f"work_class must be one of {', '.join(map(repr, WORK_CLASSES))}, got {value!r}",
        where=where,
        name="work_class",
        wrong_type=not isinstance(value, str),
    )


def check_reserve(value: object, *, where: str) -> float:
    """``value`` as a share of the window in [0, 1), else an error saying so."""
    return check_number(
        value,
        name="reserve",
        where=where,
        within=lambda share: 0 <= share < 1,  # False for nan
        accepted="a number in [0, 1)",
        expected="a share of the window in [0, 1)",
    )


def check_weight(value: object, *, where: str) -> float:
    """``value`` as a grant's weight (a finite number > 0), else an error saying so."""
    return check_number(
        value,
        name="weight",
        where=where,
        within=lambda weight: weight > 0 and math.isfinite(weight),
        accepted="a positive number",
        expected="a finite number > 0",
    )
