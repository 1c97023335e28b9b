"""Every Python example in README.md and docs/*.md runs, so the docs match the behaviour.

Each fenced ``python`` block runs on its own against the in-process sandbox, top-level
``await`` allowed, with these names predefined (docs/facade.md, "Running the examples"):

* ``sandbox``: a fresh ``Sandbox(seed=1)``; ``fs``: a client on it holding tokens for ``us``
  and ``ca``; ``patient_id``: a patient of the ``us`` clinic; ``csrf_state``; ``code``: a
  fresh authorization code; ``saved_token``: a token pair of ``us``;
* ``secret``: the sandbox's webhook secret; ``raw_body`` and ``headers``: a ``patient.updated``
  delivery the sandbox just signed with it and sent; ``last_seen``: an hour before it;
* ``redis_url``: the suite's real redis-server (emptied first), for blocks that name it;
* the environment variables a block reads: ``FULLSCRIPT_WEBHOOK_SECRET`` (the sandbox's webhook
  secret) and ``APP_STATE_SECRET``;
* ``state_secret``: an OAuth state secret; ``current_clinic(request)``: the grant id of the
  caller and ``current_user(request)``: the signed-in user (both stand for your session; here
  read from the ``grant_id`` query parameter); ``save(record)``:
  stands for your database (a block that calls it must call it at least once);
* the public names of ``fullscript``, ``fullscript.sandbox`` and ``fullscript_api.models``.

``fullscript.Fullscript`` itself is pointed at the sandbox for the block: a client created
without ``transport=`` gets the sandbox's transport, credentials and a token, and its region is
served by the sandbox (``region="us"`` becomes the sandbox's ``/us``). Functions the block
defines whose names start with ``test_`` are called. The working directory is a temporary one
(``FileTokenStore("tokens.json")`` writes there).

A block that defines a FastAPI ``app`` is then served through ``httpx2.ASGITransport`` inside
its lifespan: its OpenAPI document must build, a ``webhook_router`` must answer the signed
delivery with 200, and an ``oauth_router`` must redirect ``/oauth/connect`` to Fullscript (or,
when the block defines its own ``current_user`` with no session behind it, answer 401).
"""

from __future__ import annotations

import ast
import inspect
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fullscript_api import models
from support.sandbox_clients import token_from

import fullscript
import fullscript.sandbox as sandbox_module
from fullscript import Fullscript, InMemoryTokenStore, Region
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    DEFAULT_WEBHOOK_SECRET,
    Sandbox,
)

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for document in DOCUMENTS:
        text = document.read_text("utf-8")
        for match in re.finditer(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE):
            line = text.count("\n", 0, match.start()) + 2
            found.append((document.name, line, match.group(1)))
    return found


BLOCKS = _blocks()


def _names(module: Any) -> dict[str, Any]:
    return {name: getattr(module, name) for name in module.__all__}


def _sandboxed(sandbox: Sandbox) -> type[Fullscript]:
    class SandboxedFullscript(Fullscript):
        """`Fullscript` on the in-process sandbox unless the example brings its transport."""

        def __init__(self, **options: Any) -> None:
            if "transport" not in options:
                region = options.get("region", "us")
                key = region.key if isinstance(region, Region) else str(region)
                options["region"] = Region.from_key(key).with_base_url(sandbox.base_url(key))
                options["transport"] = sandbox.transport()
                options.update(
                    client_id=DEFAULT_CLIENT_ID,
                    client_secret=DEFAULT_CLIENT_SECRET,
                    redirect_uri=DEFAULT_REDIRECT_URI,
                )
                options.setdefault("token", token_from(sandbox.issue_token(key)))
                options.pop("environment", None)
            super().__init__(**options)

    return SandboxedFullscript


class _Delivery:
    """A webhook delivery the sandbox signed and sent (captured instead of served)."""

    def __init__(self, sandbox: Sandbox, patient_id: str) -> None:
        self.sent: list[httpx2.Request] = []
        self.sandbox = sandbox
        self.patient_id = patient_id

    def _capture(self, request: httpx2.Request) -> httpx2.Response:
        self.sent.append(request)
        return httpx2.Response(200, json={"challenge": "challenge-from-the-dashboard"})

    async def made(self) -> httpx2.Request:
        self.sandbox.configure_webhooks(
            url="http://app.test/webhooks/fullscript",
            secret=DEFAULT_WEBHOOK_SECRET,
            transport=httpx2.MockTransport(self._capture),
        )
        self.sandbox.clinic("us").update_patient(self.patient_id, last_name="Lindqvist")
        await self.sandbox.deliver_webhooks()
        (request,) = self.sent
        return request


async def _current_clinic(request: Any) -> str:
    return str(request.query_params["grant_id"])


async def _current_user(request: Any) -> str:
    return "user-of-" + str(request.query_params.get("grant_id", ""))


