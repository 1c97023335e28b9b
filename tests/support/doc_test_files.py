"""The pytest files the docs show (fenced ```python title="test_....py"```), run as written.

A user's project is a directory holding those files and pytest settings; `run_pytest` runs
pytest there with a given interpreter, in a subprocess, so the plugin is found the way a user's
pytest finds it (its ``pytest11`` entry point) and this suite's conftest files play no part.
"""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
from pathlib import Path

__all__ = ["DOCUMENTS_WITH_TEST_FILES", "doc_test_files", "passed", "run_pytest"]

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS_WITH_TEST_FILES = (REPO_ROOT / "README.md", REPO_ROOT / "docs" / "testing.md")
PROJECT_SETTINGS = '[tool.pytest.ini_options]\nasyncio_mode = "auto"\n'
_TEST_FILE = re.compile(r'^```python title="(test_\w+\.py)"\n(.*?)^```', re.DOTALL | re.MULTILINE)


def doc_test_files(*documents: Path) -> dict[str, str]:
    """The pytest files ``documents`` show (default: README.md and docs/testing.md), by name."""
    found: dict[str, str] = {}
    for document in documents or DOCUMENTS_WITH_TEST_FILES:
        for name, source in _TEST_FILE.findall(document.read_text("utf-8")):
            assert name not in found, f"two documented test files are named {name}"
            found[name] = source
    return found


def run_pytest(
    python: Path | str, project: Path, files: dict[str, str], *options: str
) -> subprocess.CompletedProcess[str]:
    """Write ``files`` and pytest settings into ``project`` and run pytest there (with
    ``options`` on its command line)."""
    (project / "pyproject.toml").write_text(PROJECT_SETTINGS)
    for name, source in files.items():
        (project / name).write_text(textwrap.dedent(source))
    # A user's environment: none of this suite's settings (strict parsing among them).
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTEST", "PYTHON", "VIRTUAL_ENV", "FULLSCRIPT_STRICT"))
    }
    return subprocess.run(
        [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-q", *options],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def passed(result: subprocess.CompletedProcess[str]) -> int:
    """How many tests a quiet pytest run reported as passed."""
    match = re.search(r"(\d+) passed", result.stdout)
    return int(match[1]) if match else 0
