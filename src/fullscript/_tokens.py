"""OAuth token value object, parsed from the token endpoint's (quirky) payload."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs

from ._dates import parse_datetime
from ._secrets import remember_secret

__all__ = ["OAuthToken"]

# Documented lifetime of an access token; used when a payload omits `expires_in`.
DEFAULT_EXPIRES_IN = 7200


def _parse_created_at(value: object) -> datetime:
    """Accept ISO-8601 (as documented) or epoch seconds (as some clients send)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, bool):
        raise ValueError("created_at must be an ISO-8601 string or epoch seconds")
    elif isinstance(value, int | float):
        parsed = _from_epoch(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            seconds = float(text)
        except ValueError:
            try:
                parsed = parse_datetime(text)
            except ValueError as exc:
                raise ValueError("created_at is neither ISO-8601 nor epoch seconds") from exc
        else:
            parsed = _from_epoch(seconds)
    else:
        raise ValueError("created_at must be an ISO-8601 string or epoch seconds")
    if parsed.tzinfo is None:
        # The API speaks UTC; a naive timestamp is UTC, not the caller's local time.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _from_epoch(seconds: float) -> datetime:
    # Out-of-range or NaN seconds raise OverflowError, OSError or ValueError depending on the
    # platform; callers catch ValueError only, so every one of them becomes that.
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError("created_at is out of range") from exc


MAX_EXPIRES_IN = 365 * 24 * 3600
"""Longest lifetime kept: a larger ``expires_in`` (say 1e308) is clamped to one year."""


def _parse_expires_in(value: object) -> int:
    """Seconds of lifetime from the integer 7200 (examples) or the string "7200" (schema).

    Refused (ValueError): zero or negative (such a token is born expired and would be refreshed
    before every request), NaN, infinity, and anything not a number. Clamped: above
    `MAX_EXPIRES_IN`, to it. Fractions are rounded down.
    """
    if value is None:
        return DEFAULT_EXPIRES_IN
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError("expires_in must be a number of seconds")
    if isinstance(value, int):
        seconds: float = value
    else:
        try:
            seconds = float(value)  # float() ignores surrounding whitespace
        except ValueError:
            raise ValueError("expires_in must be a number of seconds") from None
        if not math.isfinite(seconds):
            raise ValueError(f"expires_in must be a finite number of seconds, got {value!r}")
    if seconds < 1:
        raise ValueError(
            f"expires_in must be at least 1 second, got {value!r}: such a token is born expired"
        )
    return int(min(seconds, MAX_EXPIRES_IN))


def _parse_scope(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list | tuple):
        return tuple(str(item) for item in value)
    raise ValueError("scope must be a space-separated string")


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _now() -> datetime:
    return datetime.now(UTC)


@attrs.frozen
class OAuthToken:
    """An access/refresh token pair issued by one region's server.

    Secrets are excluded from ``repr()``; use :meth:`to_dict` to persist a token.
    ``expires_in`` may be given as a number or a numeric string, ``created_at`` as a datetime,
    an ISO-8601 string or epoch seconds (default: now), ``scope`` as a space-separated string
    or a sequence; they are stored as int, aware datetime and tuple.
    """

    access_token: str = attrs.field(repr=False)
    refresh_token: str = attrs.field(repr=False)
    region: str
    expires_in: int = attrs.field(default=DEFAULT_EXPIRES_IN, converter=_parse_expires_in)
    created_at: datetime = attrs.field(factory=_now, converter=_parse_created_at)
    token_type: str = "Bearer"
    scope: tuple[str, ...] = attrs.field(default=(), converter=_parse_scope)
    resource_owner_id: str | None = None
    resource_owner_type: str | None = None

    def __attrs_post_init__(self) -> None:
        # Errors redact these values verbatim should a server ever echo them.
        remember_secret(self.access_token)
        remember_secret(self.refresh_token)

    @property
    def expires_at(self) -> datetime:
        """Wall-clock expiry (UTC) as stated by the server."""
        return self.created_at + timedelta(seconds=self.expires_in)

    def seconds_left(self, now: datetime | None = None) -> float:
        """Seconds until :attr:`expires_at` by the wall clock (negative once expired)."""
        current = now if now is not None else datetime.now(UTC)
        return (self.expires_at - current).total_seconds()

    @classmethod
    def from_response(cls, payload: Mapping[str, Any], region: str) -> OAuthToken:
        """Build a token from the token endpoint's JSON.

        Accepts the documented ``{"oauth": {...}}`` wrapper or the bare object,
        ``expires_in`` as int or string, ``created_at`` as ISO-8601 or epoch seconds.
        Raises ``ValueError`` (without echoing any secret) when the payload is not a token.
        """
        body = payload.get("oauth", payload) if isinstance(payload, Mapping) else None
        if not isinstance(body, Mapping):
            raise ValueError("token response is not a JSON object")
        access_token = body.get("access_token")
        refresh_token = body.get("refresh_token")
        if not isinstance(access_token, str) or not access_token:
            raise ValueError("token response has no access_token")
        if not isinstance(refresh_token, str) or not refresh_token:
            raise ValueError("token response has no refresh_token")
        owner = body.get("resource_owner")
        owner_id: object = None
        owner_type: object = None
        if isinstance(owner, Mapping):
            owner_id, owner_type = owner.get("id"), owner.get("type")
        created_raw = body.get("created_at")
        return cls(
            access_token=access_token,
            refresh_token=refresh_token,
            region=region,
            expires_in=body.get("expires_in"),
            created_at=created_raw if created_raw is not None else datetime.now(UTC),
            token_type=str(body.get("token_type") or "Bearer"),
            scope=body.get("scope"),
            resource_owner_id=_optional_str(owner_id),
            resource_owner_type=_optional_str(owner_type),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict, secrets included: this is what token stores persist."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "region": self.region,
            "expires_in": self.expires_in,
            "created_at": self.created_at.isoformat(),
            "token_type": self.token_type,
            "scope": " ".join(self.scope),
            "resource_owner_id": self.resource_owner_id,
            "resource_owner_type": self.resource_owner_type,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        """Inverse of :meth:`to_dict` (tolerates the same quirks as :meth:`from_response`)."""
        region = data.get("region")
        if not isinstance(region, str) or not region:
            raise ValueError("stored token has no region")
        if data.get("created_at") is None:
            raise ValueError("stored token has no created_at")
        return cls.from_response(
            {
                **data,
                "resource_owner": {
                    "id": data.get("resource_owner_id"),
                    "type": data.get("resource_owner_type"),
                },
            },
            region,
        )
