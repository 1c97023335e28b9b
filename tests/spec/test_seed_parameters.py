"""Every parameter of the endpoint reference (../shared/seeds/002_*.txt) is in the spec, verbatim.

The reference lists, before each ``METHOD`` + ``curl`` example, the endpoint's arguments as
``name`` / ``type`` / optional ``REQUIRED`` / description lines. Nested body fields are listed
flat, so a body argument is found anywhere in the operation's request body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import pytest
from spec_support import SHARED_DIR, load_spec, parameters_of, request_body_fields

SEEDS = sorted((SHARED_DIR / "seeds").glob("002_*.txt"))
pytestmark = pytest.mark.skipif(not SEEDS, reason="../shared/seeds/002_*.txt is absent")

TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array"})
# A filter documented after a date filter's examples is written ".name" in the reference text.
ARGUMENT_NAME = re.compile(r"^\.?(?P<name>[a-z_][a-z0-9_]*(\[\])?)$")
METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
CURL_URL = re.compile(r'https://[^/"]+/api(/[^"?\s]*)')
PATH_PARAMETER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class Argument:
    name: str
    required: bool


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # as in the reference, without /api
    arguments: tuple[Argument, ...]

    @property
    def path_parameters(self) -> set[str]:
        return {p.strip("{}") for p in PATH_PARAMETER.findall(self.path)}


@cache
def endpoints() -> tuple[Endpoint, ...]:
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    found: list[Endpoint] = []
    pending: list[Argument] = []
    for index, line in enumerate(lines[:-1]):
        following = lines[index + 1]
        if line in METHODS and following.startswith("curl"):
            match = CURL_URL.search(following)
            assert match, following
            found.append(Endpoint(line.lower(), match.group(1), tuple(pending)))
            pending = []
        elif (name := ARGUMENT_NAME.match(line)) and following in TYPES:
            required = index + 2 < len(lines) and lines[index + 2] == "REQUIRED"
            pending.append(Argument(name["name"], required))
    return tuple(found)


def test_every_line_followed_by_a_type_is_read_as_an_argument() -> None:
    # Each argument of the reference is a name line followed by a type line; one the parser
    # skipped would go unchecked. Fix ARGUMENT_NAME above to read the lines listed here.
    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    typed = [line for line, following in pairwise(lines) if following in TYPES]
    unread = [line for line in typed if not ARGUMENT_NAME.match(line)]
    assert unread == []
    parsed = sum(len(e.arguments) for e in endpoints())
    assert parsed == len(typed), "an argument line before no METHOD + curl example was dropped"


def blank(path: str) -> str:
    return PATH_PARAMETER.sub("{}", path)


@cache
def spec_operations() -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, blank(path)): op
        for path, item in load_spec()["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    }


def spec_operation(endpoint: Endpoint) -> dict[str, Any]:
    found = spec_operations().get((endpoint.method, blank("/api" + endpoint.path)))
    assert found is not None, (
        f"{endpoint_id(endpoint)} of the reference is not in openapi/openapi.json: describe it "
        "there (with its arguments), then make generate"
    )
    return found


def endpoint_id(endpoint: Endpoint) -> str:
    return f"{endpoint.method.upper()} {endpoint.path}"


def test_the_reference_is_parsed() -> None:
    found = endpoints()
    assert len(found) >= 50
    arguments = {a.name for e in found for a in e.arguments}
    assert "page[number]" not in arguments  # the pagination introduction is no endpoint
    assert {
        "allergen_ids",
        "send_welcome_email",
        "units_to_purchase",
        "ownership_type",
    } <= arguments


def test_every_reference_endpoint_is_in_the_spec() -> None:
    missing = [
        endpoint_id(e)
        for e in endpoints()
        if (e.method, blank("/api" + e.path)) not in spec_operations()
    ]
    assert missing == []


@pytest.mark.parametrize("endpoint", endpoints() if SEEDS else (), ids=endpoint_id)
def test_every_documented_argument_is_declared_with_its_wire_name(endpoint: Endpoint) -> None:
    op = spec_operation(endpoint)
    parameters = parameters_of(op)
    body = request_body_fields(op)
    body_names = {path.rsplit(".", 1)[-1].removesuffix("[]") for path in body}
    problems = []
    for argument in endpoint.arguments:
        if argument.name in endpoint.path_parameters:
            continue  # path parameters are matched by position; their names may differ
        if endpoint.method == "get":
            # Array filters travel as name[]=a&name[]=b.
            declared = parameters.get(argument.name) or parameters.get(f"{argument.name}[]")
            if declared is None or declared["in"] != "query":
                problems.append(f"query {argument.name} missing")
            elif argument.required and not declared.get("required"):
                problems.append(f"query {argument.name} not required")
        elif argument.name not in body_names:
            problems.append(f"body field {argument.name} missing")
        elif argument.required and not any(
            field.required
            for path, field in body.items()
            if path.rsplit(".", 1)[-1].removesuffix("[]") == argument.name
        ):
            problems.append(f"body field {argument.name} not required")
    assert problems == [], (
        f"{endpoint_id(endpoint)}: declare each argument in openapi/openapi.json with the "
        "reference's wire name (query parameter for GET, request body member otherwise)"
    )


def test_array_filters_of_the_reference_are_bracketed_arrays() -> None:
    search = next(e for e in endpoints() if e.path == "/catalog/search/products")
    parameters = parameters_of(spec_operation(search))
    for argument in search.arguments:
        if argument.name.endswith("_ids"):
            declared = parameters[f"{argument.name}[]"]
            assert declared["schema"]["type"] == "array", argument.name
            assert argument.name not in parameters
