"""``--fullscript-live``: a client on Fullscript's real sandbox, for the parity check.

Credentials come from the environment, as the client reads them anyway:
``FULLSCRIPT_CLIENT_ID``, ``FULLSCRIPT_CLIENT_SECRET``, ``FULLSCRIPT_REDIRECT_URI``, plus
``FULLSCRIPT_REFRESH_TOKEN`` (a refresh token obtained once, e.g. with ``exchange_code``).
Refresh tokens rotate, so the newest pair is kept in ``FULLSCRIPT_LIVE_TOKEN_FILE`` (default
``.fullscript-live-token.json``, mode 0600) and used on later runs instead.
``FULLSCRIPT_LIVE_REGION`` picks the region (default ``us-snd``); ``FULLSCRIPT_LIVE_BASE_URL``
sends it elsewhere (a proxy, or a stand-in when testing the check itself).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import httpx2

from fullscript import FileTokenStore, Fullscript, OAuthToken, Region
from fullscript._errors import FullscriptError

__all__ = ["LiveSetupError", "live_client"]

DEFAULT_LIVE_REGION = "us-snd"
DEFAULT_TOKEN_FILE = ".fullscript-live-token.json"


class LiveSetupError(FullscriptError, ValueError):
    """``--fullscript-live`` lacks a setting it needs (the message names the variable)."""


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise LiveSetupError(f"--fullscript-live needs the environment variable {name}")
    return value


def live_client(transport: httpx2.AsyncBaseTransport) -> Fullscript:
    """A `Fullscript` client on the live region, its calls sent through ``transport``."""
    for name in ("FULLSCRIPT_CLIENT_ID", "FULLSCRIPT_CLIENT_SECRET", "FULLSCRIPT_REDIRECT_URI"):
        _required(name)
    key = os.environ.get("FULLSCRIPT_LIVE_REGION") or DEFAULT_LIVE_REGION
    region = Region.from_key(key)
    base_url = os.environ.get("FULLSCRIPT_LIVE_BASE_URL")
    if base_url:
        region = region.with_base_url(base_url)
    token_file = Path(os.environ.get("FULLSCRIPT_LIVE_TOKEN_FILE") or DEFAULT_TOKEN_FILE)
    seed = None
    if not token_file.exists():
        # Marked expired, so the first call refreshes it into a pair kept in the file.
        seed = OAuthToken(
            access_token="expired",
            refresh_token=_required("FULLSCRIPT_REFRESH_TOKEN"),
            region=key,
            expires_in=1,
            created_at=datetime(2000, 1, 1, tzinfo=UTC),
        )
    return Fullscript(
        region=region, transport=transport, token_store=FileTokenStore(token_file), token=seed
    )
