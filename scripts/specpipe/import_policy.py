"""Which modules of a generated package import a package the SDK no longer uses.

openapi-python-client's own templates write ``import httpx``; the SDK runs on httpx2, and our
templates own every such line. ``generate.py --check`` fails when a generated module imports
one of `RETIRED_PACKAGES`, so an upstream template taken over unedited cannot bring them back.
"""

from __future__ import annotations

import ast
from pathlib import Path

# The HTTP stack httpx2 and httpcore2 replace (same design, unmaintained since 2024).
RETIRED_PACKAGES = ("httpx", "httpcore")


def imports_of_retired_packages(package_dir: Path) -> list[str]:
    """``"<file>:<line>: <package>"`` for each import of a retired package, sorted by file."""
    found: list[str] = []
    for module in sorted(package_dir.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"), filename=str(module))
        name = module.relative_to(package_dir).as_posix()
        found.extend(
            f"{name}:{node.lineno}: {package}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for package in _imported_packages(node)
            if package in RETIRED_PACKAGES
        )
    return found


def _imported_packages(node: ast.Import | ast.ImportFrom) -> list[str]:
    """Top-level package names an import statement loads (relative imports load none)."""
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []
