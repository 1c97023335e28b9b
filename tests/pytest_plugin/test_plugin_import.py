"""Loading the plugin costs a test run nothing: pytest imports it at start-up, every run."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("httpx2", "starlette", "uvicorn", "anyio", "attrs", "fullscript.sandbox", "fullscript_api")


def test_the_plugin_module_imports_only_pytest() -> None:
    script = (
        "import sys, json, pytest\n"
        "before = set(sys.modules)\n"
        "import fullscript.pytest_plugin\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert [name for name in loaded if name.startswith(HEAVY)] == []
