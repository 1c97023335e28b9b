"""SDK (attrs) models in FastAPI routes: bodies, return values, lists, pages, OpenAPI."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import attrs
import fullscript_api.models as models
import httpx2
import pytest
from app_support import APP_URL
from fastapi import APIRouter, FastAPI
from fullscript_api.models import Patient, PatientCreateRequest, TreatmentPlan
from fullscript_api.types import UNSET, Unset

from fullscript import Page
from fullscript.fastapi import SDKRoute, is_sdk_model, pydantic_model

SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
SDK_MODELS = sorted(
    (getattr(models, name) for name in models.__all__ if is_sdk_model(getattr(models, name))),
    key=lambda cls: cls.__name__,
)


def test_every_generated_model_has_a_twin_whose_json_names_are_the_generated_ones() -> None:
    assert len(SDK_MODELS) > 50
    for cls in SDK_MODELS:
        twin = pydantic_model(cls)
        source = inspect.getsource(cls.from_dict)
        for name, field in twin.model_fields.items():
            key = field.alias or name
            assert f'd.pop("{key}"' in source, f"{cls.__name__}.{name} is not read as {key!r}"


@pytest.mark.parametrize(
    "cls",
    [cls for cls in SDK_MODELS if "example" in SPEC["components"]["schemas"].get(cls.__name__, {})],
    ids=lambda cls: cls.__name__,
)
def test_the_spec_examples_round_trip_through_the_twin(cls: Any) -> None:
    example = SPEC["components"]["schemas"][cls.__name__]["example"]
    record = cls.from_dict(example)
    twin = pydantic_model(cls).model_validate(record)
    assert twin.model_dump(mode="json", by_alias=True, exclude_unset=True) == record.to_dict()


def build_app() -> FastAPI:
    router = APIRouter(route_class=SDKRoute)

    @router.post("/patients", status_code=201)
    async def create(body: PatientCreateRequest) -> Patient:
        assert isinstance(body, PatientCreateRequest)  # the endpoint gets the attrs model
        return Patient.from_dict({"id": "p-1", "email": body.email, "gender": body.gender})

    @router.put("/patients/{patient_id}")
    def update_sync(patient_id: str, body: PatientCreateRequest) -> Patient:
        return Patient.from_dict({"id": patient_id, "first_name": body.first_name})

    @router.get("/plans")
    async def plans() -> list[TreatmentPlan]:
        plan = {"id": "t", "state": "active", "recommendations": [{"variant_id": "v"}]}
        return [TreatmentPlan.from_dict(plan)]

    @router.get("/page")
    async def page() -> Page[Patient]:
        return Page(items=[Patient.from_dict({"id": "a"})], current_page=1, next_page=2)

    @router.get("/maybe")
    async def maybe() -> Patient | None:
        return None

    app = FastAPI()
    app.include_router(router)
    return app


@pytest.fixture
async def client() -> Any:
    async with httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=build_app()), base_url=APP_URL
    ) as http:
        yield http


async def test_an_sdk_request_model_is_a_validated_body(client: httpx2.AsyncClient) -> None:
    good = {"email": "maya@example.org", "first_name": "Maya", "last_name": "L", "gender": "x"}
    answer = await client.post("/patients", json=good)
    assert answer.status_code == 201
    # Fields never set are left out, not sent as null.
    assert answer.json() == {"id": "p-1", "email": "maya@example.org", "gender": "x"}
    refused = await client.post("/patients", json={"email": 3, "gender": "robot"})
    assert refused.status_code == 422
    assert {tuple(e["loc"]) for e in refused.json()["detail"]} >= {
        ("body", "email"),
        ("body", "first_name"),
        ("body", "gender"),
    }


async def test_sync_endpoints_get_the_attrs_model_too(client: httpx2.AsyncClient) -> None:
    answer = await client.put(
        "/patients/p-9", json={"email": "a@b.c", "first_name": "A", "last_name": "B"}
    )
    assert answer.json() == {"id": "p-9", "first_name": "A"}


async def test_lists_pages_and_optionals_serialise(client: httpx2.AsyncClient) -> None:
    plans = (await client.get("/plans")).json()
    assert plans == [{"id": "t", "state": "active", "recommendations": [{"variant_id": "v"}]}]
    page = (await client.get("/page")).json()
    assert page["items"] == [{"id": "a"}] and page["current_page"] == 1 and page["next_page"] == 2
    assert (await client.get("/maybe")).json() is None


async def test_the_openapi_document_shows_the_sdk_shapes(client: httpx2.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    schemas = document["components"]["schemas"]
    assert {"Patient", "PatientCreateRequest", "TreatmentPlan", "PatientPage"} <= set(schemas)
    assert "email" in schemas["PatientCreateRequest"]["required"]
    assert schemas["Patient"]["properties"]["id"]["type"] == "string"


def test_a_non_sdk_class_is_refused_with_a_clear_error() -> None:
    @attrs.define
    class Plain:
        x: int

    with pytest.raises(TypeError, match="not a generated SDK model"):
        pydantic_model(Plain)


@attrs.define
class Node:
    """A self-referencing model shaped like the generated ones."""

    id: str
    children: list[Node] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if not isinstance(self.children, Unset):
            data["children"] = [child.to_dict() for child in self.children]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        children = data.get("children", UNSET)
        if not isinstance(children, Unset):
            children = [cls.from_dict(child) for child in children]
        return cls(id=data["id"], children=children)


def test_a_model_that_refers_to_itself_gets_a_twin() -> None:
    twin = pydantic_model(Node)
    tree = Node("a", [Node("b", [Node("c")]), Node("d")])
    assert twin.model_validate(tree).model_dump(exclude_unset=True) == tree.to_dict()
