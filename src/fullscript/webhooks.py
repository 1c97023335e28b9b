"""Signing and verification of Fullscript webhook deliveries.

Fullscript signs every webhook POST with a ``Fullscript-Signature`` header of the form
``t=<unix timestamp>,v1=<hex signature>``, where the signature is the hex HMAC-SHA256 of
``"<timestamp>.<raw request body>"`` keyed with the webhook secret.

Verify a delivery in your receiver before trusting its body::

    from fullscript.webhooks import WebhookSignatureError, verify_signature

    try:
        verify_signature(raw_body, request.headers["Fullscript-Signature"], secret)
    except WebhookSignatureError:
        return Response(status_code=400)
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

__all__ = [
    "SIGNATURE_HEADER",
    "WebhookSignatureError",
    "compute_signature",
    "sign_payload",
    "verify_signature",
]

#: Name of the HTTP header carrying the signature.
SIGNATURE_HEADER = "Fullscript-Signature"

_SIGNATURE_SCHEME = "v1"
# ASCII digits only (``int`` also takes other scripts' digits and "1_0"), and few enough that
# the age check stays in float range.
_TIMESTAMP = re.compile(r"[0-9]{1,15}")


class WebhookSignatureError(ValueError):
    """A webhook delivery failed verification.

    The message says why (missing part, stale timestamp, mismatch) and never contains the secret.
    """


def compute_signature(secret: str, body: bytes, timestamp: int) -> str:
    """Return the hex HMAC-SHA256 of ``"<timestamp>.<body>"`` keyed with ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign_payload(secret: str, body: bytes, timestamp: int) -> str:
    """Return the ``Fullscript-Signature`` header value for ``body`` sent at ``timestamp``.

    >>> sign_payload("whsec", b"{}", 1591826856)[:13]
    't=1591826856,'
    """
    timestamp = int(timestamp)
    return f"t={timestamp},{_SIGNATURE_SCHEME}={compute_signature(secret, body, timestamp)}"


def _parse_header(header: str) -> tuple[int, list[str]]:
    timestamp: int | None = None
    signatures: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            if not _TIMESTAMP.fullmatch(value):
                raise WebhookSignatureError(
                    "Fullscript-Signature timestamp is not an integer number of seconds"
                )
            timestamp = int(value)
        elif key == _SIGNATURE_SCHEME:
            signatures.append(value)
    if timestamp is None:
        raise WebhookSignatureError("Fullscript-Signature header has no timestamp (t=...)")
    if not signatures:
        raise WebhookSignatureError("Fullscript-Signature header has no v1 signature")
    return timestamp, signatures


def verify_signature(
    body: bytes,
    header: str,
    secret: str,
    *,
    tolerance: float = 300,
    now: float | None = None,
) -> None:
    """Check that ``header`` is a valid signature of the raw ``body`` under ``secret``.

    ``tolerance`` is the largest accepted age of the timestamp in seconds (5 minutes by default,
    as Fullscript suggests); pass ``now`` to verify against another clock. Raises
    :class:`WebhookSignatureError` on any problem; returns ``None`` when the delivery is genuine.
    """
    if not header:
        raise WebhookSignatureError("missing Fullscript-Signature header")
    if not secret:
        raise WebhookSignatureError("no webhook secret configured")
    timestamp, signatures = _parse_header(header)
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookSignatureError(
            f"Fullscript-Signature timestamp is outside the {tolerance:g} s tolerance"
        )
    expected = compute_signature(secret, body, timestamp)
    # Compare every candidate in constant time so timing reveals nothing about the secret;
    # compare_digest refuses non-ASCII text, and such a candidate cannot match a hex digest.
    if not any(
        candidate.isascii() and hmac.compare_digest(expected, candidate) for candidate in signatures
    ):
        raise WebhookSignatureError("Fullscript-Signature does not match the body")
