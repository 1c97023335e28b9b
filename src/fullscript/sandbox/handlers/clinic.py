"""Clinic operations: the clinic, categories, practitioners, staff, protocols, templates,
resources, metadata lookups, dynamic links and Embed session grants."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from ..errors import ApiError, ValidationFailed, forbidden
from ..state.clock import format_timestamp
from ..state.people import (
    create_patient,
    create_practitioner,
    create_staff,
    require,
    update_person,
)
from ..state.records import DISPENSARY_HOST, build_treatment_plan
from ..state.store import Record, public
from .call import Call, Handler, Reply
from .generic import children_handler, list_handler, retrieve_handler
from .listing import page, query_choice, sort_records
from .resources import HANDLERS as RESOURCE_HANDLERS

__all__ = ["HANDLERS"]

SESSION_GRANT_TTL = 120.0


def retrieve_clinic(call: Call) -> Reply:
    clinic = dict(call.state.clinic)
    clinic["patient_count"] = len(call.state.tables["patients"])
    clinic["practitioner_count"] = len(call.state.tables["practitioners"])
    return Reply(200, {"clinic": public(clinic)})


def list_category_products(call: Call) -> Reply:
    category = call.record("categories", "category_id")
    products = [call.state.tables["products"][pid] for pid in category["_product_ids"]]
    return Reply(200, page(call.query, products, "products"))


def create_person(table: str, key: str) -> Handler:
    creators = {"practitioners": create_practitioner, "staff": create_staff}

    def handle(call: Call) -> Reply:
        record = creators[table](call.state, call.body, call.now)
        return Reply(201, {key: public(record)})

    return handle


def update_person_handler(table: str, key: str) -> Handler:
    def handle(call: Call) -> Reply:
        record = update_person(call.state, table, call.record(table), call.body, call.now)
        return Reply(200, {key: public(record)})

    return handle


_PROTOCOL_SORTS = {"name": lambda r: r["name"], "current_state": lambda r: r["current_state"]}
_PROTOCOL_STATES = ("active", "draft", "cancelled")
_OWNERSHIP = ("owned", "shared", "all")


def list_fullscript_protocols(call: Call) -> Reply:
    protocols = [p for p in call.state.values("protocols") if p["_fullscript"]]
    protocols = sort_records(call.query, protocols, {"name": lambda r: r["name"]})
    return Reply(200, page(call.query, protocols, "protocols"))


def list_practitioner_protocols(call: Call) -> Reply:
    practitioner = call.record("practitioners", "practitioner_id")
    state_filter = query_choice(call.query, "current_state", _PROTOCOL_STATES)
    ownership = query_choice(call.query, "ownership_type", _OWNERSHIP) or "owned"
    protocols = []
    for protocol in call.state.values("protocols"):
        owned = protocol["practitioner"]["id"] == practitioner["id"] and not protocol["_fullscript"]
        shared = protocol["_fullscript"]
        if not (
            (ownership in ("owned", "all") and owned) or (ownership in ("shared", "all") and shared)
        ):
            continue
        if state_filter and protocol["current_state"] != state_filter:
            continue
        protocols.append(protocol)
    protocols = sort_records(call.query, protocols, _PROTOCOL_SORTS)
    return Reply(200, page(call.query, protocols, "protocols"))


_METADATA_TABLES = {
    "patient": "patients",
    "practitioner": "practitioners",
    "staff": "staff",
    "treatment_plan": "treatment_plans",
}


def find_metadata_objects(call: Call) -> Reply:
    ident = call.query.get("id")
    kind = query_choice(call.query, "type", tuple(_METADATA_TABLES))
    found: list[Record] = []
    for name, table in _METADATA_TABLES.items():
        if kind and kind != name:
            continue
        for record in call.state.values(table):
            # Without an id, every object carrying metadata matches.
            external = (record.get("metadata") or {}).get("id")
            if external is not None and (not ident or external == ident):
                found.append({"id": external, "type": name, "data": public(record)})
    return Reply(200, page(call.query, found, "metadata"))


# --- dynamic links -----------------------------------------------------------------------------


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


# --- Embed --------------------------------------------------------------------------------------


def create_session_grant(call: Call) -> Reply:
    assert call.token is not None
    user_id = call.body.get("user_id")
    user_type = call.body.get("user_type")
    if user_id is None and user_type is None:
        if call.token.resource_owner_type not in ("Practitioner", "Staff"):
            raise ValidationFailed({"user_id": ["can't be blank for a clinic-level token"]})
        owner = {"type": call.token.resource_owner_type, "id": call.token.resource_owner_id}
    else:
        table = {"Practitioner": "practitioners", "Staff": "staff"}.get(str(user_type))
        if table is None:
            raise ValidationFailed({"user_type": ["must be Practitioner or Staff"]})
        require(call.state, table, str(user_id or ""), "user_id")
        owner = {"type": str(user_type), "id": str(user_id)}
    grant = {
        "id": call.state.new_id(),
        "secret_token": secrets.token_urlsafe(24),
        "claimed_at": None,
        "expires_at": format_timestamp(call.now + SESSION_GRANT_TTL),
        "user": owner,
    }
    call.state.add("session_grants", grant)
    return Reply(201, grant)


HANDLERS: dict[str, Handler] = {
    "retrieve_clinic": retrieve_clinic,
    "list_categories": list_handler("categories", "categories"),
    "retrieve_category": retrieve_handler("categories", "category"),
    "list_category_products": list_category_products,
    "create_gateway_treatment_plan_link": create_gateway_treatment_plan_link,
    "retrieve_new_treatment_plan_link": retrieve_new_treatment_plan_link,
    "create_treatment_plan_link": create_treatment_plan_link,
    "retrieve_treatment_plan_link": retrieve_treatment_plan_link,
    "create_session_grant": create_session_grant,
    "list_fullscript_protocols": list_fullscript_protocols,
    "retrieve_protocol": retrieve_handler("protocols", "protocol"),
    "list_fullscript_resources": list_handler("fullscript_resources", "resources"),
    "find_metadata_objects": find_metadata_objects,
    "list_practitioners": list_handler("practitioners", "practitioners"),
    "create_practitioner": create_person("practitioners", "practitioner"),
    "retrieve_practitioner": retrieve_handler("practitioners", "practitioner"),
    "update_practitioner": update_person_handler("practitioners", "practitioner"),
    "list_practitioner_protocols": list_practitioner_protocols,
    "list_practitioner_templates": children_handler(
        ("practitioners", "practitioner_id"), "templates", "practitioner_id", "templates"
    ),
    "list_staff": list_handler("staff", "staff"),
    "create_staff": create_person("staff", "staff"),
    "retrieve_staff": retrieve_handler("staff", "staff"),
    "update_staff": update_person_handler("staff", "staff"),
    "retrieve_template": retrieve_handler("templates", "template"),
    **RESOURCE_HANDLERS,
}
