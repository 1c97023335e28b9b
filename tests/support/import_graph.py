"""The import graph of a package, read from its source, and the circles in it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path


def module_name(root: Path, package: str, path: Path) -> str:
    parts = [*path.relative_to(root).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def _statements(tree: ast.Module, *, top_level_only: bool) -> Iterator[ast.stmt]:
    if not top_level_only:
        yield from (node for node in ast.walk(tree) if isinstance(node, ast.stmt))
        return
    for node in tree.body:
        # `if TYPE_CHECKING:` blocks and function bodies do not run at import.
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.Try):
            yield from node.body


def import_graph(root: Path, package: str, *, top_level_only: bool) -> dict[str, set[str]]:
    """Each module of ``package`` (its sources under ``root``) -> the package's modules it imports.

    With ``top_level_only``, only what runs when the module is imported counts; otherwise
    TYPE_CHECKING-only and function-level imports count too.
    """
    paths = {module_name(root, package, path): path for path in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        own_package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        tree = ast.parse(path.read_text())
        for node in _statements(tree, top_level_only=top_level_only):
            if isinstance(node, ast.ImportFrom):
                base = own_package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                module = node.module
                target = f"{base}.{module}" if node.level and module else module or base
                for alias in node.names:
                    # ``from .pkg import module`` imports the module; ``from .module import name``
                    # does not.
                    candidate = f"{target}.{alias.name}"
                    found.add(candidate if candidate in paths else target)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {module for module in found if module in paths and module != name}
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports found by a depth-first walk (each as a path back to its start)."""
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
    return circles
