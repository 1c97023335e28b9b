"""Render a list of spec changes for people (text) or machines (JSON).

Changes of shared schemas are rolled up (see :mod:`specpipe.diff_rollup`): the text report gives
each once under its schema, with the operations it reaches; every breaking change is followed
by a ``breaks:`` line saying what user code breaks.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from dataclasses import asdict

from specpipe.diff_rollup import SchemaChange, roll_up
from specpipe.diffing import Change

BREAKING_MARK = "BREAKING"
WIDTH = 100
MARK_WIDTH = 10  # "BREAKING" and the space after it


def summary(changes: list[Change]) -> dict[str, int]:
    """Counts a report starts with; a shared-schema change counts once, however many operations."""
    shared, rest = roll_up(changes)
    operations = Counter(c.change for c in rest if c.kind == "operation" and not c.subject)
    touched = {c.operation for c in changes if c.kind != "operation" or c.change == "changed"}
    return {
        "operations_added": operations["added"],
        "operations_removed": operations["removed"],
        "operations_changed": len(touched),
        "changes": len(shared) + len(rest),
        "breaking": sum(c.breaking for c in shared) + sum(c.breaking for c in rest),
    }


def render_json(changes: list[Change], old: str, new: str) -> str:
    """Machine-readable report: sources, counts, the rolled-up schema changes and every change.

    ``changes`` keeps one entry per operation (with ``schema``/``schema_field`` naming the
    shared schema, when there is one); ``schema_changes`` is the rolled-up view.
    """
    shared, _ = roll_up(changes)
    document = {
        "old": old,
        "new": new,
        "summary": summary(changes),
        "schema_changes": [asdict(entry) for entry in shared],
        "changes": [asdict(change) for change in changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def render_text(changes: list[Change], old: str, new: str) -> str:
    """Human report: a summary line, whole operations, shared schemas, then each operation."""
    counts = summary(changes)
    lines = [
        f"Spec changes: {old} -> {new}",
        f"  operations: {counts['operations_added']} added, {counts['operations_removed']} removed,"
        f" {counts['operations_changed']} changed; {counts['breaking']} breaking change(s)",
    ]
    if not changes:
        lines.append("  no differences")
        return "\n".join(lines)
    shared, rest = roll_up(changes)
    whole = [c for c in rest if c.kind == "operation" and c.change != "changed"]
    if whole:
        lines.append("")
        for change in whole:
            lines.append(_line(change.breaking, f"{change.detail:<18} {_operation_title(change)}"))
            lines.extend(_breaks(change.impact, indent=""))
    for schema, entries in _by_schema(shared).items():
        lines.extend(["", f"{schema} (shared schema)"])
        for entry in entries:
            lines.extend(_schema_entry(entry))
    for operation, group in _grouped([c for c in rest if c not in whole]).items():
        lines.extend(["", operation])
        for change in group:
            lines.append(_line(change.breaking, _describe(change), indent="  "))
            lines.extend(_breaks(change.impact, indent="  "))
    return "\n".join(lines)


def _by_schema(shared: list[SchemaChange]) -> dict[str, list[SchemaChange]]:
    groups: dict[str, list[SchemaChange]] = {}
    for entry in shared:
        groups.setdefault(entry.schema, []).append(entry)
    return groups


def _schema_entry(entry: SchemaChange) -> list[str]:
    subject = f" {entry.field}" if entry.field else ""
    lines = [_line(entry.breaking, f"{entry.kind}{subject}: {entry.detail}", indent="  ")]
    names = [oid or label for oid, label in zip(entry.operation_ids, entry.operations, strict=True)]
    count = len(names)
    where = f"in {count} operation{'s' if count != 1 else ''}: {', '.join(names)}"
    lines.extend(_wrapped(where, "  "))
    for sentence in entry.impacts if entry.breaking else ():
        lines.extend(_breaks(sentence, indent="  "))
    return lines


def _operation_title(change: Change) -> str:
    suffix = f" ({change.operation_id})" if change.operation_id else ""
    return change.operation + suffix


def _grouped(changes: list[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(_operation_title(change), []).append(change)
    return groups


def _describe(change: Change) -> str:
    subject = f" {change.subject}" if change.subject else ""
    return f"{change.kind}{subject}: {change.detail}"


def _line(breaking: bool, text: str, indent: str = "") -> str:
    mark = BREAKING_MARK if breaking else ""
    return f"{indent}{mark:<9} {text}"


def _breaks(sentence: str, indent: str) -> list[str]:
    return _wrapped(f"breaks: {sentence}", indent) if sentence else []


def _wrapped(text: str, indent: str) -> list[str]:
    """``text`` under the change it belongs to, aligned after the BREAKING column."""
    prefix = indent + " " * MARK_WIDTH
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=prefix,
        subsequent_indent=prefix + "  ",
        break_long_words=False,
        break_on_hyphens=False,
    )
