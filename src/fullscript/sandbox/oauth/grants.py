"""What the OAuth server hands out: single-use authorization codes and access/refresh grants."""

from __future__ import annotations

from typing import Any

import attrs

from ..state.clock import format_timestamp

__all__ = ["CODE_TTL", "AuthorizationCode", "TokenRecord"]

#: Authorization codes are single use and expire after ten minutes.
CODE_TTL = 600.0


@attrs.define
class AuthorizationCode:
    code: str = attrs.field(repr=False)
    client_id: str
    region: str
    redirect_uri: str
    scopes: tuple[str, ...]
    expires_at: float
    used: bool = False


@attrs.define(eq=False)
class TokenRecord:
    """One access token and its refresh token, as a single grant record (like Doorkeeper)."""

    access_token: str = attrs.field(repr=False)
    refresh_token: str = attrs.field(repr=False)
    client_id: str
    region: str
    scopes: tuple[str, ...]
    created_at: float
    expires_in: int
    resource_owner_id: str
    resource_owner_type: str
    revoked: bool = False
    used: bool = False
    previous: TokenRecord | None = attrs.field(default=None, repr=False)
    # The authorization this pair belongs to: refreshes keep it, a code exchange starts one.
    grant: str = ""

    def expired(self, now: float) -> bool:
        return now >= self.created_at + self.expires_in

    def to_oauth(self) -> dict[str, Any]:
        """The ``oauth`` object of a token response."""
        return {
            "access_token": self.access_token,
            "token_type": "Bearer",
            "expires_in": self.expires_in,
            "refresh_token": self.refresh_token,
            "scope": " ".join(self.scopes),
            "created_at": format_timestamp(self.created_at),
            "resource_owner": {"id": self.resource_owner_id, "type": self.resource_owner_type},
        }
