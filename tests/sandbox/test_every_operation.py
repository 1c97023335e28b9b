"""Every operation in openapi/openapi.json, driven against the sandbox; every answer is checked
against the spec (status documented, body valid).

Operations that take a bearer token are swept for their success and for the errors the sandbox
produces (401, 403, 404, 422, 429); the two OAuth operations, authenticated by client
credentials in the body, are driven by their own tests at the end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2
import pytest

from fullscript.sandbox import OPERATIONS, IssuedToken, Operation, Sandbox

from .conftest import FakeTime

Request = tuple[str, dict[str, Any]]  # (url relative to the region base, httpx2 request options)


def _first(sandbox: Sandbox, table: str, **where: Any) -> dict[str, Any]:
    for record in sandbox.records("us", table):
        if all(record.get(key) == value for key, value in where.items()):
            return record
    raise LookupError(table)


def _plan(sandbox: Sandbox, state: str = "active") -> dict[str, Any]:
    return _first(sandbox, "treatment_plans", state=state)


def _variant(sandbox: Sandbox) -> str:
    return str(_first(sandbox, "variants", status="available")["id"])


def _resource(sandbox: Sandbox) -> dict[str, Any]:
    return sandbox.records("us", "practitioner_resources")[0]


def _recommendations(sandbox: Sandbox) -> list[dict[str, Any]]:
    return [
        {
            "variant_id": _variant(sandbox),
            "units_to_purchase": 2,
            "refill": True,
            "dosage": {"amount": "1", "frequency": "once per day", "format": "capsule"},
        }
    ]


def _id(table: str, **where: Any) -> Callable[[Sandbox], str]:
    return lambda sandbox: str(_first(sandbox, table, **where)["id"])


# The operations authenticated by client credentials in the body rather than a bearer token;
# the OAuth tests at the end of this module drive them.
CLIENT_CREDENTIAL_OPERATIONS = frozenset({"create_oauth_token", "revoke_oauth_token"})

# operationId -> builder of (path under /api, request options) for every operation that takes a
# bearer token. Path ids come from the seed.
REQUESTS: dict[str, Callable[[Sandbox], Request]] = {
    "list_allergens": lambda s: ("/catalog/allergens", {}),
    "retrieve_allergen": lambda s: (f"/catalog/allergens/{_id('allergens')(s)}", {}),
    "list_brands": lambda s: ("/catalog/brands", {"params": {"available": "true"}}),
    "retrieve_brand": lambda s: (f"/catalog/brands/{_id('brands')(s)}", {}),
    "list_ingredients": lambda s: ("/catalog/ingredients", {"params": {"page[size]": 5}}),
    "retrieve_ingredient": lambda s: (f"/catalog/ingredients/{_id('ingredients')(s)}", {}),
    "list_practitioner_types": lambda s: ("/catalog/practitioner_types", {}),
    "list_products": lambda s: ("/catalog/products", {"params": {"page[number]": 2}}),
    "retrieve_product": lambda s: (
        f"/catalog/products/{_id('products')(s)}",
        {"params": {"practitioner_id": _id("practitioners")(s)}},
    ),
    "list_similar_products": lambda s: (f"/catalog/products/{_id('products')(s)}/similar", {}),
    "search_products": lambda s: ("/catalog/search/products", {"params": {"query": "vitamin"}}),
    "list_supplement_types": lambda s: ("/catalog/supplement_types", {}),
    "retrieve_supplement_type": lambda s: (
        f"/catalog/supplement_types/{_id('supplement_types')(s)}",
        {},
    ),
    "list_third_party_certifications": lambda s: ("/catalog/third_party_certifications", {}),
    "retrieve_third_party_certification": lambda s: (
        f"/catalog/third_party_certifications/{_id('third_party_certifications')(s)}",
        {},
    ),
    "retrieve_variant": lambda s: (f"/catalog/variants/{_variant(s)}", {}),
    "retrieve_clinic": lambda s: ("/clinic", {}),
    "list_categories": lambda s: ("/clinic/categories", {}),
    "retrieve_category": lambda s: (f"/clinic/categories/{_id('categories')(s)}", {}),
    "list_category_products": lambda s: (
        f"/clinic/categories/{_id('categories')(s)}/products",
        {},
    ),
    "create_gateway_treatment_plan_link": lambda s: (
        "/clinic/dynamic_links/gateway/treatment_plans",
        {
            "json": {
                "entrypoint": "catalog",
                "treatment_plan": {"practitioner_id": _id("practitioners")(s)},
                "patient": {
                    "external_id": "crm-1",
                    "email": "gw@example.com",
                    "first_name": "Gate",
                    "last_name": "Way",
                },
            }
        },
    ),
    "retrieve_new_treatment_plan_link": lambda s: ("/clinic/dynamic_links/treatment_plans", {}),
    "create_treatment_plan_link": lambda s: (
        "/clinic/dynamic_links/treatment_plans",
        {
            "json": {
                "treatment_plan": {"practitioner_id": _id("practitioners")(s)},
                "patient": {"email": "link@example.com", "first_name": "Lin", "last_name": "K"},
            }
        },
    ),
    "retrieve_treatment_plan_link": lambda s: (
        f"/clinic/dynamic_links/treatment_plans/{_plan(s)['id']}",
        {},
    ),
    "create_session_grant": lambda s: ("/clinic/embeddable/session_grants", {"json": {}}),
    "list_fullscript_protocols": lambda s: (
        "/clinic/fullscript_protocols",
        {"params": {"sort_by": "name", "order_by": "DESC"}},
    ),
    "retrieve_protocol": lambda s: (f"/clinic/protocols/{_id('protocols')(s)}", {}),
    "list_fullscript_resources": lambda s: ("/clinic/fullscript_resources", {}),
    "list_lab_orders": lambda s: ("/clinic/labs/orders", {}),
    "retrieve_lab_order": lambda s: (f"/clinic/labs/orders/{_id('lab_orders')(s)}", {}),
    "retrieve_lab_test": lambda s: (f"/clinic/labs/tests/{_id('lab_tests')(s)}", {}),
    "find_metadata_objects": lambda s: (
        "/clinic/metadata",
        {"params": {"id": "ext-00000", "type": "patient"}},
    ),
    "list_orders": lambda s: (
        "/clinic/orders",
        {"params": {"type": "supplement", "sort_by": "completed_at", "order_by": "DESC"}},
    ),
    "retrieve_order": lambda s: (f"/clinic/orders/{_id('orders')(s)}", {}),
    "list_patients": lambda s: ("/clinic/patients", {"params": {"patient_type": "guardian"}}),
    "create_patient": lambda s: (
        "/clinic/patients",
        {
            "json": {
                "email": "new.patient@example.com",
                "first_name": "New",
                "last_name": "Patient",
                "date_of_birth": "1990-04-01",
                "gender": "x",
                "mobile_number": "+12223334444",
                "discount": 10,
                "metadata": {"id": "crm-42"},
            }
        },
    ),
    "retrieve_patient": lambda s: (f"/clinic/patients/{_id('patients')(s)}", {}),
    "update_patient": lambda s: (
        f"/clinic/patients/{_id('patients')(s)}",
        {"json": {"first_name": "Renamed", "gender": "female"}},
    ),
    "search_patients": lambda s: ("/clinic/search/patients", {"params": {"query": "a"}}),
    "list_patient_addresses": lambda s: (
        f"/clinic/patients/{s.records('us', 'addresses')[0]['_patient_id']}/addresses",
        {},
    ),
    "list_patient_dependents": lambda s: (
        f"/clinic/patients/{_first(s, 'patients', is_dependent=True)['guardian_patient_id']}"
        "/dependents",
        {},
    ),
    "list_patient_orders": lambda s: (
        f"/clinic/patients/{s.records('us', 'orders')[0]['patient_id']}/orders",
        {},
    ),
    "list_patient_treatment_plans": lambda s: (
        f"/clinic/patients/{_plan(s)['patient']['id']}/treatment_plans",
        {"params": {"sort_by": "created_at"}},
    ),
    "create_patient_treatment_plan": lambda s: (
        f"/clinic/patients/{_id('patients')(s)}/treatment_plans",
        {"json": {"recommendations": _recommendations(s), "state": "draft"}},
    ),
    "list_practitioners": lambda s: ("/clinic/practitioners", {}),
    "create_practitioner": lambda s: (
        "/clinic/practitioners",
        {
            "json": {
                "practitioner_type_id": _id("practitioner_types")(s),
                "email": "new.doc@example.com",
                "first_name": "New",
                "last_name": "Doc",
            }
        },
    ),
    "retrieve_practitioner": lambda s: (f"/clinic/practitioners/{_id('practitioners')(s)}", {}),
    "update_practitioner": lambda s: (
        f"/clinic/practitioners/{_id('practitioners')(s)}",
        {"json": {"last_name": "Updated", "metadata": {"id": "hr-7"}}},
    ),
    "list_practitioner_protocols": lambda s: (
        f"/clinic/practitioners/{_id('practitioners')(s)}/protocols",
        {"params": {"ownership_type": "all", "sort_by": "current_state"}},
    ),
    "list_practitioner_templates": lambda s: (
        f"/clinic/practitioners/{_id('practitioners')(s)}/templates",
        {},
    ),
    "list_practitioner_resources": lambda s: (
        f"/clinic/practitioners/{_resource(s)['_practitioner_id']}/resources",
        {},
    ),
    "create_practitioner_resource": lambda s: (
        f"/clinic/practitioners/{_id('practitioners')(s)}/resources",
        {
            "data": {"name": "Sleep hygiene", "save_to_library": "true", "type": "Guide"},
            "files": {"attachment": ("sleep.pdf", b"%PDF-1.4 fake", "application/pdf")},
        },
    ),
    "retrieve_practitioner_resource": lambda s: (
        f"/clinic/practitioners/{_resource(s)['_practitioner_id']}/resources/{_resource(s)['id']}",
        {},
    ),
    "update_practitioner_resource": lambda s: (
        f"/clinic/practitioners/{_resource(s)['_practitioner_id']}/resources/{_resource(s)['id']}",
        {"data": {"name": "Renamed guide", "category": "Lifestyle"}},
    ),
    "delete_practitioner_resource": lambda s: (
        f"/clinic/practitioners/{_resource(s)['_practitioner_id']}/resources/{_resource(s)['id']}",
        {},
    ),
    "list_staff": lambda s: ("/clinic/staff", {}),
    "create_staff": lambda s: (
        "/clinic/staff",
        {"json": {"email": "front.desk@example.com", "first_name": "Front", "last_name": "Desk"}},
    ),
    "retrieve_staff": lambda s: (f"/clinic/staff/{_id('staff')(s)}", {}),
    "update_staff": lambda s: (f"/clinic/staff/{_id('staff')(s)}", {"json": {"first_name": "Sam"}}),
    "retrieve_template": lambda s: (f"/clinic/templates/{_id('templates')(s)}", {}),
    "retrieve_treatment_plan": lambda s: (f"/clinic/treatment_plans/{_plan(s)['id']}", {}),
    "update_treatment_plan": lambda s: (
        f"/clinic/treatment_plans/{_plan(s)['id']}",
        {"json": {"personal_message": "Twice a day", "recommendations": _recommendations(s)}},
    ),
    "activate_treatment_plan": lambda s: (
        f"/clinic/treatment_plans/{_plan(s, 'draft')['id']}/activate",
        {},
    ),
    "cancel_treatment_plan": lambda s: (f"/clinic/treatment_plans/{_plan(s)['id']}/cancel", {}),
    "create_in_office_checkout": lambda s: (
        f"/clinic/treatment_plans/{_plan(s)['id']}/in_office_checkout",
        {},
    ),
    "list_clinic_key_events": lambda s: ("/events/clinic_keys", {}),
    "list_lab_order_events": lambda s: ("/events/lab_orders", {}),
    "list_order_events": lambda s: ("/events/orders", {"params": {"sort_by": "created_at"}}),
    "list_patient_events": lambda s: (
        "/events/patients",
        {"params": {"event_type": "patient.updated"}},
    ),
    "list_product_events": lambda s: ("/events/products", {}),
    "list_treatment_plan_events": lambda s: ("/events/treatment_plans", {}),
    "retrieve_event": lambda s: (f"/events/{s.records('us', 'events')[-1]['id']}", {}),
    "list_webhook_deliveries": lambda s: (
        "/webhooks/deliveries",
        {"params": {"successfully_delivered": "true", "sort_by": "attempted_at"}},
    ),
}

SUCCESS = {"POST": {200, 201}, "GET": {200}, "PATCH": {200}, "PUT": {200}, "DELETE": {204}}
BEARER_OPERATIONS = sorted(op.operation_id for op in OPERATIONS if op.authenticated)
SCOPED_OPERATIONS = sorted(op.operation_id for op in OPERATIONS if op.scope is not None)
PAGINATED_OPERATIONS = sorted(
    op.operation_id
    for op in OPERATIONS
    if op.method == "GET" and op.operation_id.startswith(("list_", "search_", "find_"))
)


def _request(operation_id: str, sandbox: Sandbox) -> Request:
    """The sweep's request for an operation, or a failure saying what to add."""
    build = REQUESTS.get(operation_id)
    assert build is not None, (
        f"{operation_id} has no request in REQUESTS (tests/sandbox/test_every_operation.py): add "
        f'"{operation_id}": lambda s: ("<path under /api>", {{<httpx2 options>}}); '
        "`python -m fullscript.sandbox.coverage` says whether it has a handler yet"
    )
    return build(sandbox)


