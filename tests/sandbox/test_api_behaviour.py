"""Paging, filters, sorting, validation and state changes of the sandbox API."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest

from fullscript.sandbox import Sandbox

from .conftest import START, FakeTime, SpecChecker, walk

DAY = 86400


@pytest.mark.parametrize("size", [7, 20, 100])
async def test_paging_walks_every_patient_once(
    client: httpx2.AsyncClient, sandbox: Sandbox, size: int
) -> None:
    patients = await walk(client, "/api/clinic/patients", "patients", **{"page[size]": size})
    ids = [patient["id"] for patient in patients]
    assert len(ids) == 350 == len(set(ids))
    assert set(ids) == {patient["id"] for patient in sandbox.records("us", "patients")}


async def test_meta_describes_the_page(client: httpx2.AsyncClient) -> None:
    response = await client.get(
        "/api/clinic/patients", params={"page[number]": 4, "page[size]": 100}
    )
    assert response.json()["meta"] == {
        "current_page": 4,
        "next_page": None,
        "prev_page": 3,
        "total_pages": 4,
        "total_count": 350,
    }
    assert len(response.json()["patients"]) == 50


@pytest.mark.parametrize(
    ("name", "value"),
    [("page[size]", "101"), ("page[size]", "0"), ("page[number]", "zero"), ("page[number]", "-1")],
)
async def test_bad_page_parameters_answer_422_naming_them(
    client: httpx2.AsyncClient, name: str, value: str
) -> None:
    response = await client.get("/api/catalog/products", params={name: value})
    assert response.status_code == 422
    assert name in response.json()["errors"] and name in response.json()["error"]


async def test_create_then_read_back_then_update_a_patient(
    client: httpx2.AsyncClient, checker: SpecChecker
) -> None:
    created = await client.post(
        "/api/clinic/patients",
        json={"email": "Ada@Example.com", "first_name": "Ada", "last_name": "L", "discount": "10"},
    )
    assert created.status_code == 201
    patient = created.json()["patient"]
    assert patient["email"] == "ada@example.com" and patient["discount"] == 10
    updated = await client.patch(
        f"/api/clinic/patients/{patient['id']}", json={"last_name": "Lovelace"}
    )
    checker.check("update_patient", updated)
    read = (await client.get(f"/api/clinic/patients/{patient['id']}")).json()["patient"]
    assert read["last_name"] == "Lovelace" and read["first_name"] == "Ada"
    total = (await client.get("/api/clinic/patients")).json()["meta"]["total_count"]
    assert total == 351


async def test_rails_style_wrapped_bodies_are_accepted(client: httpx2.AsyncClient) -> None:
    response = await client.post(
        "/api/clinic/patients",
        json={"patient": {"email": "w@example.com", "first_name": "W", "last_name": "R"}},
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"first_name": "A", "last_name": "B"}, "email"),
        ({"email": "not-an-email", "first_name": "A", "last_name": "B"}, "email"),
        ({"email": "a@b.co", "first_name": "A", "last_name": "B", "gender": "robot"}, "gender"),
        ({"email": "a@b.co", "first_name": "A", "last_name": "B", "date_of_birth": "1/2/90"}, "date_of_birth"),
        ({"email": "a@b.co", "first_name": "A", "last_name": "B", "discount": 150}, "discount"),
        ({"email": "a@b.co", "first_name": "A", "last_name": "B", "mobile_number": "12"}, "mobile_number"),
        ({"email": "a@b.co", "last_name": "B"}, "first_name"),
    ],
)  # fmt: skip
async def test_invalid_patients_answer_422_naming_the_field(
    client: httpx2.AsyncClient, checker: SpecChecker, body: dict[str, Any], field: str
) -> None:
    response = await client.post("/api/clinic/patients", json=body)
    checker.check("create_patient", response)
    assert response.status_code == 422
    assert field in response.json()["errors"] and field in response.json()["error"]


async def test_duplicate_emails_answer_422(client: httpx2.AsyncClient) -> None:
    body = {"email": "twice@example.com", "first_name": "A", "last_name": "B"}
    assert (await client.post("/api/clinic/patients", json=body)).status_code == 201
    again = await client.post("/api/clinic/patients", json=body)
    assert again.status_code == 422 and "has already been taken" in again.json()["errors"]["email"]


async def test_malformed_json_answers_400(client: httpx2.AsyncClient) -> None:
    response = await client.post(
        "/api/clinic/patients", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400 and response.headers["x-request-id"]


async def test_search_patients_by_query(client: httpx2.AsyncClient, sandbox: Sandbox) -> None:
    target = sandbox.records("us", "patients")[10]
    response = await client.get(
        "/api/clinic/search/patients", params={"query": f"{target['first_name']} {target['email']}"}
    )
    assert [p["id"] for p in response.json()["patients"]] == [target["id"]]


async def test_patient_type_filters_dependents_and_guardians(client: httpx2.AsyncClient) -> None:
    dependents = await walk(client, "/api/clinic/patients", "patients", patient_type="dependent")
    guardians = await walk(client, "/api/clinic/patients", "patients", patient_type="guardian")
    assert dependents and all(p["is_dependent"] for p in dependents)
    assert {p["guardian_patient_id"] for p in dependents} == {g["id"] for g in guardians}
    bad = await client.get("/api/clinic/patients", params={"patient_type": "cats"})
    assert bad.status_code == 422 and "patient_type" in bad.json()["errors"]


async def test_orders_filter_by_patient_date_range_and_type(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    orders = sandbox.records("us", "orders")
    patient_id = orders[0]["patient_id"]
    by_patient = await walk(client, "/api/clinic/orders", "orders", patient_id=patient_id)
    assert by_patient and {o["patient_id"] for o in by_patient} == {patient_id}
    day = orders[100]["completed_at"][:10]
    ranged = await walk(client, "/api/clinic/orders", "orders", completed_at=f"{day}..{day}")
    assert ranged and all(o["completed_at"].startswith(day) for o in ranged)
    before = await walk(client, "/api/clinic/orders", "orders", completed_at=f"<{day}")
    assert before and all(o["completed_at"][:10] < day for o in before)
    labs = await walk(client, "/api/clinic/orders", "orders", type="labs")
    assert labs and all(item["type"] == "labs" for o in labs for item in o["line_items"])
    bad = await client.get("/api/clinic/orders", params={"completed_at": "yesterday"})
    assert bad.status_code == 422 and "completed_at" in bad.json()["errors"]


async def test_orders_sort_descending_by_completion(client: httpx2.AsyncClient) -> None:
    body = (
        await client.get(
            "/api/clinic/orders", params={"sort_by": "completed_at", "order_by": "DESC"}
        )
    ).json()
    dates = [o["completed_at"] for o in body["orders"]]
    assert dates == sorted(dates, reverse=True)
    bad = await client.get("/api/clinic/orders", params={"sort_by": "colour"})
    assert bad.status_code == 422 and "sort_by" in bad.json()["errors"]


async def test_events_filter_by_type_and_created_at(client: httpx2.AsyncClient) -> None:
    updated = await walk(client, "/api/events/patients", "events", event_type="patient.updated")
    assert updated and {e["type"] for e in updated} == {"patient.updated"}
    day = updated[0]["created_at"][:10]
    same_day = await walk(client, "/api/events/patients", "events", created_at=day)
    assert same_day and all(e["created_at"].startswith(day) for e in same_day)


async def test_events_older_than_30_days_disappear(
    client: httpx2.AsyncClient, sandbox: Sandbox, fake_time: FakeTime
) -> None:
    before = (await client.get("/api/events/orders")).json()["meta"]["total_count"]
    fake_time.value += 10 * DAY
    async with sandbox.client("us", token=sandbox.issue_token("us")) as later:
        after = (await later.get("/api/events/orders")).json()["meta"]["total_count"]
    assert 0 < after < before


async def test_webhook_deliveries_filter(client: httpx2.AsyncClient, sandbox: Sandbox) -> None:
    failed = await walk(
        client, "/api/webhooks/deliveries", "webhook_deliveries", successfully_delivered="false"
    )
    assert failed and not any(d["successfully_delivered"] for d in failed)
    event_id = failed[0]["event_payload"]["event"]["id"]
    by_event = await walk(
        client, "/api/webhooks/deliveries", "webhook_deliveries", event_id=event_id
    )
    assert [d["id"] for d in by_event] == [failed[0]["id"]]
    bad = await client.get("/api/webhooks/deliveries", params={"successfully_delivered": "maybe"})
    assert bad.status_code == 422


async def test_treatment_plan_lifecycle(client: httpx2.AsyncClient, sandbox: Sandbox) -> None:
    patient = sandbox.records("us", "patients")[3]
    variant = next(v for v in sandbox.records("us", "variants") if v["status"] == "available")
    created = await client.post(
        f"/api/clinic/patients/{patient['id']}/treatment_plans",
        json={
            "state": "draft",
            "recommendations": [{"variant_id": variant["id"], "units_to_purchase": 1}],
        },
    )
    plan = created.json()["treatment_plan"]
    assert created.status_code == 201 and plan["state"] == "draft"
    assert plan["practitioner"]["id"] == sandbox.records("us", "practitioners")[0]["id"]
    activated = await client.patch(f"/api/clinic/treatment_plans/{plan['id']}/activate")
    assert activated.json()["treatment_plan"]["state"] == "active"
    cancelled = await client.patch(f"/api/clinic/treatment_plans/{plan['id']}/cancel")
    assert cancelled.json()["treatment_plan"]["state"] == "cancelled"
    again = await client.patch(f"/api/clinic/treatment_plans/{plan['id']}/activate")
    assert again.status_code == 422
    listed = await walk(
        client, f"/api/clinic/patients/{patient['id']}/treatment_plans", "treatment_plans"
    )
    assert plan["id"] in {p["id"] for p in listed}


async def test_bad_recommendations_name_the_field(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    patient = sandbox.records("us", "patients")[3]
    response = await client.post(
        f"/api/clinic/patients/{patient['id']}/treatment_plans",
        json={"recommendations": [{"variant_id": "nope", "units_to_purchase": 1,
                                   "dosage": {"frequency": "hourly"}}]},
    )  # fmt: skip
    errors = response.json()["errors"]
    assert response.status_code == 422
    assert (
        "recommendations[0].variant_id" in errors
        and "recommendations[0].dosage.frequency" in errors
    )


async def test_a_discontinued_variant_answers_410(
    client: httpx2.AsyncClient, sandbox: Sandbox, checker: SpecChecker
) -> None:
    variant = sandbox.records("us", "variants")[0]
    sandbox.clinic("us").discontinue_variant(variant["id"])
    response = await client.get(f"/api/catalog/variants/{variant['id']}")
    assert response.status_code == 410
    checker.check("retrieve_variant", response)


async def test_regions_hold_separate_data(sandbox: Sandbox, client: httpx2.AsyncClient) -> None:
    await client.post(
        "/api/clinic/patients",
        json={"email": "only.us@example.com", "first_name": "U", "last_name": "S"},
    )
    async with sandbox.client("ca", token=sandbox.issue_token("ca")) as ca:
        found = await ca.get("/api/clinic/search/patients", params={"query": "only.us"})
        clinic = (await ca.get("/api/clinic")).json()["clinic"]
    assert found.json()["meta"]["total_count"] == 0
    assert clinic["id"] != sandbox.region("us").clinic["id"]


async def test_every_kind_of_answer_has_a_fresh_request_id(
    sandbox: Sandbox, fake_time: FakeTime
) -> None:
    limited = Sandbox(clock=fake_time, rate_limit="1/60")
    limited_token = limited.issue_token("us")
    token = sandbox.issue_token("us")
    narrow = sandbox.issue_token("us", scopes=["catalog:read"])
    resource = sandbox.records("us", "practitioner_resources")[0]
    variant = sandbox.records("us", "variants")[0]["id"]
    sandbox.clinic("us").discontinue_variant(variant)
    sandbox.faults.error(503, method="GET", path="/api/clinic/staff", times=1)
    sandbox.faults.malformed(path="/api/clinic/categories", times=1)
    params = {"client_id": sandbox.settings.client_id, "response_type": "code",
              "redirect_uri": sandbox.settings.redirect_uri}  # fmt: skip
    async with (
        sandbox.client("us", token=token) as http,
        sandbox.client("us", token=narrow) as scoped,
        sandbox.client("us") as anonymous,
        limited.client("us", token=limited_token) as throttled,
    ):
        answers = {
            200: await http.get("/api/clinic"),
            201: await http.post("/api/clinic/staff", json={"email": "r@example.com",
                                                              "first_name": "R", "last_name": "I"}),
            204: await http.delete(f"/api/clinic/practitioners/{resource['_practitioner_id']}"
                                   f"/resources/{resource['id']}"),
            302: await anonymous.get("/api/oauth/authorize", params=params),
            400: await http.post("/api/clinic/patients", content=b"{",
                                 headers={"Content-Type": "application/json"}),
            401: await anonymous.get("/api/clinic"),
            403: await scoped.get("/api/clinic"),
            404: await http.get("/api/clinic/patients/nope"),
            405: await http.delete("/api/clinic"),
            410: await http.get(f"/api/catalog/variants/{variant}"),
            422: await http.get("/api/clinic/patients", params={"page[size]": 101}),
            429: (await throttled.get("/api/clinic"), await throttled.get("/api/clinic"))[1],
            503: await http.get("/api/clinic/staff"),
            -1: await http.get("/api/clinic/categories"),  # malformed body fault (status 200)
        }  # fmt: skip
    assert {status: r.status_code for status, r in answers.items() if status > 0} == {
        status: status for status in answers if status > 0
    }
    with pytest.raises(ValueError):
        answers[-1].json()
    ids = [r.headers.get("x-request-id") for r in answers.values()]
    assert all(ids) and len(set(ids)) == len(ids)


def test_seeded_data_is_deterministic(fake_time: FakeTime) -> None:
    first, again = Sandbox(seed=3, clock=fake_time), Sandbox(seed=3, clock=fake_time)
    other = Sandbox(seed=4, clock=fake_time)
    assert first.records("us", "patients") == again.records("us", "patients")
    assert first.records("us", "patients") != other.records("us", "patients")
    assert first.records("us", "patients")[0]["id"] != first.records("ca", "patients")[0]["id"]


def test_seed_timestamps_follow_the_sandbox_clock(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time)
    newest = max(order["_created"] for order in sandbox.records("us", "orders"))
    assert START - 2 * DAY < newest <= START


async def test_product_search_combines_text_and_array_filters(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    product = sandbox.records("us", "products")[0]
    allergen, certification = product["_allergen_ids"][0], product["_certification_ids"][0]
    response = await client.get(
        "/api/catalog/search/products",
        params=[("query", product["name"].split()[0]), ("allergen_ids[]", allergen),
                ("third_party_certification_ids[]", certification),
                ("brand_id", product["_brand_id"])],
    )  # fmt: skip
    found = response.json()["products"]
    assert product["id"] in {p["id"] for p in found}
    every = sandbox.records("us", "products")
    for hit in found:
        stored = next(p for p in every if p["id"] == hit["id"])
        assert allergen in stored["_allergen_ids"] and stored["_brand_id"] == product["_brand_id"]


async def test_brand_filters(client: httpx2.AsyncClient) -> None:
    every = (await client.get("/api/catalog/brands", params={"page[size]": 100})).json()["brands"]
    available = (
        await client.get("/api/catalog/brands", params={"page[size]": 100, "available": "true"})
    ).json()["brands"]
    assert 0 < len(available) < len(every)
    assert {b["status"] for b in available} == {"available"}


async def test_practitioner_protocols_filter_by_ownership_and_state(
    client: httpx2.AsyncClient, sandbox: Sandbox
) -> None:
    practitioner = sandbox.records("us", "practitioners")[0]["id"]
    url = f"/api/clinic/practitioners/{practitioner}/protocols"
    owned = (await client.get(url)).json()["protocols"]
    everything = (await client.get(url, params={"ownership_type": "all"})).json()["protocols"]
    active = (await client.get(url, params={"current_state": "active"})).json()["protocols"]
    assert owned and all(p["ownership_type"] == "owned" for p in owned)
    assert len(everything) > len(owned)
    assert all(p["current_state"] == "active" for p in active)
    bad = await client.get(url, params={"ownership_type": "borrowed"})
    assert bad.status_code == 422 and "ownership_type" in bad.json()["errors"]


async def test_events_are_snapshots_of_the_moment(sandbox: Sandbox) -> None:
    clinic = sandbox.clinic("us")
    patient_id = sandbox.records("us", "patients")[0]["id"]
    first = clinic.update_patient(patient_id, first_name="Before")
    clinic.update_patient(patient_id, first_name="After")
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        stored = (await http.get(f"/api/events/{first['id']}")).json()["event"]
    assert stored["data"]["patient"]["first_name"] == "Before"


async def test_a_new_product_from_the_clinic_is_listed(
    sandbox: Sandbox, client: httpx2.AsyncClient, checker: SpecChecker
) -> None:
    event = sandbox.clinic("us").create_product("Sandbox Sleep Formula")
    product_id = event["data"]["product"]["id"]
    response = await client.get(f"/api/catalog/products/{product_id}")
    checker.check("retrieve_product", response)
    variant_id = response.json()["product"]["variants"][0]["id"]
    variant = (await client.get(f"/api/catalog/variants/{variant_id}")).json()["variant"]
    assert variant["product"]["id"] == product_id


async def test_a_date_of_birth_is_checked_against_sandbox_time_not_the_host_clock() -> None:
    sandbox = Sandbox(clock=FakeTime(4_102_444_800.0), patients=5)  # 2100-01-01T00:00:00Z
    body = {"email": "born@example.com", "first_name": "F", "last_name": "T"}
    async with sandbox.client("us", token=sandbox.issue_token("us")) as client:
        born = await client.post(
            "/api/clinic/patients", json={**body, "date_of_birth": "2090-06-01"}
        )
        unborn = await client.post(
            "/api/clinic/patients",
            json={**body, "email": "unborn@example.com", "date_of_birth": "2100-01-02"},
        )
    assert born.status_code == 201 and born.json()["patient"]["date_of_birth"] == "2090-06-01"
    assert unborn.status_code == 422 and "date_of_birth" in unborn.json()["errors"]


def test_records_names_the_tables_when_asked_for_an_unknown_one(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match=r"unknown table 'patient'; use one of .*patients"):
        sandbox.records("us", "patient")
    with pytest.raises(ValueError, match="unknown region 'mars'"):
        sandbox.records("mars", "patients")
