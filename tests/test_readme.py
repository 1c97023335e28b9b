"""The README's sandbox example is a real pytest file: run it as written, with the plugin."""

import sys
from pathlib import Path

from support.doc_test_files import doc_test_files, passed, run_pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_sandbox_example_runs_as_written(tmp_path: Path) -> None:
    files = doc_test_files(README)
    assert "test_my_sync_job.py" in files
    result = run_pytest(sys.executable, tmp_path, files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed(result) == sum(source.count("def test_") for source in files.values())
