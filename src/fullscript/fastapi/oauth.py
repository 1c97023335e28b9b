"""OAuth connect/callback routes with a stateless, signed ``state``.

    signer = OAuthStateSigner(settings.state_secret, nonces=RedisSeenStore(redis_url))
    app.include_router(oauth_router(signer, grant_id=current_clinic, resolver=clinic_client))

``GET /oauth/connect`` redirects the browser to Fullscript's authorize page with a ``state``
that carries the caller's grant (tenant) id, an expiry and a nonce, signed with HMAC-SHA256.
``GET /oauth/callback`` checks that state (MAC compared in constant time, expiry, nonce used
once: through the same `SeenStore` abstraction as webhook dedup, so a shared Redis makes it
hold across workers), exchanges the code with that grant's client (which saves the token in
its store) and calls your success hook. Tampered, expired or replayed state, a denied
authorization or a refused code answer 400 with the reason; no token ever reaches the browser.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import inspect
import json
import logging
import math
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import attrs
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .._client import Fullscript
from .._errors import AuthenticationError, FullscriptError
from .._tokens import OAuthToken
from .._validation import check_seconds
from ..webhooks.seen import InMemorySeenStore, SeenStore
from .client import GrantResolver, get_fullscript, resolve_grant

__all__ = [
    "OAuthFailure",
    "OAuthStateError",
    "OAuthStateSigner",
    "OAuthSuccess",
    "oauth_router",
]

logger = logging.getLogger("fullscript.fastapi")

#: How long a user has between "connect" and the callback (Fullscript's codes live 10 minutes).
DEFAULT_STATE_TTL = 600.0
_MIN_SECRET_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class OAuthStateError(FullscriptError, ValueError):
    """The ``state`` of an OAuth callback is not one we issued, or no longer valid.

    ``reason`` is one of ``"missing"``, ``"malformed"``, ``"tampered"``, ``"expired"``,
    ``"replayed"``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class OAuthStateSigner:
    """Issues and checks signed OAuth ``state`` values; nothing is stored until the callback.

    Args:
        secret: at least 16 bytes of secret (str or bytes), the same on every worker.
        ttl: seconds a state stays valid.
        clock: current epoch seconds.
        nonces: where used nonces are remembered (default in memory: one process; share a
            ``RedisSeenStore`` between workers so a state cannot be replayed on another one).
    """

    def __init__(
        self,
        secret: str | bytes,
        *,
        ttl: float = DEFAULT_STATE_TTL,
        clock: Callable[[], float] = time.time,
        nonces: SeenStore | None = None,
    ) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        if not isinstance(key, bytes) or len(key) < _MIN_SECRET_BYTES:
            raise ValueError(
                f"the state secret must be at least {_MIN_SECRET_BYTES} bytes "
                "(e.g. secrets.token_urlsafe(32))"
            )
        self._key = key
        self.ttl = check_seconds(ttl, name="ttl", where="OAuthStateSigner")
        self.clock = clock
        self.nonces: SeenStore = nonces if nonces is not None else InMemorySeenStore(ttl=ttl + 60)

    def __repr__(self) -> str:
        return f"OAuthStateSigner(ttl={self.ttl:g}, nonces={self.nonces!r})"

    def _mac(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest())

    def issue(self, grant_id: str) -> str:
        """A fresh state for ``grant_id``: ``<base64 payload>.<base64 HMAC>``."""
        if not isinstance(grant_id, str) or not grant_id:
            raise ValueError("grant_id must be a non-empty str")
        claims = {
            "g": grant_id,
            "e": math.floor(self.clock() + self.ttl),
            "n": secrets.token_urlsafe(16),
        }
        payload = _b64(json.dumps(claims, separators=(",", ":")).encode("utf-8"))
        return f"{payload}.{self._mac(payload)}"

    def _claims(self, state: str | None) -> dict[str, Any]:
        if not state:
            raise OAuthStateError("missing", "the callback has no state")
        payload, dot, mac = state.partition(".")
        if not dot or not payload.isascii() or not mac.isascii():
            raise OAuthStateError("malformed", "the state is not one this app issued")
        if not hmac.compare_digest(self._mac(payload), mac):
            raise OAuthStateError("tampered", "the state's signature does not match")
        try:
            claims = json.loads(_unb64(payload))
        except (ValueError, binascii.Error):
            raise OAuthStateError("malformed", "the state cannot be read") from None
        if (
            not isinstance(claims, dict)
            or not isinstance(claims.get("g"), str)
            or not isinstance(claims.get("e"), int)
            or not isinstance(claims.get("n"), str)
        ):
            raise OAuthStateError("malformed", "the state lacks its grant, expiry or nonce")
        return claims

    def peek(self, state: str | None) -> str:
        """The grant id of a genuine, unexpired state, without using it up."""
        claims = self._claims(state)
        if self.clock() > claims["e"]:
            raise OAuthStateError("expired", "the state has expired: connect again")
        return str(claims["g"])

    async def verify(self, state: str | None) -> str:
        """Check ``state`` and use up its nonce; return its grant id or raise `OAuthStateError`."""
        grant_id = self.peek(state)
        nonce = self._claims(state)["n"]
        if not await self.nonces.claim(f"oauth-state:{nonce}"):
            raise OAuthStateError("replayed", "the state has already been used: connect again")
        return grant_id


