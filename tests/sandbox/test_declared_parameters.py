"""The sandbox refuses parameters the spec does not declare (422 naming them), unless told to be lax.

Fullscript ignores unknown parameters, so a renamed filter returns everything; the sandbox
names it instead. The declared names come from the generated operation table, never a copy.
"""

from __future__ import annotations

import httpx2

from fullscript.sandbox import OPERATIONS, Operation, Sandbox

from .conftest import FakeTime


def _operation(operation_id: str) -> Operation:
    return next(op for op in OPERATIONS if op.operation_id == operation_id)


def _undeclared_query_name(operation: Operation) -> str:
    # The renamed-parameter case: the name a filter would have after a rename.
    name = "number"
    assert name not in operation.query_parameters
    return name


async def test_an_undeclared_query_parameter_answers_422_naming_it(
    client: httpx2.AsyncClient,
) -> None:
    list_orders = _operation("list_orders")
    name = _undeclared_query_name(list_orders)
    response = await client.get("/api/clinic/orders", params={name: "R000100001"})
    assert response.status_code == 422
    assert name in response.json()["errors"]
    assert "list_orders" in response.json()["errors"][name][0]


async def test_declared_query_parameters_are_accepted(client: httpx2.AsyncClient) -> None:
    declared = _operation("list_orders").query_parameters
    assert "page[size]" in declared
    response = await client.get("/api/clinic/orders", params={"page[size]": 3})
    assert response.status_code == 200


async def test_an_undeclared_body_member_answers_422_naming_it(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    update_patient = _operation("update_patient")
    assert update_patient.body_fields is not None and "nickname" not in update_patient.body_fields
    patient_id = sandbox.records("us", "patients")[0]["id"]
    flat = await client.patch(f"/api/clinic/patients/{patient_id}", json={"nickname": "Mo"})
    wrapped = await client.patch(
        f"/api/clinic/patients/{patient_id}", json={"patient": {"nickname": "Mo"}}
    )
    for response in (flat, wrapped):
        assert response.status_code == 422
        assert list(response.json()["errors"]) == ["nickname"]
    unchanged = sandbox.records("us", "patients")[0]
    assert "nickname" not in unchanged


async def test_a_wrapped_body_with_declared_members_is_accepted(
    sandbox: Sandbox, client: httpx2.AsyncClient
) -> None:
    patient_id = sandbox.records("us", "patients")[0]["id"]
    response = await client.patch(
        f"/api/clinic/patients/{patient_id}", json={"patient": {"first_name": "Wrapped"}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["patient"]["first_name"] == "Wrapped"


async def test_lax_parameters_ignore_undeclared_names_as_fullscript_does(
    fake_time: FakeTime,
) -> None:
    lax = Sandbox(seed=7, clock=fake_time, lax_parameters=True)
    async with lax.client("us", token=lax.issue_token("us")) as http:
        everything = await http.get("/api/clinic/orders", params={"number": "R000100001"})
        plain = await http.get("/api/clinic/orders")
    assert everything.status_code == 200
    assert everything.json()["meta"]["total_count"] == plain.json()["meta"]["total_count"]
    assert lax.settings.lax_parameters is True


async def test_the_oauth_token_endpoint_ignores_unknown_members_as_rfc_6749_requires(
    sandbox: Sandbox,
) -> None:
    app = sandbox.oauth_app
    async with sandbox.client("us") as http:
        response = await http.post(
            "/api/oauth/token",
            json={
                "grant_type": "authorization_code",
                "client_id": app.client_id,
                "client_secret": app.client_secret,
                "code": "no-such-code",
                "redirect_uri": app.redirect_uri,
                "device": "kiosk-3",
            },
        )
    assert response.status_code == 400  # the unknown code, not the unknown member
    assert "device" not in response.text
