"""What the spec declares that the sandbox does not serve yet, each with the next step.

After a new spec is adopted (``make update-spec``) the generated operation table may hold an
operation no handler serves (it answers 501), or a query parameter no handler reads (a renamed
filter: the sandbox accepts ``number`` but still filters on ``order_number``, so it returns
everything). `sandbox_gaps` lists both; the drift tests and the adopt command print them.

Reading is observed, not guessed: each GET handler runs once on a seeded region, through a
`Call` whose query records every name the handler asks for (none is given a value).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from .errors import ApiError, not_found
from .handlers.call import Call, Handler
from .handlers.registry import handler_groups
from .oauth.server import OAuthServer
from .operations import OPERATIONS, Operation
from .state.seed.region import seed_region
from .state.store import Record, RegionState

__all__ = ["HANDLERS_PACKAGE", "sandbox_gaps", "unread_query_parameters", "unserved_operations"]

HANDLERS_PACKAGE = "src/fullscript/sandbox/handlers"


class _RecordingQuery(Mapping[str, Any]):
    """A query mapping that remembers every name a handler asked for."""

    def __init__(self, values: Mapping[str, Any], read: set[str]) -> None:
        self._values = dict(values)
        self._read = read

    def __getitem__(self, name: str) -> Any:
        self._read.add(name)
        return self._values[name]

    def get(self, name: str, default: Any = None) -> Any:
        self._read.add(name)
        return self._values.get(name, default)

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self._read.add(name)
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@attrs.define
class _ProbeCall(Call):
    """A call whose path ids name the first record of whatever table the handler looks in."""

    def record(self, table: str, param: str = "id") -> Record:
        for record in self.state.values(table):
            return record
        raise not_found(f"no {table}")


def _handlers() -> dict[str, tuple[str, Handler]]:
    groups = handler_groups(OAuthServer.__new__(OAuthServer))
    return {
        op_id: (group, h) for group, handlers in groups.items() for op_id, h in handlers.items()
    }


def unserved_operations(operations: Sequence[Operation] = OPERATIONS) -> list[Operation]:
    """Operations of the generated table without a handler (they answer 501)."""
    handled = _handlers()
    return [op for op in operations if op.operation_id not in handled]


def _probe(operation: Operation, handler: Handler, state: RegionState) -> set[str]:
    read: set[str] = set()
    call = _ProbeCall(
        operation=operation,
        state=state,
        # Absent, not empty: an empty value of a validated parameter (`page[number]=`) is refused
        # at its first read, which would hide every read after it.
        query=_RecordingQuery({}, read),
        query_lists=_RecordingQuery({}, read),
        params={},
        body={},
        files={},
        token=None,
        now=state.seeded_at,
    )
    # What it read before refusing the empty values still counts.
    with contextlib.suppress(ApiError, LookupError, TypeError, ValueError):
        handler(call)
    return read


def unread_query_parameters(operations: Sequence[Operation] = OPERATIONS) -> dict[str, list[str]]:
    """operationId -> the declared query parameters its GET handler never reads."""
    state = seed_region("us", 0, 1_780_000_000.0, 40)
    handled = _handlers()
    unread: dict[str, list[str]] = {}
    for operation in operations:
        if operation.method != "GET" or operation.operation_id not in handled:
            continue
        read = _probe(operation, handled[operation.operation_id][1], state)
        # An array filter is read under its base name too (`list_param("allergen_ids")`).
        missing = [
            name
            for name in operation.query_parameters
            if name not in read and name.removesuffix("[]") not in read
        ]
        if missing:
            unread[operation.operation_id] = missing
    return unread


def sandbox_gaps(operations: Sequence[Operation] = OPERATIONS) -> list[str]:
    """One line per gap, each naming the file to edit and what to add."""
    handled = _handlers()
    lines = [
        f"{op.operation_id} ({op.method} /api{op.path}) has no handler and answers 501: add a "
        f"handler function in {HANDLERS_PACKAGE}/<group>.py and list it in that module's HANDLERS"
        for op in unserved_operations(operations)
    ]
    for operation_id, names in unread_query_parameters(operations).items():
        group, handler = handled[operation_id]
        lines.append(
            f"{operation_id} declares query parameter(s) {', '.join(names)} that "
            f"{getattr(handler, '__qualname__', operation_id)} in {HANDLERS_PACKAGE}/{group}.py "
            "never reads: filter on them there (a renamed parameter: rename the `call.query` key)"
        )
    return lines


def main() -> int:
    """``python -m fullscript.sandbox.coverage``: print the gaps; exit 1 when there is one."""
    gaps = sandbox_gaps()
    for line in gaps:
        print(f"  - {line}")
    if not gaps:
        print("  (none: every operation has a handler and every query parameter is read)")
    return 1 if gaps else 0


if __name__ == "__main__":
    raise SystemExit(main())
