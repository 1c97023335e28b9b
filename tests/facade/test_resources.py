"""Every generated operation is reachable through the façade, with a friendly name and types.

The operations are enumerated from the generated package itself (``fullscript_api.api.<tag>.<op>``
modules), so an operation added to the spec is covered without touching these tests.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import fullscript_api.api as generated_api
import httpx2
import pytest
from fullscript_api.api import ApiResources, Operation, RawApiResources

from fullscript import (
    AsyncPaginator,
    Fullscript,
    InMemoryTokenStore,
    NotFoundError,
    OAuthToken,
    ServerError,
)
from fullscript._resources import is_client_authenticated
from fullscript.sandbox import Sandbox

from .conftest import make_client

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
ACCESS_TOKEN = "test-access-token-value"


def endpoint_modules() -> Iterator[ModuleType]:
    """Every generated endpoint module: fullscript_api.api.<tag>.<operation>."""
    for group in pkgutil.iter_modules(generated_api.__path__):
        package = importlib.import_module(f"{generated_api.__name__}.{group.name}")
        for module in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{package.__name__}.{module.name}")


def group_names() -> list[str]:
    """The resource groups: ApiResources' cached properties, one per tag."""
    return sorted(
        name for name, value in vars(ApiResources).items() if isinstance(value, cached_property)
    )


def operations_by_module() -> dict[str, Operation]:
    found: dict[str, Operation] = {}
    resources = ApiResources(invoker=None)  # type: ignore[arg-type]
    for group in group_names():
        for operation in getattr(resources, group).OPERATIONS.values():
            found[operation.module.__name__] = operation
    return found


ALL_MODULES = sorted(endpoint_modules(), key=lambda module: module.__name__)
OPERATIONS = operations_by_module()


class StubBody:
    """Stands in for any generated request model (JSON or multipart)."""

    def to_dict(self) -> dict[str, Any]:
        return {}

    def to_multipart(self) -> list[tuple[str, Any]]:
        return [("name", (None, b"stub", "text/plain"))]


