"""Named fault presets, each seen through the SDK the way a user's code meets it.

The presets are applied by ``@pytest.mark.fullscript(faults=[...])`` (the plugin's marker), so
these tests also show the marker at work.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fullscript_api.models import PatientCreateRequest, TreatmentPlanState
from fullscript_api.types import set_strict_parsing
from support.sandbox_clients import NO_WAIT_RETRY

from fullscript import (
    APIConnectionError,
    Fullscript,
    GrantRevokedError,
    MalformedResponseError,
    ServerError,
)
from fullscript.pytest_plugin.virtual_time import SandboxTime
from fullscript.pytest_plugin.webhooks import WebhookCapture
from fullscript.sandbox import FAULT_PRESETS, Sandbox
from fullscript.sandbox.faults.presets import WEBHOOK_DELAY
from fullscript.sandbox.web.drift import UNKNOWN_ENUM_VALUE


def no_wait(client: Fullscript) -> Fullscript:
    """The client with the default number of retries, minus the waiting between them."""
    return client.with_options(retry=NO_WAIT_RETRY)


def fired(sandbox: Sandbox) -> int:
    return sum(rule.fired for rule in sandbox.faults.rules)


@pytest.mark.fullscript(faults=["server_errors"], patients=3)
async def test_server_errors_are_retried_through(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    assert len(await no_wait(fullscript_client).patients.list().to_list()) == 3
    assert fired(fullscript_sandbox) == 2


@pytest.mark.fullscript(faults=["server_errors"])
async def test_server_errors_reach_a_client_that_does_not_retry(
    fullscript_client: Fullscript,
) -> None:
    with pytest.raises(ServerError) as raised:
        await fullscript_client.with_options(max_retries=0).clinic.retrieve()
    assert raised.value.status_code == 503


@pytest.mark.fullscript(faults=["rate_limit_burst"], patients=3)
async def test_a_rate_limit_burst_is_waited_out(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    assert len(await no_wait(fullscript_client).patients.list().to_list()) == 3
    [rule] = fullscript_sandbox.faults.rules
    assert (rule.status, rule.fired) == (429, 2)


@pytest.mark.fullscript(faults=["slow_responses"], patients=3)
async def test_slow_responses_arrive_late_but_whole(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    started = time.monotonic()
    assert len(await fullscript_client.patients.list().to_list()) == 3
    [rule] = fullscript_sandbox.faults.rules
    assert rule.fired == 1
    assert time.monotonic() - started >= rule.latency


@pytest.mark.fullscript(faults=["dropped_connections"])
async def test_a_dropped_connection_is_retried_for_a_read(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    assert (await no_wait(fullscript_client).clinic.retrieve()).id
    assert fired(fullscript_sandbox) == 1


@pytest.mark.fullscript(faults=["dropped_connections"])
async def test_a_dropped_connection_surfaces_without_retries(
    fullscript_client: Fullscript,
) -> None:
    with pytest.raises(APIConnectionError):
        await fullscript_client.with_options(max_retries=0).clinic.retrieve()


@pytest.mark.fullscript(faults=["ambiguous_writes"])
async def test_an_ambiguous_write_is_applied_but_unanswered(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    body = PatientCreateRequest(email="ambiguous@example.org", first_name="Am", last_name="Big")
    with pytest.raises(APIConnectionError) as raised:
        await no_wait(fullscript_client).patients.create(body=body)
    assert raised.value.may_have_been_applied
    emails = [patient["email"] for patient in fullscript_sandbox.records("us", "patients")]
    assert emails.count("ambiguous@example.org") == 1


@pytest.mark.fullscript(faults=["malformed_responses"])
async def test_a_malformed_body_is_named_without_retries(fullscript_client: Fullscript) -> None:
    with pytest.raises(MalformedResponseError):
        await fullscript_client.with_options(max_retries=0).clinic.retrieve()


@pytest.mark.fullscript(faults=["malformed_responses"])
async def test_a_malformed_body_is_retried_for_a_read(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    assert (await no_wait(fullscript_client).clinic.retrieve()).id
    assert fired(fullscript_sandbox) == 1


@pytest.mark.fullscript(faults=["webhooks_duplicated"])
async def test_duplicated_webhooks_arrive_twice_with_one_event_id(
    fullscript_webhooks: WebhookCapture, fullscript_sandbox: Sandbox
) -> None:
    fullscript_sandbox.clinic("us").activate_clinic_key()
    deliveries = await fullscript_webhooks.deliver()
    assert len(deliveries) == 2
    assert len({delivery.event_id for delivery in deliveries}) == 1


@pytest.mark.fullscript(faults=["webhooks_reordered"], seed=3)
async def test_reordered_webhooks_arrive_in_another_order(
    fullscript_webhooks: WebhookCapture, fullscript_sandbox: Sandbox
) -> None:
    clinic = fullscript_sandbox.clinic("us")
    emitted = [clinic.activate_clinic_key()["id"] for _ in range(6)]
    delivered = [delivery.event_id for delivery in await fullscript_webhooks.deliver()]
    assert sorted(delivered) == sorted(emitted)
    assert delivered != emitted


def test_every_preset_says_what_it_does() -> None:
    for name, (description, _) in FAULT_PRESETS.items():
        assert name.isidentifier() and description, name


@pytest.mark.fullscript(faults=["token_revoked"])
async def test_a_token_revoked_mid_run_ends_the_grant(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    await fullscript_client.clinic.retrieve()
    await fullscript_client.clinic.retrieve()
    with pytest.raises(GrantRevokedError):
        await fullscript_client.clinic.retrieve()
    assert fired(fullscript_sandbox) == 1


@pytest.mark.fullscript(faults=["refresh_token_reused"])
async def test_a_reused_refresh_token_ends_the_grant(
    fullscript_client: Fullscript, fullscript_time: SandboxTime
) -> None:
    await fullscript_client.clinic.retrieve()
    fullscript_time.advance(7201)  # the access token expires: the next call refreshes
    with pytest.raises(GrantRevokedError):
        await fullscript_client.clinic.retrieve()


@pytest.fixture
def tolerant() -> Iterator[None]:
    """Parse as users do (this suite parses strictly, see tests/conftest.py)."""
    previous = set_strict_parsing(False)
    yield
    set_strict_parsing(previous)


@pytest.mark.fullscript(faults=["drift_unknown_enum"])
async def test_drift_to_an_unknown_enum_value_reads_as_an_unknown_member(
    tolerant: None, fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    plan_id = fullscript_sandbox.records("us", "treatment_plans")[0]["id"]
    plan = await fullscript_client.treatment_plans.retrieve(plan_id)
    assert isinstance(plan.state, TreatmentPlanState) and not plan.state.is_known
    assert plan.state == UNKNOWN_ENUM_VALUE


@pytest.mark.fullscript(faults=["drift_extra_field"], patients=2)
async def test_drift_with_an_extra_field_keeps_it_aside(
    tolerant: None, fullscript_client: Fullscript
) -> None:
    patients = await fullscript_client.patients.list().to_list()
    assert [patient.additional_properties["sandbox_extra_field"] for patient in patients] == [
        "drift",
        "drift",
    ]


@pytest.mark.fullscript(faults=["drift_missing_field"])
async def test_drift_with_a_missing_field_still_parses(
    tolerant: None, fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    patient = fullscript_sandbox.records("us", "patients")[0]
    parsed = await fullscript_client.patients.retrieve(patient["id"])
    assert parsed.id == patient["id"]
    assert "first_name" not in parsed.to_dict()


@pytest.mark.fullscript(faults=["drift_null_field"])
async def test_drift_with_a_null_field_still_parses(
    tolerant: None, fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    patient = fullscript_sandbox.records("us", "patients")[0]
    parsed = await fullscript_client.patients.retrieve(patient["id"])
    assert parsed.id == patient["id"]
    assert parsed.to_dict()["first_name"] is None


@pytest.mark.fullscript(faults=["webhooks_dropped"])
async def test_a_dropped_webhook_is_found_through_the_events_api(
    fullscript_client: Fullscript,
    fullscript_webhooks: WebhookCapture,
    fullscript_sandbox: Sandbox,
) -> None:
    lost = fullscript_sandbox.clinic("us").activate_clinic_key()
    kept = fullscript_sandbox.clinic("us").activate_clinic_key()
    assert [d.event_id for d in await fullscript_webhooks.deliver()] == [kept["id"]]
    listed = [
        event.id for event in await fullscript_client.events.list_clinic_key_events().to_list()
    ]
    assert lost["id"] in listed


@pytest.mark.fullscript(faults=["webhooks_delayed"])
async def test_a_delayed_webhook_arrives_once_time_moves_on(
    fullscript_webhooks: WebhookCapture, fullscript_sandbox: Sandbox, fullscript_time: SandboxTime
) -> None:
    event = fullscript_sandbox.clinic("us").activate_clinic_key()
    assert await fullscript_webhooks.deliver() == []
    fullscript_time.advance(WEBHOOK_DELAY)
    assert [d.event_id for d in await fullscript_webhooks.deliver()] == [event["id"]]
