"""Dynamic links: URLs that open a new or existing treatment plan in Fullscript, creating the
draft plan (and the patient, when allowed) behind them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from ..errors import ApiError, ValidationFailed, forbidden
from ..state.people import create_patient, require
from ..state.records import DISPENSARY_HOST, build_treatment_plan
from ..state.store import Record, public
from .call import Call, Handler, Reply

__all__ = ["HANDLERS"]


def _link_body(call: Call) -> tuple[Mapping[str, Any], Mapping[str, Any] | None]:
    plan = call.body.get("treatment_plan")
    if not isinstance(plan, Mapping):
        raise ApiError(
            400,
            {"status": 400, "error": "param is missing or the value is empty: treatment_plan"},
        )
    patient = call.body.get("patient")
    if patient is not None and not isinstance(patient, Mapping):
        raise ValidationFailed({"patient": ["must be an object"]})
    return plan, patient


def _link_patient(call: Call, patient_body: Mapping[str, Any] | None) -> Record | None:
    """Find the patient by email (or external id), creating one when allowed."""
    if not patient_body:
        return None
    email = str(patient_body.get("email") or "").strip().lower()
    external_id = patient_body.get("external_id")
    for patient in call.state.values("patients"):
        if (email and patient["email"] == email) or (
            external_id and (patient.get("metadata") or {}).get("id") == str(external_id)
        ):
            return patient
    if call.token is None or "patients:write" not in call.token.scopes:
        raise forbidden("Creating a patient through a dynamic link requires patients:write.")
    fields = {key: value for key, value in patient_body.items() if key != "external_id"}
    if external_id:
        fields["metadata"] = {"id": str(external_id)}
    return create_patient(call.state, fields, call.now)


def _dynamic_link(call: Call, plan: Record, patient: Record | None, path: str) -> dict[str, Any]:
    return {
        "redirect_url": f"{DISPENSARY_HOST}/{call.state.region}/{path}/{plan['id']}",
        "treatment_plan": {
            "id": plan["id"],
            "state": plan["state"],
            "available_at": plan["available_at"],
        },
        "patient": None if patient is None else public(patient),
    }


def _create_link(call: Call, path: str) -> Reply:
    plan_body, patient_body = _link_body(call)
    practitioner_id = str(plan_body.get("practitioner_id") or "")
    if not practitioner_id:
        raise ValidationFailed({"treatment_plan.practitioner_id": ["can't be blank"]})
    require(call.state, "practitioners", practitioner_id, "treatment_plan.practitioner_id")
    entrypoint = call.body.get("entrypoint")
    if entrypoint is not None and entrypoint not in ("catalog", "labs"):
        raise ValidationFailed({"entrypoint": ["must be one of: catalog, labs"]})
    patient = _link_patient(call, patient_body)
    plan = build_treatment_plan(
        call.state,
        patient_id=patient["id"] if patient else "",
        practitioner_id=practitioner_id,
        recommendations=[],
        state_name="draft",
        personal_message=None,
        metadata_id=None,
        now=call.now,
    )
    if patient is not None:
        call.state.add("treatment_plans", plan)
    # Without a patient the draft only exists behind the link until the practitioner picks one.
    link = _dynamic_link(call, plan, patient, path)
    call.state.add("dynamic_links", {"id": plan["id"], **link})
    return Reply(200, {"dynamic_links": link})


def create_treatment_plan_link(call: Call) -> Reply:
    return _create_link(call, "treatment_plans")


def create_gateway_treatment_plan_link(call: Call) -> Reply:
    return _create_link(call, "gateway/treatment_plans")


def retrieve_new_treatment_plan_link(call: Call) -> Reply:
    query = urlencode({k: v for k, v in call.query.items() if k in ("patient_id",)})
    suffix = f"?{query}" if query else ""
    return Reply(
        200, {"redirect_url": f"{DISPENSARY_HOST}/{call.state.region}/treatment_plans/new{suffix}"}
    )


def retrieve_treatment_plan_link(call: Call) -> Reply:
    link = call.state.get("dynamic_links", call.params["id"])
    if link is not None:
        return Reply(200, {"dynamic_links": public(link)})
    plan = call.record("treatment_plans")
    patient = call.state.get("patients", plan["patient"].get("id") or "")
    return Reply(200, {"dynamic_links": _dynamic_link(call, plan, patient, "treatment_plans")})


HANDLERS: dict[str, Handler] = {
    "create_gateway_treatment_plan_link": create_gateway_treatment_plan_link,
    "retrieve_new_treatment_plan_link": retrieve_new_treatment_plan_link,
    "create_treatment_plan_link": create_treatment_plan_link,
    "retrieve_treatment_plan_link": retrieve_treatment_plan_link,
}