def answer_not_found(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(
        404, json={"status": 404, "error": "Not Found"}, headers={"X-Request-Id": "req-404"}
    )


def client_on(transport: httpx2.AsyncBaseTransport) -> Fullscript:
    token = OAuthToken.from_response(
        {
            "access_token": ACCESS_TOKEN,
            "refresh_token": "test-refresh-token-value",
            "expires_in": 7200,
            "created_at": datetime.now(UTC).isoformat(),
        },
        region="us",
    )
    return Fullscript(
        client_id="id",
        client_secret="secret",
        redirect_uri="https://app.example/callback",
        region="us",
        token_store=InMemoryTokenStore([token]),
        transport=transport,
        max_retries=0,
    )


def arguments_for(method: Any) -> dict[str, Any]:
    """Values for a method's required parameters: path ids and a stub body."""
    values: dict[str, Any] = {}
    for name, parameter in inspect.signature(method).parameters.items():
        if parameter.default is not inspect.Parameter.empty:
            continue
        values[name] = StubBody() if name == "body" else f"id-{name}"
    return values


def expected_path(operation: Operation, arguments: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(arguments[m.group(1)]), operation.path)


def test_the_generated_package_has_every_operation_of_the_spec() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    documented = {
        operation["operationId"]
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }

    assert documented
    assert {module.__name__.rsplit(".", 1)[1] for module in ALL_MODULES} == documented


@pytest.mark.parametrize("module", ALL_MODULES, ids=lambda module: module.__name__.split(".", 2)[2])
def test_every_generated_operation_has_a_friendly_method(module: ModuleType) -> None:
    operation = OPERATIONS.get(module.__name__)
    assert operation is not None, f"{module.__name__} is not bound to any resource group"
    assert operation.name == module.__name__.rsplit(".", 1)[1]
    method = getattr(
        getattr(client_on(httpx2.MockTransport(answer_not_found)), operation.group),
        operation.method_name,
    )
    assert callable(method)


@pytest.mark.parametrize("module", ALL_MODULES, ids=lambda module: module.__name__.split(".", 2)[2])
async def test_every_operation_sends_its_request_through_the_facade(module: ModuleType) -> None:
    operation = OPERATIONS[module.__name__]
    sent: list[httpx2.Request] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return answer_not_found(request)

    async with client_on(httpx2.MockTransport(record)) as fs:
        method = getattr(getattr(fs, operation.group), operation.method_name)
        arguments = arguments_for(method)
        with pytest.raises(NotFoundError) as raised:
            result = method(**arguments)
            if isinstance(result, AsyncPaginator):
                await result.first_page()
            else:
                await result

    path = expected_path(operation, arguments)
    assert [(r.method, r.url.path) for r in sent] == [(operation.http_method, path)]
    assert raised.value.request_id == "req-404"
    assert raised.value.method == operation.http_method
    authorization = sent[0].headers.get("authorization")
    if is_client_authenticated(operation):
        assert authorization is None
    else:
        assert authorization == f"Bearer {ACCESS_TOKEN}"
    if operation.paginated:
        assert sent[0].url.params["page[number]"] == "1"
        assert sent[0].url.params["page[size]"] == "100"


@pytest.mark.parametrize("module", ALL_MODULES, ids=lambda module: module.__name__.split(".", 2)[2])
async def test_every_operation_is_reachable_raw_too(module: ModuleType) -> None:
    operation = OPERATIONS[module.__name__]
    sent: list[httpx2.Request] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return answer_not_found(request)

    async with client_on(httpx2.MockTransport(record)) as fs:
        method = getattr(getattr(fs.with_raw_response, operation.group), operation.method_name)
        arguments = arguments_for(method)
        with pytest.raises(NotFoundError):
            await method(**arguments)
    assert [(r.method, r.url.path) for r in sent] == [
        (operation.http_method, expected_path(operation, arguments))
    ]


def test_list_operations_return_a_paginator_and_the_others_a_coroutine() -> None:
    fs = client_on(httpx2.MockTransport(answer_not_found))
    for operation in OPERATIONS.values():
        method = getattr(getattr(fs, operation.group), operation.method_name)
        if operation.paginated:
            assert not inspect.iscoroutinefunction(method), operation.name
            assert str(inspect.signature(method).return_annotation).startswith("Paginator[")
            assert {"page_size", "limit", "prefetch"} <= set(inspect.signature(method).parameters)
        else:
            assert inspect.iscoroutinefunction(method), operation.name


def test_every_method_is_fully_annotated() -> None:
    for group in group_names():
        friendly = type(getattr(ApiResources(None), group))  # type: ignore[arg-type]
        raw = type(getattr(RawApiResources(None), group))  # type: ignore[arg-type]
        for cls in (friendly, raw):
            for name in friendly.OPERATIONS:
                signature = inspect.signature(getattr(cls, name))
                assert signature.return_annotation is not inspect.Signature.empty, name
                for parameter in list(signature.parameters.values())[1:]:
                    assert parameter.annotation is not inspect.Parameter.empty, (name, parameter)


def test_groups_are_the_snake_case_tags() -> None:
    groups = set(group_names())
    assert {
        "patients",
        "treatment_plans",
        "practitioner_types",
        "third_party_certifications",
        "labs",
        "oauth",
        "events",
        "dynamic_links",
    } <= groups


@pytest.mark.parametrize(
    ("operation_name", "group", "friendly"),
    [
        ("list_patients", "patients", "list"),
        ("retrieve_patient", "patients", "retrieve"),
        ("list_patient_orders", "patients", "list_orders"),
        ("create_practitioner_resource", "practitioners", "create_resource"),
        ("list_lab_orders", "labs", "list_orders"),
        ("list_patient_events", "events", "list_patient_events"),
        ("list_practitioner_types", "practitioner_types", "list"),
        ("activate_treatment_plan", "treatment_plans", "activate"),
        ("list_staff", "staff", "list"),
        ("create_oauth_token", "oauth", "create_token"),
    ],
)
def test_friendly_names_drop_the_group_noun_after_the_verb(
    operation_name: str, group: str, friendly: str
) -> None:
    [operation] = [op for op in OPERATIONS.values() if op.name == operation_name]
    assert (operation.group, operation.method_name) == (group, friendly)


def test_friendly_names_are_unique_within_each_group() -> None:
    seen: set[tuple[str, str]] = set()
    for operation in OPERATIONS.values():
        key = (operation.group, operation.method_name)
        assert key not in seen, key
        seen.add(key)


def test_resource_groups_do_not_shadow_the_clients_own_api() -> None:
    own = {name for name in vars(Fullscript) if not name.startswith("_")}
    assert own.isdisjoint(group_names())


@pytest.fixture(scope="module")
def shared_sandbox() -> Sandbox:
    return Sandbox(seed=7, patients=3)


@pytest.mark.parametrize("module", ALL_MODULES, ids=lambda module: module.__name__.split(".", 2)[2])
async def test_every_operation_reaches_that_operation_in_the_sandbox(
    module: ModuleType, shared_sandbox: Sandbox
) -> None:
    """The sandbox routes the request to the operation of the same operationId: a fault
    matched by that id fires exactly once, and its answer comes back as a typed error."""
    operation = OPERATIONS[module.__name__]
    shared_sandbox.faults.clear()
    rule = shared_sandbox.faults.error(503, operation_id=operation.name, times=1)
    async with make_client(shared_sandbox, max_retries=0) as fs:
        method = getattr(getattr(fs, operation.group), operation.method_name)
        with pytest.raises(ServerError) as raised:
            result = method(**arguments_for(method))
            if isinstance(result, AsyncPaginator):
                await result.first_page()
            else:
                await result
    assert rule.fired == 1
    assert raised.value.request_id
    assert raised.value.method == operation.http_method
