"""Render a list of spec changes for people (text) or machines (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from specpipe.diffing import Change

BREAKING_MARK = "BREAKING"


def summary(changes: list[Change]) -> dict[str, int]:
    """Counts a report starts with."""
    operations = Counter(c.change for c in changes if c.kind == "operation" and not c.subject)
    touched = {c.operation for c in changes if c.kind != "operation" or c.change == "changed"}
    return {
        "operations_added": operations["added"],
        "operations_removed": operations["removed"],
        "operations_changed": len(touched),
        "changes": len(changes),
        "breaking": sum(c.breaking for c in changes),
    }


def render_json(changes: list[Change], old: str, new: str) -> str:
    """Machine-readable report: sources, summary counts and every change."""
    document = {
        "old": old,
        "new": new,
        "summary": summary(changes),
        "changes": [asdict(change) for change in changes],
    }
    return json.dumps(document, indent=2)


def render_text(changes: list[Change], old: str, new: str) -> str:
    """Human report: a summary line, then changes grouped under their operation."""
    counts = summary(changes)
    lines = [
        f"Spec changes: {old} -> {new}",
        f"  operations: {counts['operations_added']} added, {counts['operations_removed']} removed,"
        f" {counts['operations_changed']} changed; {counts['breaking']} breaking change(s)",
    ]
    if not changes:
        lines.append("  no differences")
        return "\n".join(lines)
    whole = [c for c in changes if c.kind == "operation" and c.change != "changed"]
    if whole:
        lines.append("")
        lines.extend(_line(c, f"{c.detail:<18} {_operation_title(c)}") for c in whole)
    for operation, group in _grouped([c for c in changes if c not in whole]).items():
        lines.extend(["", operation])
        lines.extend(_line(c, _describe(c), indent="  ") for c in group)
    return "\n".join(lines)


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


def _line(change: Change, text: str, indent: str = "") -> str:
    mark = BREAKING_MARK if change.breaking else ""
    return f"{indent}{mark:<9} {text}"
