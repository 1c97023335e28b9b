"""Every Python example in README.md and docs/*.md runs, so the docs match the behaviour.

Each fenced ``python`` block runs on its own against the in-process sandbox, top-level
``await`` allowed, with these names predefined (docs/facade.md, "Running the examples"):

* ``sandbox``: a fresh ``Sandbox(seed=1)``; ``fs``: a client on it holding tokens for ``us``
  and ``ca``; ``patient_id``: a patient of the ``us`` clinic; ``csrf_state``; ``code``: a
  fresh authorization code; ``saved_token``: a token pair of ``us``;
* the public names of ``fullscript``, ``fullscript.sandbox`` and ``fullscript_api.models``.

``fullscript.Fullscript`` itself is pointed at the sandbox for the block: a client created
without ``transport=`` gets the sandbox's transport, credentials and a token, and its region is
served by the sandbox (``region="us"`` becomes the sandbox's ``/us``). Functions the block
defines whose names start with ``test_`` are called. The working directory is a temporary one
(``FileTokenStore("tokens.json")`` writes there).
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
from fullscript_api import models

import fullscript
import fullscript.sandbox as sandbox_module
from fullscript import Fullscript, InMemoryTokenStore, Region
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

from .conftest import token_from

ROOT = Path(__file__).resolve().parents[2]
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


def test_the_docs_have_examples() -> None:
    assert len(BLOCKS) >= 15
    assert {name for name, _, _ in BLOCKS} >= {"README.md", "facade.md", "sandbox.md"}


@pytest.mark.parametrize(
    ("document", "line", "source"), BLOCKS, ids=[f"{d}:{n}" for d, n, _ in BLOCKS]
)
async def test_the_example_runs(
    document: str, line: int, source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
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
    namespace: dict[str, Any] = {
        **_names(models),
        **_names(sandbox_module),
        **_names(fullscript),
        "Fullscript": fullscript.Fullscript,
        "sandbox": sandbox,
        "fs": fs,
        "patient_id": str(sandbox.records("us", "patients")[0]["id"]),
        "csrf_state": "state-from-your-session",
        "code": sandbox.authorization_code("us"),
        "saved_token": token_from(sandbox.issue_token("us")),
    }
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
        opened = namespace.get("fs")
        if isinstance(opened, Fullscript) and opened is not fs:
            await opened.aclose()
