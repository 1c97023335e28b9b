"""Assembling the Starlette app: one mount per region, the control surface, JSON 404/405."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp

from ._api_catalog import HANDLERS as CATALOG
from ._api_clinic import HANDLERS as CLINIC
from ._api_events import HANDLERS as EVENTS
from ._api_orders import HANDLERS as ORDERS
from ._api_patients import HANDLERS as PATIENTS
from ._call import Call, Handler, Reply
from ._control import control_routes
from ._errors import ApiError
from ._operations import OPERATIONS, REGIONS, Operation
from ._pipeline import handle_api_call
from ._request_id import RequestIdMiddleware
from ._responses import error_response

if TYPE_CHECKING:
    from ._sandbox import Sandbox

__all__ = ["build_app", "handlers_for"]


def handlers_for(sandbox: Sandbox) -> dict[str, Handler]:
    """Every operationId mapped to its handler (the OAuth ones close over the sandbox)."""

    def create_oauth_token(call: Call) -> Reply:
        record = sandbox.oauth.token(call.state.region, call.body)
        return Reply(200, {"oauth": record.to_oauth()})

    def revoke_oauth_token(call: Call) -> Reply:
        sandbox.oauth.revoke(call.state.region, call.body)
        return Reply(200, {})

    return {
        **CATALOG,
        **CLINIC,
        **EVENTS,
        **ORDERS,
        **PATIENTS,
        "create_oauth_token": create_oauth_token,
        "revoke_oauth_token": revoke_oauth_token,
    }


def _api_endpoint(
    sandbox: Sandbox, operation: Operation, handler: Handler, region: str
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await handle_api_call(sandbox, operation, handler, region, request)

    endpoint.__name__ = operation.operation_id
    return endpoint


def _authorize_endpoint(sandbox: Sandbox, region: str) -> Callable[[Request], Awaitable[Response]]:
    async def authorize(request: Request) -> Response:
        query = request.query_params
        try:
            location = sandbox.oauth.authorize(
                region,
                query.get("client_id", ""),
                query.get("redirect_uri", ""),
                query.get("response_type", ""),
                query.get("state"),
            )
        except ApiError as error:
            return error_response(error.status, error.body)
        # The sandbox's "user" approves at once: straight back to the app.
        return RedirectResponse(location, status_code=302)

    return authorize


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    return error_response(status, None, getattr(exc, "headers", None))


def build_app(sandbox: Sandbox) -> ASGIApp:
    handlers = handlers_for(sandbox)
    missing = [op.operation_id for op in OPERATIONS if op.operation_id not in handlers]
    if missing:
        raise RuntimeError(f"operations without a handler: {missing}")
    routes: list[BaseRoute] = []
    for region in REGIONS:
        region_routes: list[BaseRoute] = [
            Route("/oauth/authorize", _authorize_endpoint(sandbox, region), methods=["GET"])
        ]
        region_routes.extend(
            Route(
                "/api" + op.path,
                _api_endpoint(sandbox, op, handlers[op.operation_id], region),
                methods=[op.method],
            )
            for op in OPERATIONS
        )
        routes.append(Mount(f"/{region}", routes=region_routes))
    routes.append(Mount("/_sandbox", routes=control_routes(sandbox)))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    return RequestIdMiddleware(app)
