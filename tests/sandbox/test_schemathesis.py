"""Property-based conformance: schemathesis generates requests from openapi/openapi.json and
checks every answer of the sandbox against it with all of its checks (status documented,
schema, headers, auth, valid data accepted, invalid data rejected, `Allow` on 405)."""

from __future__ import annotations

import json
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config._checks import PositiveDataAcceptanceConfig

from fullscript.sandbox import Sandbox

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
WRITES = ["POST", "PATCH", "PUT"]

# One sandbox for the whole run: state accumulates like a real clinic's would.
SANDBOX = Sandbox(seed=5, rate_limit="1000000/300")
TOKEN = SANDBOX.issue_token("us")
BASE_URL = SANDBOX.base_url("us")
HEADERS = {"Authorization": TOKEN.authorization}
BOUNDED = settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _schema(mode: str, *, writes_may_break_rules: bool = False) -> schemathesis.schemas.BaseSchema:
    loaded = schemathesis.openapi.from_dict(SPEC)
    loaded.app = SANDBOX.app
    loaded.config.generation.update(
        modes=[mode],
        max_examples=4,
        deterministic=True,
        no_shrink=True,
        # Like Rails, the API ignores query parameters it does not know, which OpenAPI 3
        # cannot declare (a query string is not a closed object): none are made up.
        allow_extra_parameters=False,
    )
    if writes_may_break_rules:
        # A write whose body the schema accepts may still break a rule JSON Schema cannot
        # state (an email already taken, an id of no record, a birth date in the future):
        # its documented 422 then counts as an answer to valid data too.
        acceptance = loaded.config.checks.positive_data_acceptance
        loaded.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
            expected_statuses=[*acceptance.expected_statuses, "422"]
        )
    return loaded


valid_reads = _schema("positive").exclude(method=WRITES)
valid_writes = _schema("positive", writes_may_break_rules=True).include(method=WRITES)
invalid = _schema("negative", writes_may_break_rules=True)


@valid_reads.parametrize()
@BOUNDED
def test_valid_reads_get_documented_answers(case: schemathesis.Case) -> None:
    case.call_and_validate(base_url=BASE_URL, headers=HEADERS)


@valid_writes.parametrize()
@BOUNDED
def test_valid_writes_get_documented_answers(case: schemathesis.Case) -> None:
    case.call_and_validate(base_url=BASE_URL, headers=HEADERS)


@invalid.parametrize()
@BOUNDED
def test_invalid_requests_are_refused_with_a_documented_answer(case: schemathesis.Case) -> None:
    # A bad value is answered 422 (400 for a body that is not a JSON object), never a 2xx or
    # a server error; a method a path does not have gets 405 with `Allow`.
    case.call_and_validate(base_url=BASE_URL, headers=HEADERS)
