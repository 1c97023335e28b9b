"""The client generated from Fullscript's own 2021 file works on Fullscript's own data.

Two measurements, both on the package `make generate SPEC=<2021 file>` writes:

- every response example of every operation in the file parses through the generated model
  (``from_dict``), and ``to_dict`` gives the example back;
- every operation, called through its generated endpoint function on the in-process sandbox,
  answers its documented status with a typed body.

The examples are read from the file at test time, never copied here. The generated package is
imported under another name (its imports are relative) so it cannot shadow our own
``fullscript_api``, which the sandbox's package imports.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import pkgutil
import shutil
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from specpipe.document import iter_operations, success_response
from specpipe.normalize import normalize

from fullscript.sandbox import Sandbox

PACKAGE = "published_fullscript_api"
START = 1_780_000_000.0  # a fixed sandbox instant, so every run sees the same data
EXAMPLE_COUNT = 61  # one response example per operation in the 2021 file


@pytest.fixture(scope="module")
def published_api(
    published_client: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[types.ModuleType]:
    """The generated 2021 package, importable as ``published_fullscript_api``."""
    out, result = published_client
    assert result.returncode == 0, result.stderr + result.stdout
    root = tmp_path_factory.mktemp("published_import")
    shutil.copytree(out / "fullscript_api", root / PACKAGE)
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module(PACKAGE)
        # Templates with tolerant response parsing give the package a strict switch; the
        # measurement is of strict parsing, so every deviation from the file's schemas counts.
        set_strict = getattr(
            importlib.import_module(f"{PACKAGE}.types"), "set_strict_parsing", None
        )
        if set_strict is not None:
            set_strict(True)
        yield package
    finally:
        sys.path.remove(str(root))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def published_spec(published_spec_path: Path) -> dict[str, Any]:
    """The 2021 file as read from ../shared (never copied into the repository)."""
    spec: dict[str, Any] = json.loads(published_spec_path.read_text())
    return spec


@pytest.fixture(scope="module")
def operation_ids(published_spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(method, path) -> the operationId the normaliser gives it (the file has none)."""
    normalized = normalize(published_spec).spec
    return {(op.method, op.path): op.operation["operationId"] for op in iter_operations(normalized)}


def documented_success(spec: dict[str, Any], operation_id: str, ids: dict[Any, str]) -> int:
    """The 2xx status the file documents for an operation."""
    method, path = next(key for key, value in ids.items() if value == operation_id)
    return int(success_response(spec, spec["paths"][path][method])[0])


def endpoint_modules(api: types.ModuleType) -> dict[str, types.ModuleType]:
    """operationId -> its generated endpoint module."""
    package = importlib.import_module(f"{api.__name__}.api")
    names = [m.name for m in pkgutil.walk_packages(package.__path__, f"{PACKAGE}.api.")]
    return {
        name.rsplit(".", 1)[-1]: importlib.import_module(name)
        for name in names
        if name.count(".") == 3
    }


def response_examples(spec: dict[str, Any]) -> Iterator[tuple[str, str, int, Any]]:
    """(method, path, status, example) for every JSON response example of the file."""
    for op in iter_operations(spec):
        for status, response in (op.operation.get("responses") or {}).items():
            for media in (response.get("content") or {}).values():
                if "example" in media:
                    yield op.method, op.path, int(status), media["example"]
                for example in (media.get("examples") or {}).values():
                    yield op.method, op.path, int(status), example["value"]


def test_every_response_example_parses_and_round_trips(
    published_api: types.ModuleType,
    published_spec: dict[str, Any],
    operation_ids: dict[tuple[str, str], str],
) -> None:
    modules = endpoint_modules(published_api)
    client = importlib.import_module(f"{PACKAGE}.client").Client(base_url="https://example.invalid")
    examples = list(response_examples(published_spec))
    failures: list[str] = []
    for method, path, status, example in examples:
        module = modules[operation_ids[(method, path)]]
        label = f"{method.upper()} {path} {status}"
        try:
            parsed = module._parse_response(
                client=client, response=httpx2.Response(status, json=example)
            )
        except Exception as exc:  # every failure is collected, so one run lists them all
            failures.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        if parsed is None:
            failures.append(f"{label}: no typed body")
        elif parsed.to_dict() != example:
            failures.append(f"{label}: to_dict() differs from the example")

    assert len(examples) == EXAMPLE_COUNT
    assert failures == [], "\n".join(failures)


