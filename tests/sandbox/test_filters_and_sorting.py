"""Every documented filter and sort of the sandbox, each judged on the records it returns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from fullscript.sandbox import Sandbox

from .conftest import walk

Pick = Callable[[dict[str, Any]], Any]


def _patient_with_plans(sandbox: Sandbox) -> str:
    counts: dict[str, int] = {}
    for plan in sandbox.records("us", "treatment_plans"):
        counts[plan["patient"]["id"]] = counts.get(plan["patient"]["id"], 0) + 1
    return max(counts, key=lambda patient_id: counts[patient_id])


def _first_practitioner(sandbox: Sandbox) -> str:
    return str(sandbox.records("us", "practitioners")[0]["id"])


# (url builder, list key, sort_by, value the records must be ordered by)
SORTS: list[tuple[str, Callable[[Sandbox], str], str, str, Pick]] = [
    ("orders by completion", lambda s: "/api/clinic/orders", "orders", "completed_at",
     lambda r: r["completed_at"]),
    ("orders by number", lambda s: "/api/clinic/orders", "orders", "order_number",
     lambda r: r["order_number"]),
    ("orders by patient", lambda s: "/api/clinic/orders", "orders", "patient_id",
     lambda r: r["patient_id"]),
    ("events by created_at", lambda s: "/api/events/patients", "events", "created_at",
     lambda r: r["created_at"]),
    ("events by type", lambda s: "/api/events/patients", "events", "event_type",
     lambda r: r["type"]),
    ("deliveries by attempt", lambda s: "/api/webhooks/deliveries", "webhook_deliveries",
     "attempted_at", lambda r: r["attempted_at"]),
    ("deliveries by event", lambda s: "/api/webhooks/deliveries", "webhook_deliveries",
     "event_id", lambda r: r["event_payload"]["event"]["id"]),
    ("plans by creation",
     lambda s: f"/api/clinic/patients/{_patient_with_plans(s)}/treatment_plans",
     "treatment_plans", "created_at", lambda r: r["created_at"]),
    ("plans by update",
     lambda s: f"/api/clinic/patients/{_patient_with_plans(s)}/treatment_plans",
     "treatment_plans", "updated_at", lambda r: r["updated_at"]),
    ("fullscript protocols by name", lambda s: "/api/clinic/fullscript_protocols", "protocols",
     "name", lambda r: r["name"]),
    ("practitioner protocols by state",
     lambda s: f"/api/clinic/practitioners/{_first_practitioner(s)}/protocols", "protocols",
     "current_state", lambda r: r["current_state"]),
]  # fmt: skip


@pytest.mark.parametrize("order_by", ["ASC", "DESC"])
@pytest.mark.parametrize(
    ("name", "url", "key", "sort_by", "pick"), SORTS, ids=[s[0] for s in SORTS]
)
async def test_documented_sorts_order_the_returned_records(
    client: httpx2.AsyncClient,
    sandbox: Sandbox,
    name: str,
    url: Callable[[Sandbox], str],
    key: str,
    sort_by: str,
    pick: Pick,
    order_by: str,
) -> None:
    params = {"sort_by": sort_by, "order_by": order_by}
    if key == "protocols" and "practitioners" in url(sandbox):
        params["ownership_type"] = "all"
    records = await walk(client, url(sandbox), key, **params)
    values = [pick(record) for record in records]
    assert len(set(values)) > 1, f"{name}: too few distinct values to prove an order"
    assert values == sorted(values, reverse=order_by == "DESC")


async def test_orders_filter_by_treatment_plan_and_order_number(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    order = next(o for o in sandbox.records("us", "orders") if o["treatment_plan_ids"])
    plan_id = order["treatment_plan_ids"][0]
    by_plan = await walk(client, "/api/clinic/orders", "orders", treatment_plan_id=plan_id)
    assert order["id"] in {o["id"] for o in by_plan}
    assert all(plan_id in o["treatment_plan_ids"] for o in by_plan)
    by_number = await walk(
        client, "/api/clinic/orders", "orders", order_number=order["order_number"]
    )
    assert [o["id"] for o in by_number] == [order["id"]]


async def test_orders_filter_by_an_open_ended_date_range(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    days = sorted({o["completed_at"][:10] for o in sandbox.records("us", "orders")})
    start, end = days[2], days[5]
    ranged = await walk(client, "/api/clinic/orders", "orders", completed_at=f"{start}..{end}")
    after = await walk(client, "/api/clinic/orders", "orders", completed_at=f">{end}")
    assert ranged and all(start <= o["completed_at"][:10] <= end for o in ranged)
    assert after and all(o["completed_at"][:10] > end for o in after)
    expected = [
        o for o in sandbox.records("us", "orders") if start <= o["completed_at"][:10] <= end
    ]
    assert len(ranged) == len(expected)


async def test_patient_orders_and_lab_orders_filter_by_patient(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    lab = sandbox.records("us", "lab_orders")[0]
    labs = await walk(client, "/api/clinic/labs/orders", "lab_orders", patient_id=lab["patient_id"])
    assert lab["id"] in {o["id"] for o in labs}
    assert {o["patient_id"] for o in labs} == {lab["patient_id"]}
    patient_id = sandbox.records("us", "orders")[0]["patient_id"]
    orders = await walk(client, f"/api/clinic/patients/{patient_id}/orders", "orders")
    stored = [o["id"] for o in sandbox.records("us", "orders") if o["patient_id"] == patient_id]
    assert sorted(o["id"] for o in orders) == sorted(stored)


async def test_events_filter_by_created_at_ranges_and_type(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    events = await walk(client, "/api/events/patients", "events")
    days = sorted({e["created_at"][:10] for e in events})
    cut = days[len(days) // 2]
    before = await walk(client, "/api/events/patients", "events", created_at=f"<{cut}")
    assert before and all(e["created_at"][:10] < cut for e in before)
    assert len(before) == sum(1 for e in events if e["created_at"][:10] < cut)
    created = await walk(client, "/api/events/patients", "events", event_type="patient.created")
    assert {e["type"] for e in created} == {"patient.created"}
    assert len(created) == sum(1 for e in events if e["type"] == "patient.created")
    bad = await client.get("/api/events/patients", params={"event_type": "order.placed"})
    assert bad.status_code == 422 and "event_type" in bad.json()["errors"]


async def test_webhook_deliveries_filter_by_attempted_at(client: httpx2.AsyncClient) -> None:
    every = await walk(client, "/api/webhooks/deliveries", "webhook_deliveries")
    day = every[0]["attempted_at"][:10]
    same_day = await walk(
        client, "/api/webhooks/deliveries", "webhook_deliveries", attempted_at=day
    )
    assert same_day and all(d["attempted_at"].startswith(day) for d in same_day)
    assert len(same_day) == sum(1 for d in every if d["attempted_at"].startswith(day))
    delivered = await walk(
        client, "/api/webhooks/deliveries", "webhook_deliveries", successfully_delivered="true"
    )
    assert delivered and all(d["successfully_delivered"] for d in delivered)


async def test_patient_search_matches_name_or_email_and_nothing_else(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    target = sandbox.records("us", "patients")[42]
    term = target["last_name"]
    found = await walk(client, "/api/clinic/search/patients", "patients", query=term)
    expected = {
        p["id"]
        for p in sandbox.records("us", "patients")
        if term.lower() in f"{p['first_name']} {p['last_name']} {p['email']}".lower()
    }
    assert target["id"] in {p["id"] for p in found}
    assert {p["id"] for p in found} == expected
    assert 0 < len(expected) < len(sandbox.records("us", "patients"))


async def test_fullscript_protocols_are_listed_with_their_documented_page_size(
    client: httpx2.AsyncClient,
) -> None:
    response = await client.get("/api/clinic/fullscript_protocols", params={"page[size]": 2})
    body = response.json()
    assert len(body["protocols"]) == min(2, body["meta"]["total_count"])


async def test_page_size_100_is_honoured_and_101_is_refused(client: httpx2.AsyncClient) -> None:
    full = (await client.get("/api/clinic/patients", params={"page[size]": 100})).json()
    assert len(full["patients"]) == 100 and full["meta"]["total_pages"] == 4
    refused = await client.get("/api/clinic/patients", params={"page[size]": 101})
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["page[size]"]
