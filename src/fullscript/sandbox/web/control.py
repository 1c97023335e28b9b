"""The control surface under ``/_sandbox``: the clinic's side, time, faults, tokens, webhooks.

Everything here is also available as a method of :class:`fullscript.sandbox.Sandbox`; the HTTP
routes exist for a sandbox served in another process (``python -m fullscript.sandbox``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import attrs
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ..errors import ApiError, ValidationFailed, bad_request, not_found
from ..faults.rules import FAULT_KINDS, FaultRule
from ..operations import ALL_SCOPES, REGIONS
from ..settings import RATE_LIMIT_SCOPES
from ..state.clinic import CLINIC_ACTIONS
from .responses import error_response, json_response

if TYPE_CHECKING:
    from ..backend import SandboxBackend

__all__ = ["control_routes"]

Endpoint = Callable[[Request], Awaitable[Response]]
_FAULT_OPTIONS = {field.name for field in attrs.fields(FaultRule)} - {"kind", "matched", "fired"}


async def _json(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        raise bad_request("control body is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad_request("control body must be a JSON object")
    return body


def _region(request: Request) -> str:
    region = str(request.path_params["region"])
    if region not in REGIONS:
        raise not_found(f"unknown region {region}")
    return region


def _known_app(sandbox: SandboxBackend, client_id: object) -> str | None:
    """``client_id`` when it names a registered app (None: the sandbox's own), else a 404."""
    if not client_id:
        return None
    if str(client_id) not in sandbox.oauth.apps:
        raise not_found(f"unknown app {client_id}")
    return str(client_id)


def _guard(handler: Callable[[Request], Awaitable[Response]]) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except ApiError as error:
            return error_response(error.status, error.body, error.headers)
        except (TypeError, ValueError) as error:
            return error_response(422, {"status": 422, "error": str(error)})

    endpoint.__name__ = handler.__name__
    return endpoint


def control_routes(sandbox: SandboxBackend) -> list[BaseRoute]:
    async def health(request: Request) -> Response:
        return json_response(200, {"status": "ok", "regions": list(REGIONS), "now": sandbox.now()})

    async def config(request: Request) -> Response:
        settings = sandbox.settings
        return json_response(
            200,
            {
                "client_id": settings.client_id,
                "redirect_uri": settings.redirect_uri,
                "scopes": list(sandbox.oauth.apps[settings.client_id].scopes),
                "rate_limit": {
                    "limit": sandbox.limiter.limit,
                    "window": sandbox.limiter.window,
                    "scope": sandbox.rate_limit_scope,
                },
                "token_ttl": sandbox.oauth.token_ttl,
                "seed": settings.seed,
                "regions": list(REGIONS),
                "clinic_actions": list(CLINIC_ACTIONS),
            },
        )

    async def issue_token(request: Request) -> Response:
        body = await _json(request)
        region = _region(request)
        token = sandbox.issue_token(
            region, scopes=body.get("scopes"), client_id=_known_app(sandbox, body.get("client_id"))
        )
        return json_response(201, {"oauth": token.to_oauth()})

    async def advance_time(request: Request) -> Response:
        body = await _json(request)
        seconds = body.get("seconds")
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            raise ValidationFailed({"seconds": ["must be a non-negative number"]})
        sandbox.advance_time(float(seconds))
        return json_response(200, {"now": sandbox.now()})

    async def reset_time(request: Request) -> Response:
        sandbox.reset_time()
        return json_response(200, {"now": sandbox.now()})

    async def list_faults(request: Request) -> Response:
        return json_response(200, {"faults": [rule.to_dict() for rule in sandbox.faults.rules]})

    async def add_fault(request: Request) -> Response:
        body = await _json(request)
        kind = body.pop("kind", None)
        if kind not in FAULT_KINDS:
            raise ValidationFailed({"kind": [f"must be one of: {', '.join(FAULT_KINDS)}"]})
        unknown = set(body) - _FAULT_OPTIONS
        if unknown:
            raise ValidationFailed({name: ["is not a fault option"] for name in sorted(unknown)})
        rule = sandbox.faults.add(kind, **body)
        return json_response(201, {"fault": rule.to_dict()})

    async def clear_faults(request: Request) -> Response:
        sandbox.faults.clear()
        return json_response(204, None)

    async def clinic_action(request: Request) -> Response:
        region = _region(request)
        action = str(request.path_params["action"])
        if action not in CLINIC_ACTIONS:
            raise not_found(
                f"unknown clinic action {action}; use one of {', '.join(CLINIC_ACTIONS)}"
            )
        body = await _json(request)
        event = getattr(sandbox.clinic(region), action)(**body)
        deliveries = await sandbox.deliver_webhooks()
        return json_response(201, {"event": event, "webhook_deliveries": deliveries})

    async def configure_webhooks(request: Request) -> Response:
        body = await _json(request)
        sandbox.configure_webhooks(
            url=body.get("url"),
            secret=body.get("secret"),
            challenge=body.get("challenge"),
            duplicates=body.get("duplicates"),
            out_of_order=body.get("out_of_order"),
            concurrency=body.get("concurrency"),
        )
        return json_response(200, {"url": sandbox.webhooks.url})

    async def webhook_probe(request: Request) -> Response:
        body = await _json(request)
        signed = body.get("signed", True)
        if not isinstance(signed, bool):
            raise ValueError("signed must be true or false")
        return json_response(200, await sandbox.send_webhook_probe(signed=signed))

    async def deliver_webhooks(request: Request) -> Response:
        return json_response(200, {"webhook_deliveries": await sandbox.deliver_webhooks()})

    async def set_scopes(request: Request) -> Response:
        body = await _json(request)
        scopes = body.get("scopes")
        if not isinstance(scopes, list) or not set(scopes) <= set(ALL_SCOPES):
            raise ValidationFailed(
                {"scopes": [f"must be a list drawn from: {', '.join(ALL_SCOPES)}"]}
            )
        client_id = _known_app(sandbox, request.path_params["client_id"])
        sandbox.set_scopes(scopes, client_id=client_id)
        # Answer what the app now holds: the dashboard always adds catalog:read.
        stored = sandbox.oauth.apps[str(client_id)].scopes
        return json_response(200, {"client_id": client_id, "scopes": list(stored)})

    async def traffic(request: Request) -> Response:
        return json_response(200, sandbox.traffic_stats().to_dict())

    async def set_rate_limit_scope(request: Request) -> Response:
        scope = (await _json(request)).get("scope")
        if scope not in RATE_LIMIT_SCOPES:
            raise ValidationFailed({"scope": [f"must be one of {', '.join(RATE_LIMIT_SCOPES)}"]})
        sandbox.set_rate_limit_scope(str(scope))
        return json_response(200, {"scope": sandbox.rate_limit_scope})

    async def reset(request: Request) -> Response:
        sandbox.reset()
        return json_response(204, None)

    def route(path: str, handler: Callable[[Request], Awaitable[Response]], method: str) -> Route:
        return Route(path, _guard(handler), methods=[method])

    return [
        route("/health", health, "GET"),
        route("/config", config, "GET"),
        route("/time/advance", advance_time, "POST"),
        route("/time/reset", reset_time, "POST"),
        route("/faults", list_faults, "GET"),
        route("/faults", add_fault, "POST"),
        route("/faults", clear_faults, "DELETE"),
        route("/webhooks", configure_webhooks, "POST"),
        route("/webhooks/deliver", deliver_webhooks, "POST"),
        route("/webhooks/probe", webhook_probe, "POST"),
        route("/apps/{client_id}/scopes", set_scopes, "PUT"),
        route("/traffic", traffic, "GET"),
        route("/rate-limit/scope", set_rate_limit_scope, "PUT"),
        route("/reset", reset, "POST"),
        route("/{region}/tokens", issue_token, "POST"),
        route("/{region}/clinic/{action}", clinic_action, "POST"),
    ]
