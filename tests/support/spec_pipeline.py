"""Running the spec pipeline on a spec of the test's own, shared by the sandbox, packaging and
pipeline tests."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

GENERATE = Path(__file__).resolve().parents[2] / "scripts" / "generate.py"


def generate_package(spec: Mapping[str, Any], directory: Path) -> Path:
    """Generate the client of ``spec`` (written to ``directory/spec.json``) into
    ``directory/out`` with scripts/generate.py; returns that output directory."""
    spec_path = directory / "spec.json"
    spec_path.write_text(json.dumps(spec))
    out = directory / "out"
    result = subprocess.run(
        [sys.executable, str(GENERATE), "--spec", str(spec_path), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out
