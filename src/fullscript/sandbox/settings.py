"""Sandbox settings and their defaults (the fake credentials of the sandbox's own OAuth app)."""

from __future__ import annotations

import re

import attrs

from .operations import ALL_SCOPES

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_PATIENTS",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_REDIRECT_URI",
    "DEFAULT_TOKEN_TTL",
    "DEFAULT_WEBHOOK_CHALLENGE",
    "DEFAULT_WEBHOOK_SECRET",
    "RATE_LIMIT_SCOPES",
    "SandboxSettings",
    "check_rate_limit_scope",
    "parse_rate_limit",
]

# Fake credentials: they only ever open the sandbox, so printing them is harmless.
DEFAULT_CLIENT_ID = "sandbox-client-id"
DEFAULT_CLIENT_SECRET = "sandbox-client-secret"
DEFAULT_REDIRECT_URI = "http://127.0.0.1:8000/callback"
DEFAULT_WEBHOOK_SECRET = "sandbox-webhook-secret"
DEFAULT_WEBHOOK_CHALLENGE = "sandbox-challenge"
DEFAULT_RATE_LIMIT = (5000, 300.0)
DEFAULT_TOKEN_TTL = 7200
DEFAULT_PATIENTS = 350
# "app": one quota per OAuth app (what Fullscript documents); "grant": one per authorization,
# i.e. per token and the tokens refreshed from it.
RATE_LIMIT_SCOPES = ("app", "grant")


def parse_rate_limit(value: str | tuple[int, float]) -> tuple[int, float]:
    """``"5000/300"`` (requests per seconds) or a ``(limit, window)`` pair."""
    if isinstance(value, tuple):
        limit, window = value
    else:
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*", value)
        if match is None:
            raise ValueError(f"rate limit must look like N/SECONDS, e.g. 5000/300, not {value!r}")
        limit, window = int(match[1]), float(match[2])
    if limit < 1 or window <= 0:
        raise ValueError("rate limit needs at least 1 request per a positive number of seconds")
    return int(limit), float(window)


def check_rate_limit_scope(value: object) -> str:
    """``value`` when it is a rate-limit scope, else ValueError naming the choices."""
    if value not in RATE_LIMIT_SCOPES:
        raise ValueError(
            f"rate limit scope must be one of {', '.join(RATE_LIMIT_SCOPES)}, not {value!r}"
        )
    return str(value)


def _scope_setting(settings: SandboxSettings, attribute: attrs.Attribute[str], value: str) -> None:
    check_rate_limit_scope(value)


def _at_least_one(settings: SandboxSettings, attribute: attrs.Attribute[int], value: int) -> None:
    # Zero patients breaks the seeding and a zero TTL mints tokens that are born expired.
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number of at least 1, not {value!r}")


@attrs.frozen
class SandboxSettings:
    """Everything configurable about a sandbox; the CLI flags map one to one."""

    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = attrs.field(default=DEFAULT_CLIENT_SECRET, repr=False)
    redirect_uri: str = DEFAULT_REDIRECT_URI
    scopes: tuple[str, ...] = ALL_SCOPES
    resource_owner_type: str = "Practitioner"
    rate_limit: tuple[int, float] = DEFAULT_RATE_LIMIT
    rate_limit_scope: str = attrs.field(default="app", validator=_scope_setting)
    token_ttl: int = attrs.field(default=DEFAULT_TOKEN_TTL, validator=_at_least_one)
    seed: int = 0
    patients: int = attrs.field(default=DEFAULT_PATIENTS, validator=_at_least_one)
    allow_restricted: bool = True
    #: Ignore query parameters and body members the operation does not declare (as Rails
    #: does) instead of answering 422 naming them.
    lax_parameters: bool = False
    #: Produce every member an answer's schema declares and the sandbox does not know (a
    #: field a new spec added): its example, else null.
    fill_declared_fields: bool = False
    webhook_url: str | None = None
    webhook_secret: str = attrs.field(default=DEFAULT_WEBHOOK_SECRET, repr=False)
    webhook_challenge: str | None = attrs.field(default=DEFAULT_WEBHOOK_CHALLENGE, repr=False)
