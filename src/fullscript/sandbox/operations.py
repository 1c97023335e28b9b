"""Every API operation the sandbox serves: operationId, method, path, required scope.

The table is not written here: it is built at import from the generated package's operation
table (``fullscript_api.operations``), which the pipeline derives from the spec's
``x-fullscript-*`` stamps. An operation added to the spec is routed as soon as the package is
regenerated, and answers 501 naming it until a handler exists (see ``handlers.registry``).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from fullscript_api.operation_facts import OperationFacts
from fullscript_api.operations import OPERATIONS as SPEC_OPERATIONS
from fullscript_api.operations import SCOPES

__all__ = ["ALL_SCOPES", "OPERATIONS", "REGIONS", "Operation", "check_scopes", "operation_table"]

#: Region keys; each is served under its own path prefix (``/us/api/...``).
REGIONS: tuple[str, ...] = ("us", "ca", "us-snd", "ca-snd")

#: Every OAuth scope an app can hold: the spec's (its OAuth 2 flows), from the generated table.
ALL_SCOPES: tuple[str, ...] = SCOPES


def check_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """``scopes`` as a tuple, or ValueError naming the ones no app can hold."""
    if isinstance(scopes, str):
        # tuple("clinic:read") would be nine one-letter "scopes".
        raise ValueError(f"scopes must be a list of scope names, not the string {scopes!r}")
    chosen = tuple(scopes)
    unknown = set(chosen) - set(ALL_SCOPES)
    if unknown:
        raise ValueError(f"unknown scopes: {', '.join(sorted(map(str, unknown)))}")
    return chosen


CATALOG = "catalog:read"


@attrs.frozen
class Operation:
    """One documented operation, ``path`` relative to ``/api``.

    ``scope`` is the OAuth scope the token needs; ``authenticated`` False means no bearer token
    at all (the OAuth token endpoints).
    """

    operation_id: str
    method: str
    path: str
    scope: str | None
    restricted: bool = False
    authenticated: bool = True
    #: The query parameters the spec declares (wire names) and the request body's top-level
    #: members (None: any); the sandbox refuses others (see ``web.declared``).
    query_parameters: tuple[str, ...] = ()
    body_fields: tuple[str, ...] | None = ()


API_PREFIX = "/api"


def operation_table(facts: Iterable[OperationFacts]) -> tuple[Operation, ...]:
    """The sandbox's view of the generated table's rows, ordered for routing.

    Paths become relative to ``/api``. Within the same leading segments a static segment comes
    before a parameter, so routing never mistakes a name for an id (``/events/orders`` is not
    ``/events/{id}``).
    """
    operations = [
        Operation(
            operation_id=row.operation_id,
            method=row.http_method,
            path=row.path.removeprefix(API_PREFIX),
            scope=row.scope,
            restricted=row.restricted,
            authenticated=row.authenticated,
            query_parameters=row.query_parameters,
            body_fields=row.body_fields,
        )
        for row in facts
    ]
    return tuple(sorted(operations, key=_routing_order))


def _routing_order(operation: Operation) -> list[tuple[bool, str]]:
    return [(part.startswith("{"), part) for part in operation.path.strip("/").split("/")]


#: Every operation of the spec, from the generated package.
OPERATIONS: tuple[Operation, ...] = operation_table(SPEC_OPERATIONS)
