"""The sandbox's layout and packaging: no import circles, and the [sandbox] extra stays optional."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import fullscript.sandbox

SANDBOX_DIR = Path(fullscript.sandbox.__file__).parent
PACKAGE = "fullscript.sandbox"


def _module_name(path: Path) -> str:
    parts = [*path.relative_to(SANDBOX_DIR).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def _imports(path: Path) -> set[str]:
    """Sandbox modules ``path`` imports, TYPE_CHECKING-only and function-level imports included."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else node.module or base
            for alias in node.names:
                # ``from .pkg import module`` imports the module; ``from .module import name`` not.
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in _MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in _MODULES and module != name}


_MODULES = {_module_name(path) for path in SANDBOX_DIR.rglob("*.py")}


def test_no_sandbox_module_imports_a_module_that_imports_it_back() -> None:
    graph = {_module_name(path): _imports(path) for path in SANDBOX_DIR.rglob("*.py")}
    circles: list[list[str]] = []
    finished: set[str] = set()

    def walk(trail: list[str]) -> None:
        for target in sorted(graph[trail[-1]]):
            if target in trail:
                circles.append([*trail[trail.index(target) :], target])
            elif target not in finished:
                walk([*trail, target])
        finished.add(trail[-1])

    for module in sorted(graph):
        if module not in finished:
            walk([module])
    assert not circles, "import circles in the sandbox:\n" + "\n".join(
        " -> ".join(circle) for circle in circles[:10]
    )


def _run_blocking(blocked: tuple[str, ...], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter in which importing ``blocked`` fails, as if the
    packages were not installed."""
    blocker = textwrap.dedent(
        f"""
        import sys
        from importlib.abc import MetaPathFinder

        class Missing(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {blocked!r}:
                    raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
                return None

        sys.meta_path.insert(0, Missing())
        """
    )
    return subprocess.run(
        [sys.executable, "-c", blocker + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_importing_fullscript_loads_neither_starlette_nor_uvicorn() -> None:
    probe = _run_blocking(
        (),
        """
        import fullscript
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("starlette", "uvicorn"))
        print(loaded)
        """,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "[]"


def test_the_client_imports_and_builds_without_the_sandbox_extra() -> None:
    probe = _run_blocking(
        ("starlette", "uvicorn"),
        """
        import fullscript
        print("ok")
        """,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "ok"


def test_importing_the_sandbox_without_starlette_names_the_extra_to_install() -> None:
    probe = _run_blocking(("starlette",), "import fullscript.sandbox")
    assert probe.returncode != 0
    last_line = probe.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ImportError:")
    assert "pip install 'fullscript[sandbox]'" in last_line


def test_serving_without_uvicorn_names_the_extra_to_install() -> None:
    probe = _run_blocking(
        ("uvicorn",),
        """
        from fullscript.sandbox import Sandbox, serve
        serve(Sandbox())
        """,
    )
    assert probe.returncode != 0
    last_line = probe.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ImportError:")
    assert "pip install 'fullscript[sandbox]'" in last_line


def test_the_in_process_sandbox_works_without_uvicorn() -> None:
    probe = _run_blocking(
        ("uvicorn",),
        """
        import asyncio
        from fullscript.sandbox import Sandbox

        async def main():
            sandbox = Sandbox()
            async with sandbox.client(token=sandbox.issue_token()) as client:
                print((await client.get("/api/clinic/patients")).status_code)

        asyncio.run(main())
        """,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "200"
