"""The hand-written runtime of the generated package (openapi/runtime), as the pipeline reads it.

``make generate`` copies those files into ``fullscript_api`` verbatim; the pipeline itself uses
one of them, the operation table's row type, by loading the file from its path (openapi/ is no
package the scripts can import).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

RUNTIME_DIR = Path(__file__).resolve().parents[2] / "openapi" / "runtime"


def load_runtime_module(name: str) -> ModuleType:
    """The module ``openapi/runtime/<name>.py``, loaded once per process."""
    qualified = f"fullscript_runtime.{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, RUNTIME_DIR / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"no runtime module {name!r} in {RUNTIME_DIR}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module
