"""Builders for stored records, shared by the seeder, the API backend and the control surface."""

from __future__ import annotations

from typing import Any

from fullscript.webhooks.events import EVENT_TYPES as WEBHOOK_EVENT_TYPES

from .clock import format_timestamp
from .store import Record, RegionState, public

__all__ = [
    "EVENT_TYPES",
    "LAB_STATUSES",
    "RESOURCE_CATEGORIES",
    "RESOURCE_TYPES",
    "build_event",
    "build_order",
    "build_patient",
    "build_resource",
    "build_treatment_plan",
    "clinic_discount",
    "event_category",
    "event_data",
    "resource_url",
    "touch",
]

DISPENSARY_HOST = "https://sandbox.fullscript.invalid"


def clinic_discount(state: RegionState) -> float:
    return float(state.clinic.get("discount", 0))


def touch(record: Record, now: float) -> None:
    """Mark a record as changed now."""
    record["_updated"] = now
    if "updated_at" in record:
        record["updated_at"] = format_timestamp(now)


def build_patient(state: RegionState, fields: dict[str, Any], now: float) -> Record:
    """A patient record from validated ``fields`` (email, names and optional attributes)."""
    discount = float(fields.get("discount") or 0)
    guardian = fields.get("guardian_patient_id")
    return {
        "id": state.new_id(),
        "first_name": fields["first_name"],
        "last_name": fields["last_name"],
        "email": fields["email"],
        "archived": False,
        "date_of_birth": fields.get("date_of_birth"),
        "gender": fields.get("gender"),
        "discount": discount,
        "total_discount": min(100.0, discount + clinic_discount(state)),
        "mobile_number": fields.get("mobile_number"),
        "text_message_notification": bool(fields.get("mobile_number")),
        "metadata": {"id": (fields.get("metadata") or {}).get("id")},
        "is_dependent": guardian is not None,
        "guardian_patient_id": guardian,
        "_created": now,
        "_updated": now,
    }


def build_treatment_plan(
    state: RegionState,
    *,
    patient_id: str,
    practitioner_id: str,
    recommendations: list[Record],
    state_name: str,
    personal_message: str | None,
    metadata_id: str | None,
    now: float,
) -> Record:
    plan_id = state.new_id()
    return {
        "id": plan_id,
        "state": state_name,
        "patient": {"id": patient_id},
        "practitioner": {"id": practitioner_id},
        "patient_id": patient_id,
        "practitioner_id": practitioner_id,
        "available_at": format_timestamp(now) if state_name == "active" else None,
        "created_at": format_timestamp(now),
        "updated_at": format_timestamp(now),
        "invitation_url": f"{DISPENSARY_HOST}/{state.region}/welcome/{plan_id[:10]}",
        "personal_message": personal_message,
        "metadata": {"id": metadata_id},
        "recommendations": recommendations,
        "resources": [],
        "lab_recommendations": [],
        "_created": now,
        "_updated": now,
    }


def build_order(
    state: RegionState,
    *,
    patient_id: str,
    practitioner_id: str,
    treatment_plan_ids: list[str],
    line_items: list[Record],
    order_type: str,
    now: float,
) -> Record:
    """An order; ``line_items`` carry variant_id, quantity, type and a private unit price."""
    msrp = sum(item["_price"] * item["quantity"] for item in line_items)
    patient = state.get("patients", patient_id)
    discount = float(patient["total_discount"]) if patient else 0.0
    item_total = msrp * (1 - discount / 100)
    return {
        "id": state.new_id(),
        "order_number": state.next_order_number(),
        "completed_at": format_timestamp(now),
        "treatment_plan_ids": treatment_plan_ids,
        "patient_id": patient_id,
        "practitioner_ids": [practitioner_id],
        "variant_ids": [item["variant_id"] for item in line_items],
        "item_total": f"{item_total:.2f}",
        "msrp_total": f"{msrp:.2f}",
        "payment_total": f"{item_total * 1.05 + 4.99:.2f}",
        "line_items": [public(item) for item in line_items],
        "_type": order_type,  # the list filter `type`; Order declares no such field
        "_created": now,
        "_updated": now,
    }


