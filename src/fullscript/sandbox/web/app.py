"""Assembling the Starlette app: one mount per region, the control surface, JSON 404/405."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp

from ..errors import ApiError
from ..handlers.call import Handler
from ..handlers.registry import handlers_for, unimplemented
from ..operations import OPERATIONS, REGIONS, Operation
from .control import control_routes
from .pipeline import handle_api_call
from .request_id import RequestIdMiddleware
from .responses import error_response

if TYPE_CHECKING:
    from ..backend import SandboxBackend

__all__ = ["AUTHORIZE_PATHS", "build_app"]

# The browser authorize page, under each region's prefix: Fullscript's canonical
# `{api}/oauth/authorize` first, then the older how-to pages' `/oauth/authorize` as an alias.
AUTHORIZE_PATHS = ("/api/oauth/authorize", "/oauth/authorize")


def _api_endpoint(
    sandbox: SandboxBackend, operation: Operation, handler: Handler, region: str
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await handle_api_call(sandbox, operation, handler, region, request)

    endpoint.__name__ = operation.operation_id
    return endpoint


def _by_method(
    endpoints: Mapping[str, Callable[[Request], Awaitable[Response]]],
) -> Callable[[Request], Awaitable[Response]]:
    """One endpoint answering each of a path's methods with that operation's endpoint."""
    # Starlette adds HEAD wherever GET is allowed: HEAD is answered as GET would be.
    by_method = {**endpoints, **({"HEAD": endpoints["GET"]} if "GET" in endpoints else {})}

    async def endpoint(request: Request) -> Response:
        return await by_method[request.method](request)

    endpoint.__name__ = "_".join(sorted(e.__name__ for e in endpoints.values()))
    return endpoint


def _authorize_endpoint(
    sandbox: SandboxBackend, region: str
) -> Callable[[Request], Awaitable[Response]]:
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


def build_app(
    sandbox: SandboxBackend,
    handlers: Mapping[str, Handler] | None = None,
    operations: Sequence[Operation] = OPERATIONS,
) -> ASGIApp:
    """The ASGI app of ``sandbox``: every operation under each region's prefix, the authorize
    page (at ``/<region>/api/oauth/authorize``, alias ``/<region>/oauth/authorize``), and the
    ``/_sandbox`` control surface.

    ``handlers`` (default: every handler of :mod:`..handlers`) maps operationIds to handlers;
    an operation of ``operations`` (default: every operation of the spec) without one answers
    501 naming it.
    """
    if handlers is None:
        handlers = handlers_for(sandbox.oauth)
    routes: list[BaseRoute] = []
    for region in REGIONS:
        authorize = _authorize_endpoint(sandbox, region)
        region_routes: list[BaseRoute] = [
            Route(path, authorize, methods=["GET"]) for path in AUTHORIZE_PATHS
        ]
        # One route per path holding all of its methods: a method the path does not have is
        # then answered 405 with an `Allow` header listing every one it does.
        by_path: dict[str, dict[str, Callable[[Request], Awaitable[Response]]]] = {}
        for op in operations:
            handler = handlers.get(op.operation_id) or unimplemented(op)
            by_path.setdefault(op.path, {})[op.method] = _api_endpoint(sandbox, op, handler, region)
        region_routes.extend(
            Route("/api" + path, _by_method(endpoints), methods=list(endpoints))
            for path, endpoints in by_path.items()
        )
        routes.append(Mount(f"/{region}", routes=region_routes))
    routes.append(Mount("/_sandbox", routes=control_routes(sandbox)))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    return RequestIdMiddleware(app)
