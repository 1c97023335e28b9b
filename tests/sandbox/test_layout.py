"""The sandbox's layout and packaging: no import circles, and the [sandbox] extra stays optional."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from support.import_graph import import_circles, import_graph

import fullscript.sandbox

SANDBOX_DIR = Path(fullscript.sandbox.__file__).parent
PACKAGE = "fullscript.sandbox"


def test_no_sandbox_module_imports_a_module_that_imports_it_back() -> None:
    # TYPE_CHECKING-only and function-level imports count too: the sandbox has no excuse for them.
    circles = import_circles(import_graph(SANDBOX_DIR, PACKAGE, top_level_only=False))
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
