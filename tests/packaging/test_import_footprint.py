"""What importing and first use cost: no optional package at import, one group's models per use.

Each case runs in a fresh interpreter (this one's, so the dev environment's extras *are*
installed and could be imported by mistake), because `sys.modules` of the test process has
seen everything.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATED = REPO_ROOT / "generated" / "fullscript_api"
# Packages `import fullscript` must leave alone: the extras' dependencies, and the libraries
# the base install dropped (anyio stays installed, as httpx2's dependency, but unused).
NOT_AT_IMPORT = (
    "dateutil",
    "anyio",
    "aiolimiter",
    "starlette",
    "uvicorn",
    "redis",
    "fastapi",
    "cryptography",
    "opentelemetry",
    "click",
    "rich",
    "keyring",
)
_MODEL_IMPORT = re.compile(r"from \.\.\.?models\.(\w+) import")


def loaded_after(code: str) -> set[str]:
    """Module names loaded once `code` has run in a fresh interpreter."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def loaded_models(modules: set[str]) -> set[str]:
    prefix = "fullscript_api.models."
    return {name.removeprefix(prefix) for name in modules if name.startswith(prefix)}


def models_named_in(files: list[Path]) -> set[str]:
    return {match for path in files for match in _MODEL_IMPORT.findall(path.read_text())}


def models_reachable_from(start: set[str]) -> set[str]:
    """`start` and every model those mention, transitively."""
    reached = set(start)
    pending = set(reached)
    while pending:
        mentioned = models_named_in([GENERATED / "models" / f"{name}.py" for name in pending])
        pending = mentioned - reached
        reached |= mentioned
    return reached


def models_a_group_can_reach(group: str) -> set[str]:
    """The models a group's modules import, and every model those mention, transitively."""
    return models_reachable_from(models_named_in(sorted((GENERATED / "api" / group).glob("*.py"))))


def test_import_fullscript_loads_no_optional_or_dropped_package() -> None:
    loaded = {name.partition(".")[0] for name in loaded_after("import fullscript")}
    assert loaded & set(NOT_AT_IMPORT) == set()


def test_import_fullscript_loads_no_model() -> None:
    assert loaded_models(loaded_after("import fullscript")) == set()


def test_quick_start_imports_load_only_the_models_named() -> None:
    loaded = loaded_after(
        "from fullscript_api.models import PatientCreateRequest, PatientUpdateRequest"
    )
    named = {"patient_create_request", "patient_update_request"}
    assert named <= loaded_models(loaded) <= models_reachable_from(named)


# A first call: one patient retrieved on an in-process httpx2 transport.
FIRST_CALL = """
    import asyncio
    from datetime import UTC, datetime

    import httpx2

    from fullscript import Fullscript, InMemoryTokenStore, OAuthToken

    def answer(request):
        return httpx2.Response(200, json={"patient": {"id": "p-1", "first_name": "Maya"}})

    async def main():
        token = OAuthToken.from_response(
            {"access_token": "a", "refresh_token": "r", "expires_in": 7200,
             "created_at": datetime.now(UTC).isoformat()},
            region="us",
        )
        async with Fullscript(
            client_id="c", client_secret="s", redirect_uri="https://app.example/cb",
            region="us", token_store=InMemoryTokenStore([token]),
            transport=httpx2.MockTransport(answer),
        ) as fs:
            assert (await fs.patients.retrieve("p-1")).first_name == "Maya"

    asyncio.run(main())
    """


def test_first_use_of_one_group_loads_only_models_that_group_can_reach() -> None:
    loaded = loaded_after(FIRST_CALL)
    used = loaded_models(loaded)
    patients = models_a_group_can_reach("patients")
    products_only = models_a_group_can_reach("products") - patients
    assert products_only, "the products group should have models of its own"
    assert "patient" in used
    assert used <= patients
    assert used & products_only == set()


def endpoint_modules_of(group: str, modules: set[str]) -> set[str]:
    prefix = f"fullscript_api.api.{group}."
    return {name.removeprefix(prefix) for name in modules if name.startswith(prefix)}


def test_using_a_group_loads_none_of_its_operations_or_models() -> None:
    loaded = loaded_after(
        """
        from fullscript_api.api import ApiResources
        resources = ApiResources(invoker=None)
        assert resources.patients.OPERATIONS["retrieve"].name == "retrieve_patient"
        """
    )
    assert "fullscript_api.api.patients" in loaded
    assert endpoint_modules_of("patients", loaded) == set()
    assert loaded_models(loaded) == set()


def test_first_call_loads_only_the_called_operation_and_the_models_it_can_reach() -> None:
    loaded = loaded_after(FIRST_CALL)
    assert endpoint_modules_of("patients", loaded) == {"retrieve_patient"}
    retrieve = models_reachable_from(
        models_named_in([GENERATED / "api" / "patients" / "retrieve_patient.py"])
    )
    assert "patient" in loaded_models(loaded)
    assert loaded_models(loaded) <= retrieve


