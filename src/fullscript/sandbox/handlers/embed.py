"""Fullscript Embed: session grants that sign a practitioner or staff member into the
embedded UI."""

from __future__ import annotations

import secrets

from ..errors import ValidationFailed
from ..state.clock import format_timestamp
from ..state.people import require
from .call import Call, Handler, Reply

__all__ = ["HANDLERS", "SESSION_GRANT_TTL"]

#: Seconds a session grant can be claimed for.
SESSION_GRANT_TTL = 120.0


def create_session_grant(call: Call) -> Reply:
    assert call.token is not None
    user_id = call.body.get("user_id")
    user_type = call.body.get("user_type")
    if user_id is None and user_type is None:
        if call.token.resource_owner_type not in ("Practitioner", "Staff"):
            raise ValidationFailed({"user_id": ["can't be blank for a clinic-level token"]})
        owner = {"type": call.token.resource_owner_type, "id": call.token.resource_owner_id}
    else:
        table = {"Practitioner": "practitioners", "Staff": "staff"}.get(str(user_type))
        if table is None:
            raise ValidationFailed({"user_type": ["must be Practitioner or Staff"]})
        require(call.state, table, str(user_id or ""), "user_id")
        owner = {"type": str(user_type), "id": str(user_id)}
    grant = {
        "id": call.state.new_id(),
        "secret_token": secrets.token_urlsafe(24),
        "claimed_at": None,
        "expires_at": format_timestamp(call.now + SESSION_GRANT_TTL),
        "user": owner,
    }
    call.state.add("session_grants", grant)
    return Reply(201, grant)


HANDLERS: dict[str, Handler] = {"create_session_grant": create_session_grant}
