"""The package's layout: no module imports a module that imports it back.

A circle makes import order matter and hides which layer depends on which. The façade may
import the generated package, never the reverse (tests/pipeline/test_generated_runtime.py).
"""

from __future__ import annotations

from pathlib import Path

from support.import_graph import import_circles, import_graph

import fullscript

PACKAGE_DIR = Path(fullscript.__file__).parent


def test_no_module_of_fullscript_imports_a_module_that_imports_it_back() -> None:
    # What runs at import: a lazy (function-level) or TYPE_CHECKING import breaks no layer.
    circles = import_circles(import_graph(PACKAGE_DIR, "fullscript", top_level_only=True))
    assert not circles, "import circles in fullscript:\n" + "\n".join(
        " -> ".join(circle) for circle in circles[:10]
    )


def test_the_graph_sees_a_circle_when_there_is_one(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("from .a import A\n")
    (tmp_path / "a.py").write_text("from .b import B\nA = 1\n")
    (tmp_path / "b.py").write_text("from . import a\nB = 2\n")
    circles = import_circles(import_graph(tmp_path, "pkg", top_level_only=True))
    assert ["pkg.a", "pkg.b", "pkg.a"] in circles