#: Every status a lab order moves through, in order.
LAB_STATUSES = (
    "not_purchased", "purchased", "schedule_appointment", "upcoming_appointment", "processing",
    "partial_results", "results_ready", "results_amended", "interpretation_ready",
    "interpretation_shared",
)  # fmt: skip

RESOURCE_TYPES = ("Guide", "Handout", "Infographic", "Meal plan", "Workbook")
RESOURCE_CATEGORIES = (
    "Nutrition",
    "Lifestyle",
    "Physical activity",
    "Supplements",
    "Health conditions",
)


def resource_url(resource_id: str, filename: str) -> str:
    """Where an uploaded practitioner resource is served from."""
    return f"{DISPENSARY_HOST}/resources/{resource_id}/{filename}"


def build_resource(
    resource_id: str,
    *,
    name: str,
    resource_type: str,
    category: str,
    practitioner_id: str | None,
    treatment_plan_id: str | None,
    save_to_library: bool,
    attachment_url: str | None,
    now: float,
) -> Record:
    """A practitioner resource (or, without a practitioner, a Fullscript one).

    Each keeps the fields its schema declares: a Fullscript resource has no owner, plan,
    library flag or timestamps (`FullscriptResource`), a practitioner's resource names no
    practitioner (`PractitionerResource`; the owner is the path's ``practitioner_id``).
    """
    shared = {
        "id": resource_id,
        "name": name,
        "type": resource_type,
        "category": category,
        "attachment_url": attachment_url,
        "_created": now,
    }
    if practitioner_id is None:
        return shared
    return {
        **shared,
        "treatment_plan_id": treatment_plan_id,
        "save_to_library": save_to_library,
        "created_at": format_timestamp(now),
        "updated_at": format_timestamp(now),
        "_practitioner_id": practitioner_id,
    }


_EVENT_CATEGORIES = {
    "patient": "patients",
    "treatment_plan": "treatment_plans",
    "order": "orders",
    "lab_order": "lab_orders",
    "product": "products",
    "clinic_key": "clinic_keys",
}


#: The documented webhook/event types: the SDK's typed events are their one list.
EVENT_TYPES: tuple[str, ...] = WEBHOOK_EVENT_TYPES


def event_category(event_type: str) -> str:
    """Which ``/events/<category>`` list an event type belongs to."""
    return _EVENT_CATEGORIES[event_type.split(".", 1)[0]]


#: How a dosage key of a stored plan is named in event data: Fullscript's 2021 example of a
#: ``treatment_plan.created`` event says ``recommended_amount``, where the plan endpoints say
#: ``amount`` (``format`` and ``additional_info`` keep their names).
_EVENT_DOSAGE_KEYS = {
    "amount": "recommended_amount",
    "frequency": "recommended_frequency",
    "duration": "recommended_duration",
}


def _event_recommendation(recommendation: Any) -> Any:
    if not isinstance(recommendation, dict) or not isinstance(recommendation.get("dosage"), dict):
        return recommendation
    dosage = {_EVENT_DOSAGE_KEYS.get(k, k): v for k, v in recommendation["dosage"].items()}
    return {**recommendation, "dosage": dosage}


def event_data(data: Record) -> Record:
    """``data`` of an event as Fullscript sends it (new dicts: ``data`` is not changed)."""
    shown = dict(data)
    plan = shown.get("treatment_plan")
    if isinstance(plan, dict) and isinstance(plan.get("recommendations"), list):
        items = [_event_recommendation(item) for item in plan["recommendations"]]
        shown["treatment_plan"] = {**plan, "recommendations": items}
    if "recommendation" in shown:
        shown["recommendation"] = _event_recommendation(shown["recommendation"])
    return shown


def build_event(state: RegionState, event_type: str, data: Record, now: float) -> Record:
    """An event as the clinic's action in the Fullscript UI would create it."""
    return {
        "id": state.new_id(),
        "type": event_type,
        "created_at": format_timestamp(now),
        "clinic_id": state.clinic["id"],
        "integration_id": state.clinic["integration_id"],
        "data": event_data(data),
        "_category": event_category(event_type),
        "_created": now,
    }
