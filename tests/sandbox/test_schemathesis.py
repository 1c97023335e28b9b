"""Property-based conformance: schemathesis generates requests from openapi/openapi.json and
checks every answer of the sandbox against it (status documented, schema, headers, auth)."""

from __future__ import annotations

import json
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, positive_data_acceptance

from fullscript.sandbox import Sandbox

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())


# One sandbox for the whole run: state accumulates like a real clinic's would.
SANDBOX = Sandbox(seed=5, rate_limit="1000000/300")
TOKEN = SANDBOX.issue_token("us")
BASE_URL = SANDBOX.base_url("us")
BOUNDED = settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _schema(mode: str) -> schemathesis.schemas.BaseSchema:
    loaded = schemathesis.openapi.from_dict(SPEC)
    loaded.app = SANDBOX.app
    loaded.config.generation.update(
        modes=[mode], max_examples=4, deterministic=True, no_shrink=True
    )
    return loaded


valid = _schema("positive")
invalid = _schema("negative")


@valid.parametrize()
@BOUNDED
def test_valid_requests_get_documented_answers(case: schemathesis.Case) -> None:
    # positive_data_acceptance wants 2xx for any schema-valid body, but the spec cannot say
    # "unique email" or "existing practitioner": those get their documented 422 instead.
    case.call_and_validate(
        base_url=BASE_URL,
        headers={"Authorization": TOKEN.authorization},
        excluded_checks=[positive_data_acceptance],
    )


@invalid.parametrize()
@BOUNDED
def test_invalid_requests_never_break_the_sandbox(case: schemathesis.Case) -> None:
    # Like Rails, the sandbox ignores unknown parameters and answers 422 to bad ones (documented
    # for reads with query parameters and for writes); what must never happen is a server error.
    case.call_and_validate(
        base_url=BASE_URL,
        headers={"Authorization": TOKEN.authorization},
        checks=[not_a_server_error],
    )
