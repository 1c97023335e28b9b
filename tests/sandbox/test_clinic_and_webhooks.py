"""Clinic-side actions create events; events are delivered as signed webhooks and recorded."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fullscript import webhooks
from fullscript.sandbox import DEFAULT_WEBHOOK_CHALLENGE, Sandbox
from fullscript.webhooks import WebhookSignatureError, verify_signature

from .conftest import CONTROL, FakeTime, SpecChecker

SECRET = "whsec-test-only"


class Receiver:
    """A webhook endpoint in a Starlette app: verifies signatures, answers the challenge."""

    def __init__(self, sandbox: Sandbox, statuses: list[int] | None = None) -> None:
        self.sandbox = sandbox
        self.statuses = list(statuses or [])
        self.events: list[dict[str, Any]] = []
        self.raw: list[tuple[bytes, str]] = []  # (body as received, Fullscript-Signature)
        self.bad_signatures = 0
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        self.raw.append((body, request.headers["fullscript-signature"]))
        try:
            verify_signature(
                body, request.headers["fullscript-signature"], SECRET, now=self.sandbox.now()
            )
        except WebhookSignatureError:
            self.bad_signatures += 1
            return Response(status_code=400)
        status = self.statuses.pop(0) if self.statuses else 200
        if status != 200:
            return Response(status_code=status)
        self.events.append(json.loads(body)["event"])
        return JSONResponse({"challenge": DEFAULT_WEBHOOK_CHALLENGE})


@pytest.fixture
def receiver(sandbox: Sandbox) -> Receiver:
    receiver = Receiver(sandbox)
    sandbox.configure_webhooks(
        url="https://receiver.example/hooks",
        secret=SECRET,
        transport=httpx2.ASGITransport(app=receiver.app),
    )
    return receiver


# Every event list of the spec (``/events/<category>``), as reconciliation walks them.
EVENT_LISTS = tuple(webhooks.EVENT_LISTS)


async def _event_counts(client: httpx2.AsyncClient) -> dict[str, int]:
    return {
        name: (await client.get(f"/api/events/{name}")).json()["meta"]["total_count"]
        for name in EVENT_LISTS
    }


async def test_api_actions_never_create_events(
    sandbox: Sandbox, receiver: Receiver, client: httpx2.AsyncClient
) -> None:
    before = await _event_counts(client)
    stored_before = len(sandbox.records("us", "events"))
    created = await client.post(
        "/api/clinic/patients",
        json={"email": "api@example.com", "first_name": "A", "last_name": "P"},
    )
    patient_id = created.json()["patient"]["id"]
    variant = next(v for v in sandbox.records("us", "variants") if v["status"] == "available")
    writes = [
        created,
        await client.patch(f"/api/clinic/patients/{patient_id}", json={"last_name": "Q"}),
        plan := await client.post(
            f"/api/clinic/patients/{patient_id}/treatment_plans",
            json={
                "recommendations": [{"variant_id": variant["id"], "units_to_purchase": 1}],
                "state": "draft",
            },
        ),
        await client.patch(
            f"/api/clinic/treatment_plans/{plan.json()['treatment_plan']['id']}/activate"
        ),
        await client.post(
            f"/api/clinic/treatment_plans/{plan.json()['treatment_plan']['id']}/in_office_checkout"
        ),
        await client.patch(
            f"/api/clinic/staff/{sandbox.records('us', 'staff')[0]['id']}", json={"first_name": "Z"}
        ),
    ]
    assert [w.status_code for w in writes] == [201, 200, 201, 200, 201, 200]
    assert await _event_counts(client) == before
    assert len(sandbox.records("us", "events")) == stored_before
    assert await sandbox.deliver_webhooks() == [] and receiver.raw == []


async def test_a_clinic_action_creates_an_event_readable_through_the_api(
    sandbox: Sandbox, client: httpx2.AsyncClient, checker: SpecChecker
) -> None:
    event = sandbox.clinic("us").create_patient(
        email="ui@example.com", first_name="Ui", last_name="Made"
    )
    assert event["type"] == "patient.created"
    listed = await client.get("/api/events/patients", params={"event_type": "patient.created",
                                                                "sort_by": "created_at",
                                                                "order_by": "DESC"})  # fmt: skip
    assert listed.json()["events"][0]["id"] == event["id"]
    retrieved = await client.get(f"/api/events/{event['id']}")
    checker.check("retrieve_event", retrieved)
    assert retrieved.json()["event"]["data"]["patient"]["email"] == "ui@example.com"


async def test_event_lists_carry_no_data_like_fullscripts_2021_examples(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    # All five list examples of the 2021 spec show id, type, created_at (and clinic_id) only;
    # `data` comes with GET /events/{id}.
    sandbox.clinic("us").create_patient(email="list@example.com", first_name="L", last_name="S")
    for category in ("patients", "orders", "treatment_plans", "lab_orders", "products"):
        listed = (await client.get(f"/api/events/{category}")).json()["events"]
        assert listed, f"the seed has no {category} events"
        assert all("data" not in entry for entry in listed), category
        one = (await client.get(f"/api/events/{listed[0]['id']}")).json()["event"]
        assert isinstance(one["data"], dict)


def _first_id(sandbox: Sandbox, table: str, **where: Any) -> str:
    return str(
        next(r for r in sandbox.records("us", table) if all(r[k] == v for k, v in where.items()))[
            "id"
        ]
    )


# event type -> (clinic action, its arguments)
CLINIC_CHANGES: dict[str, tuple[str, Any]] = {
    "patient.created": ("create_patient", lambda s: {"email": "c@example.com", "first_name": "C",
                                                     "last_name": "P"}),
    "patient.updated": ("update_patient", lambda s: {"patient_id": _first_id(s, "patients"),
                                                     "last_name": "U"}),
    "patient.emancipated": ("emancipate_patient", lambda s: {
        "patient_id": _first_id(s, "patients", is_dependent=True)}),
    "treatment_plan.created": ("create_treatment_plan", lambda s: {
        "patient_id": _first_id(s, "patients")}),
    "treatment_plan.updated": ("update_treatment_plan", lambda s: {
        "plan_id": _first_id(s, "treatment_plans", state="active"), "personal_message": "Hi"}),
    "treatment_plan.recommendation.updated": ("update_recommendation", lambda s: {
        "plan_id": _first_id(s, "treatment_plans", state="active"), "units_to_purchase": 3}),
    "order.placed": ("place_order", lambda s: {"patient_id": _first_id(s, "patients")}),
    "lab_order.updated": ("update_lab_order", lambda s: {
        "lab_order_id": _first_id(s, "lab_orders"), "status": "results_ready"}),
    "product.created": ("create_product", lambda s: {"name": "Clinic Formula"}),
    "product.updated": ("update_product", lambda s: {"product_id": _first_id(s, "products"),
                                                     "name": "Renamed Formula"}),
    "product.description.updated": ("update_product_description", lambda s: {
        "product_id": _first_id(s, "products"), "description_html": "<p>New</p>"}),
    "clinic_key.activated": ("activate_clinic_key", lambda s: {}),
    "clinic_key.revoked": ("revoke_clinic_key", lambda s: {}),
}  # fmt: skip


def test_every_documented_event_type_comes_from_a_clinic_change(checker: SpecChecker) -> None:
    documented = {
        event_type
        for _, _, operation in checker.operations.values()
        for parameter in operation.get("parameters", [])
        if parameter.get("name") == "event_type"
        for event_type in parameter["schema"]["enum"]
    }
    assert set(CLINIC_CHANGES) == documented


@pytest.mark.parametrize("event_type", sorted(CLINIC_CHANGES))
async def test_each_clinic_change_creates_its_event_in_its_list(
    sandbox: Sandbox, event_type: str, checker: SpecChecker
) -> None:
    action, arguments = CLINIC_CHANGES[event_type]
    event = getattr(sandbox.clinic("us"), action)(**arguments(sandbox))
    assert event["type"] == event_type
    prefix = event_type.split(".")[0]  # patient.updated -> /events/patients, list_patient_events
    category = f"{prefix}s"
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        listed = await http.get(
            f"/api/events/{category}", params={"event_type": event_type, "order_by": "DESC"}
        )
    checker.check(f"list_{prefix}_events", listed)
    assert listed.json()["events"][0]["id"] == event["id"]


async def test_revoking_the_clinic_key_kills_the_regions_tokens(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    sandbox.clinic("us").revoke_clinic_key()
    assert (await client.get("/api/clinic")).status_code == 401


async def test_events_are_delivered_signed_and_recorded(
    sandbox: Sandbox, receiver: Receiver, client: httpx2.AsyncClient, checker: SpecChecker
) -> None:
    patient = sandbox.records("us", "patients")[5]
    event = sandbox.clinic("us").update_patient(patient["id"], last_name="Changed")
    deliveries = await sandbox.deliver_webhooks()
    assert receiver.bad_signatures == 0
    assert [e["id"] for e in receiver.events] == [event["id"]]
    # The documented scheme, computed here independently of fullscript.webhooks.
    ((body, header),) = receiver.raw
    parts = dict(part.split("=", 1) for part in header.split(","))
    assert set(parts) == {"t", "v1"} and parts["t"] == str(int(sandbox.now()))
    message = parts["t"].encode() + b"." + body
    assert parts["v1"] == hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    assert deliveries[0]["successfully_delivered"] is True
    listed = await client.get("/api/webhooks/deliveries", params={"event_id": event["id"]})
    checker.check("list_webhook_deliveries", listed)
    assert [d["id"] for d in listed.json()["webhook_deliveries"]] == [deliveries[0]["id"]]


async def test_a_failed_delivery_is_retried_with_backoff(
    sandbox: Sandbox, fake_time: FakeTime
) -> None:
    receiver = Receiver(sandbox, statuses=[500, 503])
    sandbox.configure_webhooks(
        url="https://receiver.example/hooks", secret=SECRET,
        transport=httpx2.ASGITransport(app=receiver.app),
    )  # fmt: skip
    sandbox.clinic("us").place_order(sandbox.records("us", "patients")[0]["id"])
    first = await sandbox.deliver_webhooks()
    assert first[0]["successfully_delivered"] is False and first[0]["next_attempt_at"]
    assert await sandbox.deliver_webhooks() == []  # not due yet
    fake_time.value += 60
    second = await sandbox.deliver_webhooks()
    fake_time.value += 120
    third = await sandbox.deliver_webhooks()
    assert [second[0]["attempt_number"], third[0]["attempt_number"]] == [2, 3]
    assert third[0]["successfully_delivered"] is True
    assert third[0]["previous_attempt_at"] == second[0]["attempted_at"]
    assert len(receiver.events) == 1


async def test_a_wrong_challenge_answer_counts_as_a_failure(sandbox: Sandbox) -> None:
    async def hook(request: Request) -> Response:
        return JSONResponse({"challenge": "something else"})

    app = Starlette(routes=[Route("/hooks", hook, methods=["POST"])])
    sandbox.configure_webhooks(url="http://r/hooks", transport=httpx2.ASGITransport(app=app))
    sandbox.clinic("us").activate_clinic_key()
    (delivery,) = await sandbox.deliver_webhooks()
    assert delivery["successfully_delivered"] is False
    assert "challenge" in delivery["response_errors"]


async def test_a_410_disables_the_endpoint(sandbox: Sandbox) -> None:
    receiver = Receiver(sandbox, statuses=[410])
    sandbox.configure_webhooks(
        url="http://r/hooks", secret=SECRET, transport=httpx2.ASGITransport(app=receiver.app)
    )
    clinic = sandbox.clinic("us")
    clinic.activate_clinic_key()
    clinic.activate_clinic_key()
    deliveries = await sandbox.deliver_webhooks()
    assert len(deliveries) == 1 and deliveries[0]["response_status"] == 410
    assert sandbox.webhooks.disabled


async def test_clinic_actions_over_http_deliver_at_once(
    sandbox: Sandbox, receiver: Receiver, client: httpx2.AsyncClient
) -> None:
    patient = sandbox.records("us", "patients")[0]
    response = await client.post(
        f"{CONTROL}/us/clinic/update_patient",
        json={"patient_id": patient["id"], "first_name": "Http"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["event"]["type"] == "patient.updated"
    assert body["webhook_deliveries"][0]["successfully_delivered"] is True
    assert receiver.events[0]["data"]["patient"]["first_name"] == "Http"


async def test_unknown_clinic_actions_and_regions_answer_404(client: httpx2.AsyncClient) -> None:
    assert (await client.post(f"{CONTROL}/us/clinic/launch_rockets")).status_code == 404
    assert (await client.post(f"{CONTROL}/mars/clinic/activate_clinic_key")).status_code == 404


async def test_invalid_clinic_action_input_answers_422(client: httpx2.AsyncClient) -> None:
    response = await client.post(f"{CONTROL}/us/clinic/create_patient", json={"email": "x"})
    assert response.status_code == 422 and "email" in response.json()["errors"]


async def test_control_surface_issues_tokens_and_moves_time(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    issued = await client.post(f"{CONTROL}/ca/tokens", json={"scopes": ["catalog:read"]})
    oauth = issued.json()["oauth"]
    assert oauth["scope"] == "catalog:read"
    moved = await client.post(f"{CONTROL}/time/advance", json={"seconds": 7200})
    assert moved.json()["now"] == sandbox.now()
    async with sandbox.client("ca", token=oauth["access_token"]) as ca:
        assert (await ca.get("/api/catalog/brands")).status_code == 401


async def test_reset_forgets_changes_and_tokens(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    await client.post(
        "/api/clinic/patients",
        json={"email": "gone@example.com", "first_name": "G", "last_name": "O"},
    )
    assert (await client.post(f"{CONTROL}/reset")).status_code == 204
    assert (await client.get("/api/clinic")).status_code == 401
    async with sandbox.client("us", token=sandbox.issue_token("us")) as fresh:
        body = (await fresh.get("/api/clinic/search/patients", params={"query": "gone@"})).json()
    assert body["meta"]["total_count"] == 0


@pytest.mark.parametrize(
    ("path", "body", "reason"),
    [
        ("/time/advance", '{"seconds": Infinity}', "year 9999"),
        ("/time/advance", '{"seconds": 1e300}', "year 9999"),
        ("/webhooks", '{"url": 5}', "http(s) URL"),
        ("/webhooks", '{"url": "ftp://receiver.example/hooks"}', "http(s) URL"),
        ("/webhooks", '{"secret": 12345}', "non-empty string"),
        ("/webhooks", '{"secret": ""}', "non-empty string"),
        ("/webhooks", '{"challenge": ["x"]}', "challenge"),
        ("/us/tokens", '{"scopes": "clinic:read"}', "not the string 'clinic:read'"),
    ],
)
async def test_bad_control_settings_are_refused_and_the_sandbox_keeps_working(
    sandbox: Sandbox, client: httpx2.AsyncClient, path: str, body: str, reason: str
) -> None:
    before = sandbox.now()
    refused = await client.post(f"{CONTROL}{path}", content=body)
    assert refused.status_code == 422 and reason in refused.json()["error"]
    assert sandbox.now() == before and sandbox.webhooks.url is None
    assert (await client.get("/api/clinic")).status_code == 200
    acted = await client.post(f"{CONTROL}/us/clinic/activate_clinic_key")
    assert acted.status_code == 201


def test_the_python_helpers_refuse_the_same_bad_settings(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="year 9999"):
        sandbox.advance_time(float("inf"))
    with pytest.raises(ValueError, match="http\\(s\\) URL"):
        sandbox.configure_webhooks(url="receiver.example/hooks")
    with pytest.raises(ValueError, match="non-empty string") as caught:
        Sandbox(webhook_secret="")
    assert "secret must" in str(caught.value)
    with pytest.raises(ValueError, match="list of scope names"):
        sandbox.issue_token(scopes="clinic:read")


async def test_a_default_variant_that_no_longer_exists_is_a_422_not_a_crash(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    for variant in sandbox.records("us", "variants"):
        if variant["status"] == "available":
            sandbox.clinic("us").discontinue_variant(variant["id"])
    patient_id = sandbox.records("us", "patients")[0]["id"]
    for action in ("place_order", "create_treatment_plan"):
        answer = await client.post(f"{CONTROL}/us/clinic/{action}", json={"patient_id": patient_id})
        assert answer.status_code == 422 and "variant_id" in answer.json()["errors"]
