"""Signing and verification of Fullscript webhook deliveries.

Fullscript signs every webhook POST with a ``Fullscript-Signature`` header of the form
``t=<unix timestamp>,v1=<hex signature>``, where the signature is the hex HMAC-SHA256 of
``"<timestamp>.<raw request body>"`` keyed with the webhook secret.

Every argument is checked before use: a ``str`` body (a framework's decoded text is not the
signed bytes), a ``bytes`` header or secret, or a tolerance that is not a finite number of
seconds (``nan`` would disable the age check) raise `WebhookSignatureError` naming the problem
instead of a ``TypeError`` deep inside, or silently accepting replays.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import time
from collections.abc import Sequence

from .._errors import FullscriptError, InvalidParameterError
from .._secrets import remember_secret
from .._validation import check_seconds

__all__ = [
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "WebhookSignatureError",
    "check_secrets",
    "check_tolerance",
    "compute_signature",
    "sign_payload",
    "verify_signature",
    "verify_signatures",
]

#: Name of the HTTP header carrying the signature.
SIGNATURE_HEADER = "Fullscript-Signature"

#: Largest accepted age (or lead) of a signature timestamp, in seconds: 5 minutes, as suggested.
DEFAULT_TOLERANCE = 300.0

_SIGNATURE_SCHEME = "v1"
# ASCII digits only (``int`` also takes other scripts' digits and "1_0"), and few enough that
# the age check stays in float range.
_TIMESTAMP = re.compile(r"[0-9]{1,15}")


class WebhookSignatureError(FullscriptError, ValueError):
    """A webhook delivery failed verification, or the verifier was given unusable input.

    The message says why (missing part, stale timestamp, mismatch, wrong argument type) and
    never contains the secret.
    """


def compute_signature(secret: str, body: bytes, timestamp: int) -> str:
    """Return the hex HMAC-SHA256 of ``"<timestamp>.<body>"`` keyed with ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + bytes(body)
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign_payload(secret: str, body: bytes, timestamp: int) -> str:
    """Return the ``Fullscript-Signature`` header value for ``body`` sent at ``timestamp``.

    >>> sign_payload("whsec", b"{}", 1591826856)[:13]
    't=1591826856,'
    """
    timestamp = int(timestamp)
    return f"t={timestamp},{_SIGNATURE_SCHEME}={compute_signature(secret, body, timestamp)}"


def check_tolerance(tolerance: object) -> float:
    """Return ``tolerance`` as seconds; raise `WebhookSignatureError` unless finite and >= 0."""
    # nan compares False with everything: the age check would pass every replay.
    try:
        return check_seconds(tolerance, name="tolerance", where="verify_signature", allow_zero=True)
    except InvalidParameterError as error:
        raise WebhookSignatureError(str(error)) from None


def check_secrets(secrets: object) -> tuple[str, ...]:
    """Return the secrets as a tuple; one ``str`` or a sequence of non-empty ``str``.

    Raises `WebhookSignatureError` naming the problem (never the value).
    """
    if isinstance(secrets, str):
        if not secrets:
            raise WebhookSignatureError("no webhook secret configured")
        secrets = (secrets,)
    if isinstance(secrets, bytes | bytearray | memoryview):
        raise WebhookSignatureError(
            "webhook secret must be str, got bytes: decode it once where you configure it"
        )
    if not isinstance(secrets, Sequence) or not secrets:
        raise WebhookSignatureError("no webhook secret configured")
    checked = []
    for position, secret in enumerate(secrets):
        if not isinstance(secret, str):
            raise WebhookSignatureError(
                f"webhook secret #{position + 1} must be str, got {type(secret).__name__}"
            )
        if not secret:
            raise WebhookSignatureError(f"webhook secret #{position + 1} is empty")
        checked.append(secret)
        remember_secret(secret)  # errors redact it verbatim, for the life of the process
    return tuple(checked)


def _check_body(body: object) -> bytes:
    if isinstance(body, str):
        raise WebhookSignatureError(
            "body must be the raw request bytes, got str: the signature covers the bytes as "
            "sent (read them with `await request.body()`), not decoded text"
        )
    if not isinstance(body, bytes | bytearray | memoryview):
        raise WebhookSignatureError(f"body must be bytes, got {type(body).__name__}")
    return bytes(body)


def _check_header(header: object) -> str:
    if isinstance(header, bytes | bytearray):
        raise WebhookSignatureError(
            "Fullscript-Signature header must be str, got bytes: decode it as ASCII first"
        )
    if header is None or header == "":
        raise WebhookSignatureError("missing Fullscript-Signature header")
    if not isinstance(header, str):
        raise WebhookSignatureError(
            f"Fullscript-Signature header must be str, got {type(header).__name__}"
        )
    return header


def _check_now(now: object) -> float:
    if isinstance(now, bool) or not isinstance(now, int | float) or not math.isfinite(now):
        raise WebhookSignatureError(f"the clock must give finite epoch seconds, got {now!r}")
    return float(now)


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


def verify_signatures(
    body: bytes,
    header: str,
    secrets: Sequence[str] | str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> int:
    """Check that ``header`` signs the raw ``body`` under one of ``secrets``; return its timestamp.

    Several secrets allow rotation: list the new one and the old one until the old one is
    retired. The timestamp may be at most ``tolerance`` seconds old or ahead of ``now``
    (default: ``time.time()``). Raises `WebhookSignatureError` on any problem.
    """
    raw = _check_body(body)
    text = _check_header(header)
    keys = check_secrets(secrets)
    limit = check_tolerance(tolerance)
    current = _check_now(time.time() if now is None else now)
    timestamp, signatures = _parse_header(text)
    if abs(current - timestamp) > limit:
        raise WebhookSignatureError(
            f"Fullscript-Signature timestamp is outside the {limit:g} s tolerance"
        )
    # compare_digest refuses non-ASCII text, and such a candidate cannot match a hex digest.
    candidates = [candidate for candidate in signatures if candidate.isascii()]
    matched = False
    for secret in keys:
        expected = compute_signature(secret, raw, timestamp)
        for candidate in candidates:
            # Every pair is compared (no early exit), in constant time: timing reveals nothing
            # about which secret or candidate matched.
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookSignatureError("Fullscript-Signature does not match the body")
    return timestamp


def verify_signature(
    body: bytes,
    header: str,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Check that ``header`` is a valid signature of the raw ``body`` under ``secret``.

    ``tolerance`` is the largest accepted age of the timestamp in seconds (5 minutes by default,
    as Fullscript suggests); pass ``now`` to verify against another clock. Raises
    :class:`WebhookSignatureError` on any problem; returns ``None`` when the delivery is genuine.
    See `verify_signatures` for several secrets (rotation).
    """
    if not isinstance(secret, str):
        check_secrets(secret)  # raises the message naming the type
    verify_signatures(body, header, secret, tolerance=tolerance, now=now)
