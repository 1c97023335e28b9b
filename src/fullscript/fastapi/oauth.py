"""OAuth connect/callback routes with a stateless, signed ``state``.

    signer = OAuthStateSigner(settings.state_secret, nonces=RedisSeenStore(redis_url))
    app.include_router(
        oauth_router(signer, grant_id=current_clinic, user_id=current_user, resolver=clinic_client)
    )

Which grant a connect binds to comes from your app's signed-in user (``grant_id`` and
``user_id`` are required and read your session), never from the request: otherwise anyone could
start a connect for any tenant and bind it to their own Fullscript account. A grant that
already holds a pair is not re-bound unless ``allow_replace`` says so.

``GET /oauth/connect`` redirects the browser to Fullscript's authorize page with a ``state``
that carries the grant (tenant) id, the user id, an expiry and a nonce, signed with
HMAC-SHA256. ``GET /oauth/callback`` checks that state (MAC compared in constant time, expiry,
the same signed-in user, nonce used once: through the same `SeenStore` abstraction as webhook
dedup, so a shared Redis makes it hold across workers), exchanges the code with that grant's
client (which saves the token in its store) and calls your success hook. Tampered, expired or
replayed state, another user, a denied authorization or a refused code answer 400 with the
reason; no token ever reaches the browser.
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
from .._secrets import remember_secret
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
    ``"replayed"``, ``"wrong_user"`` (issued to another signed-in user).
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
        # Errors redact it verbatim, for the life of the process.
        remember_secret(secret if isinstance(secret, str) else key.decode("utf-8", "replace"))
        self.ttl = check_seconds(ttl, name="ttl", where="OAuthStateSigner")
        self.clock = clock
        self.nonces: SeenStore = nonces if nonces is not None else InMemorySeenStore(ttl=ttl + 60)

    def __repr__(self) -> str:
        return f"OAuthStateSigner(ttl={self.ttl:g}, nonces={self.nonces!r})"

    def _mac(self, payload: str) -> str:
        return _b64(hmac.new(self._key, payload.encode("ascii"), hashlib.sha256).digest())

    def issue(self, grant_id: str, user_id: str) -> str:
        """A fresh state binding ``grant_id`` to ``user_id``: ``<base64 payload>.<base64 HMAC>``."""
        if not isinstance(grant_id, str) or not grant_id:
            raise ValueError("grant_id must be a non-empty str")
        if not isinstance(user_id, str) or not user_id:
            raise ValueError("user_id must be a non-empty str")
        claims = {
            "g": grant_id,
            "u": user_id,
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
            or not isinstance(claims.get("u"), str)
            or not isinstance(claims.get("e"), int)
            or not isinstance(claims.get("n"), str)
        ):
            raise OAuthStateError("malformed", "the state lacks its grant, user, expiry or nonce")
        return claims

    def peek(self, state: str | None) -> str:
        """The grant id of a genuine, unexpired state, without using it up."""
        claims = self._claims(state)
        if self.clock() > claims["e"]:
            raise OAuthStateError("expired", "the state has expired: connect again")
        return str(claims["g"])

    async def verify(self, state: str | None, user_id: str) -> str:
        """Check ``state`` was issued to ``user_id`` and use up its nonce; return its grant id.

        Raises `OAuthStateError`. The user check stops a state started by one user (an
        attacker) from completing in another user's browser.
        """
        grant_id = self.peek(state)
        claims = self._claims(state)
        if not isinstance(user_id, str) or not hmac.compare_digest(
            claims["u"].encode("utf-8"), user_id.encode("utf-8")
        ):
            raise OAuthStateError(
                "wrong_user", "the state was issued to another signed-in user: connect again"
            )
        nonce = claims["n"]
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
UserIdSource = Callable[[Request], str | Awaitable[str]]
ReplacePolicy = bool | Callable[[Request, str], bool | Awaitable[bool]]
SuccessHook = Callable[[Request, OAuthSuccess], Awaitable[Response | None]]
FailureHook = Callable[[Request, OAuthFailure], Awaitable[Response | None]]


async def _maybe_await(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


def oauth_router(
    signer: OAuthStateSigner,
    *,
    grant_id: GrantIdSource,
    user_id: UserIdSource,
    allow_replace: ReplacePolicy = False,
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
        grant_id: ``grant_id(request)``: which grant (clinic, tenant) the signed-in user
            connects, from your session or database; never from the query string, or anyone
            could bind any tenant to their own Fullscript account. Required.
        user_id: ``user_id(request)``: the signed-in user's id, from your session. The state
            binds it: the callback must come from the same user. Required; raise (say an
            ``HTTPException(401)``) or return ``""`` when nobody is signed in.
        allow_replace: whether a grant that already holds a token pair may be connected
            again (its pair replaced): ``False`` by default (409 ``already_connected``),
            ``True``, or ``allow_replace(request, grant_id)``, e.g. "the user is the clinic's
            admin".
        resolver: ``resolver(fs, grant_id)``: that grant's client, whose token store receives
            the token (default: ``fs.for_grant``; None in a single-clinic app means the app's
            own client when the SDK has no grants).
        on_success: awaited after the token is saved; may return the answer (default: a small
            JSON ``{"connected": grant_id}``).
        on_failure: awaited on every refusal; may return the answer (default: JSON 400/502
            ``{"error": reason, "message": ...}``).

    The callback URL (``prefix + callback_path``) must be your app's ``redirect_uri``.
    """
    for name, source in (("grant_id", grant_id), ("user_id", user_id)):
        if not callable(source):
            raise TypeError(f"oauth_router needs {name}=<a function of the request>")
    router = APIRouter(prefix=prefix)

    async def client_for(fs: Fullscript, grant: str) -> Fullscript:
        if resolver is None and not hasattr(fs, "for_grant"):
            return fs  # single-clinic app on an SDK without grants: the app's own client
        return await resolve_grant(fs, grant, resolver)

    async def signed_in_user(request: Request) -> str | None:
        user = await _maybe_await(user_id(request))
        return user if isinstance(user, str) and user else None

    async def refuses_replacing(request: Request, client: Fullscript, grant: str) -> bool:
        stored = await client.token_manager.store.load(client.region.key, client.grant_id)
        if stored is None:
            return False
        allowed = allow_replace
        if callable(allowed):
            allowed = await _maybe_await(allowed(request, grant))
        return allowed is not True

    def already_connected(grant: str) -> OAuthFailure:
        return OAuthFailure(
            "already_connected",
            "this grant is already connected; replacing its authorization is not allowed",
            409,
            grant,
        )

    def unauthenticated() -> OAuthFailure:
        return OAuthFailure("unauthenticated", "connecting needs a signed-in user", 401)

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
        user = await signed_in_user(request)
        if user is None:
            return await fail(request, unauthenticated())
        try:
            grant = await _maybe_await(grant_id(request))
        except OAuthStateError as error:
            return await fail(request, OAuthFailure(error.reason, str(error)))
        if not isinstance(grant, str) or not grant:
            return await fail(request, OAuthFailure("missing", "no grant for this user", 400))
        client = await client_for(fs, grant)
        if await refuses_replacing(request, client, grant):
            return await fail(request, already_connected(grant))
        state = signer.issue(grant, user)
        return RedirectResponse(client.authorization_url(state), status_code=302)

    @router.get(callback_path, name="fullscript_oauth_callback")
    async def callback(
        request: Request, fs: Annotated[Fullscript, Depends(get_fullscript)]
    ) -> Response:
        query = request.query_params
        user = await signed_in_user(request)
        if user is None:
            return await fail(request, unauthenticated())
        try:
            grant = await signer.verify(query.get("state"), user)
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
        client = await client_for(fs, grant)
        if await refuses_replacing(request, client, grant):  # connected since the redirect
            return await fail(request, already_connected(grant))
        try:
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
