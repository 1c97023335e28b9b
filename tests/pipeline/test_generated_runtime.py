"""The generated package's hand-written runtime comes from openapi/runtime/, and the package
depends on nothing from the façade (the dependency runs one way: fullscript -> fullscript_api)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pipeline_support import REPO_ROOT

GENERATED = REPO_ROOT / "generated" / "fullscript_api"
RUNTIME = REPO_ROOT / "openapi" / "runtime"
RUNTIME_MODULES = sorted(p.name for p in RUNTIME.glob("*.py") if p.name != "__init__.py")


def _facade_imports(path: Path) -> list[str]:
    """``line: module`` for every import of ``fullscript`` or ``fullscript.*`` in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [
            f"{node.lineno}: {m}"
            for m in modules
            if m == "fullscript" or m.startswith("fullscript.")
        ]
    return found


def test_generated_code_imports_nothing_from_the_facade() -> None:
    offenders = [
        f"{path.relative_to(REPO_ROOT)}:{line}"
        for path in sorted(GENERATED.rglob("*.py"))
        for line in _facade_imports(path)
    ]
    assert not offenders, (
        "generated code imports the fullscript façade (declare what it needs in "
        "openapi/runtime/ instead):\n" + "\n".join(offenders)
    )


def test_the_runtime_holds_the_modules_the_templates_used_to_carry() -> None:
    assert {"types.py", "client.py", "errors.py", "pagination.py"} <= set(RUNTIME_MODULES)
    assert not list((REPO_ROOT / "openapi" / "templates").glob("types.py.jinja"))


@pytest.mark.parametrize("name", RUNTIME_MODULES)
def test_each_runtime_module_is_in_the_generated_package_verbatim(name: str) -> None:
    assert (GENERATED / name).read_bytes() == (RUNTIME / name).read_bytes(), (
        f"generated/fullscript_api/{name} differs from openapi/runtime/{name}: run `make generate`"
    )
