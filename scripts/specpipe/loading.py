"""Read an OpenAPI document from a file path or an http(s) URL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2

FETCH_TIMEOUT_SECONDS = 30.0


class SpecLoadError(Exception):
    """The document could not be read or parsed; the message says which and why."""


def is_url(source: str) -> bool:
    """True when ``source`` names an http(s) URL rather than a file."""
    return source.startswith(("http://", "https://"))


def load_spec(source: str | Path) -> dict[str, Any]:
    """Load a JSON (or YAML) OpenAPI document from a path or an http(s) URL."""
    text = _fetch(str(source)) if is_url(str(source)) else _read(Path(source))
    document = _parse(text, str(source))
    if not isinstance(document, dict) or "paths" not in document:
        raise SpecLoadError(f"{source} is not an OpenAPI document (no 'paths' object)")
    return document


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecLoadError(f"cannot read spec file {path}: {exc.strerror or exc}") from exc


def _fetch(url: str) -> str:
    try:
        response = httpx2.get(url, timeout=FETCH_TIMEOUT_SECONDS, follow_redirects=True)
    except httpx2.HTTPError as exc:
        raise SpecLoadError(f"cannot fetch spec from {url}: {type(exc).__name__}: {exc}") from exc
    if response.status_code != 200:
        raise SpecLoadError(f"cannot fetch spec from {url}: HTTP {response.status_code}")
    return response.text


def _parse(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as json_error:
        try:
            from ruamel.yaml import YAML  # installed with openapi-python-client
        except ImportError:
            raise SpecLoadError(f"{source} is not valid JSON: {json_error}") from json_error
        try:
            return YAML(typ="safe").load(text)
        except Exception as yaml_error:
            raise SpecLoadError(f"{source} is neither JSON nor YAML: {yaml_error}") from yaml_error
