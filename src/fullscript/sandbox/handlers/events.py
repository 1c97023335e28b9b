"""Events and webhook deliveries: listing and retrieving what the clinic's side recorded."""

from __future__ import annotations

from ..errors import not_found
from ..state.records import EVENT_TYPES, event_category
from ..state.store import Record, public
from .call import Call, Handler, Reply
from .listing import date_filter, page, query_bool, query_choice, sort_records

__all__ = ["EVENT_RETENTION", "HANDLERS", "listed_event"]

#: Fullscript keeps events for 30 days.
EVENT_RETENTION = 30 * 86400.0

_EVENT_SORTS = {"event_type": lambda r: r["type"], "created_at": lambda r: r["_created"]}
_DELIVERY_SORTS = {
    "event_id": lambda r: r["_event_id"],
    "attempted_at": lambda r: r["_created"],
}


def listed_event(event: Record) -> Record:
    """An event as the ``GET /events/*`` lists show it: without ``data``.

    Fullscript's 2021 examples of all five lists carry no ``data``; only ``GET /events/{id}``
    (and the webhook delivery) does, so a reader of the lists fetches each event by id.
    """
    return {key: value for key, value in public(event).items() if key != "data"}


def events_handler(category: str) -> Handler:
    """The list of one ``/events/<category>``; ``event_type`` must be one of that category's."""
    types = tuple(t for t in EVENT_TYPES if event_category(t) == category)

    def handle(call: Call) -> Reply:
        created = date_filter(call.query, "created_at")
        event_type = query_choice(call.query, "event_type", types)
        horizon = call.now - EVENT_RETENTION
        events = [
            event
            for event in call.state.values("events")
            if event["_category"] == category
            and event["_created"] >= horizon
            and (not event_type or event["type"] == event_type)
            and created(event["_created"])
        ]
        events = sort_records(call.query, events, _EVENT_SORTS)
        return Reply(200, page(call.query, events, "events", listed_event))

    return handle


def retrieve_event(call: Call) -> Reply:
    event = call.record("events")
    if event["_created"] < call.now - EVENT_RETENTION:
        raise not_found(f"event {event['id']} not found")
    return Reply(200, {"event": public(event)})


def list_webhook_deliveries(call: Call) -> Reply:
    attempted = date_filter(call.query, "attempted_at")
    delivered = query_bool(call.query, "successfully_delivered")
    event_id = call.query.get("event_id")
    deliveries = [
        delivery
        for delivery in call.state.values("webhook_deliveries")
        if (not event_id or delivery["_event_id"] == event_id)
        and (delivered is None or delivery["successfully_delivered"] == delivered)
        and attempted(delivery["_created"])
    ]
    deliveries = sort_records(call.query, deliveries, _DELIVERY_SORTS)
    return Reply(200, page(call.query, deliveries, "webhook_deliveries"))


HANDLERS: dict[str, Handler] = {
    "list_clinic_key_events": events_handler("clinic_keys"),
    "list_lab_order_events": events_handler("lab_orders"),
    "list_order_events": events_handler("orders"),
    "list_patient_events": events_handler("patients"),
    "list_product_events": events_handler("products"),
    "list_treatment_plan_events": events_handler("treatment_plans"),
    "retrieve_event": retrieve_event,
    "list_webhook_deliveries": list_webhook_deliveries,
}
