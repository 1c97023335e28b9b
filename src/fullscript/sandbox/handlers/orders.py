"""Orders, lab orders and tests, and treatment plan operations."""

from __future__ import annotations

from ..errors import ValidationFailed
from ..state.plans import activate_plan, cancel_plan, update_plan
from ..state.records import DISPENSARY_HOST
from ..state.store import public
from .call import Call, Handler, Reply
from .generic import retrieve_handler
from .listing import date_filter, page, query_choice, sort_records

__all__ = ["HANDLERS"]

ORDER_TYPES = ("supplement", "labs")
_ORDER_SORTS = {
    "patient_id": lambda r: r["patient_id"],
    "treatment_plan_id": lambda r: (r["treatment_plan_ids"] or [None])[0],
    "completed_at": lambda r: r["_created"],
    "order_number": lambda r: r["order_number"],
}


def list_orders(call: Call) -> Reply:
    completed = date_filter(call.query, "completed_at")
    order_type = query_choice(call.query, "type", ORDER_TYPES)
    patient_id = call.query.get("patient_id")
    plan_id = call.query.get("treatment_plan_id")
    number = call.query.get("order_number")
    orders = [
        order
        for order in call.state.values("orders")
        if (not patient_id or order["patient_id"] == patient_id)
        and (not plan_id or plan_id in order["treatment_plan_ids"])
        and (not number or order["order_number"] == number)
        and (not order_type or order["_type"] == order_type)
        and completed(order["_created"])
    ]
    orders = sort_records(call.query, orders, _ORDER_SORTS)
    return Reply(200, page(call.query, orders, "orders"))


def list_lab_orders(call: Call) -> Reply:
    patient_id = call.query.get("patient_id")
    orders = [
        order
        for order in call.state.values("lab_orders")
        if not patient_id or order["patient_id"] == patient_id
    ]
    return Reply(200, page(call.query, orders, "lab_orders"))


def update_treatment_plan(call: Call) -> Reply:
    plan = update_plan(call.state, call.record("treatment_plans"), call.body, call.now)
    return Reply(200, {"treatment_plan": public(plan)})


def activate_treatment_plan(call: Call) -> Reply:
    plan = activate_plan(call.record("treatment_plans", "treatment_plan_id"), call.now)
    return Reply(200, {"treatment_plan": public(plan)})


def cancel_treatment_plan(call: Call) -> Reply:
    plan = cancel_plan(call.record("treatment_plans", "treatment_plan_id"), call.now)
    return Reply(200, {"treatment_plan": public(plan)})


def create_in_office_checkout(call: Call) -> Reply:
    plan = call.record("treatment_plans", "treatment_plan_id")
    if plan["state"] == "cancelled" or not plan.get("patient"):
        raise ValidationFailed({"treatment_plan": ["must be an active plan with a patient"]})
    if not plan["recommendations"]:
        raise ValidationFailed({"recommendations": ["the treatment plan has no recommendations"]})
    checkout_id = call.state.new_id()
    url = f"{DISPENSARY_HOST}/{call.state.region}/in_office_checkouts/{checkout_id}"
    return Reply(201, {"in_office_checkout": {"url": url}})


HANDLERS: dict[str, Handler] = {
    "list_orders": list_orders,
    "retrieve_order": retrieve_handler("orders", "order"),
    "list_lab_orders": list_lab_orders,
    "retrieve_lab_order": retrieve_handler("lab_orders", "lab_order"),
    "retrieve_lab_test": retrieve_handler("lab_tests", "lab_test"),
    "retrieve_treatment_plan": retrieve_handler("treatment_plans", "treatment_plan"),
    "update_treatment_plan": update_treatment_plan,
    "activate_treatment_plan": activate_treatment_plan,
    "cancel_treatment_plan": cancel_treatment_plan,
    "create_in_office_checkout": create_in_office_checkout,
}
