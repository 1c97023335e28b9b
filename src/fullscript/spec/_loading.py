"""Reading a spec: the one shipped with the generated package, a file, or an http(s) URL."""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path
from typing import Any

from .._errors import FullscriptError

__all__ = ["SHIPPED_SPEC", "SpecLoadError", "load_spec", "shipped_spec"]

#: Where the generated package keeps the (normalised) spec it was built from.
SHIPPED_SPEC = "openapi.json"


class SpecLoadError(FullscriptError, ValueError):
    """A spec that cannot be read: missing file, unreachable URL, not a JSON object."""


def shipped_spec() -> dict[str, Any]:
    """The normalised spec ``fullscript_api`` was generated from."""
    resource = importlib.resources.files("fullscript_api").joinpath(SHIPPED_SPEC)
    if not resource.is_file():
        raise SpecLoadError(
            "the generated package has no openapi.json: regenerate it with `make generate`"
        )
    return _object(resource.read_text(encoding="utf-8"), "fullscript_api/openapi.json")


def load_spec(source: str | Path) -> dict[str, Any]:
    """A spec from a file path or an http(s) URL (JSON)."""
    text = str(source)
    if text.startswith(("http://", "https://")):
        import httpx2

        try:
            response = httpx2.get(text, follow_redirects=True, timeout=30.0)
            response.raise_for_status()
        except httpx2.HTTPError as exc:
            raise SpecLoadError(f"cannot fetch {text}: {type(exc).__name__}: {exc}") from None
        return _object(response.text, text)
    path = Path(text)
    try:
        content = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecLoadError(f"cannot read {path}: {exc.strerror or exc}") from None
    return _object(content, str(path))


def _object(text: str, where: str) -> dict[str, Any]:
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SpecLoadError(f"{where} is not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(parsed, dict) or "paths" not in parsed:
        raise SpecLoadError(f"{where} is not an OpenAPI document (no `paths`)")
    return parsed
