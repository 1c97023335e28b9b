"""Every create and update through the API changes what later reads return."""

from __future__ import annotations

from typing import Any

import pytest

from fullscript.sandbox import IssuedToken, Sandbox

from .test_every_operation import REQUESTS

# write operationId -> (read path template under /api, wrapper key, field -> value it must read)
READ_BACK: dict[str, tuple[str, str, dict[str, Any]]] = {
    "create_patient": ("/clinic/patients/{id}", "patient", {"email": "new.patient@example.com"}),
    "update_patient": ("/clinic/patients/{id}", "patient", {"first_name": "Renamed"}),
    "create_patient_treatment_plan": ("/clinic/treatment_plans/{id}", "treatment_plan",
                                      {"state": "draft"}),
    "update_treatment_plan": ("/clinic/treatment_plans/{id}", "treatment_plan",
                              {"personal_message": "Twice a day"}),
    "activate_treatment_plan": ("/clinic/treatment_plans/{id}", "treatment_plan",
                                {"state": "active"}),
    "cancel_treatment_plan": ("/clinic/treatment_plans/{id}", "treatment_plan",
                              {"state": "cancelled"}),
    "create_practitioner": ("/clinic/practitioners/{id}", "practitioner",
                            {"email": "new.doc@example.com"}),
    "update_practitioner": ("/clinic/practitioners/{id}", "practitioner",
                            {"last_name": "Updated"}),
    "create_staff": ("/clinic/staff/{id}", "staff", {"email": "front.desk@example.com"}),
    "update_staff": ("/clinic/staff/{id}", "staff", {"first_name": "Sam"}),
    "create_practitioner_resource": ("/clinic/practitioners/{practitioner_id}/resources/{id}",
                                     "resource", {"name": "Sleep hygiene"}),
    "update_practitioner_resource": ("/clinic/practitioners/{practitioner_id}/resources/{id}",
                                     "resource", {"name": "Renamed guide",
                                                  "category": "Lifestyle"}),
}  # fmt: skip


@pytest.mark.parametrize("operation_id", sorted(READ_BACK))
async def test_a_write_is_what_later_reads_return(
    operation_id: str, sandbox: Sandbox, token: IssuedToken, checker: Any
) -> None:
    method, _, _ = checker.operations[operation_id]
    path, options = REQUESTS[operation_id](sandbox)
    read_path, key, expected = READ_BACK[operation_id]
    async with sandbox.client("us", token=token) as http:
        written = await http.request(method, "/api" + path, **options)
        assert written.status_code in (200, 201), written.text
        record = written.json()[key]
        # A resource names no practitioner: its owner is the one in the write's path.
        segments = path.split("/")
        owner = segments[segments.index("practitioners") + 1] if "resources" in segments else None
        url = "/api" + read_path.format(**{"practitioner_id": owner, **record})
        # A fresh client and token: nothing is cached client-side.
        async with sandbox.client("us", token=sandbox.issue_token("us")) as later:
            read = await later.get(url)
    checker.check(operation_id, written)
    assert read.status_code == 200
    assert read.json()[key] == record
    assert {field: record[field] for field in expected} == expected


async def test_a_created_patient_joins_the_list_and_the_search(
    sandbox: Sandbox, token: IssuedToken
) -> None:
    path, options = REQUESTS["create_patient"](sandbox)
    async with sandbox.client("us", token=token) as http:
        created = (await http.post("/api" + path, **options)).json()["patient"]
        last_page = (
            await http.get("/api/clinic/patients", params={"page[size]": 100, "page[number]": 4})
        ).json()
        found = (
            await http.get("/api/clinic/search/patients", params={"query": created["email"]})
        ).json()
    assert last_page["meta"]["total_count"] == 351
    assert created["id"] in {p["id"] for p in last_page["patients"]}
    assert [p["id"] for p in found["patients"]] == [created["id"]]
