"""Shared by the webhook and FastAPI tests: a sandbox clinic making events, signed deliveries,
and an SDK client on the in-process sandbox."""

from __future__ import annotations

import json
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
    clinic = sandbox.clinic(region)
    state = sandbox.region(region)
    created = clinic.create_patient(
        email="webhook.person@example.org", first_name="Web", last_name="Hook"
    )
    patient_id = created["data"]["patient"]["id"]
    dependent = next(p for p in state.values("patients") if p["is_dependent"])
    planned = clinic.create_treatment_plan(patient_id)
    plan_id = planned["data"]["treatment_plan"]["id"]
    product_id = state.values("products")[0]["id"]
    return [
        created,
        clinic.update_patient(patient_id, last_name="Hooked"),
        clinic.emancipate_patient(dependent["id"]),
        planned,
        clinic.update_treatment_plan(plan_id, personal_message="Twice a day"),
        clinic.update_recommendation(plan_id, 0, units_to_purchase=2),
        clinic.place_order(patient_id, treatment_plan_id=plan_id),
        clinic.update_lab_order(state.values("lab_orders")[0]["id"], "processing"),
        clinic.create_product("Webhook Omega"),
        clinic.update_product(product_id, name="Renamed"),
        clinic.update_product_description(product_id, "<p>New</p>"),
        clinic.activate_clinic_key(),
        clinic.revoke_clinic_key(),
    ]


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
