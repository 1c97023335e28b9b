"""A response that deviates from the spec in one field does not fail the call (tolerant, the
default for users); with strict parsing (our suite's setting) the same deviation raises.

Every test goes through the façade end to end: a `Fullscript` client on the in-process sandbox,
whose real answers `DeviatingTransport` edits on the way back (one field made null, removed,
turned into a string, or given an enum value the spec does not list).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx2
import pytest
from fullscript_api.models import (
    LabOrderStatus,
    LineItemType,
    Patient,
    PatientCreateRequest,
    TreatmentPlanCreateRequest,
    TreatmentPlanCreateRequestState,
    TreatmentPlanState,
)
from fullscript_api.types import (
    DEVIATION_LOGGER,
    STRICT_PARSING_ENV_VAR,
    UNSET,
    OpenStrEnum,
    SpecDeviationError,
    forget_logged_deviations,
    set_strict_parsing,
    strict_parsing_enabled,
)
from support.forwarding_transport import ForwardingTransport

from fullscript import Fullscript
from fullscript.sandbox import Sandbox
from fullscript.spec import response_enum, unlisted_value

from .conftest import make_client

Edit = Callable[[Any], None]


class DeviatingTransport(ForwardingTransport):
    """Passes requests to the sandbox and edits the JSON answers of paths ending in a suffix."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        super().__init__(inner)
        self.edits: list[tuple[str, Edit]] = []

    def edit(self, path_suffix: str, edit: Edit) -> None:
        self.edits.append((path_suffix, edit))

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await super().handle_async_request(request)
        edits = [edit for suffix, edit in self.edits if request.url.path.endswith(suffix)]
        if not edits or response.status_code >= 300:
            return response
        body = json.loads(await response.aread())
        for edit in edits:
            edit(body)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return httpx2.Response(response.status_code, headers=headers, json=body)


@pytest.fixture
def deviating(sandbox: Sandbox) -> DeviatingTransport:
    return DeviatingTransport(sandbox.transport())


@pytest.fixture
async def fs(sandbox: Sandbox, deviating: DeviatingTransport) -> AsyncIterator[Fullscript]:
    async with make_client(sandbox, transport=deviating) as client:
        yield client


@pytest.fixture
def tolerant() -> Iterator[None]:
    """What users get: tolerant parsing (the suite runs strict), with a fresh once-per-field log."""
    previous = set_strict_parsing(False)
    forget_logged_deviations()
    yield
    set_strict_parsing(previous)
    forget_logged_deviations()


def first(sandbox: Sandbox, table: str) -> dict[str, Any]:
    return sandbox.records("us", table)[0]


def setter(key: str, field: str, value: Any) -> Edit:
    def edit(body: Any) -> None:
        body[key][field] = value

    return edit


def remover(key: str, field: str) -> Edit:
    def edit(body: Any) -> None:
        del body[key][field]

    return edit


#: A treatment plan state the spec does not list (what a state Fullscript adds would look like).
UNLISTED_STATE = unlisted_value(response_enum("retrieve_treatment_plan", "state"))


def deviation_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == DEVIATION_LOGGER]


def test_the_suite_parses_strictly() -> None:
    # tests/conftest.py turns strict parsing on for the whole session.
    assert strict_parsing_enabled()


# --- unknown enum values ---------------------------------------------------------------------


