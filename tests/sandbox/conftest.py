"""Fixtures for the sandbox tests: a sandbox on a fixed clock, tokens, clients, and a checker
that validates answers against ``openapi/openapi.json``."""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx2
import jsonschema
import pytest

from fullscript.sandbox import IssuedToken, Sandbox

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
CONTROL = "http://fullscript-sandbox/_sandbox"  # the control surface, in-process
START = 1_780_000_000.0  # a fixed instant so every run sees the same data


class FakeTime:
    """A clock the tests move by hand."""

    def __init__(self, start: float = START) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


def _nullable_to_anyof(schema: Any) -> Any:
    """OpenAPI 3.0 ``nullable`` as JSON Schema, the way schemathesis reads it (also beside
    ``allOf``/``oneOf``/``$ref``, which the spec uses for nullable references)."""
    if isinstance(schema, list):
        return [_nullable_to_anyof(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    converted = {key: _nullable_to_anyof(value) for key, value in schema.items()}
    if converted.pop("nullable", False):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


class SpecChecker:
    """Checks that an answer is documented for its operation and matches the response schema."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.components = _nullable_to_anyof(spec["components"])
        self.operations: dict[str, tuple[str, str, dict[str, Any]]] = {}
        for path, item in spec["paths"].items():
            for method, operation in item.items():
                if isinstance(operation, dict) and "operationId" in operation:
                    self.operations[operation["operationId"]] = (method.upper(), path, operation)

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = self.spec
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def check(self, operation_id: str, response: httpx2.Response) -> None:
        assert response.headers.get("x-request-id"), "every answer carries X-Request-Id"
        _, _, operation = self.operations[operation_id]
        status = str(response.status_code)
        documented = operation["responses"]
        assert status in documented, (
            f"{operation_id} answered {status}, documented: {sorted(documented)}: {response.text}"
        )
        declared = self._resolve(documented[status])
        content = declared.get("content")
        if not content:
            assert not response.content, f"{operation_id} {status} should have no body"
            return
        schema = content["application/json"]["schema"]
        root = {**_nullable_to_anyof(copy.deepcopy(schema)), "components": self.components}
        jsonschema.Draft7Validator(root).validate(response.json())

    def _branches(self, node: Any) -> list[dict[str, Any]]:
        """``node`` and every schema it is composed of (``$ref``, ``allOf``/``oneOf``/``anyOf``)."""
        if not isinstance(node, dict):
            return []
        node = self._resolve(node)
        found = [node]
        for key in ("allOf", "oneOf", "anyOf"):
            for part in node.get(key, ()):
                found.extend(self._branches(part))
        return found

    def undeclared_fields(self, operation_id: str, body: Any) -> list[str]:
        """Dotted paths of the keys in ``body`` that the success schema does not declare."""
        _, _, operation = self.operations[operation_id]
        for status in ("200", "201"):
            declared = self._resolve(operation["responses"].get(status, {}))
            content = declared.get("content")
            if content:
                return sorted(set(self._undeclared(content["application/json"]["schema"], body)))
        return []

    def _undeclared(self, schema: Any, value: Any, where: str = "") -> list[str]:
        branches = self._branches(schema)
        found: list[str] = []
        if isinstance(value, list):
            for branch in branches:
                if "items" in branch:
                    for item in value:
                        found.extend(self._undeclared(branch["items"], item, f"{where}[]"))
            return found
        if not isinstance(value, dict) or not branches:
            return found
        properties: dict[str, Any] = {}
        for branch in branches:
            properties.update(branch.get("properties", {}))
        open_ended = any(
            branch.get("additionalProperties") not in (None, False) for branch in branches
        )
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            if key in properties:
                found.extend(self._undeclared(properties[key], item, path))
            elif not open_ended and any(b.get("properties") for b in branches):
                found.append(path)
        return found


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text())


@pytest.fixture(scope="session")
def checker(spec: dict[str, Any]) -> SpecChecker:
    return SpecChecker(spec)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def sandbox(fake_time: FakeTime) -> Sandbox:
    return Sandbox(seed=7, clock=fake_time)


@pytest.fixture
def token(sandbox: Sandbox) -> IssuedToken:
    return sandbox.issue_token("us")


@pytest.fixture
async def client(sandbox: Sandbox, token: IssuedToken) -> AsyncIterator[httpx2.AsyncClient]:
    async with sandbox.client("us", token=token) as http:
        yield http


@pytest.fixture
def make_client(sandbox: Sandbox) -> Callable[..., httpx2.AsyncClient]:
    """Build more clients (other regions, other tokens); close them with ``async with``."""

    def build(region: str = "us", token: IssuedToken | str | None = None) -> httpx2.AsyncClient:
        return sandbox.client(region, token=token)

    return build


async def walk(client: httpx2.AsyncClient, url: str, key: str, **params: Any) -> list[Any]:
    """Every record of a list, page by page (100 per page unless ``page[size]`` is given)."""
    records: list[Any] = []
    number: int | None = 1
    while number is not None:
        query = {"page[size]": 100, **params, "page[number]": number}
        response = await client.get(url, params=query)
        assert response.status_code == 200, response.text
        records.extend(response.json()[key])
        number = response.json()["meta"]["next_page"]
    return records
