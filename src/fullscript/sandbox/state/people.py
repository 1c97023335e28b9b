"""Validation and changes for people: patients, practitioners and staff.

Shared by the API (which never records events) and the clinic control surface (which does).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ..errors import ValidationFailed, not_found
from .records import build_patient, clinic_discount, touch
from .store import Record, RegionState
from .validate import Validator

__all__ = [
    "GENDERS",
    "create_patient",
    "create_practitioner",
    "create_staff",
    "require",
    "unwrap",
    "update_patient",
    "update_person",
]

GENDERS = ("male", "female", "x")


def unwrap(body: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """Accept both ``{"email": ...}`` and Rails-style ``{"patient": {"email": ...}}``."""
    inner = body.get(key)
    if isinstance(inner, Mapping) and len(body) == 1:
        return inner
    return body


def _emails(state: RegionState, table: str, exclude: str | None = None) -> list[str]:
    return [r["email"] for r in state.values(table) if r["id"] != exclude and r.get("email")]


def _patient_validator(
    state: RegionState,
    body: Mapping[str, Any],
    now: float,
    *,
    creating: bool,
    exclude: str | None = None,
) -> dict[str, Any]:
    check = Validator(unwrap(body, "patient"))
    check.email("email", required=creating)
    check.unique("email", _emails(state, "patients", exclude))
    check.string("first_name", required=creating)
    check.string("last_name", required=creating)
    check.iso_date("date_of_birth", latest=datetime.fromtimestamp(now, tz=UTC).date())
    check.enum("gender", GENDERS)
    check.mobile("mobile_number")
    check.number("discount", minimum=0, maximum=100)
    check.boolean("send_welcome_email")
    check.metadata()
    return check.check()


def create_patient(state: RegionState, body: Mapping[str, Any], now: float) -> Record:
    fields = _patient_validator(state, body, now, creating=True)
    return state.add("patients", build_patient(state, fields, now))


def update_patient(
    state: RegionState, patient: Record, body: Mapping[str, Any], now: float
) -> Record:
    fields = _patient_validator(state, body, now, creating=False, exclude=patient["id"])
    for field in ("first_name", "last_name", "email"):
        if fields.get(field) is None:
            fields.pop(field, None)  # names and email cannot be cleared
    fields.pop("send_welcome_email", None)
    patient.update(fields)
    if "discount" in fields:
        patient["discount"] = fields["discount"] or 0.0
        patient["total_discount"] = min(100.0, patient["discount"] + clinic_discount(state))
    if "mobile_number" in fields:
        patient["text_message_notification"] = bool(fields["mobile_number"])
    touch(patient, now)
    return patient


def _person_validator(
    state: RegionState, table: str, body: Mapping[str, Any], *, creating: bool, exclude: str | None
) -> dict[str, Any]:
    check = Validator(body)
    check.email("email", required=creating)
    # Practitioner and staff emails are unique across the clinic's users.
    check.unique(
        "email", _emails(state, "practitioners", exclude) + _emails(state, "staff", exclude)
    )
    check.string("first_name", required=creating)
    check.string("last_name", required=creating)
    if table == "practitioners":
        check.string("practitioner_type_id", required=creating)
    check.metadata()
    return check.check()


def _person(state: RegionState, table: str, fields: dict[str, Any], now: float) -> Record:
    record = {
        "id": state.new_id(),
        "first_name": fields["first_name"],
        "last_name": fields["last_name"],
        "email": fields["email"],
    }
    if table == "practitioners":
        record["practitioner_type_id"] = fields["practitioner_type_id"]
    record["metadata"] = fields.get("metadata") or {"id": None}
    record["_created"] = now
    return state.add(table, record)


def create_practitioner(state: RegionState, body: Mapping[str, Any], now: float) -> Record:
    fields = _person_validator(
        state, "practitioners", unwrap(body, "practitioner"), creating=True, exclude=None
    )
    if state.get("practitioner_types", fields["practitioner_type_id"]) is None:
        raise not_found(f"practitioner type {fields['practitioner_type_id']} not found")
    return _person(state, "practitioners", fields, now)


def create_staff(state: RegionState, body: Mapping[str, Any], now: float) -> Record:
    fields = _person_validator(state, "staff", unwrap(body, "staff"), creating=True, exclude=None)
    return _person(state, "staff", fields, now)


def update_person(
    state: RegionState, table: str, record: Record, body: Mapping[str, Any], now: float
) -> Record:
    key = "practitioner" if table == "practitioners" else "staff"
    fields = _person_validator(
        state, table, unwrap(body, key), creating=False, exclude=record["id"]
    )
    type_id = fields.get("practitioner_type_id")
    if type_id is not None and state.get("practitioner_types", type_id) is None:
        raise ValidationFailed({"practitioner_type_id": ["does not exist"]})
    for field, value in fields.items():
        if value is not None or field == "metadata":
            record[field] = value
    touch(record, now)
    return record


def require(state: RegionState, table: str, record_id: str, field: str) -> Record:
    """A referenced record from a body field, or a 422 naming the field."""
    found = state.get(table, record_id)
    if found is None:
        raise ValidationFailed({field: [f"{record_id!r} does not exist"]})
    return found