async def test_an_unknown_treatment_plan_state_reads_as_an_unknown_member(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    plan_id = first(sandbox, "treatment_plans")["id"]
    # A state the spec does not list (derived from the spec, so it stays unlisted), served by
    # the sandbox's fault for a new enum value.
    sandbox.faults.unlisted_value("state", operation_id="retrieve_treatment_plan")

    plan = await fs.treatment_plans.retrieve(plan_id)

    assert plan.id == plan_id
    state = plan.state
    assert isinstance(state, TreatmentPlanState)
    assert (
        state.value == UNLISTED_STATE
        and str(state) == UNLISTED_STATE
        and f"{state}" == UNLISTED_STATE
    )
    assert state == UNLISTED_STATE
    assert all(state != member for member in TreatmentPlanState)
    assert not state.is_known and TreatmentPlanState.ACTIVE.is_known
    assert "not in the spec" in repr(state)
    # Written back as sent, and it survives pickling (the constructor would refuse it).
    assert plan.to_dict()["state"] == UNLISTED_STATE
    assert pickle.loads(pickle.dumps(state)) == UNLISTED_STATE
    # Reading it did not open the enum for code that builds values itself.
    with pytest.raises(ValueError, match=UNLISTED_STATE):
        TreatmentPlanState(UNLISTED_STATE)


async def test_an_unknown_line_item_type_reads_and_the_rest_of_the_order_parses(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    order_id = first(sandbox, "orders")["id"]

    def giftcard(body: Any) -> None:
        body["order"]["line_items"][0]["type"] = "giftcard"

    deviating.edit(f"/orders/{order_id}", giftcard)

    order = await fs.orders.retrieve(order_id)

    gift, *others = order.line_items
    assert gift.type_ == "giftcard" and not gift.type_.is_known
    assert gift.type_ not in (LineItemType.SUPPLEMENT, LineItemType.LABS)
    assert all(item.type_.is_known for item in others)
    assert order.id == order_id and order.order_number == first(sandbox, "orders")["order_number"]


async def test_a_new_lab_order_status_reads(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    lab_id = first(sandbox, "lab_orders")["id"]
    deviating.edit(f"/labs/orders/{lab_id}", setter("lab_order", "status", "kit_shipped"))

    lab_order = await fs.labs.retrieve_order(lab_id)

    assert lab_order.status == "kit_shipped"
    assert isinstance(lab_order.status, LabOrderStatus) and not lab_order.status.is_known


def test_request_enums_and_request_models_stay_closed(tolerant: None) -> None:
    # Users building a request are still held to the listed values, tolerant or not.
    with pytest.raises(ValueError, match=UNLISTED_STATE):
        TreatmentPlanCreateRequestState(UNLISTED_STATE)
    assert issubclass(TreatmentPlanCreateRequestState, OpenStrEnum)  # one kind of enum...
    request = TreatmentPlanCreateRequest(
        recommendations=[], state=TreatmentPlanCreateRequestState.DRAFT
    )
    assert request.to_dict()["state"] == "draft"  # ...built only from listed members
    # A shared enum type (Gender: in Patient and in PatientCreateRequest) is open only where a
    # response is read.
    with pytest.raises(ValueError, match="nonbinary"):
        PatientCreateRequest.from_dict(
            {"first_name": "A", "last_name": "B", "email": "a@b.c", "gender": "nonbinary"}
        )
    assert Patient.from_dict({"id": "p", "gender": "nonbinary"}).gender == "nonbinary"


# --- null, missing, strings for numbers --------------------------------------------------------


async def test_null_where_an_object_was_expected_is_kept_as_null(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    patient = first(sandbox, "patients")
    deviating.edit(f"/patients/{patient['id']}", setter("patient", "metadata", None))

    read = await fs.patients.retrieve(patient["id"])

    assert read.metadata is None
    assert read.first_name == patient["first_name"] and read.email == patient["email"]
    assert read.to_dict()["metadata"] is None


async def test_null_for_a_nested_object_in_a_list_keeps_the_other_records(
    tolerant: None, fs: Fullscript, deviating: DeviatingTransport
) -> None:
    def null_brand(body: Any) -> None:
        body["products"][0]["brand"] = None

    deviating.edit("/catalog/products", null_brand)

    products = [product async for product in fs.products.list(limit=5)]

    assert products[0].brand is None
    assert all(product.brand.name for product in products[1:])


async def test_a_missing_required_field_reads_as_unset(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    patient = first(sandbox, "patients")
    deviating.edit(f"/patients/{patient['id']}", remover("patient", "id"))

    read = await fs.patients.retrieve(patient["id"])

    assert read.id is UNSET
    assert read.last_name == patient["last_name"]
    assert "id" not in read.to_dict()


async def test_a_number_sent_as_a_string_is_kept_as_sent(
    tolerant: None, fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    patient = first(sandbox, "patients")
    deviating.edit(f"/patients/{patient['id']}", setter("patient", "discount", "12.50"))

    read = await fs.patients.retrieve(patient["id"])

    # Not coerced: the raw value, for the caller to judge.
    assert read.discount == "12.50"
    assert read.total_discount == patient["total_discount"]
    assert read.to_dict()["discount"] == "12.50"


# --- the debug log -----------------------------------------------------------------------------


async def test_each_deviating_field_is_logged_once_at_debug(
    tolerant: None,
    fs: Fullscript,
    deviating: DeviatingTransport,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def deviate_every_patient(body: Any) -> None:
        for patient in body["patients"]:
            patient["metadata"] = None
            patient["discount"] = "4.25"
            patient["gender"] = "nonbinary"

    deviating.edit("/clinic/patients", deviate_every_patient)
    caplog.set_level(logging.DEBUG, logger=DEVIATION_LOGGER)

    patients = [patient async for patient in fs.patients.list(page_size=10, limit=25)]

    assert len(patients) == 25 and all(p.metadata is None for p in patients)
    messages = deviation_messages(caplog)
    assert len(messages) == 3, messages
    by_field = {message.split(":")[0]: message for message in messages}
    assert set(by_field) == {"Patient.metadata", "Patient.discount", "Patient.gender"}
    assert "MetadataReference" in by_field["Patient.metadata"]
    assert "null" in by_field["Patient.metadata"]
    assert "a number" in by_field["Patient.discount"]
    assert "a string" in by_field["Patient.discount"]
    # Enum values are vocabulary and are quoted; other values may be personal data and are not.
    assert "'nonbinary'" in by_field["Patient.gender"]
    assert "4.25" not in by_field["Patient.discount"]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == DEVIATION_LOGGER)


async def test_nothing_is_logged_when_the_answer_matches_the_spec(
    tolerant: None, fs: Fullscript, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger=DEVIATION_LOGGER)

    assert len([p async for p in fs.patients.list(limit=15)]) == 15

    assert deviation_messages(caplog) == []


# --- strict mode -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "path", "key", "field", "value", "named"),
    [
        ("treatment_plans", "/treatment_plans/", "treatment_plan", "state", "archived", "state"),
        ("lab_orders", "/labs/orders/", "lab_order", "status", "kit_shipped", "status"),
        ("patients", "/patients/", "patient", "metadata", None, "metadata"),
        ("patients", "/patients/", "patient", "discount", "12.50", "discount"),
        ("patients", "/patients/", "patient", "id", ..., "id"),
    ],
    ids=["unknown enum", "new lab status", "null object", "string number", "missing id"],
)
async def test_strict_parsing_raises_naming_the_field(
    fs: Fullscript,
    sandbox: Sandbox,
    deviating: DeviatingTransport,
    table: str,
    path: str,
    key: str,
    field: str,
    value: Any,
    named: str,
) -> None:
    record_id = first(sandbox, table)["id"]
    edit = remover(key, field) if value is ... else setter(key, field, value)
    deviating.edit(f"{path}{record_id}", edit)
    retrieve = {
        "treatment_plans": fs.treatment_plans.retrieve,
        "lab_orders": fs.labs.retrieve_order,
        "patients": fs.patients.retrieve,
    }[table]

    with pytest.raises(SpecDeviationError) as raised:
        await retrieve(record_id)

    assert raised.value.field.endswith(f".{named}")
    assert str(raised.value).startswith(raised.value.field)


async def test_strict_parsing_raises_for_an_unknown_value_inside_a_list(
    fs: Fullscript, sandbox: Sandbox, deviating: DeviatingTransport
) -> None:
    order_id = first(sandbox, "orders")["id"]

    def giftcard(body: Any) -> None:
        body["order"]["line_items"][0]["type"] = "giftcard"

    deviating.edit(f"/orders/{order_id}", giftcard)

    with pytest.raises(SpecDeviationError, match=r"^LineItem\.type: 'giftcard' is not one of"):
        await fs.orders.retrieve(order_id)


def test_the_environment_variable_turns_strict_parsing_on_at_import() -> None:
    probe = "from fullscript_api.types import strict_parsing_enabled as s; print(s())"
    for setting, expected in (("1", "True"), ("true", "True"), ("", "False"), ("0", "False")):
        env = {**os.environ, STRICT_PARSING_ENV_VAR: setting}
        result = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected, setting