def _operation(operation_id: str) -> Operation:
    return next(op for op in OPERATIONS if op.operation_id == operation_id)


async def _answer(
    operation_id: str, sandbox: Sandbox, token: IssuedToken | None
) -> httpx2.Response:
    """The sandbox's answer to the sweep's request for an operation, sent with ``token``."""
    path, options = _request(operation_id, sandbox)
    async with sandbox.client("us", token=token) as http:
        return await http.request(_operation(operation_id).method, "/api" + path, **options)


def test_every_operation_is_driven_by_the_bearer_sweep_or_the_oauth_tests(checker: Any) -> None:
    without_bearer = {
        op_id
        for op_id, (_, _, operation) in checker.operations.items()
        if operation.get("security") == []
    }
    assert without_bearer == CLIENT_CREDENTIAL_OPERATIONS, (
        "operations without a bearer token changed: drive them in CLIENT_CREDENTIAL_REQUESTS "
        "(tests/sandbox/test_every_operation.py)"
    )
    unswept = sorted(set(checker.operations) - CLIENT_CREDENTIAL_OPERATIONS - set(REQUESTS))
    stale = sorted(set(REQUESTS) - set(checker.operations))
    assert unswept == [], (
        f"add a request for {unswept} to REQUESTS in tests/sandbox/test_every_operation.py"
    )
    assert stale == [], f"remove {stale} from REQUESTS: the spec no longer has them"
    assert set(REQUESTS) == set(BEARER_OPERATIONS)


