"""The path every API request takes: faults, rate limit, auth, scopes, handler, answer."""

from __future__ import annotations

from typing import Any, Protocol

import anyio
from starlette.requests import Request
from starlette.responses import Response

from fullscript.spec import response_enum, unlisted_value

from ..errors import ApiError, forbidden
from ..faults.injector import FaultInjector
from ..faults.rules import APPLYING_KINDS, TOKEN_KINDS, FaultRule
from ..handlers.call import Call, Handler, Reply, Upload
from ..limits.rate_limit import RollingWindowLimiter
from ..limits.traffic import TrafficCounters
from ..oauth.bearer import bearer_token
from ..oauth.grants import TokenRecord
from ..oauth.server import OAuthServer
from ..operations import Operation
from ..state.clock import SandboxClock
from ..state.store import RegionState
from .body import read_body
from .declared import refuse_undeclared
from .declared_fields import fill_declared_fields, response_schema
from .drift import drift_body
from .responses import (
    DroppedConnectionResponse,
    error_response,
    json_response,
    malformed_response,
)

__all__ = ["Core", "handle_api_call"]

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class Core(Protocol):
    """What the pipeline needs from the sandbox."""

    clock: SandboxClock
    oauth: OAuthServer
    limiter: RollingWindowLimiter
    rate_limit_scope: str
    traffic: TrafficCounters
    faults: FaultInjector
    allow_restricted: bool
    lax_parameters: bool
    fill_declared_fields: bool

    def region(self, name: str) -> RegionState: ...


def _rate_limited(retry_after: int, limiter: RollingWindowLimiter | None = None) -> Response:
    message = "Rate limit exceeded"
    if limiter is not None:
        message += f": {limiter.limit} requests per {limiter.window:g} s"
    return error_response(
        429,
        {"status": 429, "error": "Too Many Requests", "message": message},
        {"Retry-After": str(retry_after)},
    )


def _quota_owner(
    core: Core, operation: Operation, request: Request, body: dict[str, object]
) -> tuple[str | None, str | None]:
    """(app, grant) a request counts against: for token calls the client_id (and the grant of
    a refresh token), otherwise the token's app and grant. None where unknown."""
    if not operation.authenticated:
        client_id = str(body.get("client_id") or "")
        if client_id not in core.oauth.apps:
            return None, None
        refreshing = body.get("grant_type") == "refresh_token"
        grant = core.oauth.grant_of_refresh_token(body.get("refresh_token")) if refreshing else None
        return client_id, grant
    token = bearer_token(request.headers.get("authorization"))
    record = core.oauth.lookup(token) if token is not None else None
    return (record.client_id, record.grant) if record is not None else (None, None)


def _limit_key(core: Core, app: str, grant: str | None) -> str:
    # Per grant, a code exchange (no grant yet) counts against its app.
    return f"{app}/{grant}" if core.rate_limit_scope == "grant" and grant else app


def _fault_answer(fault: FaultRule | None) -> Response | None:
    """What a fault answers instead of running the operation; None lets the operation run."""
    if fault is None or fault.kind in APPLYING_KINDS or fault.kind in TOKEN_KINDS:
        return None  # these run it, and spoil its token or its answer
    if fault.kind == "rate_limit":
        return _rate_limited(fault.retry_after)
    if fault.kind == "drop":
        return DroppedConnectionResponse()
    return error_response(fault.status)


def _spoil_token(
    core: Core, fault: FaultRule | None, request: Request, body: dict[str, object]
) -> None:
    """Apply a token fault to the request's own token, before it is checked."""
    if fault is None or fault.kind not in TOKEN_KINDS:
        return
    if fault.kind == "reuse_refresh_token":
        if body.get("grant_type") == "refresh_token":
            core.oauth.spend_refresh_token(body.get("refresh_token"))
        return
    token = bearer_token(request.headers.get("authorization"))
    record = core.oauth.lookup(token) if token is not None else None
    if record is not None:
        core.oauth.revoke_record(record)


def _authorize(
    core: Core, operation: Operation, region: str, request: Request
) -> TokenRecord | None:
    """The live token the operation needs, or a 401/403; None for the token endpoints."""
    if not operation.authenticated:
        return None
    token = core.oauth.authenticate(region, request.headers.get("authorization"))
    if operation.scope is not None and operation.scope not in token.scopes:
        raise forbidden(f"This action requires the {operation.scope} scope.")
    if operation.restricted and not core.allow_restricted:
        raise forbidden("This endpoint is restricted; ask Fullscript for access.")
    return token


def _with_unlisted_value(rule: FaultRule, operation: Operation, reply: Reply) -> Any:
    field = str(rule.field)
    value = rule.value
    if value is None:
        value = unlisted_value(response_enum(operation.operation_id, field))

    def replaced(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: value if k == field else replaced(v) for k, v in node.items()}
        if isinstance(node, list):
            return [replaced(item) for item in node]
        return node

    return replaced(reply.body)


async def handle_api_call(
    core: Core, operation: Operation, handler: Handler, region: str, request: Request
) -> Response:
    api_path = request.url.path[len(region) + 1 :]
    plan = core.faults.plan(operation.operation_id, request.method, api_path, region)
    if plan.latency > 0:
        await anyio.sleep(plan.latency)
    answer = _fault_answer(plan.terminal)
    if answer is not None:
        return answer
    try:
        body: dict[str, object]
        files: dict[str, Upload]
        body, files = await read_body(request) if request.method in _BODY_METHODS else ({}, {})
        app, grant = _quota_owner(core, operation, request, body)
        if app is not None:
            retry_after = core.limiter.acquire(_limit_key(core, app, grant))
            core.traffic.request(core.clock.now(), app, grant, rate_limited=retry_after is not None)
            if retry_after is not None:
                return _rate_limited(retry_after, core.limiter)
        _spoil_token(core, plan.terminal, request, body)
        token = _authorize(core, operation, region, request)
        query = request.query_params
        # The OAuth token endpoints "MUST ignore unrecognized request parameters" (RFC 6749).
        if not core.lax_parameters and operation.authenticated:
            refuse_undeclared(operation, query.keys(), body, files)
        call = Call(
            operation=operation,
            state=core.region(region),
            query=query,
            query_lists={name: query.getlist(name) for name in query},
            params=request.path_params,
            body=body,
            files=files,
            token=token,
            now=core.clock.now(),
        )
        reply = handler(call)
        if (
            app is not None
            and grant is not None
            and operation.operation_id == "create_oauth_token"
            and body.get("grant_type") == "refresh_token"
            and reply.status == 200
        ):
            core.traffic.refresh(app, grant)
    except ApiError as error:
        return error_response(error.status, error.body, error.headers)
    if core.fill_declared_fields and reply.body is not None:
        schema = response_schema(operation.operation_id, reply.status)
        if schema is not None:
            reply = Reply(reply.status, fill_declared_fields(schema, reply.body))
    if plan.terminal is not None and plan.terminal.kind == "unlisted_value":
        return json_response(reply.status, _with_unlisted_value(plan.terminal, operation, reply))
    if plan.terminal is not None and plan.terminal.kind == "malformed":
        return malformed_response(reply.status, reply.body)
    if plan.terminal is not None and plan.terminal.kind == "drop_after_apply":
        return DroppedConnectionResponse()
    if plan.terminal is not None and plan.terminal.drift is not None and reply.status < 300:
        return json_response(reply.status, drift_body(reply.body, plan.terminal.drift))
    return json_response(reply.status, reply.body)