async def _smoke_test_app(app: Any, source: str, delivery: httpx2.Request | None) -> None:
    """Serve a FastAPI app the block defined and send it what its routers are for."""
    from fastapi import FastAPI

    from fullscript.fastapi import DEFAULT_WEBHOOK_PATH

    assert isinstance(app, FastAPI)
    transport = httpx2.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx2.AsyncClient(transport=transport, base_url="http://app.test") as http,
    ):
        assert (await http.get("/openapi.json")).status_code == 200
        if "webhook_router(" in source:
            assert delivery is not None, "a webhook example needs the signed delivery"
            answer = await http.post(
                DEFAULT_WEBHOOK_PATH, content=delivery.content, headers=dict(delivery.headers)
            )
            assert answer.status_code == 200, answer.text
            assert "challenge" in answer.json()
        if "oauth_router(" in source:
            answer = await http.get("/oauth/connect", params={"grant_id": "tenant-42"})
            if re.search(r"def current_user\b", source):  # the block's own: nobody signed in
                assert answer.status_code == 401, answer.text
                assert answer.json()["error"] == "unauthenticated"
            else:
                assert answer.status_code == 302, answer.text
                assert "state=" in answer.headers["location"]


async def _close_redis_left_open(namespace: dict[str, Any]) -> None:
    """Close the Redis stores a block made for its app's lifetime (receivers, state signers)."""
    values = list(namespace.values())
    values += [getattr(value, name, None) for value in values for name in ("seen", "nonces")]
    for value in {id(value): value for value in values}.values():
        if type(value).__module__.startswith("fullscript.webhooks.redis"):
            await value.aclose()


def test_the_docs_have_examples() -> None:
    assert len(BLOCKS) >= 15
    assert {name for name, _, _ in BLOCKS} >= {"README.md", "facade.md", "sandbox.md"}


@pytest.mark.parametrize(
    ("document", "line", "source"), BLOCKS, ids=[f"{d}:{n}" for d, n, _ in BLOCKS]
)
async def test_the_example_runs(
    document: str,
    line: int,
    source: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FULLSCRIPT_WEBHOOK_SECRET", DEFAULT_WEBHOOK_SECRET)
    monkeypatch.setenv("APP_STATE_SECRET", "state-secret-of-at-least-16-bytes")
    sandbox = Sandbox(seed=1)
    monkeypatch.setattr(fullscript, "Fullscript", _sandboxed(sandbox))
    tokens = InMemoryTokenStore(
        [token_from(sandbox.issue_token("us")), token_from(sandbox.issue_token("ca"))]
    )
    fs = Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.US.with_base_url(sandbox.base_url("us")),
        transport=sandbox.transport(),
        token_store=tokens,
    )
    patient_id = str(sandbox.records("us", "patients")[0]["id"])
    delivery = None
    if re.search(r"\b(secret|raw_body|headers|last_seen)\b", source):
        delivery = await _Delivery(sandbox, patient_id).made()
    saved: list[Any] = []

    async def save(record: Any) -> None:
        saved.append(record)

    namespace: dict[str, Any] = {
        **_names(models),
        **_names(sandbox_module),
        **_names(fullscript),
        "Fullscript": fullscript.Fullscript,
        "sandbox": sandbox,
        "fs": fs,
        "patient_id": patient_id,
        "csrf_state": "state-from-your-session",
        "code": sandbox.authorization_code("us"),
        "saved_token": token_from(sandbox.issue_token("us")),
        "state_secret": "state-secret-of-at-least-16-bytes",
        "current_clinic": _current_clinic,
        "current_user": _current_user,
        "save": save,
    }
    if delivery is not None:
        namespace.update(
            secret=DEFAULT_WEBHOOK_SECRET,
            raw_body=delivery.content,
            headers=delivery.headers,
            last_seen=datetime.fromtimestamp(sandbox.now(), UTC) - timedelta(hours=1),
        )
    if re.search(r"\bredis_url\b", source):
        namespace["redis_url"] = request.getfixturevalue("redis_url")
    code = compile(
        source,
        f"{document}:{line}",
        "exec",
        flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
        dont_inherit=True,
    )
    async with fs:
        outcome = eval(code, namespace)  # our own documentation, compiled above
        if inspect.iscoroutine(outcome):
            await outcome
        for name, value in list(namespace.items()):
            if name.startswith("test_") and inspect.isfunction(value):
                result = value()
                if inspect.iscoroutine(result):
                    await result
        if "app" in namespace:
            await _smoke_test_app(namespace["app"], source, delivery)
        if re.search(r"\bsave\(", source):
            assert saved, "the example calls save() but nothing reached it"
        await _close_redis_left_open(namespace)
        opened = namespace.get("fs")
        if isinstance(opened, Fullscript) and opened is not fs:
            await opened.aclose()
