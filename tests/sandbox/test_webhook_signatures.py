"""fullscript.webhooks: the Fullscript-Signature scheme."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from fullscript.webhooks import (
    WebhookSignatureError,
    compute_signature,
    sign_payload,
    verify_signature,
)

SECRET = "whsec-unit-test"
BODY = b'{"event":{"id":"1","type":"patient.updated"}}'
NOW = 1_591_826_856
FULLWIDTH_NOW = "".join(chr(ord(digit) - ord("0") + 0xFF10) for digit in str(NOW))


def test_sign_payload_follows_the_documented_format() -> None:
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign_payload(SECRET, BODY, NOW) == f"t={NOW},v1={expected}"
    assert compute_signature(SECRET, BODY, NOW) == expected


def test_a_genuine_signature_verifies() -> None:
    verify_signature(BODY, sign_payload(SECRET, BODY, NOW), SECRET, now=NOW + 10)


@pytest.mark.parametrize(
    ("body", "header", "reason"),
    [
        (BODY + b" ", sign_payload(SECRET, BODY, NOW), "does not match"),
        (BODY, sign_payload("other-secret", BODY, NOW), "does not match"),
        (BODY, f"v1={compute_signature(SECRET, BODY, NOW)}", "no timestamp"),
        (BODY, f"t={NOW}", "no v1 signature"),
        (BODY, f"t=soon,v1={compute_signature(SECRET, BODY, NOW)}", "not an integer"),
        (BODY, "", "missing"),
        (BODY, f"t={NOW},v1=é{compute_signature(SECRET, BODY, NOW)[1:]}", "does not match"),
        (BODY, f"t={'9' * 400},v1={compute_signature(SECRET, BODY, NOW)}", "not an integer"),
        (BODY, f"t={FULLWIDTH_NOW},v1={compute_signature(SECRET, BODY, NOW)}", "not an integer"),
    ],
)
def test_tampering_and_malformed_headers_are_rejected(
    body: bytes, header: str, reason: str
) -> None:
    with pytest.raises(WebhookSignatureError, match=reason) as caught:
        verify_signature(body, header, SECRET, now=NOW)
    assert SECRET not in str(caught.value)


def test_stale_timestamps_are_rejected_beyond_the_tolerance() -> None:
    header = sign_payload(SECRET, BODY, NOW)
    verify_signature(BODY, header, SECRET, now=NOW + 299)
    with pytest.raises(WebhookSignatureError, match="tolerance"):
        verify_signature(BODY, header, SECRET, now=NOW + 301)
    verify_signature(BODY, header, SECRET, now=NOW + 3600, tolerance=7200)


def test_any_of_several_v1_signatures_may_match() -> None:
    header = f"t={NOW},v1=deadbeef,v1={compute_signature(SECRET, BODY, NOW)}"
    verify_signature(BODY, header, SECRET, now=NOW)


def test_the_error_is_a_value_error() -> None:
    assert issubclass(WebhookSignatureError, ValueError)