# --- every operation against the sandbox ------------------------------------------------------


def _first(sandbox: Sandbox, table: str, **where: Any) -> dict[str, Any]:
    for record in sandbox.records("us", table):
        if all(record.get(key) == value for key, value in where.items()):
            return record
    raise LookupError(f"no {table} record with {where}")


def _id(table: str, **where: Any) -> Callable[[Sandbox], str]:
    return lambda sandbox: str(_first(sandbox, table, **where)["id"])


def _plan(sandbox: Sandbox, state: str = "active") -> str:
    return str(_first(sandbox, "treatment_plans", state=state)["id"])


def _recommendations(sandbox: Sandbox) -> list[dict[str, Any]]:
    variant = _id("variants", status="available")(sandbox)
    # Typed as the 2021 request schema types them: strings. The dosage is given in full: for a
    # part left out the sandbox answers null, which the 2021 file does not declare nullable.
    dosage = {
        "amount": "1",
        "frequency": "once per day",
        "duration": "ongoing",
        "format": "capsule",
        "additional_info": "With meals",
    }
    return [{"variant_id": variant, "units_to_purchase": "2", "refill": "true", "dosage": dosage}]


def _credentials(sandbox: Sandbox) -> dict[str, str]:
    return {
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
    }


Arguments = Callable[[Sandbox], dict[str, Any]]


def _none(_: Sandbox) -> dict[str, Any]:
    return {}


def _path(name: str, value: Callable[[Sandbox], str]) -> Arguments:
    return lambda sandbox: {name: value(sandbox)}


