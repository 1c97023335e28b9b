"""Fuzz: 10,000 mutations of genuine deliveries. No forgery is accepted, and nothing raises
anything but the two documented errors."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from webhook_support import OLD_SECRET, SECRET, START, delivery, one_event_of_each_type

from fullscript.sandbox import Sandbox
from fullscript.webhooks import (
    SIGNATURE_HEADER,
    WebhookPayloadError,
    WebhookSignatureError,
    sign_payload,
    unwrap,
)

MUTATIONS = 10_000
Delivery = tuple[Any, Any]


def _flip_bit(rng: random.Random, body: bytes, header: str) -> Delivery:
    if not body:
        return b"\x00", header
    at = rng.randrange(len(body))
    return body[:at] + bytes([body[at] ^ (1 << rng.randrange(8))]) + body[at + 1 :], header


def _insert_byte(rng: random.Random, body: bytes, header: str) -> Delivery:
    at = rng.randrange(len(body) + 1)
    return body[:at] + bytes([rng.randrange(256)]) + body[at:], header


def _delete_span(rng: random.Random, body: bytes, header: str) -> Delivery:
    at = rng.randrange(len(body))
    return body[:at] + body[at + rng.randint(1, 8) :], header


def _truncate(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body[: rng.randrange(len(body))], header


def _append_whitespace(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body + rng.choice([b" ", b"\n", b"\t", b"\r\n"]), header


def _change_a_value(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body.replace(b'"id":"', b'"id":"x', 1), header


def _shift_timestamp(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body, re.sub(r"t=(\d+)", lambda m: f"t={int(m[1]) + rng.choice([-1, 1, 60])}", header)


def _flip_signature_char(rng: random.Random, body: bytes, header: str) -> Delivery:
    prefix, _, signature = header.partition("v1=")
    if not signature:
        return body, header + "0"
    at = rng.randrange(len(signature))
    swapped = "1" if signature[at] == "0" else "0"
    return body, f"{prefix}v1={signature[:at]}{swapped}{signature[at + 1 :]}"


def _uppercase_signature(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body, header.upper()


def _drop_a_part(rng: random.Random, body: bytes, header: str) -> Delivery:
    parts = header.split(",")
    parts.pop(rng.randrange(len(parts)))
    return body, ",".join(parts)


def _garbage_header(rng: random.Random, body: bytes, header: str) -> Delivery:
    alphabet = "t=v1,0123456789abcdef é\x00;"
    return body, "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))


def _non_ascii_signature(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body, header.replace("v1=", "v1=é", 1)


def _other_secret(rng: random.Random, body: bytes, header: str) -> Delivery:
    timestamp = int(START)  # the originals are all signed at START
    return body, sign_payload(OLD_SECRET, body, timestamp)


def _resign_other_body(rng: random.Random, body: bytes, header: str) -> Delivery:
    # A genuine signature of another body: replaying it on this one must fail.
    other = body.replace(b"{", b'{"x":1,', 1)
    timestamp = int(START)  # the originals are all signed at START
    return body, sign_payload(SECRET, other, timestamp)


def _stale_replay(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body, sign_payload(SECRET, body, int(START) - rng.randint(301, 10**6))


def _bytes_header(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body, header.encode()


def _str_body(rng: random.Random, body: bytes, header: str) -> Delivery:
    return body.decode("utf-8", "replace"), header


def _padding_in_header(rng: random.Random, body: bytes, header: str) -> Delivery:
    # Harmless reformatting: still genuine (the same body, the same timestamp).
    return body, " " + header.replace(",", " , ") + " "


MUTATORS: list[Callable[[random.Random, bytes, str], Delivery]] = [
    _flip_bit,
    _insert_byte,
    _delete_span,
    _truncate,
    _append_whitespace,
    _change_a_value,
    _shift_timestamp,
    _flip_signature_char,
    _uppercase_signature,
    _drop_a_part,
    _garbage_header,
    _non_ascii_signature,
    _other_secret,
    _resign_other_body,
    _stale_replay,
    _bytes_header,
    _str_body,
    _padding_in_header,
]


def test_ten_thousand_mutated_deliveries_yield_no_forgery_and_only_documented_errors(
    sandbox: Sandbox,
) -> None:
    rng = random.Random(20260114)  # deterministic: the same mutations every run
    originals = [delivery(event) for event in one_event_of_each_type(sandbox)]
    accepted = forgeries = 0
    refused: dict[str, int] = {}
    unexpected: list[str] = []
    for _ in range(MUTATIONS):
        body, headers = rng.choice(originals)
        header = headers[SIGNATURE_HEADER]
        mutate = rng.choice(MUTATORS)
        new_body, new_header = mutate(rng, body, header)
        stackable = isinstance(new_body, bytes) and isinstance(new_header, str) and new_body
        if stackable and rng.random() < 0.3:  # a second mutation on top
            new_body, new_header = rng.choice(MUTATORS)(rng, new_body, new_header)
        try:
            unwrap(new_body, {SIGNATURE_HEADER: new_header}, [SECRET], clock=lambda: START)
        except (WebhookSignatureError, WebhookPayloadError) as error:
            refused[type(error).__name__] = refused.get(type(error).__name__, 0) + 1
            continue
        except Exception as error:  # anything else is a bug in unwrap
            unexpected.append(f"{mutate.__name__}: {type(error).__name__}: {error}")
            continue
        accepted += 1
        timestamp = re.search(r"t=\s*(\d+)", new_header)
        if new_body != body or timestamp is None or int(timestamp[1]) != int(START):
            forgeries += 1
    assert unexpected == []
    assert forgeries == 0
    assert accepted + sum(refused.values()) == MUTATIONS
    # The run exercised both outcomes: refusals by far, and the harmless reformatting.
    assert accepted > 0 and refused["WebhookSignatureError"] > 9000
