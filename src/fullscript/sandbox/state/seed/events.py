"""Seed the clinic's recent event history and a delivery attempt for the latest events."""

from __future__ import annotations

from ..clock import DAY, format_timestamp
from ..records import build_event
from ..store import Record, RegionState, public

__all__ = ["seed_events"]


def seed_events(state: RegionState) -> None:
    """Clinic-side history of the last 30 days, with one delivery attempt per event."""
    rng = state.rng
    now = state.seeded_at
    patients = state.values("patients")
    plans = state.values("treatment_plans")
    orders = [o for o in state.values("orders") if o["_type"] == "supplement"]
    labs = state.values("lab_orders")
    products = state.values("products")
    kinds = (
        ("patient.created", "patient", patients),
        ("patient.updated", "patient", patients),
        ("treatment_plan.created", "treatment_plan", plans),
        ("treatment_plan.updated", "treatment_plan", plans),
        ("order.placed", "order", orders),
        ("lab_order.updated", "lab_order", labs),
        ("product.updated", "product", products),
        ("product.description.updated", "product", products),
    )
    events: list[Record] = []
    activated = now - 29 * DAY
    state.clinic["integration_activated_at"] = format_timestamp(activated)
    clinic_key = {"clinic_key": {"clinic_id": state.clinic["id"]}}
    events.append(build_event(state, "clinic_key.activated", clinic_key, activated))
    for index in range(120):
        event_type, key, pool = kinds[index % len(kinds)]
        subject = pool[rng.randrange(len(pool))]
        created = now - 28 * DAY + index * (27 * DAY / 120)
        events.append(build_event(state, event_type, {key: public(subject)}, created))
    for event in events:
        state.add("events", event)
    for index, event in enumerate(events[-40:]):
        attempted = event["_created"] + 5
        ok = index % 8 != 3
        state.add(
            "webhook_deliveries",
            {
                "id": state.new_id(),
                "attempt_number": 1,
                "attempted_at": format_timestamp(attempted),
                "previous_attempt_at": None,
                "next_attempt_at": None if ok else format_timestamp(attempted + 60),
                "successfully_delivered": ok,
                "response_body": '{"challenge": "sandbox-challenge"}' if ok else "",
                "response_header": '{"Content-Type": "application/json"}',
                "response_status": 200 if ok else 500,
                "response_ip_address": "127.0.0.1",
                "response_errors": None if ok else "Internal Server Error",
                "event_payload": {"event": public(event)},
                "_event_id": event["id"],
                "_created": attempted,
            },
        )
