"""One `Fullscript` per app: the lifespan that opens and closes it, and the dependencies.

    app = FastAPI(lifespan=fullscript_lifespan(lambda: Fullscript(...)))

    @app.get("/clinic")
    async def clinic(fs: FullscriptDep) -> Clinic:
        return await fs.clinic.retrieve()

For apps serving several clinics, `grant_dependency` turns a grant (tenant) id taken from the
request into that grant's client, through a resolver you can plug in (by default
``fs.for_grant(grant_id)`` when the SDK has it).
"""

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from .._client import Fullscript

__all__ = [
    "STATE_KEY",
    "FullscriptDep",
    "GrantResolver",
    "fullscript_lifespan",
    "get_fullscript",
    "grant_dependency",
    "resolve_grant",
]

#: Name under which the client sits in the lifespan state (``request.state.fullscript``).
STATE_KEY = "fullscript"

ClientFactory = Callable[[], Fullscript | Awaitable[Fullscript]]
GrantResolver = Callable[[Fullscript, str], Fullscript | Awaitable[Fullscript]]
"""``resolver(fs, grant_id)``: the client acting for one grant (clinic, tenant)."""


async def _resolved(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def fullscript_lifespan(
    factory: ClientFactory,
    *,
    on_startup: Callable[[Fullscript], Awaitable[object]] | None = None,
    on_shutdown: Callable[[Fullscript], Awaitable[object]] | None = None,
) -> Callable[[FastAPI], AbstractAsyncContextManager[dict[str, Any]]]:
    """A FastAPI ``lifespan`` that opens one client for the app and closes it at shutdown.

    Args:
        factory: makes the client (sync or async), called once at startup.
        on_startup: awaited with the client once it exists, e.g. a reconciliation of the
            events missed while the app was down (`WebhookReceiver.catch_up`).
        on_shutdown: awaited with the client before it is closed (close your own resources,
            e.g. a Redis dedup store).

    The client is in the lifespan state (``request.state.fullscript``, read by
    `get_fullscript`) and on ``app.state.fullscript`` for code outside requests. To combine
    with your own lifespan, enter it inside yours: ``async with fullscript_lifespan(f)(app)``.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        fs = await _resolved(factory())
        if not isinstance(fs, Fullscript):
            raise TypeError(f"the factory must return a Fullscript, got {type(fs).__name__}")
        async with fs:
            setattr(app.state, STATE_KEY, fs)
            try:
                if on_startup is not None:
                    await on_startup(fs)
                yield {STATE_KEY: fs}
                if on_shutdown is not None:
                    await on_shutdown(fs)
            finally:
                if getattr(app.state, STATE_KEY, None) is fs:
                    delattr(app.state, STATE_KEY)

    return lifespan


async def get_fullscript(request: Request) -> Fullscript:
    """The app's client (a dependency); a clear error when the lifespan is not installed.

    ``async def``, as every dependency this package provides: FastAPI runs a plain ``def``
    dependency in its threadpool, a thread hop per request for a lookup that never blocks.
    """
    fs = getattr(request.state, STATE_KEY, None) or getattr(request.app.state, STATE_KEY, None)
    if not isinstance(fs, Fullscript):
        raise RuntimeError(
            "no Fullscript client for this app: create it with "
            "FastAPI(lifespan=fullscript_lifespan(make_client))"
        )
    return fs


FullscriptDep = Annotated[Fullscript, Depends(get_fullscript)]
"""The app's `Fullscript`, as a typed dependency: ``async def route(fs: FullscriptDep)``."""


def _default_resolver(fs: Fullscript, grant_id: str) -> Fullscript | Awaitable[Fullscript]:
    for_grant = getattr(fs, "for_grant", None)
    if for_grant is None:
        raise RuntimeError(
            "this Fullscript has no for_grant(): pass resolver= to grant_dependency/oauth_router"
        )
    result: Fullscript | Awaitable[Fullscript] = for_grant(grant_id)
    return result


async def resolve_grant(
    fs: Fullscript, grant_id: str, resolver: GrantResolver | None = None
) -> Fullscript:
    """The client acting for ``grant_id`` (``resolver`` or the default, ``fs.for_grant``)."""
    client = await _resolved((resolver or _default_resolver)(fs, grant_id))
    if not isinstance(client, Fullscript):
        raise TypeError(f"the grant resolver must return a Fullscript, got {type(client).__name__}")
    return client


def grant_dependency(
    grant_id: Callable[..., str | Awaitable[str]],
    *,
    resolver: GrantResolver | None = None,
) -> Callable[..., Awaitable[Fullscript]]:
    """A dependency giving the client of the grant named by the request.

    Args:
        grant_id: a FastAPI dependency returning the grant (tenant, clinic) id, e.g. one that
            reads a path parameter or your session. Make it ``async def``: FastAPI runs a
            plain ``def`` dependency in its threadpool, a thread hop on every request.
        resolver: ``resolver(fs, grant_id)`` returning that grant's client (default:
            ``fs.for_grant(grant_id)``).

    Example::

        async def clinic_id(clinic_id: str) -> str:        # the {clinic_id} path parameter
            return clinic_id

        ClinicDep = Annotated[Fullscript, Depends(grant_dependency(clinic_id))]

        @app.get("/clinics/{clinic_id}/patients")
        async def patients(fs: ClinicDep): ...
    """

    async def grant_client(
        fs: FullscriptDep, grant: Annotated[str, Depends(grant_id)]
    ) -> Fullscript:
        return await resolve_grant(fs, grant, resolver)

    return grant_client
