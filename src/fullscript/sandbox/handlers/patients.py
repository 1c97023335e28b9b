"""Patient operations: list, search, create, update, and a patient's addresses, dependents,
orders and treatment plans."""

from __future__ import annotations

from ..state.people import create_patient as create_patient_record
from ..state.people import update_patient as update_patient_record
from ..state.plans import create_plan
from ..state.store import Record, public
from .call import Call, Handler, Reply
from .generic import children_handler
from .listing import page, query_choice, sort_records

__all__ = ["HANDLERS"]

PATIENT_TYPES = ("all", "dependent", "guardian")
_PATIENT = ("patients", "patient_id")  # the patient named by the path of nested operations


def _guardian_ids(call: Call) -> set[str]:
    return {
        p["guardian_patient_id"] for p in call.state.values("patients") if p["guardian_patient_id"]
    }


def list_patients(call: Call) -> Reply:
    patient_type = query_choice(call.query, "patient_type", PATIENT_TYPES) or "all"
    patients = call.state.values("patients")
    if patient_type == "dependent":
        patients = [p for p in patients if p["is_dependent"]]
    elif patient_type == "guardian":
        guardians = _guardian_ids(call)
        patients = [p for p in patients if p["id"] in guardians]
    return Reply(200, page(call.query, patients, "patients"))


def search_patients(call: Call) -> Reply:
    terms = (call.query.get("query") or "").lower().split()
    found = [
        patient
        for patient in call.state.values("patients")
        if all(
            term in f"{patient['first_name']} {patient['last_name']} {patient['email']}".lower()
            for term in terms
        )
    ]
    return Reply(200, page(call.query, found, "patients"))


def create_patient(call: Call) -> Reply:
    patient = create_patient_record(call.state, call.body, call.now)
    return Reply(201, {"patient": public(patient)})


def retrieve_patient(call: Call) -> Reply:
    return Reply(200, {"patient": public(call.record("patients"))})


def update_patient(call: Call) -> Reply:
    patient = update_patient_record(call.state, call.record("patients"), call.body, call.now)
    return Reply(200, {"patient": public(patient)})


def list_patient_treatment_plans(call: Call) -> Reply:
    patient = call.record("patients", "patient_id")
    plans: list[Record] = [
        p
        for p in call.state.values("treatment_plans")
        if (p["patient"] or {}).get("id") == patient["id"]
    ]
    plans = sort_records(
        call.query,
        plans,
        {"created_at": lambda r: r["_created"], "updated_at": lambda r: r["_updated"]},
    )
    return Reply(200, page(call.query, plans, "treatment_plans"))


def create_patient_treatment_plan(call: Call) -> Reply:
    patient = call.record("patients", "patient_id")
    owner = None
    if call.token is not None and call.token.resource_owner_type == "Practitioner":
        owner = call.token.resource_owner_id
    plan = create_plan(call.state, patient, call.body, call.now, owner)
    return Reply(201, {"treatment_plan": public(plan)})


HANDLERS: dict[str, Handler] = {
    "list_patients": list_patients,
    "create_patient": create_patient,
    "retrieve_patient": retrieve_patient,
    "update_patient": update_patient,
    "search_patients": search_patients,
    "list_patient_addresses": children_handler(_PATIENT, "addresses", "_patient_id", "addresses"),
    "list_patient_dependents": children_handler(
        _PATIENT, "patients", "guardian_patient_id", "patients"
    ),
    "list_patient_orders": children_handler(_PATIENT, "orders", "patient_id", "orders"),
    "list_patient_treatment_plans": list_patient_treatment_plans,
    "create_patient_treatment_plan": create_patient_treatment_plan,
}
