"""Refusing what an operation does not declare: a query parameter or body member outside the spec.

Fullscript's Rails app ignores parameters it does not know, so a renamed filter silently
returns everything (``order_number`` became ``number``: 260 orders instead of 1). The sandbox
answers 422 naming the parameter instead, so a test against it fails where the real API would
quietly mislead. ``lax_parameters=True`` (``--lax-parameters``) restores the ignoring.

The declared names come from the generated operation table (``query_parameters``,
``body_fields``), so an operation added or changed in the spec is checked as regenerated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import ValidationFailed
from ..operations import Operation

__all__ = ["refuse_undeclared"]


def _unwrapped(body: Mapping[str, object], declared: tuple[str, ...]) -> Mapping[str, object]:
    """A Rails-style wrapped body (``{"patient": {...}}``) is checked by its inner members."""
    if len(body) == 1:
        ((key, inner),) = body.items()
        if key not in declared and isinstance(inner, Mapping):
            return inner
    return body


def refuse_undeclared(
    operation: Operation,
    query_names: Iterable[str],
    body: Mapping[str, object],
    file_names: Iterable[str],
) -> None:
    """Raise `ValidationFailed` (422) naming each parameter ``operation`` does not declare."""
    errors: dict[str, list[str]] = {}
    declared_query = set(operation.query_parameters)
    for name in query_names:
        if name not in declared_query:
            errors[name] = [
                f"is not a query parameter of {operation.operation_id}; it declares: "
                f"{', '.join(operation.query_parameters) or 'none'}"
            ]
    fields = operation.body_fields
    if fields is not None:
        members = [*_unwrapped(body, fields), *file_names]
        for name in members:
            if name not in fields:
                errors[name] = [
                    f"is not a body member of {operation.operation_id}; it declares: "
                    f"{', '.join(fields) or 'none'}"
                ]
    if errors:
        raise ValidationFailed(errors)
