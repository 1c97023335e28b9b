"""Roll per-operation changes of a shared schema up into one entry per schema change.

``Patient`` is returned by nine operations; a field removed from it shows up in each of them.
A report gives it once, under the schema, with the operations it reaches.
"""

from __future__ import annotations

from dataclasses import dataclass

from specpipe.diffing import Change


@dataclass(frozen=True)
class SchemaChange:
    """One change of a named schema, with every operation it reaches."""

    schema: str
    field: str  # "" when the change is of the schema itself (an enum schema's values)
    kind: str  # request field | response field | parameter
    change: str
    detail: str
    breaking: bool
    operations: tuple[str, ...]  # "GET /api/clinic/patients", in report order, each once
    operation_ids: tuple[str, ...]  # same order
    subjects: tuple[str, ...]  # every path of the field, in the order of the changes
    impacts: tuple[str, ...]  # what breaks, each distinct sentence once

    @property
    def title(self) -> str:
        """``Patient.mobile_number``, or ``Gender`` for the schema itself."""
        return f"{self.schema}.{self.field}" if self.field else self.schema


def roll_up(changes: list[Change]) -> tuple[list[SchemaChange], list[Change]]:
    """(changes of shared schemas, the remaining per-operation changes)."""
    groups: dict[tuple[str, str, str, str, str, bool], list[Change]] = {}
    rest: list[Change] = []
    for change in changes:
        if not change.schema:
            rest.append(change)
            continue
        key = (
            change.schema,
            change.schema_field,
            change.kind,
            change.change,
            change.detail,
            change.breaking,
        )
        groups.setdefault(key, []).append(change)
    shared = [
        SchemaChange(
            schema,
            field,
            kind,
            what,
            detail,
            breaking,
            operations=tuple(dict.fromkeys(c.operation for c in group)),
            operation_ids=tuple(dict.fromkeys(c.operation_id for c in group)),
            subjects=tuple(c.subject for c in group),
            impacts=tuple(dict.fromkeys(c.impact for c in group if c.impact)),
        )
        for (schema, field, kind, what, detail, breaking), group in groups.items()
    ]
    shared.sort(key=lambda entry: (entry.schema, not entry.breaking, entry.field, entry.kind))
    return shared, rest
