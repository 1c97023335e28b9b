"""Schema drift: an answer whose objects deviate from the spec the way a live API drifts.

A ``drift`` fault runs the operation, then edits the top-level objects of its JSON answer (the
resource, or each item of a list) in one way, so a client's tolerant parsing can be exercised:

- ``unknown_enum``: the first of ``status``, ``state``, ``type`` gets a value the spec does not
  list (``"sandbox_unknown_value"``);
- ``extra_field``: a field the spec does not know (``"sandbox_extra_field"``) appears;
- ``missing_field``: the first field after ``id`` is left out;
- ``null_field``: the first field after ``id`` is ``null``.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["UNKNOWN_ENUM_VALUE", "drift_body"]

UNKNOWN_ENUM_VALUE = "sandbox_unknown_value"
EXTRA_FIELD = "sandbox_extra_field"
_ENUM_FIELDS = ("status", "state", "type")


def _resources(body: Any) -> list[dict[str, Any]]:
    if not isinstance(body, dict):
        return []
    for name, value in body.items():
        if name == "meta":
            continue
        if isinstance(value, dict):
            return [value]
        if isinstance(value, list):
            return [item for item in value if isinstance(item, dict)]
    return []


def _first_field(resource: dict[str, Any]) -> str | None:
    return next((name for name in resource if name != "id"), None)


def _drift_one(resource: dict[str, Any], drift: str) -> None:
    if drift == "unknown_enum":
        field = next((name for name in _ENUM_FIELDS if name in resource), None)
        if field is not None:
            resource[field] = UNKNOWN_ENUM_VALUE
    elif drift == "extra_field":
        resource[EXTRA_FIELD] = "drift"
    else:
        field = _first_field(resource)
        if field is None:
            return
        if drift == "missing_field":
            del resource[field]
        else:
            resource[field] = None


def drift_body(body: Any, drift: str) -> Any:
    """A copy of ``body`` with its top-level objects drifted."""
    body = copy.deepcopy(body)
    for resource in _resources(body):
        _drift_one(resource, drift)
    return body