@attrs.frozen
class OAuthSuccess:
    """A completed connection: the grant id and its new token (saved already)."""

    grant_id: str
    token: OAuthToken = attrs.field(repr=False)


@attrs.frozen
class OAuthFailure:
    """A refused callback: why (``reason``), the answer's status, and the grant if known."""

    reason: str
    message: str
    status_code: int = 400
    grant_id: str | None = None


GrantIdSource = Callable[[Request], str | Awaitable[str]]
SuccessHook = Callable[[Request, OAuthSuccess], Awaitable[Response | None]]
FailureHook = Callable[[Request, OAuthFailure], Awaitable[Response | None]]


def _query_grant_id(request: Request) -> str:
    grant_id = request.query_params.get("grant_id")
    if not grant_id:
        raise OAuthStateError("missing", "connect needs ?grant_id=<the clinic or tenant id>")
    return grant_id


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def oauth_router(
    signer: OAuthStateSigner,
    *,
    grant_id: GrantIdSource = _query_grant_id,
    resolver: GrantResolver | None = None,
    on_success: SuccessHook | None = None,
    on_failure: FailureHook | None = None,
    prefix: str = "/oauth",
    connect_path: str = "/connect",
    callback_path: str = "/callback",
) -> APIRouter:
    """Connect and callback routes for the authorization-code flow.

    Args:
        signer: issues and checks the signed state.
        grant_id: ``grant_id(request)``: which grant (clinic, tenant) the caller connects;
            by default the ``grant_id`` query parameter. In a real app read your session, so a
            user can only connect their own tenant.
        resolver: ``resolver(fs, grant_id)``: that grant's client, whose token store receives
            the token (default: ``fs.for_grant``; None in a single-clinic app means the app's
            own client when the SDK has no grants).
        on_success: awaited after the token is saved; may return the answer (default: a small
            JSON ``{"connected": grant_id}``).
        on_failure: awaited on every refusal; may return the answer (default: JSON 400/502
            ``{"error": reason, "message": ...}``).

    The callback URL (``prefix + callback_path``) must be your app's ``redirect_uri``.
    """
    router = APIRouter(prefix=prefix)

    async def client_for(fs: Fullscript, grant: str) -> Fullscript:
        if resolver is None and not hasattr(fs, "for_grant"):
            return fs  # single-clinic app on an SDK without grants: the app's own client
        return await resolve_grant(fs, grant, resolver)

    async def fail(request: Request, failure: OAuthFailure) -> Response:
        logger.info("OAuth callback refused: %s (%s)", failure.reason, failure.message)
        if on_failure is not None:
            answer = await on_failure(request, failure)
            if answer is not None:
                return answer
        return JSONResponse(
            {"error": failure.reason, "message": failure.message},
            status_code=failure.status_code,
        )

    @router.get(connect_path, name="fullscript_oauth_connect")
    async def connect(
        request: Request, fs: Annotated[Fullscript, Depends(get_fullscript)]
    ) -> Response:
        try:
            grant = await _maybe_await(grant_id(request))
        except OAuthStateError as error:
            return await fail(request, OAuthFailure(error.reason, str(error)))
        client = await client_for(fs, grant)
        return RedirectResponse(client.authorization_url(signer.issue(grant)), status_code=302)

    @router.get(callback_path, name="fullscript_oauth_callback")
    async def callback(
        request: Request, fs: Annotated[Fullscript, Depends(get_fullscript)]
    ) -> Response:
        query = request.query_params
        try:
            grant = await signer.verify(query.get("state"))
        except OAuthStateError as error:
            return await fail(request, OAuthFailure(error.reason, str(error)))
        if query.get("error"):
            # Only the standard error code is echoed, never free text from the query.
            error_code = query["error"] if query["error"].replace("_", "").isalnum() else "error"
            return await fail(
                request,
                OAuthFailure(
                    "denied", f"the authorization was not granted ({error_code})", 400, grant
                ),
            )
        code = query.get("code")
        if not code:
            return await fail(
                request, OAuthFailure("missing", "the callback has no code", 400, grant)
            )
        try:
            client = await client_for(fs, grant)
            token = await client.exchange_code(code)
        except AuthenticationError:
            return await fail(
                request,
                OAuthFailure(
                    "code_refused",
                    "Fullscript refused the code (used, expired, or another redirect_uri)",
                    400,
                    grant,
                ),
            )
        except FullscriptError as error:
            logger.warning("OAuth code exchange failed: %s", error)
            return await fail(
                request,
                OAuthFailure(
                    "upstream", "Fullscript could not complete the connection", 502, grant
                ),
            )
        success = OAuthSuccess(grant, token)
        if on_success is not None:
            answer = await on_success(request, success)
            if answer is not None:
                return answer
        return JSONResponse({"connected": grant})

    return router