# operationId (as the normaliser names the 2021 operations) -> the endpoint function's keyword
# arguments, as plain JSON values; `_typed` turns them into the generated types (body models,
# enums) from the function's own annotations.
CALLS: dict[str, Arguments] = {
    "list_allergens": _none,
    "retrieve_allergen": _path("id", _id("allergens")),
    "list_brands": _none,
    "retrieve_brand": _path("id", _id("brands")),
    "list_ingredients": lambda s: {"pagesize": 5},
    "retrieve_ingredient": _path("id", _id("ingredients")),
    "list_practitioner_types": _none,
    "list_products": lambda s: {"pagenumber": 2},
    "retrieve_product": lambda s: {
        "id": _id("products")(s),
        "practitioner_id": _id("practitioners")(s),
    },
    "search_products": lambda s: {"query": "vitamin"},
    "list_similar_products": _path("product_id", _id("products")),
    "list_supplement_types": _none,
    "retrieve_supplement_type": _path("id", _id("supplement_types")),
    "list_third_party_certifications": _none,
    "retrieve_third_party_certification": _path("id", _id("third_party_certifications")),
    "retrieve_variant": _path("id", _id("variants", status="available")),
    "activate_treatment_plan": _path("treatment_plan_id", lambda s: _plan(s, "draft")),
    "cancel_treatment_plan": _path("treatment_plan_id", _plan),
    "list_category_products": _path("category_id", _id("categories")),
    "retrieve_category": _path("id", _id("categories")),
    "list_categories": _none,
    "retrieve_clinic": _none,
    "retrieve_new_treatment_plan_link": _none,
    "create_draft_treatment_plan_link": lambda s: {
        "body": {
            "treatment_plan": {"practitioner_id": _id("practitioners")(s)},
            "patient": {"email": "link@example.com", "first_name": "Lin", "last_name": "K"},
        }
    },
    "retrieve_treatment_plan_link": _path("id", _plan),
    "find_objects": lambda s: {"id": "ext-00000", "type_": "patient"},
    "list_orders": _none,
    "retrieve_order": _path("id", _id("orders")),
    "list_patient_addresses": _path(
        "patient_id", lambda s: str(s.records("us", "addresses")[0]["_patient_id"])
    ),
    "list_patient_orders": _path(
        "patient_id", lambda s: str(s.records("us", "orders")[0]["patient_id"])
    ),
    "list_patient_treatment_plans": _path(
        "patient_id", lambda s: str(_first(s, "treatment_plans", state="active")["patient"]["id"])
    ),
    "create_patient_treatment_plan": lambda s: {
        "patient_id": _id("patients")(s),
        "body": {"recommendations": _recommendations(s), "state": "draft"},
    },
    "list_patients": _none,
    "create_patient": lambda s: {
        "body": {"email": "new.patient@example.com", "first_name": "New", "last_name": "Patient"}
    },
    "retrieve_patient": _path("id", _id("patients")),
    "update_patient": lambda s: {"id": _id("patients")(s), "body": {"first_name": "Renamed"}},
    "list_practitioners": _none,
    "create_practitioner": lambda s: {
        "body": {
            "practitioner_type_id": _id("practitioner_types")(s),
            "email": "new.doc@example.com",
            "first_name": "New",
            "last_name": "Doc",
        }
    },
    "retrieve_practitioner": _path("id", _id("practitioners")),
    "update_practitioner": lambda s: {
        "id": _id("practitioners")(s),
        "body": {"last_name": "Updated", "metadata": {"id": "hr-7"}},
    },
    "list_practitioner_protocols": _path("practitioner_id", _id("practitioners")),
    "list_practitioner_templates": _path("practitioner_id", _id("practitioners")),
    "retrieve_protocol": _path("id", _id("protocols")),
    "search_patients": lambda s: {"query": "a"},
    "list_staff": _none,
    "create_staff_member": lambda s: {
        "body": {"email": "front.desk@example.com", "first_name": "Front", "last_name": "Desk"}
    },
    "retrieve_staff_member": _path("id", _id("staff")),
    "update_staff_member": lambda s: {"id": _id("staff")(s), "body": {"first_name": "Sam"}},
    "retrieve_template": _path("id", _id("templates")),
    "retrieve_treatment_plan": _path("id", _plan),
    "update_treatment_plan": lambda s: {
        "id": _plan(s),
        "body": {"personal_message": "Twice a day", "recommendations": _recommendations(s)},
    },
    "create_in_office_checkout": _path("treatment_plan_id", _plan),
    "list_clinic_key_events": _none,
    "retrieve_event": _path("id", lambda s: str(s.records("us", "events")[-1]["id"])),
    "list_order_events": _none,
    "list_patient_events": _none,
    "list_product_events": _none,
    "list_treatment_plan_events": _none,
    "revoke_oauth_token": lambda s: {
        "body": {**_credentials(s), "token": s.issue_token("us").access_token}
    },
    "create_oauth_token": lambda s: {
        "body": {
            **_credentials(s),
            "grant_type": "authorization_code",
            "code": s.authorization_code("us"),
            "redirect_uri": s.settings.redirect_uri,
        }
    },
    "list_webhook_deliveries": _none,
}


