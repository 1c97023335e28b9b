"""Shared fixtures for the spec pipeline tests.

Generation takes a couple of seconds per run, so the published-spec client is generated once per
session and shared by every test that inspects it.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
for _path in (_HERE, _HERE.parents[1] / "scripts"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from pipeline_support import PUBLISHED_SPEC, SHARED_DIR, run_make  # noqa: E402


@pytest.fixture(scope="session")
def published_spec_path() -> Path:
    """Fullscript's 2021 published file; skips only when ../shared is absent."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not available")
    return PUBLISHED_SPEC


@pytest.fixture(scope="session")
def published_client(
    published_spec_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """(output dir, finished process) of one `make generate SPEC=... OUT=...` on the 2021 file.

    The README's command itself runs, with this interpreter; ``-o install`` keeps make from
    re-syncing the virtualenv in the middle of a test run.
    """
    out = tmp_path_factory.mktemp("published")
    result = run_make(
        "generate", f"SPEC={published_spec_path}", f"OUT={out}", f"PY={sys.executable}"
    )
    return out, result


@pytest.fixture
def served_dir(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A loopback HTTP server serving ``tmp_path``: (base URL, directory)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    finally:
        server.shutdown()
        server.server_close()
