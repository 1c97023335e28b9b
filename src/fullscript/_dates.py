"""ISO-8601 timestamps as Fullscript sends them, parsed with the standard library.

Python 3.11's `datetime.fromisoformat` reads every form the API uses (``Z`` or an offset,
fractions of any length, a date alone), so no third-party parser is needed.
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["parse_datetime"]


def parse_datetime(text: str) -> datetime:
    """An aware UTC datetime from an ISO-8601 string.

    Accepts ``2021-06-16T14:57:21.000Z``, ``2021-06-16T09:57:21-05:00``, fractions of 1 to 9+
    digits (kept to microseconds), a space instead of ``T`` and a date alone (midnight). A
    timestamp without an offset is UTC, the API's zone, not the caller's local time.

    Raises:
        ValueError: `text` is not ISO-8601.
    """
    parsed = datetime.fromisoformat(text.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
