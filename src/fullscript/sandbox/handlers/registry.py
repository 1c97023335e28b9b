"""Every API operation's handler, by operationId, gathered from the resource groups."""

from __future__ import annotations

from ..oauth.server import OAuthServer
from .call import Handler
from .catalog import HANDLERS as CATALOG
from .clinic import HANDLERS as CLINIC
from .events import HANDLERS as EVENTS
from .oauth import oauth_handlers
from .orders import HANDLERS as ORDERS
from .patients import HANDLERS as PATIENTS

__all__ = ["handlers_for"]


def handlers_for(oauth: OAuthServer) -> dict[str, Handler]:
    """Every operationId mapped to its handler (the token endpoints use ``oauth``)."""
    return {**CATALOG, **CLINIC, **EVENTS, **ORDERS, **PATIENTS, **oauth_handlers(oauth)}
