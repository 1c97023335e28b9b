"""Query-string handling shared by list operations: paging, date filters, sorting, booleans."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import ValidationFailed
from ..state.store import Record, public

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "date_filter",
    "page",
    "query_bool",
    "query_choice",
    "sort_records",
]

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100

_DATE = r"\d{4}-\d{2}-\d{2}"
_DATE_FILTER = re.compile(
    rf"^(?:(?P<op>[<>])?(?P<one>{_DATE})|(?P<start>{_DATE})\.\.(?P<end>{_DATE}))$"
)


def _page_int(query: Mapping[str, str], name: str, default: int, maximum: int | None) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1 or (maximum is not None and value > maximum):
        bound = f" and at most {maximum}" if maximum is not None else ""
        raise ValidationFailed({name: [f"must be an integer of at least 1{bound}"]})
    return value


def page(
    query: Mapping[str, str],
    records: Sequence[Record],
    key: str,
    view: Callable[[Record], Record] = public,
) -> dict[str, Any]:
    """Slice ``records`` by ``page[number]``/``page[size]`` into ``{key: [...], "meta": {...}}``."""
    number = _page_int(query, "page[number]", 1, None)
    size = _page_int(query, "page[size]", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    total = len(records)
    total_pages = math.ceil(total / size)
    start = (number - 1) * size
    items = [view(record) for record in records[start : start + size]]
    return {
        key: items,
        "meta": {
            "current_page": number,
            "next_page": number + 1 if number < total_pages else None,
            "prev_page": number - 1 if number > 1 else None,
            "total_pages": total_pages,
            "total_count": total,
        },
    }


def _day(value: str, name: str) -> datetime:
    """The day ``yyyy-mm-dd``; 422 naming ``name`` for a day no calendar has (``2024-02-30``).

    Two days the spec's pattern allows are read leniently, so that every value it accepts is
    a date: year 0000 is the earliest day there is (Python's calendar starts at year 1), and
    February 29 of a common year (a pattern cannot tell leap years) is February 28.
    """
    try:
        year, month, day = (int(part) for part in value.split("-"))
        year = max(year, 1)
        if month == 2 and day == 29 and not calendar.isleap(year):
            day = 28
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        raise ValidationFailed({name: [f"{value!r} is not a valid yyyy-mm-dd date"]}) from None


def _next_day(day: datetime) -> datetime | None:
    """The day after ``day``; None after the last day of the calendar (no upper bound)."""
    try:
        return day + timedelta(days=1)
    except OverflowError:
        return None


def date_filter(query: Mapping[str, str], name: str) -> Callable[[float | None], bool]:
    """Predicate on epoch seconds for ``yyyy-mm-dd``, ``<d``, ``>d`` or ``d1..d2`` (inclusive days)."""
    raw = query.get(name)
    if raw is None:
        return lambda _moment: True
    match = _DATE_FILTER.match(raw.strip())
    if match is None:
        raise ValidationFailed(
            {name: ["must be yyyy-mm-dd, <yyyy-mm-dd, >yyyy-mm-dd or yyyy-mm-dd..yyyy-mm-dd"]}
        )
    if match["one"]:
        start = _day(match["one"], name)
        if match["op"] == "<":
            low, high = None, start
        elif match["op"] == ">":
            low, high = _next_day(start), None
            if low is None:  # after the calendar's last day: nothing
                return lambda _moment: False
        else:
            low, high = start, _next_day(start)
    else:
        # A range whose start is after its end matches nothing (the spec allows writing one).
        low, high = _day(match["start"], name), _next_day(_day(match["end"], name))
    low_ts = low.timestamp() if low else None
    high_ts = high.timestamp() if high else None

    def accept(moment: float | None) -> bool:
        if moment is None:
            return False
        return (low_ts is None or moment >= low_ts) and (high_ts is None or moment < high_ts)

    return accept


def query_bool(query: Mapping[str, str], name: str) -> bool | None:
    """``true``/``false`` query flag; None when absent; 422 naming it otherwise."""
    raw = query.get(name)
    if raw is None:
        return None
    # The spec's enum: exactly "true" or "false" (an empty value is not one of them).
    if raw == "true":
        return True
    if raw == "false":
        return False
    raise ValidationFailed({name: ["must be true or false"]})


def query_choice(query: Mapping[str, str], name: str, choices: Sequence[str]) -> str | None:
    """An enum query parameter; None when absent; 422 naming it when not one of ``choices``."""
    value = query.get(name)
    if value is not None and value not in choices:  # an empty value is none of them either
        raise ValidationFailed({name: [f"must be one of: {', '.join(choices)}"]})
    return value


def sort_records(
    query: Mapping[str, str],
    records: list[Record],
    allowed: Mapping[str, Callable[[Record], Any]],
) -> list[Record]:
    """Apply ``sort_by`` (one of ``allowed``) and ``order_by`` (ASC|DESC, default ASC)."""
    sort_by = query.get("sort_by")
    order_by = query.get("order_by", "ASC")
    if order_by not in ("ASC", "DESC"):  # the spec's SortDirection, exactly
        raise ValidationFailed({"order_by": ["must be ASC or DESC"]})
    if sort_by is None:
        return records[::-1] if order_by == "DESC" else records
    if sort_by not in allowed:
        raise ValidationFailed({"sort_by": [f"must be one of: {', '.join(allowed)}"]})
    key = allowed[sort_by]
    return sorted(records, key=lambda record: _sortable(key(record)), reverse=order_by == "DESC")


def _sortable(value: Any) -> tuple[int, Any]:
    # None sorts first, and mixed types never raise.
    if value is None:
        return (0, "")
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value))
