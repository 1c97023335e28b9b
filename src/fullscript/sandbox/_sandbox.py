"""The public ``Sandbox`` object: state, OAuth server, limiter, faults, webhooks and helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs
import httpx
from starlette.types import Receive, Scope, Send

from ._app import build_app
from ._clinic import ClinicControl
from ._clock import SandboxClock
from ._faults import FaultInjector
from ._oauth import OAuthApp, OAuthServer, TokenRecord
from ._operations import ALL_SCOPES, REGIONS, check_scopes
from ._rate_limit import RollingWindowLimiter
from ._seed import seed_region
from ._settings import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_PATIENTS,
    DEFAULT_RATE_LIMIT,
    DEFAULT_REDIRECT_URI,
    DEFAULT_TOKEN_TTL,
    DEFAULT_WEBHOOK_CHALLENGE,
    DEFAULT_WEBHOOK_SECRET,
    SandboxSettings,
    parse_rate_limit,
)
from ._store import COLLECTIONS, Record, RegionState, public
from ._transport import SandboxTransport
from ._webhook_dispatch import WebhookDispatcher

__all__ = ["IssuedToken", "Sandbox"]

#: Host used for in-process URLs; any host works with :meth:`Sandbox.transport`.
IN_PROCESS_HOST = "http://fullscript-sandbox"


@attrs.frozen
class IssuedToken:
    """An access/refresh pair minted by :meth:`Sandbox.issue_token`."""

    access_token: str = attrs.field(repr=False)
    refresh_token: str = attrs.field(repr=False)
    region: str
    scope: str
    expires_in: int
    created_at: str
    resource_owner: dict[str, str]

    @property
    def authorization(self) -> str:
        """Value for the ``Authorization`` header."""
        return f"Bearer {self.access_token}"

    @classmethod
    def from_record(cls, record: TokenRecord) -> IssuedToken:
        """The pair of a stored grant, with the fields of its token response."""
        oauth = record.to_oauth()
        return cls(region=record.region, **{name: oauth[name] for name in _OAUTH_FIELDS})

    def to_oauth(self) -> dict[str, Any]:
        """The ``oauth`` object a token call would have answered for this pair."""
        fields = attrs.asdict(self, recurse=False)
        return {"token_type": "Bearer"} | {name: fields[name] for name in _OAUTH_FIELDS}


#: The members of a token response that an :class:`IssuedToken` keeps.
_OAUTH_FIELDS = (
    "access_token",
    "refresh_token",
    "scope",
    "expires_in",
    "created_at",
    "resource_owner",
)


def _check_region(region: str) -> str:
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; use one of {REGIONS}")
    return region


class Sandbox:
    """A stateful fake Fullscript API: an ASGI app plus Python helpers for tests.

    In-process use with httpx::

        sandbox = Sandbox(seed=1)
        token = sandbox.issue_token("us")
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url=sandbox.base_url("us"),
            headers={"Authorization": token.authorization},
        ) as client:
            page = (await client.get("/api/clinic/patients")).json()

    Serve it on a socket with ``python -m fullscript.sandbox`` or :func:`fullscript.sandbox.serve`.
    """

    def __init__(
        self,
        *,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        redirect_uri: str = DEFAULT_REDIRECT_URI,
        scopes: Iterable[str] = ALL_SCOPES,
        resource_owner_type: str = "Practitioner",
        rate_limit: str | tuple[int, float] = DEFAULT_RATE_LIMIT,
        token_ttl: int = DEFAULT_TOKEN_TTL,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        patients: int = DEFAULT_PATIENTS,
        allow_restricted: bool = True,
        webhook_url: str | None = None,
        webhook_secret: str = DEFAULT_WEBHOOK_SECRET,
        webhook_challenge: str | None = DEFAULT_WEBHOOK_CHALLENGE,
        webhook_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = SandboxSettings(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            scopes=tuple(scopes),
            resource_owner_type=resource_owner_type,
            rate_limit=parse_rate_limit(rate_limit),
            token_ttl=int(token_ttl),
            seed=seed,
            patients=patients,
            allow_restricted=allow_restricted,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            webhook_challenge=webhook_challenge,
        )
        self.clock = SandboxClock(clock)
        self.allow_restricted = allow_restricted
        self.oauth = OAuthServer(self.clock, int(token_ttl), self._resource_owner)
        self.limiter = RollingWindowLimiter(*self.settings.rate_limit, self.clock)
        self.faults = FaultInjector(seed)
        self.webhooks = WebhookDispatcher(
            self.clock,
            url=webhook_url,
            secret=webhook_secret,
            challenge=webhook_challenge,
            transport=webhook_transport,
        )
        self._regions: dict[str, RegionState] = {}
        self._clinics: dict[str, ClinicControl] = {}
        self.oauth_app = self.register_app(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            scopes=self.settings.scopes,
            resource_owner_type=resource_owner_type,
        )
        self.app = build_app(self)

    def __repr__(self) -> str:
        return f"Sandbox(client_id={self.settings.client_id!r}, seed={self.settings.seed})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The sandbox is itself an ASGI app."""
        await self.app(scope, receive, send)

    # --- state ------------------------------------------------------------------------------

    def region(self, name: str) -> RegionState:
        """The state of a region, seeded on first use (so unused regions cost nothing)."""
        state = self._regions.get(name)
        if state is None:
            state = seed_region(
                _check_region(name), self.settings.seed, self.clock.now(), self.settings.patients
            )
            self._regions[name] = state
        return state

    def records(self, region: str, table: str) -> list[Record]:
        """Every stored record of a table (internal ``_`` keys included), in list order."""
        if table not in COLLECTIONS:
            raise ValueError(f"unknown table {table!r}; use one of {', '.join(COLLECTIONS)}")
        return self.region(region).values(table)

    def reset(self) -> None:
        """Forget all data, tokens, rate-limit history, faults and pending webhooks."""
        self._regions.clear()
        self._clinics.clear()
        self.limiter.reset()
        self.faults.clear()
        self.webhooks.pending.clear()
        self.oauth.clear_tokens()

    def _resource_owner(self, region: str, owner_type: str) -> str:
        state = self.region(region)
        if owner_type == "Staff":
            return str(state.values("staff")[0]["id"])
        if owner_type == "Clinic":
            return str(state.clinic["id"])
        return str(state.values("practitioners")[0]["id"])

    # --- time -------------------------------------------------------------------------------

    def now(self) -> float:
        """Sandbox time in epoch seconds."""
        return self.clock.now()

    def advance_time(self, seconds: float) -> None:
        """Move sandbox time forward (expire codes and tokens, roll the rate-limit window)."""
        self.clock.advance(seconds)

    # --- OAuth helpers ----------------------------------------------------------------------

    def register_app(
        self,
        *,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        scopes: Iterable[str] = ALL_SCOPES,
        resource_owner_type: str = "Practitioner",
    ) -> OAuthApp:
        """Register another OAuth app (each has its own rate-limit budget)."""
        return self.oauth.register_app(
            OAuthApp(client_id, client_secret, redirect_uri, tuple(scopes), resource_owner_type)
        )

    def _app(self, client_id: str | None) -> OAuthApp:
        """A registered app (the sandbox's own when ``client_id`` is None)."""
        name = client_id or self.settings.client_id
        app = self.oauth.apps.get(name)
        if app is None:
            raise ValueError(f"unknown OAuth app {name!r}; register it with register_app()")
        return app

    def set_scopes(self, scopes: Iterable[str], *, client_id: str | None = None) -> None:
        """Change an app's dashboard scopes; existing tokens keep theirs (re-authorize)."""
        self._app(client_id).scopes = check_scopes(scopes)

    def authorization_code(
        self, region: str = "us", *, client_id: str | None = None, state: str | None = None
    ) -> str:
        """The browser step without a browser: a fresh code for the app's redirect_uri."""
        app = self._app(client_id)
        location = self.oauth.authorize(
            _check_region(region), app.client_id, app.redirect_uri, "code", state
        )
        return parse_qs(urlsplit(location).query)["code"][0]

    def issue_token(
        self,
        region: str = "us",
        *,
        scopes: Iterable[str] | None = None,
        client_id: str | None = None,
    ) -> IssuedToken:
        """Mint an access/refresh pair directly (no browser, no token call, no rate limit)."""
        app = self._app(client_id)
        chosen = check_scopes(scopes) if scopes is not None else app.scopes
        record = self.oauth.issue(_check_region(region), app, chosen)
        return IssuedToken.from_record(record)

    # --- HTTP helpers -----------------------------------------------------------------------

    def transport(self) -> httpx.AsyncBaseTransport:
        """An httpx transport into this sandbox (dropped connections raise httpx errors)."""
        return SandboxTransport(self.app)

    @staticmethod
    def base_url(region: str = "us", host: str = IN_PROCESS_HOST) -> str:
        """The region's base URL (API under ``{base}/api``, authorize page at ``{base}/oauth``)."""
        return f"{host.rstrip('/')}/{_check_region(region)}"

    def client(
        self, region: str = "us", *, token: IssuedToken | str | None = None, **options: Any
    ) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` on the region's base URL, optionally with a bearer token."""
        headers = dict(options.pop("headers", {}) or {})
        if token is not None:
            access = token.access_token if isinstance(token, IssuedToken) else token
            headers["Authorization"] = f"Bearer {access}"
        return httpx.AsyncClient(
            transport=self.transport(), base_url=self.base_url(region), headers=headers, **options
        )

    # --- clinic side and webhooks -------------------------------------------------------------

    def clinic(self, region: str = "us") -> ClinicControl:
        """Act as the clinic in Fullscript's UI: changes that create events and webhooks."""
        control = self._clinics.get(region)
        if control is None:
            control = ClinicControl(self.region(region), self.clock, self.webhooks, self.oauth)
            self._clinics[region] = control
        return control

    def configure_webhooks(
        self,
        *,
        url: str | None = None,
        secret: str | None = None,
        challenge: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """Set the webhook endpoint (and the transport used to reach it, e.g. an ASGI app's)."""
        self.webhooks.configure(url=url, secret=secret, challenge=challenge, transport=transport)

    async def deliver_webhooks(self) -> list[Record]:
        """POST every due event to the webhook URL; returns the delivery records (served view)."""
        return [public(record) for record in await self.webhooks.flush()]
