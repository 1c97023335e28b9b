"""The OAuth token endpoints (``create_oauth_token``, ``revoke_oauth_token``) as API handlers."""

from __future__ import annotations

from ..oauth.server import OAuthServer
from .call import Call, Handler, Reply

__all__ = ["oauth_handlers"]


def oauth_handlers(oauth: OAuthServer) -> dict[str, Handler]:
    """The token endpoints' handlers, bound to one sandbox's OAuth server."""

    def create_oauth_token(call: Call) -> Reply:
        record = oauth.token(call.state.region, call.body)
        return Reply(200, {"oauth": record.to_oauth()})

    def revoke_oauth_token(call: Call) -> Reply:
        oauth.revoke(call.state.region, call.body)
        return Reply(200, {})

    return {"create_oauth_token": create_oauth_token, "revoke_oauth_token": revoke_oauth_token}
