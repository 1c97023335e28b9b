"""unwrap(): from a raw delivery to a typed event, and every way a delivery can be refused."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from fullscript_api.models import LabOrder, Order, Patient, Product, Recommendation, TreatmentPlan
from webhook_support import CHALLENGE, OLD_SECRET, SECRET, START, delivery, one_event_of_each_type

from fullscript.sandbox import Sandbox
from fullscript.webhooks import (
    EVENT_CLASSES,
    EVENT_TYPES,
    SIGNATURE_HEADER,
    ClinicKeyRevoked,
    LabOrderUpdated,
    OrderPlaced,
    PatientUpdated,
    ProductDescriptionUpdated,
    TreatmentPlanRecommendationUpdated,
    TypedEvent,
    UnknownEvent,
    WebhookPayloadError,
    WebhookSignatureError,
    challenge_response,
    sign_payload,
    unwrap,
)

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


def at(moment: float) -> Any:
    return lambda: moment


def test_the_typed_events_are_the_event_types_the_spec_lists() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    listed = {
        value
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for parameter in operation.get("parameters") or []
        if parameter.get("name") == "event_type"
        for value in parameter["schema"]["enum"]
    }

    assert listed
    assert set(EVENT_TYPES) == listed, (
        f"the spec lists event types {sorted(listed - set(EVENT_TYPES))} the SDK does not type, "
        f"and the SDK types {sorted(set(EVENT_TYPES) - listed)} the spec no longer lists: add or "
        "remove a class (and its data parser) in src/fullscript/webhooks/events.py"
    )


def test_every_event_type_unwraps_into_its_class_with_data_in_sdk_models(
    sandbox: Sandbox,
) -> None:
    events = one_event_of_each_type(sandbox)
    assert sorted(e["type"] for e in events) == sorted(EVENT_TYPES)
    models = {
        "patient": Patient,
        "treatment_plan": TreatmentPlan,
        "order": Order,
        "lab_order": LabOrder,
        "product": Product,
    }
    for raw in events:
        body, headers = delivery(raw)
        event = unwrap(body, headers, [SECRET], clock=at(START))
        assert type(event) is EVENT_CLASSES[raw["type"]]
        assert isinstance(event, TypedEvent)
        assert (event.id, event.type, event.clinic_id) == (raw["id"], raw["type"], raw["clinic_id"])
        assert event.integration_id == raw["integration_id"]
        assert event.created_at is not None and event.created_at.tzinfo is not None
        assert event.payload == raw
        for key, model in models.items():
            if key in raw["data"]:
                parsed = getattr(event.data, key)
                assert isinstance(parsed, model)
                assert parsed.id == raw["data"][key]["id"]


def test_typed_data_carries_the_fields_that_changed(sandbox: Sandbox) -> None:
    by_type = {e["type"]: e for e in one_event_of_each_type(sandbox)}

    def typed(event_type: str) -> Any:
        body, headers = delivery(by_type[event_type])
        return unwrap(body, headers, SECRET, clock=at(START))

    updated = typed("patient.updated")
    assert isinstance(updated, PatientUpdated)
    assert updated.data.patient.last_name == "Hooked"
    item = typed("treatment_plan.recommendation.updated")
    assert isinstance(item, TreatmentPlanRecommendationUpdated)
    assert isinstance(item.data.recommendation, Recommendation)
    assert item.data.recommendation.units_to_purchase == 2
    order = typed("order.placed")
    assert isinstance(order, OrderPlaced) and order.data.order.line_items
    lab = typed("lab_order.updated")
    assert isinstance(lab, LabOrderUpdated) and str(lab.data.lab_order.status) == "processing"
    description = typed("product.description.updated")
    assert isinstance(description, ProductDescriptionUpdated)
    assert description.data.product.description_html == "<p>New</p>"
    revoked = typed("clinic_key.revoked")
    assert isinstance(revoked, ClinicKeyRevoked)
    assert revoked.data.clinic_id == by_type["clinic_key.revoked"]["clinic_id"]


def test_the_flat_and_the_wrapped_forms_give_the_same_event(sandbox: Sandbox) -> None:
    raw = one_event_of_each_type(sandbox)[1]
    flat = unwrap(*delivery(raw, wrapped=False), SECRET, clock=at(START))
    wrapped = unwrap(*delivery(raw, wrapped=True), SECRET, clock=at(START))
    assert flat == wrapped and type(flat) is type(wrapped)


def test_an_unknown_type_keeps_its_raw_payload() -> None:
    raw = {"id": "ev-1", "type": "patient.teleported", "data": {"where": "moon"}}
    event = unwrap(*delivery(raw), SECRET, clock=at(START))
    assert isinstance(event, UnknownEvent)
    assert event.type == "patient.teleported"
    assert event.data == {"where": "moon"}
    assert event.payload == raw
    assert "unknown event type" in event.reason


def test_a_documented_type_with_data_of_another_shape_is_kept_as_unknown() -> None:
    raw = {"id": "ev-2", "type": "patient.updated", "data": {"person": {"id": "p"}}}
    event = unwrap(*delivery(raw), SECRET, clock=at(START))
    assert isinstance(event, UnknownEvent)
    assert event.data == {"person": {"id": "p"}}
    assert "patient.updated" in event.reason and "patient" in event.reason


def test_rotation_accepts_either_listed_secret_and_refuses_a_retired_one() -> None:
    raw = {"id": "ev-3", "type": "product.created", "data": {"product": {"id": "x"}}}
    for secret in (SECRET, OLD_SECRET):
        body, headers = delivery(raw, secret=secret)
        assert unwrap(body, headers, [SECRET, OLD_SECRET], clock=at(START)).id == "ev-3"
    body, headers = delivery(raw, secret=OLD_SECRET)
    with pytest.raises(WebhookSignatureError, match="does not match"):
        unwrap(body, headers, [SECRET], clock=at(START))


@pytest.mark.parametrize("offset", [-301, 301, -86400, 86400])
def test_stale_and_future_timestamps_are_refused(offset: float) -> None:
    body, headers = delivery({"id": "ev-4", "type": "x"}, at=START + offset)
    with pytest.raises(WebhookSignatureError, match="tolerance"):
        unwrap(body, headers, SECRET, clock=at(START))


def test_the_tolerance_is_configurable_against_an_injected_clock() -> None:
    body, headers = delivery({"id": "ev-5", "type": "x"}, at=START)
    assert unwrap(body, headers, SECRET, clock=at(START + 299)).id == "ev-5"
    assert unwrap(body, headers, SECRET, tolerance=3600, clock=at(START + 3599)).id == "ev-5"
    with pytest.raises(WebhookSignatureError, match="3600 s tolerance"):
        unwrap(body, headers, SECRET, tolerance=3600, clock=at(START + 3601))


def test_header_names_are_matched_ignoring_case() -> None:
    body, headers = delivery({"id": "ev-6", "type": "x"})
    lowered = {name.lower(): value for name, value in headers.items()}
    assert unwrap(body, lowered, SECRET, clock=at(START)).id == "ev-6"


BODY, HEADERS = delivery({"id": "ev-7", "type": "patient.updated", "data": {}})


@pytest.mark.parametrize(
    ("body", "headers", "secrets", "tolerance", "reason"),
    [
        (BODY.decode(), HEADERS, SECRET, 300, "raw request bytes, got str"),
        (BODY, {SIGNATURE_HEADER: HEADERS[SIGNATURE_HEADER].encode()}, SECRET, 300, "got bytes"),
        (BODY, HEADERS, SECRET.encode(), 300, "secret must be str, got bytes"),
        (BODY, HEADERS, [SECRET, SECRET.encode()], 300, "secret #2 must be str"),
        (BODY, HEADERS, [], 300, "no webhook secret"),
        (BODY, HEADERS, "", 300, "no webhook secret"),
        (BODY, HEADERS, SECRET, math.nan, "finite"),
        (BODY, HEADERS, SECRET, math.inf, "finite"),
        (BODY, HEADERS, SECRET, -1, ">= 0"),
        (BODY, HEADERS, SECRET, "300", "number of seconds"),
        (BODY, {}, SECRET, 300, "missing Fullscript-Signature"),
        (BODY, [("Fullscript-Signature", "t=1")], SECRET, 300, "mapping"),
    ],
)
def test_unusable_input_is_a_clear_signature_error_that_never_shows_the_secret(
    body: Any, headers: Any, secrets: Any, tolerance: Any, reason: str
) -> None:
    with pytest.raises(WebhookSignatureError, match=reason) as caught:
        unwrap(body, headers, secrets, tolerance=tolerance, clock=at(START))
    assert SECRET not in str(caught.value)


def test_nan_tolerance_no_longer_accepts_a_replay_from_last_year() -> None:
    body, headers = delivery({"id": "ev-8", "type": "x"}, at=START - 365 * 86400)
    with pytest.raises(WebhookSignatureError):
        unwrap(body, headers, SECRET, tolerance=math.nan, clock=at(START))


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"type": "patient.updated"}', "no id"),
        (b'{"event": {"type": "x"}}', "no id"),
        (b"[" * 100_000, "not JSON"),
        (b"", "empty"),
        (b"  \n", "empty"),
    ],
)
def test_a_genuine_body_that_is_not_an_event_is_a_payload_error(body: bytes, reason: str) -> None:
    headers = {SIGNATURE_HEADER: sign_payload(SECRET, body, int(START))}
    with pytest.raises(WebhookPayloadError, match=reason):
        unwrap(body, headers, SECRET, clock=at(START))


def test_the_challenge_answer_echoes_the_dashboard_token() -> None:
    assert challenge_response(CHALLENGE) == {"challenge": CHALLENGE}
    assert json.loads(json.dumps(challenge_response(CHALLENGE)))["challenge"] == CHALLENGE
    with pytest.raises(TypeError):
        challenge_response(None)  # type: ignore[arg-type]


REFERENCE_SPEC = Path(__file__).resolve().parents[3] / "shared" / "reference"
REFERENCE_SPEC = REFERENCE_SPEC / "fullscript-openapi-2021.json"


def _reference_event_example() -> dict[str, Any]:
    if not REFERENCE_SPEC.is_file():
        pytest.skip(f"{REFERENCE_SPEC} (Fullscript's 2021 spec, read at test time) is absent")
    reference = json.loads(REFERENCE_SPEC.read_text(encoding="utf-8"))
    item = next(v for p, v in reference["paths"].items() if p.endswith("/events/{id}"))
    example: dict[str, Any] = item["get"]["responses"]["200"]["content"]["application/json"][
        "example"
    ]["event"]
    return example


def test_fullscripts_2021_treatment_plan_event_reads_its_recommended_dosage_keys() -> None:
    example = _reference_event_example()
    dosage = example["data"]["treatment_plan"]["recommendations"][0]["dosage"]
    assert "recommended_amount" in dosage, "the 2021 example names recommended_* dosage keys"
    event = unwrap(*delivery(example), SECRET, clock=at(START))
    assert isinstance(event, TypedEvent), getattr(event, "reason", "")
    parsed = event.data.treatment_plan.recommendations[0].dosage
    assert (parsed.amount, parsed.frequency) == (
        dosage["recommended_amount"],
        dosage["recommended_frequency"],
    )


def test_sandbox_plan_events_name_dosage_keys_like_fullscript_and_both_forms_parse(
    sandbox: Sandbox,
) -> None:
    by_type = {e["type"]: e for e in one_event_of_each_type(sandbox)}
    raw = by_type["treatment_plan.created"]
    dosage = raw["data"]["treatment_plan"]["recommendations"][0]["dosage"]
    assert {"recommended_amount", "recommended_frequency", "recommended_duration"} <= set(dosage)
    assert not {"amount", "frequency", "duration"} & set(dosage)
    event = unwrap(*delivery(raw), SECRET, clock=at(START))
    assert isinstance(event, TypedEvent)
    assert (
        event.data.treatment_plan.recommendations[0].dosage.amount == dosage["recommended_amount"]
    )
    # The plan endpoints' form (amount, frequency, duration) reads the same.
    plan_form = {"amount" if k == "recommended_amount" else k: v for k, v in dosage.items()}
    raw_plan_form = json.loads(json.dumps(raw))
    raw_plan_form["data"]["treatment_plan"]["recommendations"][0]["dosage"] = plan_form
    again = unwrap(*delivery(raw_plan_form), SECRET, clock=at(START))
    assert isinstance(again, TypedEvent)
    assert (
        again.data.treatment_plan.recommendations[0].dosage.amount == dosage["recommended_amount"]
    )
