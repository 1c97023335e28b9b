"""The app's settings, from the environment (one place; nothing secret is ever printed)."""

from __future__ import annotations

import os
from collections.abc import Mapping

import attrs

from fullscript import Region


@attrs.frozen
class Settings:
    """Everything the app needs to know.

    Attributes:
        client_id, client_secret, redirect_uri: the OAuth app (dashboard). ``redirect_uri``
            must be this app's ``/oauth/callback``.
        clinics: the clinics (tenants) this app serves, each with its Fullscript region.
        webhook_secrets: the webhook secret(s): during a rotation, the new one first.
        webhook_challenge: the challenge token shown with the webhook settings.
        state_secret: signs the OAuth state (same value on every worker).
        token_file: where token pairs live without Redis (one JSON file shared by the workers
            of one machine); ``<token_file>.catch-up.json`` holds the startup catch-up's
            leases and cursors.
        event_log: where handled events are written (this example's "database").
        redis_url: with several workers, the state they share: token pairs, the rate limiter
            (one quota), dedup, OAuth nonces, catch-up leases and cursors (None: the token
            file, and the rest per process).
        api_base: where the API lives per region, e.g. ``http://127.0.0.1:8765/{region}`` for a
            served sandbox (None: Fullscript's own hosts).
        catch_up_hours: how far back a clinic's first startup catch-up looks (later ones
            start from the last event handled).
    """

    client_id: str
    client_secret: str = attrs.field(repr=False)
    redirect_uri: str
    clinics: Mapping[str, str]
    webhook_secrets: tuple[str, ...] = attrs.field(repr=False)
    webhook_challenge: str | None = attrs.field(repr=False)
    state_secret: str = attrs.field(repr=False)
    token_file: str
    event_log: str
    redis_url: str | None = attrs.field(default=None, repr=False)
    api_base: str | None = None
    catch_up_hours: float = 24.0

    def region(self, clinic: str) -> Region:
        """The region serving ``clinic`` (re-hosted on ``api_base`` when set)."""
        region = Region.from_key(self.clinics[clinic])
        if self.api_base is not None:
            region = region.with_base_url(self.api_base.format(region=region.key))
        return region

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """Read the ``FULLSCRIPT_*`` and ``APP_*`` variables (see README.md)."""

        def need(name: str) -> str:
            value = env.get(name)
            if not value:
                raise RuntimeError(f"set the {name} environment variable")
            return value

        clinics = dict(item.split("=", 1) for item in need("APP_CLINICS").split(",") if "=" in item)
        return cls(
            client_id=need("FULLSCRIPT_CLIENT_ID"),
            client_secret=need("FULLSCRIPT_CLIENT_SECRET"),
            redirect_uri=need("FULLSCRIPT_REDIRECT_URI"),
            clinics=clinics,
            webhook_secrets=tuple(need("FULLSCRIPT_WEBHOOK_SECRETS").split(",")),
            webhook_challenge=env.get("FULLSCRIPT_WEBHOOK_CHALLENGE") or None,
            state_secret=need("APP_STATE_SECRET"),
            token_file=need("APP_TOKEN_FILE"),
            event_log=need("APP_EVENT_LOG"),
            redis_url=env.get("APP_REDIS_URL") or None,
            api_base=env.get("FULLSCRIPT_API_BASE") or None,
            catch_up_hours=float(env.get("APP_CATCH_UP_HOURS", "24")),
        )

    def to_env(self) -> dict[str, str]:
        """The environment that `from_env` reads back (to start workers with)."""
        env = {
            "FULLSCRIPT_CLIENT_ID": self.client_id,
            "FULLSCRIPT_CLIENT_SECRET": self.client_secret,
            "FULLSCRIPT_REDIRECT_URI": self.redirect_uri,
            "APP_CLINICS": ",".join(f"{name}={region}" for name, region in self.clinics.items()),
            "FULLSCRIPT_WEBHOOK_SECRETS": ",".join(self.webhook_secrets),
            "APP_STATE_SECRET": self.state_secret,
            "APP_TOKEN_FILE": self.token_file,
            "APP_EVENT_LOG": self.event_log,
            "APP_CATCH_UP_HOURS": str(self.catch_up_hours),
        }
        if self.webhook_challenge:
            env["FULLSCRIPT_WEBHOOK_CHALLENGE"] = self.webhook_challenge
        if self.redis_url:
            env["APP_REDIS_URL"] = self.redis_url
        if self.api_base:
            env["FULLSCRIPT_API_BASE"] = self.api_base
        return env
