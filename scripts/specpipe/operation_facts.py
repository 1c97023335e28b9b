"""Every fact the generated client and the sandbox need about an operation, stamped into the spec.

The normaliser stamps each operation with ``x-fullscript-*`` members; the templates and the
generated operation table (``fullscript_api.operations``) only read them, so each fact is
decided once, here or in `specpipe.generated_names`:

- ``x-fullscript-group`` / ``x-fullscript-method``: the façade call ``fs.<group>.<method>``
  (`specpipe.generated_names.facade_names`).
- ``x-fullscript-scope``: the OAuth scope a token needs (the first scope the operation's
  security requirements list), or null when any token will do.
- ``x-fullscript-authenticated``: false when the operation takes no bearer token at all
  (``security: []``, the OAuth token endpoints).
- ``x-fullscript-restricted``: Fullscript opens it to approved apps only (``x-restricted``).
"""

from __future__ import annotations

import copy
from typing import TypedDict

from specpipe.document import JSON, iter_operations
from specpipe.generated_names import endpoint_name, facade_names

GROUP = "x-fullscript-group"
METHOD = "x-fullscript-method"
SCOPE = "x-fullscript-scope"
AUTHENTICATED = "x-fullscript-authenticated"
RESTRICTED = "x-fullscript-restricted"
STAMPS = (GROUP, METHOD, SCOPE, AUTHENTICATED, RESTRICTED)


class OperationFacts(TypedDict):
    """One row of the generated operation table (``fullscript_api.operations.OPERATIONS``)."""

    operation_id: str
    endpoint: str
    http_method: str
    path: str
    group: str
    method_name: str
    scope: str | None
    restricted: bool
    authenticated: bool


def stamp_operation_facts(spec: dict[str, JSON]) -> None:
    """Write every operation's ``x-fullscript-*`` members (replacing earlier stamps)."""
    names = facade_names(spec)
    for op in iter_operations(spec):
        security = _effective_security(spec, op.operation)
        group, method = names[str(op.operation.get("operationId") or "")]
        op.operation[GROUP] = group
        op.operation[METHOD] = method
        op.operation[SCOPE] = _required_scope(security)
        op.operation[AUTHENTICATED] = _needs_token(security)
        op.operation[RESTRICTED] = bool(op.operation.get("x-restricted"))


def without_stamps(spec: dict[str, JSON]) -> dict[str, JSON]:
    """A copy of ``spec`` without the ``x-fullscript-*`` stamps (the spec as written)."""
    result = copy.deepcopy(spec)
    for op in iter_operations(result):
        for stamp in STAMPS:
            op.operation.pop(stamp, None)
    return result


def operation_facts(spec: dict[str, JSON]) -> list[OperationFacts]:
    """The stamped facts of every operation of a normalised ``spec``, in document order."""
    rows: list[OperationFacts] = []
    for op in iter_operations(spec):
        operation_id = str(op.operation["operationId"])
        rows.append(
            OperationFacts(
                operation_id=operation_id,
                endpoint=endpoint_name(operation_id),
                http_method=op.method.upper(),
                path=op.path,
                group=str(op.operation[GROUP]),
                method_name=str(op.operation[METHOD]),
                scope=op.operation[SCOPE],
                restricted=bool(op.operation[RESTRICTED]),
                authenticated=bool(op.operation[AUTHENTICATED]),
            )
        )
    return rows


def _effective_security(spec: dict[str, JSON], operation: dict[str, JSON]) -> list[JSON]:
    security = operation["security"] if "security" in operation else spec.get("security")
    return security if isinstance(security, list) else []


def _required_scope(security: list[JSON]) -> str | None:
    for requirement in security:
        if not isinstance(requirement, dict):
            continue
        for scopes in requirement.values():
            if isinstance(scopes, list) and scopes:
                return str(scopes[0])
    return None


def _needs_token(security: list[JSON]) -> bool:
    # An empty requirement ({}) makes authentication optional.
    requirements = [r for r in security if isinstance(r, dict)]
    return bool(requirements) and all(requirements)
