"""Specs load from files and from http(s) URLs, with clear errors."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from specpipe.loading import SpecLoadError, load_spec


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


def test_loads_from_url(served_dir: tuple[str, Path]) -> None:
    base, directory = served_dir
    (directory / "openapi.json").write_text(json.dumps({"openapi": "3.0.3", "paths": {}}))

    assert load_spec(f"{base}/openapi.json") == {"openapi": "3.0.3", "paths": {}}


def test_http_error_status_is_reported(served_dir: tuple[str, Path]) -> None:
    base, _ = served_dir

    with pytest.raises(SpecLoadError, match="HTTP 404"):
        load_spec(f"{base}/missing.json")


def test_yaml_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text("openapi: 3.0.3\npaths: {}\n")

    assert load_spec(path) == {"openapi": "3.0.3", "paths": {}}


def test_document_without_paths_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("[1, 2]")

    with pytest.raises(SpecLoadError, match="not an OpenAPI document"):
        load_spec(path)
