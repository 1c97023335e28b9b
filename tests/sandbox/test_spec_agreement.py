"""The sandbox answers what the spec says of each value: a value the spec allows is served, one
it forbids is refused with a documented status (the cases schemathesis found, one by one)."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest


@pytest.mark.parametrize(
    "params",
    [
        {"page[number]": ""},
        {"page[size]": ""},
        {"sort_by": ""},
        {"order_by": ""},
        {"order_by": "asc"},
        {"sort_by": "nonsense"},
        {"created_at": ""},
    ],
)
async def test_an_empty_or_unknown_value_of_a_typed_query_parameter_is_a_422(
    client: httpx2.AsyncClient, checker: Any, params: dict[str, str]
) -> None:
    response = await client.get("/api/events/patients", params=params)
    assert response.status_code == 422, response.text
    assert list(response.json()["errors"]) == list(params)
    checker.check("list_patient_events", response)


@pytest.mark.parametrize("value", ["false", "1", ""])
async def test_a_true_only_brand_filter_refuses_anything_but_true(
    client: httpx2.AsyncClient, value: str
) -> None:
    response = await client.get("/api/catalog/brands", params={"clinic_permitted": value})
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("value", ["0", "TRUE", ""])
async def test_a_true_false_filter_refuses_other_spellings(
    client: httpx2.AsyncClient, value: str
) -> None:
    response = await client.get(
        "/api/webhooks/deliveries", params={"successfully_delivered": value}
    )
    assert response.status_code == 422, response.text


@pytest.mark.parametrize(
    "value",
    [
        "0000-01-01",
        ">0000-01-01",
        "2023-02-29",
        "9999-12-31",
        ">9999-12-31",
        "2024-03-01..2024-01-01",
    ],
)
async def test_every_date_filter_the_spec_allows_is_served(
    client: httpx2.AsyncClient, checker: Any, value: str
) -> None:
    response = await client.get("/api/events/patients", params={"created_at": value})
    assert response.status_code == 200, response.text
    checker.check("list_patient_events", response)


async def test_a_method_a_path_lacks_is_a_405_allowing_every_method_it_has(
    client: httpx2.AsyncClient,
) -> None:
    response = await client.delete("/api/clinic/patients/some-id")
    assert response.status_code == 405
    assert {method.strip() for method in response.headers["allow"].split(",")} == {
        "GET",
        "HEAD",
        "PATCH",
    }


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]"])
async def test_a_body_that_is_not_a_json_object_is_a_documented_400(
    client: httpx2.AsyncClient, checker: Any, body: bytes
) -> None:
    response = await client.post(
        "/api/clinic/patients", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    checker.check("create_patient", response)
