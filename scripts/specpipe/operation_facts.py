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

Two facts are read from the operation itself rather than stamped: ``query_parameters`` (the
declared query names, as sent: ``page[size]``, ``allergen_ids[]``) and ``body_fields`` (the
top-level members of the request body, or None when there is no body schema to hold a request
to). The sandbox answers 422 for a name outside them.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from specpipe.document import JSON, OperationRef, iter_operations, operation_parameters, resolve
from specpipe.generated_names import facade_names
from specpipe.runtime_files import load_runtime_module

GROUP = "x-fullscript-group"
METHOD = "x-fullscript-method"
SCOPE = "x-fullscript-scope"
AUTHENTICATED = "x-fullscript-authenticated"
RESTRICTED = "x-fullscript-restricted"
STAMPS = (GROUP, METHOD, SCOPE, AUTHENTICATED, RESTRICTED)


# The row type is the runtime's own (openapi/runtime/operation_facts.py, which make generate
# copies into fullscript_api): loaded by path, as openapi/ is no package of the scripts.
if TYPE_CHECKING:
    from fullscript_api.operation_facts import OperationFacts  # that file's verbatim copy
else:
    OperationFacts = load_runtime_module("operation_facts").OperationFacts


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
        rows.append(
            OperationFacts(
                operation_id=str(op.operation["operationId"]),
                http_method=op.method.upper(),
                path=op.path,
                group=str(op.operation[GROUP]),
                method_name=str(op.operation[METHOD]),
                scope=op.operation[SCOPE],
                restricted=bool(op.operation[RESTRICTED]),
                authenticated=bool(op.operation[AUTHENTICATED]),
                query_parameters=tuple(
                    str(p["name"]) for p in operation_parameters(spec, op) if p.get("in") == "query"
                ),
                body_fields=_body_fields(spec, op),
            )
        )
    return rows


def oauth_scopes(spec: dict[str, JSON]) -> tuple[str, ...]:
    """Every OAuth scope an app can hold, in the spec's order: the scopes its OAuth 2 security
    schemes declare, then any an operation requires that none declares."""
    declared: list[str] = []
    schemes = spec.get("components", {})
    schemes = schemes.get("securitySchemes", {}) if isinstance(schemes, dict) else {}
    for scheme in schemes.values() if isinstance(schemes, dict) else ():
        flows = scheme.get("flows", {}) if isinstance(scheme, dict) else {}
        for flow in flows.values() if isinstance(flows, dict) else ():
            scopes = flow.get("scopes", {}) if isinstance(flow, dict) else {}
            declared += [name for name in scopes if name not in declared]
    required = (row.scope for row in operation_facts(spec) if row.scope is not None)
    for scope in required:
        if scope not in declared:
            declared.append(scope)
    return tuple(declared)


def _body_fields(spec: dict[str, JSON], op: OperationRef) -> tuple[str, ...] | None:
    """Top-level members of the request body schema (any media type); None when it is open."""
    body = resolve(spec, op.operation.get("requestBody"))
    if not isinstance(body, dict):
        return ()
    names: list[str] = []
    for media in (body.get("content") or {}).values():
        schema = resolve(spec, media.get("schema")) if isinstance(media, dict) else None
        members = _members(spec, schema)
        if members is None:
            return None
        names.extend(name for name in members if name not in names)
    return tuple(names)


def _members(spec: dict[str, JSON], schema: JSON) -> list[str] | None:
    """Property names of ``schema`` and the schemas it is composed of; None if it is open."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict) or schema.get("additionalProperties") not in (None, False):
        return None
    names = [str(name) for name in schema.get("properties") or {}]
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key) or []:
            more = _members(spec, part)
            if more is None:
                return None
            names.extend(name for name in more if name not in names)
    if not names and schema.get("type") != "object":
        return None
    return names


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
