"""Specs load from files and from http(s) URLs, with clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from specpipe.loading import SpecLoadError, load_spec


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
