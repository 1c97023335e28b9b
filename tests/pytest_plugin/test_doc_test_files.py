"""The pytest files docs/testing.md shows run as written, and its tables match the code."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from support.doc_test_files import REPO_ROOT, doc_test_files, passed, run_pytest

from fullscript.sandbox import FAULT_PRESETS

TESTING = REPO_ROOT / "docs" / "testing.md"


def test_the_documented_test_files_pass(tmp_path: Path) -> None:
    files = doc_test_files(TESTING)
    assert len(files) >= 5
    result = run_pytest(sys.executable, tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed(result) == sum(source.count("def test_") for source in files.values())


def test_the_preset_table_lists_every_preset_as_the_code_describes_it() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|$", TESTING.read_text("utf-8"), re.M))
    documented = {name: text for name, text in rows.items() if name in FAULT_PRESETS}
    assert documented == {name: text for name, (text, _) in FAULT_PRESETS.items()}


def test_every_fixture_of_the_plugin_is_documented() -> None:
    import fullscript.pytest_plugin.fixtures as plugin_fixtures

    fixtures = {name for name in plugin_fixtures.__all__ if name.startswith("fullscript_")}
    rows = set(re.findall(r"^\| `(fullscript_\w+)` \|", TESTING.read_text("utf-8"), re.M))
    assert rows == fixtures