def _typed(function: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """JSON arguments as the generated types the endpoint function declares."""
    hints = typing.get_type_hints(function)
    return {name: _as_type(hints[name], value) for name, value in arguments.items()}


def _as_type(hint: Any, value: Any) -> Any:
    candidates = typing.get_args(hint) or (hint,)
    for candidate in candidates:
        if not inspect.isclass(candidate):
            continue
        if issubclass(candidate, enum.Enum):
            return candidate(value)
        if isinstance(value, dict) and hasattr(candidate, "from_dict"):
            model = _matching_model(candidates, value)
            return model.from_dict(value)
    return value


def _matching_model(candidates: tuple[Any, ...], value: dict[str, Any]) -> Any:
    """Of a union of body models, the one whose fixed ``grant_type``-like enums accept ``value``."""
    models = [c for c in candidates if inspect.isclass(c) and hasattr(c, "from_dict")]
    for model in models:
        try:
            model.from_dict(value)
        except (KeyError, ValueError, TypeError):
            continue
        return model
    return models[0]


def test_every_operation_of_the_file_has_a_call(operation_ids: dict[tuple[str, str], str]) -> None:
    assert sorted(CALLS) == sorted(operation_ids.values())


@pytest.mark.parametrize("operation_id", sorted(CALLS))
async def test_operation_succeeds_against_the_sandbox(
    operation_id: str,
    published_api: types.ModuleType,
    published_spec: dict[str, Any],
    operation_ids: dict[tuple[str, str], str],
) -> None:
    documented = documented_success(published_spec, operation_id, operation_ids)
    sandbox = Sandbox(seed=7, clock=lambda: START)
    module = endpoint_modules(published_api)[operation_id]
    client = importlib.import_module(f"{PACKAGE}.client").AuthenticatedClient(
        base_url=Sandbox.base_url("us"),
        token=sandbox.issue_token("us").access_token,
        raise_on_unexpected_status=True,
        httpx_args={"transport": sandbox.transport()},
    )

    async with client:
        response = await module.asyncio_detailed(
            client=client, **_typed(module.asyncio_detailed, CALLS[operation_id](sandbox))
        )

    assert response.status_code == documented, response.content
    assert response.parsed is not None
    assert type(response.parsed).__name__.startswith(_pascal(operation_id) + "Response")


def _pascal(snake: str) -> str:
    return "".join(word.capitalize() for word in snake.split("_"))


# --- the four defects of issue 10, each seen from the user's side -----------------------------


def _client(api: types.ModuleType, sandbox: Sandbox) -> Any:
    return importlib.import_module(f"{api.__name__}.client").AuthenticatedClient(
        base_url=Sandbox.base_url("us"),
        token=sandbox.issue_token("us").access_token,
        raise_on_unexpected_status=True,
        httpx_args={"transport": sandbox.transport()},
    )


def _model(api: types.ModuleType, name: str) -> Any:
    return getattr(importlib.import_module(f"{api.__name__}.models"), name)


async def test_treatment_plan_id_is_a_declared_field(published_api: types.ModuleType) -> None:
    sandbox = Sandbox(seed=7, clock=lambda: START)
    plan_id = _plan(sandbox)
    module = endpoint_modules(published_api)["retrieve_treatment_plan"]

    async with _client(published_api, sandbox) as client:
        parsed = await module.asyncio(id=plan_id, client=client)

    assert parsed.treatment_plan.id == plan_id
    assert "id" not in parsed.treatment_plan.additional_properties


def test_null_custom_dosage_parses_as_none(published_api: types.ModuleType) -> None:
    product = _model(published_api, "Product").from_dict({"id": "p1", "custom_dosage": None})
    dosage = _model(published_api, "ProductCustomDosage")

    assert product.custom_dosage is None
    assert _model(published_api, "Product").from_dict(
        {"id": "p1", "custom_dosage": {"amount": "1"}}
    ).custom_dosage == dosage.from_dict({"amount": "1"})


def test_metadata_type_is_sent_as_its_value(published_api: types.ModuleType) -> None:
    module = endpoint_modules(published_api)["find_objects"]
    value_type = typing.get_type_hints(module.asyncio_detailed)["type_"]
    kinds = next(arg for arg in typing.get_args(value_type) if inspect.isclass(arg))

    assert [kind.value for kind in kinds] == ["patient", "practitioner", "staff", "treatment_plan"]
    assert module._get_kwargs(type_=kinds("staff"))["params"] == {"type": "staff"}


async def test_refresh_grant_needs_neither_code_nor_redirect_uri(
    published_api: types.ModuleType,
) -> None:
    sandbox = Sandbox(seed=7, clock=lambda: START)
    grant = _model(published_api, "RefreshTokenGrant")
    module = endpoint_modules(published_api)["create_oauth_token"]
    body = grant(**_credentials(sandbox), refresh_token=sandbox.issue_token("us").refresh_token)

    async with _client(published_api, sandbox) as client:
        response = await module.asyncio_detailed(client=client, body=body)

    assert body.to_dict()["grant_type"] == "refresh_token"
    assert not hasattr(body, "code")
    assert _required_arguments(grant) == {"client_id", "client_secret", "refresh_token"}
    assert response.status_code == 200
    assert response.parsed.oauth.access_token


def test_code_grant_requires_code_and_redirect_uri(published_api: types.ModuleType) -> None:
    grant = _model(published_api, "AuthorizationCodeGrant")

    assert _required_arguments(grant) == {"client_id", "client_secret", "code", "redirect_uri"}
    assert (
        grant(client_id="a", client_secret="b", code="c", redirect_uri="d").to_dict()["grant_type"]
        == "authorization_code"
    )


def _required_arguments(model: Any) -> set[str]:
    parameters = inspect.signature(model).parameters.items()
    return {name for name, parameter in parameters if parameter.default is inspect.Parameter.empty}
