"""OAuth 2.0 authorization-code flow against Fullscript's token endpoints.

Token calls go through an ``httpx2.AsyncClient`` supplied by the caller (the ``Fullscript``
client builds one with the same pacing transport as API calls, without bearer auth), so
they count against the same rate limit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

import attrs
import httpx2

from ._errors import (
    AuthenticationError,
    RegionMismatchError,
    connection_error_from,
    error_from_response,
    malformed_response_error,
    status_error,
)
from ._limiters._scopes import GRANT_ID_EXTENSION
from ._regions import Region
from ._reprs import never_raising_repr
from ._retry import RETRY_AS_IDEMPOTENT
from ._secrets import remember_secret
from ._tokens import OAuthToken

__all__ = ["OAuthApp", "OAuthClient"]

logger = logging.getLogger("fullscript")


@attrs.frozen(repr=False)
class OAuthApp:
    """Your app's credentials from the Fullscript API dashboard.

    ``redirect_uri`` must match the dashboard setting exactly. The secret is kept out of
    ``repr()``.
    """

    __repr__ = never_raising_repr

    client_id: str
    client_secret: str = attrs.field(repr=False)
    redirect_uri: str

    def __attrs_post_init__(self) -> None:
        # Errors redact the secret verbatim should a server ever echo it.
        remember_secret(self.client_secret)


def check_token_region(token: OAuthToken, region: Region) -> None:
    """Raise `RegionMismatchError` unless ``token`` was issued by ``region`` (same key)."""
    if region.key != token.region:
        raise RegionMismatchError(
            f"the OAuth token belongs to region {token.region!r} but is used with region "
            f"{region.key!r}; a token only works on the server that issued it"
        )


def region_for_token(token: OAuthToken, region: Region | None) -> Region:
    """The server a token must be sent to; ``region`` (possibly re-hosted) must match its key."""
    if region is None:
        return Region.from_key(token.region)
    check_token_region(token, region)
    return region


class OAuthClient:
    """Builds authorize URLs and calls the token endpoints (exchange, refresh, revoke).

    Example::

        async with httpx2.AsyncClient(timeout=30) as http:
            oauth = OAuthClient(OAuthApp("id", "secret", "https://app.example/callback"), http)
            url = oauth.authorize_url(Region.US, state=csrf_state)
            # ... user approves, Fullscript redirects back with ?code=...&state=...
            token = await oauth.exchange_code(Region.US, code)
    """

    def __init__(self, app: OAuthApp, http: httpx2.AsyncClient) -> None:
        self._app = app
        self._http = http

    @property
    def app(self) -> OAuthApp:
        """The app credentials used for every call."""
        return self._app

    def __repr__(self) -> str:
        return f"OAuthClient(client_id={self._app.client_id!r})"

    def authorize_url(self, region: Region, state: str) -> str:
        """The page to send the user's browser to so they grant your app access.

        ``state`` is echoed back on the redirect: pass an unguessable value and check it
        (CSRF protection). Scopes come from the app's dashboard settings, not the URL.
        """
        query = urlencode(
            {
                "client_id": self._app.client_id,
                "redirect_uri": self._app.redirect_uri,
                "response_type": "code",
                "state": state,
            }
        )
        return f"{region.authorize_url}?{query}"

    async def exchange_code(
        self, region: Region, code: str, *, grant_id: str | None = None
    ) -> OAuthToken:
        """Trade the authorization code from the redirect for a token pair of ``region``.

        The code is single use and valid for 10 minutes. A refused code raises
        :class:`AuthenticationError`.
        """
        body = {
            "grant_type": "authorization_code",
            "client_id": self._app.client_id,
            "client_secret": self._app.client_secret,
            "code": code,
            "redirect_uri": self._app.redirect_uri,
        }
        response = await self._post(region.token_url, body, grant_id=grant_id)
        _raise_for_grant_refusal(
            response,
            action="authorization code exchange",
            hint="the code is single use, valid for 10 minutes, and redirect_uri must match",
        )
        return self._parse_token(response, region)

    async def refresh(
        self, token: OAuthToken, *, region: Region | None = None, grant_id: str | None = None
    ) -> OAuthToken:
        """Get a new token pair from the server that issued ``token``.

        ``region`` overrides where that server is (it must have the token's key); by default
        the documented host of ``token.region`` is used. Every refresh rotates the refresh
        token: persist the result before using it (``TokenManager`` does).

        ``grant_id`` names the grant the call is made for, so that a per-grant quota counts
        it against that grant.

        Raises :class:`AuthenticationError` when the server refuses (revoked or invalid
        refresh token), :class:`APIConnectionError` when it could not be reached.
        """
        target = region_for_token(token, region)
        body = {
            "grant_type": "refresh_token",
            "client_id": self._app.client_id,
            "client_secret": self._app.client_secret,
            "refresh_token": token.refresh_token,
            "redirect_uri": self._app.redirect_uri,
        }
        logger.debug("refreshing OAuth token for region %s", target.key)
        # Safe to repeat: the old refresh token stays valid until the new access token is used,
        # so the transport retries it after drops, 5xx and 429 as it would a read.
        response = await self._post(target.token_url, body, safe_to_repeat=True, grant_id=grant_id)
        _raise_for_grant_refusal(
            response,
            action="token refresh",
            hint="the refresh token was revoked or is invalid: authorize the app again",
        )
        return self._parse_token(response, target)

    async def revoke(
        self, token: OAuthToken, *, region: Region | None = None, grant_id: str | None = None
    ) -> None:
        """Revoke ``token`` (and its refresh token) on the server that issued it.

        Works for expired access tokens too. The user must authorize the app again afterwards.
        """
        target = region_for_token(token, region)
        body = {
            "client_id": self._app.client_id,
            "client_secret": self._app.client_secret,
            "token": token.access_token,
        }
        response = await self._post(target.revoke_url, body, safe_to_repeat=True, grant_id=grant_id)
        if response.is_error:
            raise error_from_response(response)

    async def _post(
        self,
        url: str,
        body: Mapping[str, str],
        *,
        safe_to_repeat: bool = False,
        grant_id: str | None = None,
    ) -> httpx2.Response:
        """POST ``body``; ``safe_to_repeat`` lets the transport retry it like an idempotent call
        (never for a code exchange: a code is single use); ``grant_id`` is the grant the
        limiter counts it for (``quota_scope="grant"``)."""
        extensions: dict[str, object] = {}
        if safe_to_repeat:
            extensions[RETRY_AS_IDEMPOTENT] = True
        if grant_id is not None:
            extensions[GRANT_ID_EXTENSION] = grant_id
        try:
            # Not streamed: post() has read the body by the time it returns.
            response = await self._http.post(
                url,
                json=dict(body),
                headers={"Accept": "application/json"},
                extensions=extensions or None,
            )
        except httpx2.TransportError as exc:
            # The message names the method and path only, never the body (it holds secrets).
            raise connection_error_from(exc) from exc
        return response

    def _parse_token(self, response: httpx2.Response, region: Region) -> OAuthToken:
        try:
            payload: Any = response.json()
            return OAuthToken.from_response(payload, region.key)
        except ValueError as exc:
            # `from_response` never echoes secrets, and the body is left out on purpose. A
            # transient failure to the caller: a refresh falls back to the still-valid token.
            raise malformed_response_error(
                response, operation="token endpoint", problem=f"no usable token ({exc})"
            ) from None


_INVALID_CLIENT_HINT = (
    "the app's client_id/client_secret were refused (invalid_client): check the credentials "
    "(FULLSCRIPT_CLIENT_ID / FULLSCRIPT_CLIENT_SECRET) against the app's dashboard and region"
)


def _oauth_error_code(body: Any) -> str | None:
    error = body.get("error") if isinstance(body, Mapping) else None
    return error if isinstance(error, str) else None


def _raise_for_grant_refusal(response: httpx2.Response, *, action: str, hint: str) -> None:
    if not response.is_error:
        return
    error = error_from_response(response)
    if _oauth_error_code(error.body) == "invalid_client":
        # The app's own credentials are wrong: the user's grant may be fine, so "authorize
        # again" would send them the wrong way.
        hint = _INVALID_CLIENT_HINT
    if response.status_code in (400, 401, 403):
        # Doorkeeper answers invalid_grant / invalid_client with 400 or 401: either way the
        # credentials were refused and retrying will not help.
        raise status_error(
            AuthenticationError,
            response,
            f"{action} refused by the server: {error.message}; {hint}",
            body=error.body,
        )
    raise error
