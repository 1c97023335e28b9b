"""Data on stdout, as JSON, JSON Lines or a table; nothing else ever goes there.

The default is a table when stdout is a terminal and JSON when it is piped (the GitHub CLI's
rule). Records are the SDK's models turned back into the API's JSON with ``to_dict()``.
Progress, waits and warnings are written to stderr by their own modules.
"""

from __future__ import annotations

import datetime
import enum
import json
import sys
from collections.abc import AsyncIterable, Iterable, Mapping, Sequence
from typing import IO, Any

import click

__all__ = ["FORMATS", "format_option", "jsonable", "resolve_format", "write_records", "write_value"]

FORMATS = ("json", "jsonl", "table")
_TABLE_COLUMNS = 8


def format_option(function: Any) -> Any:
    """``--format json|jsonl|table`` (default: table on a terminal, JSON when piped)."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format (default: table on a terminal, json when piped).",
    )(function)


def resolve_format(chosen: str | None, stream: IO[str] | None = None) -> str:
    if chosen is not None:
        return chosen
    stream = stream if stream is not None else sys.stdout
    return "table" if stream.isatty() else "json"


def jsonable(value: Any) -> Any:
    """A JSON-ready copy of a result: models via ``to_dict()``, lists and dicts recursively."""
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return jsonable(to_dict())
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return value


def _dumps(value: Any, *, indent: int | None) -> str:
    return json.dumps(jsonable(value), indent=indent, ensure_ascii=False, default=str)


def write_value(value: Any, output_format: str) -> None:
    """One result (an object, or a list of records) in ``output_format``."""
    data = jsonable(value)
    if output_format == "table":
        if isinstance(data, list):
            _print_table(data)
        else:
            _print_object(data)
    elif output_format == "jsonl" and isinstance(data, list):
        for record in data:
            click.echo(_dumps(record, indent=None))
    elif output_format == "jsonl":
        click.echo(_dumps(data, indent=None))
    else:
        click.echo(_dumps(data, indent=2))


async def write_records(records: AsyncIterable[Any], output_format: str, *, slurp: bool) -> int:
    """Every record of a stream: JSON Lines as they arrive, or one JSON array (``slurp``), or
    a table once all have arrived. Returns how many were written."""
    count = 0
    if output_format == "table" or slurp:
        collected = [jsonable(record) async for record in records]
        write_value(collected, "table" if output_format == "table" else "json")
        return len(collected)
    async for record in records:
        click.echo(_dumps(record, indent=None))
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in columns and not isinstance(value, dict | list):
                columns.append(key)
    return columns[:_TABLE_COLUMNS]


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def _print_table(rows: Iterable[Any]) -> None:
    from rich.table import Table

    records = [row if isinstance(row, dict) else {"value": row} for row in rows]
    table = Table(show_edge=False)
    columns = _columns(records)
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in records:
        table.add_row(*(_cell(record.get(column)) for column in columns))
    _console().print(table)


def _print_object(data: Any) -> None:
    from rich.table import Table

    if not isinstance(data, dict):
        click.echo(_cell(data))
        return
    table = Table(show_header=False, show_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for key, value in data.items():
        table.add_row(key, _cell(value))
    _console().print(table)
