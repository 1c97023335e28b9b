"""Shared by the webhook and FastAPI tests: a sandbox clinic making events, signed deliveries,
and an SDK client on the in-process sandbox."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx2
from support.sandbox_clients import sandbox_region, token_from

from fullscript import Fullscript
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.webhooks import SIGNATURE_HEADER, sign_payload

START = 1_780_000_000.0  # a fixed instant: the same data every run
SECRET = "whsec-test-current"
OLD_SECRET = "whsec-test-previous"
CHALLENGE = "challenge-from-the-dashboard"


class FakeTime:
    """A wall clock the tests move by hand."""

    def __init__(self, start: float = START) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


def sdk_client(
    sandbox: Sandbox, region: str = "us", *, transport: httpx2.AsyncBaseTransport | None = None
) -> Fullscript:
    """A `Fullscript` on the in-process sandbox holding a fresh token for `region`."""
    return Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, region),
        transport=transport or sandbox.transport(),
        token=token_from(sandbox.issue_token(region)),
        max_retries=0,
    )


def one_event_of_each_type(sandbox: Sandbox, region: str = "us") -> list[dict[str, Any]]:
    """Act as the clinic so that every documented event type happens once (in this order)."""
    return list(events_of_each_type(sandbox, region))


def events_of_each_type(sandbox: Sandbox, region: str = "us") -> Iterator[dict[str, Any]]:
    """`one_event_of_each_type`, one action at a time: each event happens when it is taken,
    so a caller can move the sandbox clock between them."""
    clinic = sandbox.clinic(region)
    state = sandbox.region(region)
    created = clinic.create_patient(
        email="webhook.person@example.org", first_name="Web", last_name="Hook"
    )
    yield created
    patient_id = created["data"]["patient"]["id"]
    yield clinic.update_patient(patient_id, last_name="Hooked")
    dependent = next(p for p in state.values("patients") if p["is_dependent"])
    yield clinic.emancipate_patient(dependent["id"])
    planned = clinic.create_treatment_plan(patient_id)
    yield planned
    plan_id = planned["data"]["treatment_plan"]["id"]
    yield clinic.update_treatment_plan(plan_id, personal_message="Twice a day")
    yield clinic.update_recommendation(plan_id, 0, units_to_purchase=2)
    yield clinic.place_order(patient_id, treatment_plan_id=plan_id)
    yield clinic.update_lab_order(state.values("lab_orders")[0]["id"], "processing")
    yield clinic.create_product("Webhook Omega")
    product_id = state.values("products")[0]["id"]
    yield clinic.update_product(product_id, name="Renamed")
    yield clinic.update_product_description(product_id, "<p>New</p>")
    yield clinic.activate_clinic_key()
    yield clinic.revoke_clinic_key()


def delivery(
    event: dict[str, Any],
    *,
    secret: str = SECRET,
    at: float = START,
    wrapped: bool = True,
) -> tuple[bytes, dict[str, str]]:
    """The body and headers Fullscript would POST for `event`, signed at `at`."""
    payload = {"event": event} if wrapped else event
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, {
        SIGNATURE_HEADER: sign_payload(secret, body, int(at)),
        "Content-Type": "application/json",
    }