def test_every_model_is_still_importable_from_the_package() -> None:
    names = (GENERATED / "models").glob("*.py")
    count = sum(1 for path in names if path.name != "__init__.py")
    loaded = loaded_after("from fullscript_api.models import *")
    assert len(loaded_models(loaded)) == count


def test_every_public_name_resolves_from_the_lazy_package_root() -> None:
    import ast
    from pathlib import Path

    import fullscript

    source = Path(fullscript.__file__).read_text("utf-8")
    typed: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            for alias in node.names:
                typed[alias.name] = f".{node.module}"
    # What type checkers see (the TYPE_CHECKING imports), what __getattr__ loads and __all__
    # are one list of names, each from the same module.
    assert typed == fullscript._EXPORTS
    assert sorted(fullscript.__all__) == sorted(fullscript._EXPORTS)
    for name in fullscript.__all__:
        assert getattr(fullscript, name) is not None
    assert set(fullscript.__all__) <= set(dir(fullscript))
    with pytest.raises(AttributeError, match="no attribute 'NoSuchThing'"):
        _ = fullscript.NoSuchThing  # type: ignore[attr-defined]


def test_a_name_both_the_root_and_a_public_subpackage_export_is_loaded_from_the_subpackage() -> (
    None
):
    import importlib

    import fullscript

    for subpackage in ("token_stores", "webhooks", "redis", "fastapi", "testing", "reconcile"):
        module = importlib.import_module(f"fullscript.{subpackage}")
        for name in set(module.__all__) & set(fullscript.__all__):
            assert fullscript._EXPORTS[name] == f".{subpackage}", name
            assert getattr(fullscript, name) is getattr(module, name)


def test_import_fullscript_alone_loads_no_http_client() -> None:
    loaded = loaded_after("import fullscript")
    assert "httpx2" not in loaded
    assert "fullscript._client" not in loaded


def test_a_first_call_loads_neither_old_httpx_nor_httpcore() -> None:
    """The SDK runs on httpx2 and detects old-httpx objects without importing the old package."""
    loaded = {name.partition(".")[0] for name in loaded_after(FIRST_CALL)}
    assert "httpx2" in loaded
    assert loaded & {"httpx", "httpcore"} == set()


# What building a client brings in: the event loop, attrs and the SDK's machinery. Naming the
# class (`from fullscript import Fullscript`, as a type hint or a FastAPI dependency does)
# costs little more than `import httpx2` (scripts/benchmarks/lean.py measures it).
MACHINERY = (
    "asyncio",
    "attr",
    "attrs",
    "fullscript._client_machinery",
    "fullscript._transport",
    "fullscript._limiters",
    "fullscript._auth",
    "fullscript._oauth",
    "fullscript._resources",
    "fullscript.token_stores",
)


def test_naming_the_client_class_loads_no_event_loop_attrs_or_client_machinery() -> None:
    loaded = loaded_after("from fullscript import Fullscript")
    assert loaded & set(MACHINERY) == set()
    assert "httpx2" in loaded


def test_a_client_built_after_the_lean_import_works() -> None:
    # The class first, alone; then the first client loads the machinery and makes a call.
    lean_import = """
        import sys

        from fullscript import Fullscript

        assert "fullscript._client_machinery" not in sys.modules
        """
    loaded = loaded_after(textwrap.dedent(lean_import) + textwrap.dedent(FIRST_CALL))
    assert set(MACHINERY) <= loaded


def test_building_clients_looks_up_the_installed_version_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    import httpx2

    from fullscript import Fullscript
    from fullscript._client_machinery import user_agent

    looked_up: list[str] = []
    version = importlib.metadata.version

    def counting_version(name: str) -> str:
        looked_up.append(name)
        return version(name)

    user_agent.cache_clear()  # as in a fresh process
    monkeypatch.setattr(importlib.metadata, "version", counting_version)
    for _ in range(3):
        Fullscript(
            client_id="c",
            client_secret="s",
            redirect_uri="https://app.example/cb",
            transport=httpx2.MockTransport(lambda request: httpx2.Response(204)),
        )
    assert looked_up == ["fullscript"]


def test_the_signatures_type_hints_resolve_once_a_client_is_built() -> None:
    # Naming the class loads none of the classes its signatures name (they need asyncio and
    # attrs); the first client loads them, and `typing.get_type_hints` then resolves every
    # annotation of the client's methods, as dependency injectors and doc tools ask.
    script = """
        import inspect, typing
        import httpx2
        from fullscript import Fullscript

        Fullscript(client_id="c", client_secret="s", redirect_uri="https://app.example/cb",
                   transport=httpx2.MockTransport(lambda request: httpx2.Response(204)))
        for name, member in vars(Fullscript).items():
            function = getattr(member, "fget", member)
            if inspect.isfunction(function):
                typing.get_type_hints(function)
        hints = typing.get_type_hints(Fullscript.__init__)
        assert hints["limiter"].__args__[0].__name__ == "RateLimiter", hints["limiter"]
        print("resolved")
        """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "resolved"
