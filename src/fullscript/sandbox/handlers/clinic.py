"""Clinic operations: the clinic, categories, practitioners, staff, protocols, templates and
metadata lookups (dynamic links, Embed and practitioner resources have modules of their own)."""

from __future__ import annotations

from ..state.people import (
    create_practitioner,
    create_staff,
    update_person,
)
from ..state.store import Record, public
from .call import Call, Handler, Reply
from .generic import children_handler, list_handler, retrieve_handler
from .listing import page, query_choice, sort_records

__all__ = ["HANDLERS"]


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


HANDLERS: dict[str, Handler] = {
    "retrieve_clinic": retrieve_clinic,
    "list_categories": list_handler("categories", "categories"),
    "retrieve_category": retrieve_handler("categories", "category"),
    "list_category_products": list_category_products,
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
}
