"""Helpers shared by the spec pipeline tests (importable because conftest puts this dir on sys.path)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS_DIR = REPO_ROOT / "scripts"
SHARED_DIR = Path(__file__).resolve().parents[2].parent / "shared"
PUBLISHED_SPEC = SHARED_DIR / "reference" / "fullscript-openapi-2021.json"
OUR_SPEC = REPO_ROOT / "openapi" / "openapi.json"


def run_script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one of the pipeline scripts with the project interpreter."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS_DIR / name), *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )


def run_make(target: str, *variables: str) -> subprocess.CompletedProcess[str]:
    """Run a Makefile target silently, without re-running its ``install`` prerequisite."""
    return subprocess.run(
        ["make", "--no-print-directory", "-s", "-o", "install", target, *variables],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )


def minimal_spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A small valid OpenAPI 3.0 document around ``paths``."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "Test API", "version": "1.0.0"},
        "paths": paths,
        **extra,
    }
