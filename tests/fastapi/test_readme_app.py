"""The README's FastAPI app, run exactly as printed: every name it uses is defined in the block,
it starts with no grant at all (no request leaves the process), and its routes answer."""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path
from typing import Any

import fastapi.dependencies.utils
import pytest
from app_support import running

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_app_block() -> str:
    blocks = re.findall(r"^```python\n(.*?)^```", README.read_text(), flags=re.DOTALL | re.M)
    [block] = [b for b in blocks if "fullscript_lifespan(" in b and "oauth_router(" in b]
    return str(block)


def test_the_block_uses_no_name_it_does_not_define_or_import() -> None:
    tree = ast.parse(readme_app_block())
    defined = set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            defined |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            defined.add(node.name)
            defined |= {a.arg for a in node.args.args}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    assert used - defined == set()


async def test_the_readme_app_starts_with_no_grant_and_answers_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, value in {
        "FULLSCRIPT_CLIENT_ID": "readme-client",
        "FULLSCRIPT_CLIENT_SECRET": "readme-client-secret",
        "FULLSCRIPT_REDIRECT_URI": "http://app.test/oauth/callback",
        "FULLSCRIPT_WEBHOOK_SECRET": "readme-webhook-secret",
        "APP_STATE_SECRET": "readme-state-secret-32-bytes-long",
    }.items():
        monkeypatch.setenv(name, value)
    threadpool: list[object] = []
    original = fastapi.dependencies.utils.run_in_threadpool

    async def recorded(function: Any, *args: Any, **kwargs: Any) -> Any:
        threadpool.append(function)
        return await original(function, *args, **kwargs)

    monkeypatch.setattr(fastapi.dependencies.utils, "run_in_threadpool", recorded)
    namespace: dict[str, Any] = {"__name__": "readme_app"}
    exec(compile(readme_app_block(), str(README), "exec"), namespace)  # as printed

    async with running(namespace["app"]) as http:  # startup: catch-up with no grant
        assert (await http.get("/openapi.json")).status_code == 200
        created = await http.post(
            "/clinics/clinic-a/patients",
            json={"email": "a@example.org", "first_name": "A", "last_name": "B"},
        )
        assert created.status_code == 401  # not connected: before any request is sent
        assert "not connected" in created.json()["error"]
        assert (await http.get("/oauth/connect")).status_code == 401  # no session wired yet
    assert threadpool == []  # the README's dependencies are async too
