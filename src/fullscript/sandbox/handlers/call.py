"""What a route handler receives (one parsed API call) and what it returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..errors import not_found
from ..oauth.grants import TokenRecord
from ..operations import Operation
from ..state.store import Record, RegionState

__all__ = ["Call", "Handler", "Reply", "Upload"]


@attrs.frozen
class Upload:
    """A file sent as multipart/form-data."""

    filename: str
    content_type: str
    data: bytes = attrs.field(repr=False)


@attrs.define
class Call:
    """One API request, already authenticated and parsed."""

    operation: Operation
    state: RegionState
    query: Mapping[str, str]
    query_lists: Mapping[str, list[str]]
    params: Mapping[str, str]
    body: dict[str, Any]
    files: dict[str, Upload]
    token: TokenRecord | None
    now: float

    def record(self, table: str, param: str = "id") -> Record:
        """The record named by a path parameter, or a 404."""
        found = self.state.get(table, self.params[param])
        if found is None:
            raise not_found(f"{table} {self.params[param]} not found")
        return found

    def list_param(self, name: str) -> list[str]:
        """An array filter sent as ``name[]=a&name[]=b`` (or ``name=a,b``)."""
        values = list(self.query_lists.get(f"{name}[]", []))
        for raw in self.query_lists.get(name, []):
            values.extend(part for part in raw.split(",") if part)
        return values


@attrs.frozen
class Reply:
    """A successful answer; ``body`` None means no content."""

    status: int
    body: Any = None


Handler = Callable[[Call], Reply]
