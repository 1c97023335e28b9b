"""Treatment plans: recommendation validation, creation, updates and state changes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ValidationFailed
from .clock import format_timestamp
from .people import require, unwrap
from .records import build_treatment_plan, touch
from .store import Record, RegionState
from .validate import Validator

__all__ = [
    "DOSAGE_FORMATS",
    "FREQUENCIES",
    "activate_plan",
    "cancel_plan",
    "create_plan",
    "update_plan",
]

FREQUENCIES = (
    "once per day",
    "twice per day",
    "three times per day",
    "four times per day",
    "every morning",
    "every night",
)
DOSAGE_FORMATS = (
    "capsule", "chewable", "gel", "liquid", "lozenge", "packet", "pellet", "drops", "powder",
    "strip", "suppository", "tablet",
)  # fmt: skip
PLAN_STATES = ("draft", "active")


def _recommendations(state: RegionState, raw: Any, errors: dict[str, list[str]]) -> list[Record]:
    if not isinstance(raw, list) or not raw:
        errors.setdefault("recommendations", []).append("must be a non-empty array")
        return []
    result: list[Record] = []
    for index, item in enumerate(raw):
        prefix = f"recommendations[{index}]"
        if not isinstance(item, Mapping):
            errors.setdefault(prefix, []).append("must be an object")
            continue
        check = Validator(item)
        check.string("variant_id", required=True)
        check.integer("units_to_purchase", required=True)
        check.boolean("refill")
        dosage_raw = item.get("dosage") or {}
        dosage = Validator(dosage_raw if isinstance(dosage_raw, Mapping) else {})
        if not isinstance(dosage_raw, Mapping):
            dosage.fail("dosage", "must be an object")
        dosage.string("amount")
        dosage.enum("frequency", FREQUENCIES)
        dosage.string("duration")
        dosage.string("additional_info")
        dosage.enum("format", DOSAGE_FORMATS)
        for field, messages in check.errors.items():
            errors.setdefault(f"{prefix}.{field}", []).extend(messages)
        for field, messages in dosage.errors.items():
            name = f"{prefix}.dosage" if field == "dosage" else f"{prefix}.dosage.{field}"
            errors.setdefault(name, []).extend(messages)
        variant_id = check.clean.get("variant_id")
        if variant_id is not None and state.get("variants", variant_id) is None:
            errors.setdefault(f"{prefix}.variant_id", []).append("does not exist")
        if check.errors or dosage.errors:
            continue
        result.append(
            {
                "variant_id": variant_id,
                "refill": bool(check.clean.get("refill", False)),
                "units_to_purchase": check.clean["units_to_purchase"],
                "dosage": {
                    field: dosage.clean.get(field)
                    for field in ("amount", "frequency", "duration", "format", "additional_info")
                },
            }
        )
    return result


def create_plan(
    state: RegionState,
    patient: Record,
    body: Mapping[str, Any],
    now: float,
    default_practitioner: str | None,
) -> Record:
    data = unwrap(body, "treatment_plan")
    check = Validator(data)
    check.string("practitioner_id")
    check.string("personal_message", max_length=5000)
    check.enum("state", PLAN_STATES)
    check.metadata()
    errors = dict(check.errors)
    recommendations = _recommendations(state, data.get("recommendations"), errors)
    practitioner_id = check.clean.get("practitioner_id") or default_practitioner
    if practitioner_id is None:
        errors.setdefault("practitioner_id", []).append(
            "can't be blank when the token's owner is not a practitioner"
        )
    if errors:
        raise ValidationFailed(errors)
    assert practitioner_id is not None
    require(state, "practitioners", practitioner_id, "practitioner_id")
    plan = build_treatment_plan(
        state,
        patient_id=patient["id"],
        practitioner_id=practitioner_id,
        recommendations=recommendations,
        state_name=check.clean.get("state") or "active",
        personal_message=check.clean.get("personal_message"),
        metadata_id=(check.clean.get("metadata") or {}).get("id"),
        now=now,
    )
    return state.add("treatment_plans", plan)


def update_plan(state: RegionState, plan: Record, body: Mapping[str, Any], now: float) -> Record:
    data = unwrap(body, "treatment_plan")
    check = Validator(data)
    check.string("personal_message", max_length=5000)
    check.metadata()
    errors = dict(check.errors)
    # The update replaces the whole prescription, so recommendations are required as on create.
    recommendations = _recommendations(state, data.get("recommendations"), errors)
    if plan["state"] == "cancelled":
        errors.setdefault("state", []).append("a cancelled treatment plan cannot be changed")
    if errors:
        raise ValidationFailed(errors)
    plan.update(check.clean)
    plan["recommendations"] = recommendations
    touch(plan, now)
    return plan


def activate_plan(plan: Record, now: float) -> Record:
    if plan["state"] == "cancelled":
        raise ValidationFailed({"state": ["a cancelled treatment plan cannot be activated"]})
    if plan["state"] != "active":
        plan["state"] = "active"
        plan["available_at"] = format_timestamp(now)
        touch(plan, now)
    return plan


def cancel_plan(plan: Record, now: float) -> Record:
    if plan["state"] == "cancelled":
        raise ValidationFailed({"state": ["the treatment plan is already cancelled"]})
    plan["state"] = "cancelled"
    touch(plan, now)
    return plan
