"""Fault injection: 5xx, 429 bursts, latency, dropped connections, malformed bodies."""

from __future__ import annotations

import json

import httpx2
import pytest

from fullscript.sandbox import FaultRule, IssuedToken, Sandbox

from .conftest import CONTROL, FakeTime


async def test_an_error_fault_answers_its_status_for_matching_operations(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    rule = sandbox.faults.error(502, operation_id="list_patients")
    failed = await client.get("/api/clinic/patients")
    other = await client.get("/api/clinic")
    assert failed.status_code == 502 and failed.headers["x-request-id"]
    assert other.status_code == 200
    assert rule.fired == 1


async def test_faults_match_method_and_path_pattern(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    rule = sandbox.faults.error(500, method="POST", path="/api/clinic/patients*")
    assert (await client.get("/api/clinic/patients")).status_code == 200
    person = {"email": "a@b.co", "first_name": "A", "last_name": "B"}
    other_path = await client.post("/api/clinic/staff", json=person)
    response = await client.post("/api/clinic/patients", json=person)
    nested = await client.post(f"/api/clinic/patients/{_patient(sandbox)}/treatment_plans")
    assert other_path.status_code == 201
    assert (response.status_code, nested.status_code) == (500, 500)
    assert rule.fired == 2


async def test_faults_match_region(sandbox: Sandbox, client: httpx2.AsyncClient) -> None:
    sandbox.faults.error(503, region="ca")
    async with sandbox.client("ca", token=sandbox.issue_token("ca")) as ca:
        assert (await ca.get("/api/clinic")).status_code == 503
    assert (await client.get("/api/clinic")).status_code == 200


def _patient(sandbox: Sandbox) -> str:
    return str(sandbox.records("us", "patients")[0]["id"])


async def test_times_and_skip_make_a_burst_at_a_chosen_point(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    sandbox.faults.rate_limit(retry_after=7, times=2, skip=1)
    statuses = [(await client.get("/api/clinic")).status_code for _ in range(4)]
    assert statuses == [200, 429, 429, 200]
    limited = await client.get("/api/clinic")
    assert limited.status_code == 200


async def test_a_rate_limit_fault_carries_retry_after(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    sandbox.faults.rate_limit(retry_after=7, times=1)
    response = await client.get("/api/clinic")
    assert response.status_code == 429 and response.headers["retry-after"] == "7"


async def test_a_dropped_connection_surfaces_as_an_httpx_transport_error(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    sandbox.faults.drop(operation_id="retrieve_clinic", times=1)
    with pytest.raises(httpx2.RemoteProtocolError):
        await client.get("/api/clinic")
    assert (await client.get("/api/clinic")).status_code == 200


async def test_a_malformed_body_still_changes_state(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    sandbox.faults.malformed(operation_id="create_patient", times=1)
    response = await client.post(
        "/api/clinic/patients", json={"email": "m@b.co", "first_name": "M", "last_name": "B"}
    )
    assert response.status_code == 201
    with pytest.raises(json.JSONDecodeError):
        response.json()
    found = await client.get("/api/clinic/search/patients", params={"query": "m@b.co"})
    assert found.json()["meta"]["total_count"] == 1


async def test_latency_delays_the_answer(sandbox: Sandbox, client: httpx2.AsyncClient) -> None:
    rule = sandbox.faults.latency(0.01, operation_id="retrieve_clinic")
    assert (await client.get("/api/clinic")).status_code == 200
    assert rule.fired == 1


async def test_latency_can_trip_a_client_timeout(sandbox: Sandbox, token: IssuedToken) -> None:
    sandbox.faults.latency(5, operation_id="retrieve_clinic")
    async with sandbox.client("us", token=token, timeout=0.05) as http:
        with pytest.raises(httpx2.TimeoutException):
            await http.get("/api/clinic")


async def _statuses(sandbox: Sandbox, requests: int = 40) -> list[int]:
    """Status codes of ``requests`` calls under a global 50% fault, added over HTTP."""
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        added = await http.post(
            f"{CONTROL}/faults", json={"kind": "error", "status": 503, "probability": 0.5}
        )
        assert added.status_code == 201
        statuses = [(await http.get("/api/clinic")).status_code for _ in range(requests)]
    return statuses


async def test_probabilistic_faults_are_reproducible_by_seed(fake_time: FakeTime) -> None:
    first = await _statuses(Sandbox(seed=1, clock=fake_time))
    again = await _statuses(Sandbox(seed=1, clock=fake_time))
    other = await _statuses(Sandbox(seed=2, clock=fake_time))
    assert first == again
    assert first != other
    assert 0 < first.count(503) < 40 and set(first) == {200, 503}


async def test_clearing_faults_restarts_the_seeded_sequence(fake_time: FakeTime) -> None:
    sandbox = Sandbox(seed=1, clock=fake_time)
    first = await _statuses(sandbox, 20)
    sandbox.faults.clear()
    assert await _statuses(sandbox, 20) == first


async def test_faults_can_be_managed_over_http(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    added = await client.post(
        f"{CONTROL}/faults", json={"kind": "error", "status": 504, "path": "/api/clinic"}
    )
    assert added.status_code == 201
    assert (await client.get("/api/clinic")).status_code == 504
    listed = await client.get(f"{CONTROL}/faults")
    assert listed.json()["faults"][0]["fired"] == 1
    assert (await client.delete(f"{CONTROL}/faults")).status_code == 204
    assert (await client.get("/api/clinic")).status_code == 200


async def test_unknown_fault_options_are_refused(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError):
        sandbox.faults.add("error", colour="red")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        FaultRule("explode")  # type: ignore[arg-type]


async def test_a_removed_rule_stops_firing(sandbox: Sandbox, client: httpx2.AsyncClient) -> None:
    kept = sandbox.faults.error(500, operation_id="list_staff")
    removed = sandbox.faults.error(503, operation_id="retrieve_clinic")
    sandbox.faults.remove(removed)
    assert (await client.get("/api/clinic")).status_code == 200
    assert (await client.get("/api/clinic/staff")).status_code == 500
    assert sandbox.faults.rules == [kept] and removed.fired == 0


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"kind": "error", "status": 999}, "status"),
        ({"kind": "error", "status": 200}, "status"),
        ({"kind": "latency", "latency": "slow"}, "latency"),
        ({"kind": "latency", "latency": -1}, "latency"),
        ({"kind": "error", "times": "twice"}, "times"),
        ({"kind": "error", "skip": None}, "skip"),
        ({"kind": "error", "probability": "half"}, "probability"),
        ({"kind": "rate_limit", "retry_after": 1.5}, "retry_after"),
        ({"kind": "error", "method": 5}, "method"),
        ({"kind": "error", "path": ["/api"]}, "path"),
    ],
)
async def test_a_fault_with_a_bad_option_is_refused_and_never_breaks_later_calls(
    sandbox: Sandbox, client: httpx2.AsyncClient, options: dict[str, object], named: str
) -> None:
    refused = await client.post(f"{CONTROL}/faults", json=options)
    assert refused.status_code == 422 and named in refused.json()["error"]
    kind = options.pop("kind")
    with pytest.raises(ValueError, match=named):
        sandbox.faults.add(kind, **options)  # type: ignore[arg-type]
    assert sandbox.faults.rules == []
    assert (await client.get("/api/clinic")).status_code == 200


async def test_an_unlisted_value_fault_answers_a_value_the_spec_does_not_list(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    from fullscript.spec import response_enum

    listed = response_enum("list_lab_orders", "status")
    rule = sandbox.faults.unlisted_value("status", operation_id="list_lab_orders", times=1)

    spoiled = (await client.get("/api/clinic/labs/orders")).json()["lab_orders"]
    plain = (await client.get("/api/clinic/labs/orders")).json()["lab_orders"]

    assert listed and rule.fired == 1
    assert {order["status"] for order in spoiled} == {f"{listed[0]}_unlisted"}
    assert all(order["status"] in listed for order in plain)


def test_an_unlisted_value_fault_needs_the_field_to_change(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="field="):
        sandbox.faults.add("unlisted_value")
