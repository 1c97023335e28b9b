"""The sandbox's OAuth 2.0 server: authorize, code exchange, token rotation and revocation."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from ..errors import ApiError
from ..operations import check_scopes
from ..state.clock import SandboxClock
from .apps import OAuthApp
from .bearer import bearer_token, invalid_token
from .grants import CODE_TTL, AuthorizationCode, TokenRecord

__all__ = ["OAuthServer"]


def _oauth_error(status: int, error: str, description: str) -> ApiError:
    return ApiError(status, {"error": error, "error_description": description, "status": status})


class OAuthServer:
    """Holds apps, codes and tokens for every region; tokens never cross regions."""

    def __init__(
        self,
        clock: SandboxClock,
        token_ttl: int,
        resource_owner: Callable[[str, str], str],
    ) -> None:
        self._clock = clock
        self.token_ttl = token_ttl
        self._resource_owner = resource_owner
        self.apps: dict[str, OAuthApp] = {}
        self._codes: dict[str, AuthorizationCode] = {}
        self._by_access: dict[str, TokenRecord] = {}
        self._by_refresh: dict[str, TokenRecord] = {}
        self._grants = 0

    # --- apps -------------------------------------------------------------------------------

    def register_app(self, app: OAuthApp) -> OAuthApp:
        """Add (or replace) an app, refusing scopes no app can hold."""
        check_scopes(app.scopes)
        self.apps[app.client_id] = app
        return app

    def _client(self, body: Mapping[str, Any]) -> OAuthApp:
        app = self.apps.get(str(body.get("client_id") or ""))
        secret = str(body.get("client_secret") or "")
        if app is None or not secrets.compare_digest(app.client_secret, secret):
            raise _oauth_error(
                401, "invalid_client", "Client authentication failed: unknown client or bad secret."
            )
        return app

    # --- authorize (browser step) -----------------------------------------------------------

    def authorize(
        self, region: str, client_id: str, redirect_uri: str, response_type: str, state: str | None
    ) -> str:
        """Auto-approve and return the redirect location carrying ``code`` and ``state``."""
        app = self.apps.get(client_id)
        if app is None or redirect_uri != app.redirect_uri:
            # Fullscript answers a bare 404 for an unknown app or a redirect_uri mismatch.
            raise ApiError(404, {"status": 404, "error": "Not Found"})
        params = {}
        if response_type != "code":
            params["error"] = "unsupported_response_type"
        else:
            code = secrets.token_urlsafe(24)
            self._codes[code] = AuthorizationCode(
                code=code,
                client_id=client_id,
                region=region,
                redirect_uri=redirect_uri,
                scopes=app.scopes,
                expires_at=self._clock.now() + CODE_TTL,
            )
            params["code"] = code
        if state is not None:
            params["state"] = state
        separator = "&" if "?" in redirect_uri else "?"
        return f"{redirect_uri}{separator}{urlencode(params)}"

    # --- token endpoint ---------------------------------------------------------------------

    def token(self, region: str, body: Mapping[str, Any]) -> TokenRecord:
        """Handle ``POST /oauth/token`` for both grants."""
        grant_type = body.get("grant_type")
        if grant_type not in ("authorization_code", "refresh_token"):
            raise _oauth_error(
                400,
                "unsupported_grant_type",
                "grant_type must be authorization_code or refresh_token.",
            )
        app = self._client(body)
        if grant_type == "authorization_code":
            return self._exchange_code(region, app, body)
        return self._refresh(region, app, body)

    def _exchange_code(self, region: str, app: OAuthApp, body: Mapping[str, Any]) -> TokenRecord:
        code = self._codes.get(str(body.get("code") or ""))
        if (
            code is None
            or code.used
            or code.region != region
            or code.client_id != app.client_id
            or code.expires_at <= self._clock.now()
        ):
            raise _oauth_error(
                400,
                "invalid_grant",
                "The authorization code is invalid, expired, already used or from another region.",
            )
        if body.get("redirect_uri") != code.redirect_uri:
            raise _oauth_error(
                400, "invalid_grant", "redirect_uri does not match the authorization."
            )
        code.used = True
        return self.issue(region, app, code.scopes)

    def _refresh(self, region: str, app: OAuthApp, body: Mapping[str, Any]) -> TokenRecord:
        old = self._by_refresh.get(str(body.get("refresh_token") or ""))
        if old is None or old.revoked or old.region != region or old.client_id != app.client_id:
            raise _oauth_error(400, "invalid_grant", "The refresh token is invalid or revoked.")
        # The old pair stays valid until the new access token is used for the first time.
        return self.issue(region, app, old.scopes, previous=old, owner=old.resource_owner_id)

    def issue(
        self,
        region: str,
        app: OAuthApp,
        scopes: tuple[str, ...],
        *,
        previous: TokenRecord | None = None,
        owner: str | None = None,
    ) -> TokenRecord:
        """Mint a new access/refresh pair."""
        if previous is None:
            self._grants += 1
        record = TokenRecord(
            grant=previous.grant if previous is not None else f"grant-{self._grants}",
            access_token=secrets.token_urlsafe(32),
            refresh_token=secrets.token_urlsafe(32),
            client_id=app.client_id,
            region=region,
            scopes=scopes,
            created_at=self._clock.now(),
            expires_in=self.token_ttl,
            resource_owner_id=owner or self._resource_owner(region, app.resource_owner_type),
            resource_owner_type=app.resource_owner_type,
            previous=previous,
        )
        self._by_access[record.access_token] = record
        self._by_refresh[record.refresh_token] = record
        return record

    def spend_refresh_token(self, refresh_token: object) -> None:
        """Refresh with ``refresh_token`` and use the new pair, as another worker would: the
        refresh token is then spent, and a second refresh with it is ``invalid_grant``."""
        old = self._by_refresh.get(str(refresh_token or ""))
        if old is None or old.revoked:
            return
        app = self.apps[old.client_id]
        newer = self.issue(old.region, app, old.scopes, previous=old, owner=old.resource_owner_id)
        newer.used = True
        self.revoke_record(old)

    # --- revoke -----------------------------------------------------------------------------

    def revoke(self, region: str, body: Mapping[str, Any]) -> None:
        """Handle ``POST /oauth/revoke``: the access token and its refresh token both die."""
        app = self._client(body)
        token = str(body.get("token") or "")
        record = self._by_access.get(token) or self._by_refresh.get(token)
        # Like RFC 7009, an unknown token is not an error: the answer is the same 200 {}. A token
        # of another region is unknown here (each region is its own server).
        if record is not None and record.client_id == app.client_id and record.region == region:
            self.revoke_record(record)

    def revoke_record(self, record: TokenRecord) -> None:
        """Revoke a grant and every grant it was refreshed from."""
        current: TokenRecord | None = record
        while current is not None:
            current.revoked = True
            current = current.previous

    def revoke_region(self, region: str) -> int:
        """Revoke every token of a region (the clinic revoked the integration)."""
        count = 0
        for record in self._by_access.values():
            if record.region == region and not record.revoked:
                record.revoked = True
                count += 1
        return count

    def clear_tokens(self) -> None:
        """Forget every code and token (apps stay registered)."""
        self._codes.clear()
        self._by_access.clear()
        self._by_refresh.clear()

    # --- resource access --------------------------------------------------------------------

    def grant_of_refresh_token(self, refresh_token: object) -> str | None:
        """The grant a refresh token belongs to (None when unknown)."""
        record = self._by_refresh.get(str(refresh_token or ""))
        return record.grant if record is not None else None

    def lookup(self, access_token: str) -> TokenRecord | None:
        """The grant of an access token, live or not, in any region (None when unknown)."""
        return self._by_access.get(access_token)

    def authenticate(self, region: str, authorization: str | None) -> TokenRecord:
        """Return the live token behind an ``Authorization: Bearer`` header, or raise 401."""
        token = bearer_token(authorization)
        if token is None:
            raise invalid_token("Missing bearer access token.")
        record = self._by_access.get(token)
        if record is None or record.region != region:
            raise invalid_token("The access token is invalid.")
        if record.revoked:
            raise invalid_token("The access token was revoked.")
        if record.expired(self._clock.now()):
            raise invalid_token("The access token expired.")
        if not record.used:
            record.used = True
            if record.previous is not None:
                # First use of a refreshed token retires the pair it replaced, and any pair
                # before that one which a chain of unused refreshes left alive.
                self.revoke_record(record.previous)
        return record
