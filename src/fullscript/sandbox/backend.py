"""The sandbox's state and behaviour, without HTTP: regions, OAuth, limits, faults, webhooks.

:class:`SandboxBackend` is what the HTTP layer (:mod:`.web`) translates requests into; the
public :class:`~fullscript.sandbox.Sandbox` adds the ASGI app and httpx2 helpers on top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import parse_qs, urlsplit

import httpx2

from .faults.injector import FaultInjector
from .faults.presets import apply_fault_preset
from .faults.rules import FaultRule
from .limits.rate_limit import RollingWindowLimiter
from .limits.traffic import TrafficCounters, TrafficSnapshot
from .oauth.apps import OAuthApp
from .oauth.issued import IssuedToken
from .oauth.server import OAuthServer
from .operations import ALL_SCOPES, REGIONS, check_scopes
from .settings import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_PATIENTS,
    DEFAULT_RATE_LIMIT,
    DEFAULT_REDIRECT_URI,
    DEFAULT_TOKEN_TTL,
    DEFAULT_WEBHOOK_CHALLENGE,
    DEFAULT_WEBHOOK_SECRET,
    SandboxSettings,
    check_rate_limit_scope,
    parse_rate_limit,
)
from .state.clinic import ClinicControl
from .state.clock import SandboxClock
from .state.seed.region import seed_region
from .state.store import COLLECTIONS, Record, RegionState, public
from .state.transitions import LabOrderTransitions
from .webhooks.delivery import WebhookDispatcher

__all__ = ["SandboxBackend", "check_region"]


def check_region(region: str) -> str:
    """``region`` itself, or ValueError naming the known regions."""
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; use one of {REGIONS}")
    return region


class SandboxBackend:
    """One sandbox's state: seeded regions, the OAuth server, the rate limiter, fault rules and
    pending webhook deliveries, with the Python helpers tests use to drive them."""

    def __init__(
        self,
        *,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        redirect_uri: str = DEFAULT_REDIRECT_URI,
        scopes: Iterable[str] = ALL_SCOPES,
        resource_owner_type: str = "Practitioner",
        rate_limit: str | tuple[int, float] = DEFAULT_RATE_LIMIT,
        rate_limit_scope: str = "app",
        token_ttl: int = DEFAULT_TOKEN_TTL,
        seed: int = 0,
        clock: Callable[[], float] | None = None,
        patients: int = DEFAULT_PATIENTS,
        allow_restricted: bool = True,
        lax_parameters: bool = False,
        fill_declared_fields: bool = False,
        webhook_url: str | None = None,
        webhook_secret: str = DEFAULT_WEBHOOK_SECRET,
        webhook_challenge: str | None = DEFAULT_WEBHOOK_CHALLENGE,
        webhook_transport: httpx2.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = SandboxSettings(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            scopes=tuple(scopes),
            resource_owner_type=resource_owner_type,
            rate_limit=parse_rate_limit(rate_limit),
            rate_limit_scope=rate_limit_scope,
            token_ttl=int(token_ttl),
            seed=seed,
            patients=patients,
            allow_restricted=allow_restricted,
            lax_parameters=lax_parameters,
            fill_declared_fields=fill_declared_fields,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            webhook_challenge=webhook_challenge,
        )
        self.clock = SandboxClock(clock)
        self.allow_restricted = allow_restricted
        self.lax_parameters = lax_parameters
        self.fill_declared_fields = fill_declared_fields
        self.oauth = OAuthServer(self.clock, int(token_ttl), self._resource_owner)
        self.limiter = RollingWindowLimiter(*self.settings.rate_limit, self.clock)
        self.rate_limit_scope = self.settings.rate_limit_scope
        self.traffic = TrafficCounters(self.settings.rate_limit[1])
        self.faults = FaultInjector(seed)
        self.webhooks = WebhookDispatcher(
            self.clock,
            url=webhook_url,
            secret=webhook_secret,
            challenge=webhook_challenge,
            transport=webhook_transport,
            seed=seed,
        )
        self._regions: dict[str, RegionState] = {}
        self._clinics: dict[str, ClinicControl] = {}
        #: Lab orders moving through their statuses (by hand, at once, or on a schedule).
        self.transitions = LabOrderTransitions(self.clinic, self.clock)
        self.oauth_app = self.register_app(
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=redirect_uri,
            scopes=self.settings.scopes,
            resource_owner_type=resource_owner_type,
        )

    def __repr__(self) -> str:
        settings = self.settings
        return f"{type(self).__name__}(client_id={settings.client_id!r}, seed={settings.seed})"

    # --- state ------------------------------------------------------------------------------

    def region(self, name: str) -> RegionState:
        """The state of a region, seeded on first use (so unused regions cost nothing).

        Scheduled lab order transitions that fell due are applied first."""
        self.transitions.catch_up()
        state = self._regions.get(name)
        if state is None:
            state = seed_region(
                check_region(name), self.settings.seed, self.clock.now(), self.settings.patients
            )
            self._regions[name] = state
        return state

    def records(self, region: str, table: str) -> list[Record]:
        """Every stored record of a table (internal ``_`` keys included), in list order."""
        if table not in COLLECTIONS:
            raise ValueError(f"unknown table {table!r}; use one of {', '.join(COLLECTIONS)}")
        return self.region(region).values(table)

    def reset(self) -> None:
        """Forget all data, tokens, rate-limit history, faults and pending webhooks, and undo
        every `advance_time`."""
        self.clock.reset()
        self._regions.clear()
        self._clinics.clear()
        self.limiter.reset()
        self.traffic.reset()
        self.faults.clear()
        self.webhooks.reset()
        self.transitions.clear()
        self.oauth.clear_tokens()

    def _resource_owner(self, region: str, owner_type: str) -> str:
        state = self.region(region)
        if owner_type == "Staff":
            return str(state.values("staff")[0]["id"])
        if owner_type == "Clinic":
            return str(state.clinic["id"])
        return str(state.values("practitioners")[0]["id"])

    # --- rate limit and traffic -------------------------------------------------------------

    def set_rate_limit_scope(self, scope: str) -> None:
        """Count the rate limit per ``"app"`` or per ``"grant"`` (a token and its refreshes).

        The history so far is forgotten, since it was counted under the other scope.
        """
        self.rate_limit_scope = check_rate_limit_scope(scope)
        self.limiter.reset()

    def traffic_stats(self) -> TrafficSnapshot:
        """Requests, 429s, refreshes and the busiest rolling window, per app and per grant."""
        return self.traffic.snapshot()

    def use_fault_preset(self, name: str) -> list[FaultRule]:
        """Apply a named fault preset (see `FAULT_PRESETS`); returns the rules it added."""
        return apply_fault_preset(self, name)

    # --- time -------------------------------------------------------------------------------

    def now(self) -> float:
        """Sandbox time in epoch seconds."""
        return self.clock.now()

    def advance_time(self, seconds: float) -> None:
        """Move sandbox time forward (expire codes and tokens, roll the rate-limit window)."""
        self.clock.advance(seconds)

    def reset_time(self) -> None:
        """Undo every `advance_time` (a served sandbox otherwise stays ahead until restarted).

        The rate-limit history is forgotten too: requests counted "in the future" would
        otherwise fill the window for hours. Data and tokens are kept.
        """
        self.clock.reset()
        self.limiter.reset()

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

    def _registered_app(self, client_id: str | None) -> OAuthApp:
        """A registered app (the sandbox's own when ``client_id`` is None)."""
        name = client_id or self.settings.client_id
        app = self.oauth.apps.get(name)
        if app is None:
            raise ValueError(f"unknown OAuth app {name!r}; register it with register_app()")
        return app

    def set_scopes(self, scopes: Iterable[str], *, client_id: str | None = None) -> None:
        """Change an app's dashboard scopes; existing tokens keep theirs (re-authorize)."""
        self._registered_app(client_id).scopes = check_scopes(scopes)

    def authorization_code(
        self, region: str = "us", *, client_id: str | None = None, state: str | None = None
    ) -> str:
        """The browser step without a browser: a fresh code for the app's redirect_uri."""
        app = self._registered_app(client_id)
        location = self.oauth.authorize(
            check_region(region), app.client_id, app.redirect_uri, "code", state
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
        app = self._registered_app(client_id)
        chosen = check_scopes(scopes) if scopes is not None else app.scopes
        record = self.oauth.issue(check_region(region), app, chosen)
        return IssuedToken.from_record(record)

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
        transport: httpx2.AsyncBaseTransport | None = None,
        duplicates: int | None = None,
        out_of_order: bool | None = None,
        concurrency: int | None = None,
        drop_next: int | None = None,
        delay: float | None = None,
    ) -> None:
        """Set the webhook endpoint (and the transport used to reach it, e.g. an ASGI app's),
        and how delivery misbehaves: ``duplicates``, ``out_of_order``, ``concurrency``,
        ``drop_next``, ``delay`` (see `WebhookDispatcher.configure`)."""
        self.webhooks.configure(
            url=url,
            secret=secret,
            challenge=challenge,
            transport=transport,
            duplicates=duplicates,
            out_of_order=out_of_order,
            concurrency=concurrency,
            drop_next=drop_next,
            delay=delay,
        )

    async def send_webhook_probe(self, *, signed: bool = True) -> Record:
        """POST the empty-body probe to the webhook URL (signed or not); how it was answered."""
        return await self.webhooks.send_probe(signed=signed)

    async def deliver_webhooks(self) -> list[Record]:
        """POST every due event to the webhook URL; returns the delivery records (served view)."""
        self.transitions.catch_up()
        return [public(record) for record in await self.webhooks.flush()]