def test_the_422_sweep_covers_every_operation_with_page_parameters(checker: Any) -> None:
    paged = {
        op_id
        for op_id, (_, _, operation) in checker.operations.items()
        if {"$ref": "#/components/parameters/PageSize"} in operation.get("parameters", [])
    }
    assert paged == set(PAGINATED_OPERATIONS)


def test_the_sandbox_requires_the_scopes_the_spec_declares(checker: Any) -> None:
    for op in OPERATIONS:
        _, _, operation = checker.operations[op.operation_id]
        security = operation.get("security", checker.spec["security"])
        declared = [scope for entry in security for scope in entry.get("oauth2", [])]
        assert declared == ([op.scope] if op.scope else []), op.operation_id
        assert op.authenticated == bool(security), op.operation_id
        assert op.restricted == bool(operation.get("x-restricted")), op.operation_id


@pytest.mark.parametrize("operation_id", BEARER_OPERATIONS)
async def test_operation_answers_a_documented_success_matching_its_schema(
    operation_id: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    method, _, _ = checker.operations[operation_id]
    response = await _answer(operation_id, sandbox, token)
    assert response.status_code in SUCCESS[method], response.text
    checker.check(operation_id, response)


def _handler_name(operation_id: str) -> str:
    """Where the sandbox answers an operation: ``fullscript/sandbox/handlers/<module>.py``."""
    from fullscript.sandbox.handlers.registry import handler_groups
    from fullscript.sandbox.oauth.server import OAuthServer

    groups = handler_groups(OAuthServer.__new__(OAuthServer))
    for module, handlers in groups.items():
        if operation_id in handlers:
            handler = handlers[operation_id]
            name = getattr(handler, "__qualname__", repr(handler))
            return f"src/fullscript/sandbox/handlers/{module}.py ({name})"
    return "no handler (src/fullscript/sandbox/handlers/registry.py)"


@pytest.mark.parametrize("operation_id", BEARER_OPERATIONS)
async def test_operation_answers_only_fields_its_response_schema_declares(
    operation_id: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    response = await _answer(operation_id, sandbox, token)
    if not response.content:
        return
    undeclared = checker.undeclared_fields(operation_id, response.json())
    assert undeclared == [], (
        f"{operation_id} (answered by {_handler_name(operation_id)}) sends fields its response "
        f"schema does not declare: {undeclared}. Next step: stop producing them in the sandbox "
        "(src/fullscript/sandbox/state/), or declare them in openapi/openapi.json with "
        "x-inferred and x-inferred-reason, list them in docs/spec-inferred.md, and run "
        "make generate"
    )


@pytest.mark.parametrize(
    "operation_id",
    sorted(op.operation_id for op in OPERATIONS if "{" in op.path),
)
async def test_unknown_ids_answer_a_documented_404(
    operation_id: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    method, path, _ = checker.operations[operation_id]
    url = path.replace("{id}", "no-such-id").replace("{patient_id}", "no-such-id")
    for name in ("product_id", "category_id", "practitioner_id", "treatment_plan_id"):
        url = url.replace("{" + name + "}", "no-such-id")
    options: dict[str, Any] = {}
    if method in ("POST", "PATCH", "PUT"):
        body = {"recommendations": _recommendations(sandbox), "name": "x"}
        declared = _operation(operation_id).body_fields  # others answer 422 naming them
        options = {"json": {k: v for k, v in body.items() if declared is None or k in declared}}
    async with sandbox.client("us", token=token) as http:
        response = await http.request(method, url, **options)
    assert response.status_code == 404, response.text
    checker.check(operation_id, response)


@pytest.mark.parametrize("operation_id", BEARER_OPERATIONS)
async def test_every_authenticated_operation_answers_401_without_a_token(
    operation_id: str, sandbox: Sandbox, checker: Any
) -> None:
    response = await _answer(operation_id, sandbox, token=None)
    assert response.status_code == 401
    checker.check(operation_id, response)


@pytest.mark.parametrize("operation_id", SCOPED_OPERATIONS)
async def test_every_scoped_operation_answers_a_documented_403_without_its_scope(
    operation_id: str, sandbox: Sandbox, checker: Any
) -> None:
    scopeless = sandbox.issue_token("us", scopes=())
    response = await _answer(operation_id, sandbox, scopeless)
    assert response.status_code == 403, response.text
    assert _operation(operation_id).scope in response.json()["message"]
    checker.check(operation_id, response)


@pytest.mark.parametrize("operation_id", BEARER_OPERATIONS)
async def test_every_authenticated_operation_answers_a_documented_429_over_the_limit(
    operation_id: str, fake_time: FakeTime, checker: Any
) -> None:
    sandbox = Sandbox(seed=7, clock=fake_time, rate_limit=(1, 300))
    token = sandbox.issue_token("us")
    path, options = _request(operation_id, sandbox)
    async with sandbox.client("us", token=token) as http:
        assert (await http.get("/api/clinic")).status_code == 200  # the app's only request
        response = await http.request(_operation(operation_id).method, "/api" + path, **options)
    assert response.status_code == 429, response.text
    assert int(response.headers["retry-after"]) > 0
    checker.check(operation_id, response)


@pytest.mark.parametrize("operation_id", PAGINATED_OPERATIONS)
@pytest.mark.parametrize("name, value", [("page[size]", "0"), ("page[number]", "first")])
async def test_bad_page_parameters_answer_a_documented_422_naming_them(
    operation_id: str,
    name: str,
    value: str,
    sandbox: Sandbox,
    token: IssuedToken,
    checker: Any,
) -> None:
    path, options = _request(operation_id, sandbox)
    params = {**options.get("params", {}), name: value}
    async with sandbox.client("us", token=token) as http:
        response = await http.get("/api" + path, params=params)
    assert response.status_code == 422, response.text
    assert list(response.json()["errors"]) == [name]
    checker.check(operation_id, response)


@pytest.mark.parametrize(
    "operation_id, name",
    [
        ("list_patient_events", "created_at"),
        ("list_orders", "completed_at"),
        ("list_webhook_deliveries", "attempted_at"),
    ],
)
@pytest.mark.parametrize("value", ["0000-00-00", "2024-02-30", "yesterday"])
async def test_impossible_date_filters_answer_a_documented_422_naming_them(
    operation_id: str, name: str, value: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    path, _ = _request(operation_id, sandbox)
    async with sandbox.client("us", token=token) as http:
        response = await http.get("/api" + path, params={name: value})
    assert response.status_code == 422, response.text
    assert list(response.json()["errors"]) == [name]
    checker.check(operation_id, response)


async def test_answers_without_documented_bodies_are_empty(
    sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    path, _ = REQUESTS["delete_practitioner_resource"](sandbox)
    async with sandbox.client("us", token=token) as http:
        deleted = await http.delete("/api" + path)
        again = await http.get("/api" + path)
    assert deleted.status_code == 204 and deleted.content == b""
    assert again.status_code == 404


def test_httpx_is_the_client(sandbox: Sandbox) -> None:
    assert isinstance(sandbox.client(), httpx2.AsyncClient)


# --- the operations authenticated by client credentials -------------------------------------


def _credentials(sandbox: Sandbox) -> dict[str, str]:
    return {
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
    }


def _code_exchange(sandbox: Sandbox) -> dict[str, str]:
    return {
        **_credentials(sandbox),
        "grant_type": "authorization_code",
        "code": sandbox.authorization_code("us"),
        "redirect_uri": sandbox.settings.redirect_uri,
    }


def _refresh(sandbox: Sandbox) -> dict[str, str]:
    return {
        **_credentials(sandbox),
        "grant_type": "refresh_token",
        "refresh_token": sandbox.issue_token("us").refresh_token,
    }


def _revoke(sandbox: Sandbox) -> dict[str, str]:
    return {**_credentials(sandbox), "token": sandbox.issue_token("us").access_token}


@pytest.mark.parametrize("grant", [_code_exchange, _refresh], ids=["authorization_code", "refresh"])
async def test_create_oauth_token_answers_a_documented_token_for_both_grants(
    grant: Callable[[Sandbox], dict[str, str]], sandbox: Sandbox, checker: Any
) -> None:
    async with sandbox.client("us") as http:
        response = await http.post("/api/oauth/token", json=grant(sandbox))
        assert response.status_code == 200, response.text
        checker.check("create_oauth_token", response)
        issued = response.json()["oauth"]["access_token"]
        clinic = await http.get("/api/clinic", headers={"Authorization": f"Bearer {issued}"})
    assert clinic.status_code == 200


async def test_revoke_oauth_token_answers_documented_200_and_the_token_dies(
    sandbox: Sandbox, checker: Any
) -> None:
    body = _revoke(sandbox)
    async with sandbox.client("us") as http:
        response = await http.post("/api/oauth/revoke", json=body)
        assert response.status_code == 200, response.text
        checker.check("revoke_oauth_token", response)
        clinic = await http.get("/api/clinic", headers={"Authorization": f"Bearer {body['token']}"})
    assert clinic.status_code == 401


CLIENT_CREDENTIAL_REQUESTS: dict[str, tuple[str, Callable[[Sandbox], dict[str, str]]]] = {
    "create_oauth_token": ("/api/oauth/token", _code_exchange),
    "revoke_oauth_token": ("/api/oauth/revoke", _revoke),
}


@pytest.mark.parametrize("operation_id", sorted(CLIENT_CREDENTIAL_OPERATIONS))
async def test_oauth_operations_answer_a_documented_401_for_a_wrong_client_secret(
    operation_id: str, sandbox: Sandbox, checker: Any
) -> None:
    path, build = CLIENT_CREDENTIAL_REQUESTS[operation_id]
    async with sandbox.client("us") as http:
        response = await http.post(path, json={**build(sandbox), "client_secret": "wrong"})
    assert response.status_code == 401, response.text
    assert response.json()["error"] == "invalid_client"
    checker.check(operation_id, response)


async def test_create_oauth_token_answers_a_documented_400_for_a_bad_grant(
    sandbox: Sandbox, checker: Any
) -> None:
    async with sandbox.client("us") as http:
        reused = {**_code_exchange(sandbox)}
        assert (await http.post("/api/oauth/token", json=reused)).status_code == 200
        again = await http.post("/api/oauth/token", json=reused)
        unknown_grant = await http.post(
            "/api/oauth/token", json={**_credentials(sandbox), "grant_type": "password"}
        )
    assert (again.status_code, again.json()["error"]) == (400, "invalid_grant")
    assert (unknown_grant.status_code, unknown_grant.json()["error"]) == (
        400,
        "unsupported_grant_type",
    )
    checker.check("create_oauth_token", again)
    checker.check("create_oauth_token", unknown_grant)


@pytest.mark.parametrize("operation_id", sorted(CLIENT_CREDENTIAL_OPERATIONS))
async def test_oauth_operations_count_against_the_limit_and_answer_a_documented_429(
    operation_id: str, fake_time: FakeTime, checker: Any
) -> None:
    sandbox = Sandbox(seed=7, clock=fake_time, rate_limit=(1, 300))
    path, build = CLIENT_CREDENTIAL_REQUESTS[operation_id]
    async with sandbox.client("us") as http:
        first = await http.post(path, json=build(sandbox))
        second = await http.post(path, json=build(sandbox))
    assert first.status_code == 200, first.text
    assert second.status_code == 429, second.text
    assert int(second.headers["retry-after"]) > 0
    checker.check(operation_id, second)


def _required_body_fields(checker: Any, operation_id: str) -> list[str]:
    _, _, operation = checker.operations[operation_id]
    body = checker._resolve(operation["requestBody"])
    (content,) = body["content"].values()
    required: list[str] = checker._resolve(content["schema"]).get("required", [])
    return required


REQUIRED_FIELD_CASES = [
    (operation_id, field)
    for operation_id, fields in {
        "create_patient": ["email", "first_name", "last_name"],
        "create_practitioner": ["email", "first_name", "last_name"],
        "create_staff": ["email", "first_name", "last_name"],
        "create_patient_treatment_plan": ["recommendations"],
        "update_treatment_plan": ["recommendations"],
        "create_treatment_plan_link": ["treatment_plan"],
        "create_gateway_treatment_plan_link": ["treatment_plan"],
        "create_practitioner_resource": ["name", "attachment", "save_to_library"],
    }.items()
    for field in fields
]


def test_the_required_field_sweep_follows_the_spec(checker: Any) -> None:
    documented = {
        (operation_id, field)
        for operation_id in REQUESTS
        if "requestBody" in checker.operations[operation_id][2]
        for field in _required_body_fields(checker, operation_id)
    }
    # practitioner_type_id is the documented exception: an unknown or missing type is a 404.
    assert documented - set(REQUIRED_FIELD_CASES) == {
        ("create_practitioner", "practitioner_type_id")
    }
    assert set(REQUIRED_FIELD_CASES) <= documented


@pytest.mark.parametrize(("operation_id", "field"), REQUIRED_FIELD_CASES)
async def test_a_missing_required_field_answers_a_documented_error_naming_it(
    operation_id: str, field: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    method, _, _ = checker.operations[operation_id]
    path, options = _request(operation_id, sandbox)
    options = {
        kind: {k: v for k, v in value.items() if k != field} if kind in ("json", "data", "files")
        else value
        for kind, value in options.items()
    }  # fmt: skip
    async with sandbox.client("us", token=token) as http:
        response = await http.request(method, "/api" + path, **options)
    if operation_id in ("create_treatment_plan_link", "create_gateway_treatment_plan_link"):
        # Dynamic-link POSTs document 400 for a missing top-level param (Rails' ParameterMissing).
        assert response.status_code == 400, response.text
    else:
        assert response.status_code == 422, response.text
        assert field in response.json()["errors"]
    assert field in response.json()["error"]
    checker.check(operation_id, response)
