"""Every API operation's handler, by operationId, gathered from the resource groups.

An operation of :data:`~fullscript.sandbox.operations.OPERATIONS` without a handler here is
still routed, and answers 501 naming it (:func:`unimplemented`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import not_implemented
from ..oauth.server import OAuthServer
from ..operations import Operation
from .call import Call, Handler, Reply
from .catalog import HANDLERS as CATALOG
from .clinic import HANDLERS as CLINIC
from .embed import HANDLERS as EMBED
from .events import HANDLERS as EVENTS
from .links import HANDLERS as LINKS
from .oauth import oauth_handlers
from .orders import HANDLERS as ORDERS
from .patients import HANDLERS as PATIENTS
from .resources import HANDLERS as RESOURCES

__all__ = ["handler_groups", "handlers_for", "unimplemented"]


def handler_groups(oauth: OAuthServer) -> dict[str, Mapping[str, Handler]]:
    """The handlers of each module of :mod:`fullscript.sandbox.handlers`, by module name."""
    return {
        "catalog": CATALOG,
        "clinic": CLINIC,
        "embed": EMBED,
        "events": EVENTS,
        "links": LINKS,
        "oauth": oauth_handlers(oauth),
        "orders": ORDERS,
        "patients": PATIENTS,
        "resources": RESOURCES,
    }


def handlers_for(oauth: OAuthServer) -> dict[str, Handler]:
    """Every operationId mapped to its handler (the token endpoints use ``oauth``)."""
    return {
        operation_id: handler
        for group in handler_groups(oauth).values()
        for operation_id, handler in group.items()
    }


def unimplemented(operation: Operation) -> Handler:
    """The handler of a documented operation the sandbox does not implement: always 501."""

    def answer(call: Call) -> Reply:
        raise not_implemented(operation.operation_id, operation.method, "/api" + operation.path)

    answer.__name__ = operation.operation_id
    return answer
