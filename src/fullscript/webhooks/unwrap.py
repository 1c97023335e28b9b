"""From a raw delivery to a typed event in one call, and the challenge answer.

from fullscript.webhooks import unwrap, challenge_response

event = unwrap(await request.body(), request.headers, [new_secret, old_secret])
return challenge_response(settings.fullscript_challenge)   # {"challenge": "..."}
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .events import WebhookEvent, WebhookPayloadError, parse_event
from .signature import (
    DEFAULT_TOLERANCE,
    SIGNATURE_HEADER,
    WebhookSignatureError,
    verify_signatures,
)

__all__ = [
    "challenge_response",
    "is_probe",
    "parse_body",
    "signature_header",
    "unwrap",
    "verify_delivery",
]

Headers = Mapping[str, str]
"""Any mapping of header names to values: Starlette's and httpx2's ``Headers`` or a dict."""


def signature_header(headers: Headers) -> str | None:
    """The ``Fullscript-Signature`` value of ``headers`` (names are matched ignoring case)."""
    if not isinstance(headers, Mapping):
        raise WebhookSignatureError(
            f"headers must be a mapping of names to values, got {type(headers).__name__}"
        )
    value = headers.get(SIGNATURE_HEADER)
    if value is None:
        # A plain dict is case-sensitive; HTTP header names are not.
        wanted = SIGNATURE_HEADER.lower()
        for name, candidate in headers.items():
            if isinstance(name, str) and name.lower() == wanted:
                return candidate
            if isinstance(name, bytes) and name.lower() == wanted.encode():
                return candidate
    return value


def verify_delivery(
    body: bytes,
    headers: Headers,
    secrets: Sequence[str] | str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    clock: Callable[[], float] = time.time,
) -> int:
    """Verify a delivery's signature against any of ``secrets``; return the signed timestamp.

    ``clock`` gives the current epoch seconds (inject one in tests, or the sandbox's
    ``sandbox.now`` after moving its clock). Raises `WebhookSignatureError`.
    """
    header = signature_header(headers)
    # An absent header is "" here, which is refused as "missing Fullscript-Signature header".
    return verify_signatures(
        body, "" if header is None else header, secrets, tolerance=tolerance, now=clock()
    )


def is_probe(body: bytes) -> bool:
    """True for an empty (or blank) body: Fullscript's probe when the webhook URL is set up."""
    return isinstance(body, bytes | bytearray | memoryview) and not bytes(body).strip()


def parse_body(body: bytes) -> WebhookEvent:
    """Decode and type a delivery body (flat or wrapped ``{"event": ...}``); no verification.

    Raises `WebhookPayloadError` for an empty body, one that is not UTF-8 JSON, or JSON that
    is not an event.
    """
    if is_probe(body):
        raise WebhookPayloadError(
            "the body is empty: Fullscript's probe carries no event; answer it with the "
            "challenge (challenge_response)"
        )
    try:
        payload: Any = json.loads(bytes(body).decode("utf-8"))
    except UnicodeDecodeError:
        raise WebhookPayloadError("the body is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        # ValueError covers malformed JSON and over-long integers; RecursionError deep nesting.
        raise WebhookPayloadError(f"the body is not JSON ({type(exc).__name__})") from None
    return parse_event(payload)


def unwrap(
    body: bytes,
    headers: Headers,
    secrets: Sequence[str] | str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    clock: Callable[[], float] = time.time,
) -> WebhookEvent:
    """Verify a webhook delivery and return its typed event.

    Args:
        body: the raw request body, as bytes (not decoded text: the signature covers bytes).
        headers: the request headers (``Fullscript-Signature`` is found ignoring case).
        secrets: the webhook secret, or several during a rotation (any may match).
        tolerance: largest accepted age or lead of the signature timestamp, in seconds.
        clock: current epoch seconds (default ``time.time``).

    Returns a class of `fullscript.webhooks.events` per documented type, or `UnknownEvent`.
    Raises `WebhookSignatureError` (not genuine, or unusable arguments) or
    `WebhookPayloadError` (genuine but not an event, e.g. the empty probe or non-JSON).
    """
    verify_delivery(body, headers, secrets, tolerance=tolerance, clock=clock)
    return parse_body(body)


def challenge_response(challenge: str) -> dict[str, str]:
    """The body Fullscript expects in answer to every delivery: ``{"challenge": <token>}``.

    ``challenge`` is the token shown on your app's webhook settings in the dashboard.
    """
    if not isinstance(challenge, str):
        raise TypeError(f"challenge must be str, got {type(challenge).__name__}")
    return {"challenge": challenge}
