"""OAuth token value object, parsed from the token endpoint's (quirky) payload."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs

from ._dates import parse_datetime
from ._reprs import never_raising_repr
from ._secrets import remember_secret_while

__all__ = ["OAuthToken"]

# Documented lifetime of an access token; used when a payload omits `expires_in`.
DEFAULT_EXPIRES_IN = 7200


def _parse_created_at(value: object, field: str = "created_at") -> datetime:
    """Accept ISO-8601 (as documented) or epoch seconds (as some clients send)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, bool):
        raise ValueError(f"{field} must be an ISO-8601 string or epoch seconds")
    elif isinstance(value, int | float):
        parsed = _from_epoch(value, field)
    elif isinstance(value, str):
        text = value.strip()
        try:
            seconds = float(text)
        except ValueError:
            try:
                parsed = parse_datetime(text)
            except ValueError as exc:
                raise ValueError(f"{field} is neither ISO-8601 nor epoch seconds") from exc
        else:
            parsed = _from_epoch(seconds, field)
    else:
        raise ValueError(f"{field} must be an ISO-8601 string or epoch seconds")
    if parsed.tzinfo is None:
        # The API speaks UTC; a naive timestamp is UTC, not the caller's local time.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _from_epoch(seconds: float, field: str) -> datetime:
    # Out-of-range or NaN seconds raise OverflowError, OSError or ValueError depending on the
    # platform; callers catch ValueError only, so every one of them becomes that.
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError(f"{field} is out of range") from exc


MAX_EXPIRES_IN = 365 * 24 * 3600
"""Longest lifetime kept: a larger ``expires_in`` (say 1e308) is clamped to one year."""


def _parse_expires_in(value: object) -> int | None:
    """Seconds of lifetime from the integer 7200 (examples) or the string "7200" (schema).

    ``None`` (lifetime unknown) for ``None`` and for less than one second: the server has issued and rotated
    the pair all the same, so it must be kept, and "born expired" would mean refreshing before
    every request. Refused (ValueError): NaN, infinity, and anything not a number. Clamped:
    above `MAX_EXPIRES_IN`, to it. Fractions are rounded down.
    """
    if value is None:
        return None
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
        return None
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


def _parse_received_at(value: object) -> datetime | None:
    return None if value is None else _parse_created_at(value, "received_at")


@attrs.frozen(repr=False)
class OAuthToken:
    """An access/refresh token pair issued by one region's server.

    Secrets are excluded from ``repr()``; use :meth:`to_dict` to persist a token.
    ``expires_in`` may be given as a number or a numeric string, ``created_at`` as a datetime,
    an ISO-8601 string or epoch seconds (default: now), ``scope`` as a space-separated string
    or a sequence; they are stored as int, aware datetime and tuple. An ``expires_in`` below
    one second is stored as ``None``: the lifetime is unknown, and the token is used until the
    API answers 401.

    ``received_at`` is when the SDK process that fetched the pair sent the request for it, by
    that machine's wall clock (``None`` when unknown). Expiry is judged from it rather than
    from the server's ``created_at``, so a server clock hours ahead or behind cannot make a
    pair shared through a token store look expired (or fresh) when it is not.
    """

    __repr__ = never_raising_repr

    access_token: str = attrs.field(repr=False)
    refresh_token: str = attrs.field(repr=False)
    region: str
    expires_in: int | None = attrs.field(default=DEFAULT_EXPIRES_IN, converter=_parse_expires_in)
    created_at: datetime = attrs.field(factory=_now, converter=_parse_created_at)
    token_type: str = "Bearer"
    scope: tuple[str, ...] = attrs.field(default=(), converter=_parse_scope)
    resource_owner_id: str | None = None
    resource_owner_type: str | None = None
    received_at: datetime | None = attrs.field(default=None, converter=_parse_received_at)

    def __attrs_post_init__(self) -> None:
        # Errors redact these values verbatim, should a server echo them, while this lives.
        remember_secret_while(self, self.access_token)
        remember_secret_while(self, self.refresh_token)

    @property
    def expires_at(self) -> datetime | None:
        """Wall-clock expiry (UTC): ``expires_in`` after ``received_at`` when known, else after
        the server's ``created_at``; ``None`` when the lifetime is unknown."""
        if self.expires_in is None:
            return None
        issued = self.received_at if self.received_at is not None else self.created_at
        return issued + timedelta(seconds=self.expires_in)

    def seconds_left(self, now: datetime | None = None) -> float:
        """Seconds until :attr:`expires_at` by the wall clock (negative once expired,
        infinite when the lifetime is unknown)."""
        expires_at = self.expires_at
        if expires_at is None:
            return math.inf
        current = now if now is not None else datetime.now(UTC)
        return (expires_at - current).total_seconds()

    @classmethod
    def from_response(cls, payload: Mapping[str, Any], region: str) -> OAuthToken:
        """Build a token from the token endpoint's JSON.

        Accepts the documented ``{"oauth": {...}}`` wrapper or the bare object,
        ``expires_in`` as int or string (missing: the documented 7200; below one second:
        unknown, ``None``), ``created_at`` as ISO-8601 or epoch seconds. Raises ``ValueError`` (without echoing any secret) when the payload is not a token.
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
        expires_raw = body.get("expires_in")
        return cls(
            access_token=access_token,
            refresh_token=refresh_token,
            region=region,
            expires_in=DEFAULT_EXPIRES_IN if expires_raw is None else expires_raw,
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
            # 0 reads back as "unknown" (None would read back as the documented default).
            "expires_in": 0 if self.expires_in is None else self.expires_in,
            "created_at": self.created_at.isoformat(),
            "token_type": self.token_type,
            "scope": " ".join(self.scope),
            "resource_owner_id": self.resource_owner_id,
            "resource_owner_type": self.resource_owner_type,
            "received_at": None if self.received_at is None else self.received_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuthToken:
        """Inverse of :meth:`to_dict` (tolerates the same quirks as :meth:`from_response`)."""
        region = data.get("region")
        if not isinstance(region, str) or not region:
            raise ValueError("stored token has no region")
        if data.get("created_at") is None:
            raise ValueError("stored token has no created_at")
        token = cls.from_response(
            {
                **data,
                "resource_owner": {
                    "id": data.get("resource_owner_id"),
                    "type": data.get("resource_owner_type"),
                },
            },
            region,
        )
        # Only what the SDK itself stored carries `received_at`, never a server's answer.
        received_at = data.get("received_at")
        return token if received_at is None else attrs.evolve(token, received_at=received_at)
