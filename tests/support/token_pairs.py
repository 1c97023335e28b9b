"""Token pairs for the token store tests, shared by the façade and scale folders."""

from __future__ import annotations

from fullscript import OAuthToken


def pair(n: int, region: str = "us") -> OAuthToken:
    """Pair number ``n``: distinct per ``n``, and both tokens contain ``SECRET`` so a test can
    assert they never show in a repr, a message or what is stored at rest."""
    return OAuthToken(
        access_token=f"access-SECRET-{n}-0123456789",
        refresh_token=f"refresh-SECRET-{n}-0123456789",
        region=region,
        created_at="2026-01-01T00:00:00Z",
    )
