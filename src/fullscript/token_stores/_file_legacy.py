"""The token file format before SQLite: one JSON document holding every grant, read once to
migrate it (`FileTokenStore` does so automatically, under its migration lock).

    {"version": 2, "grants": {grant_id: {region: token dict}}}

Only reading is kept: nothing writes this format any more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ._contract import TokenStoreError

__all__ = ["LEGACY_VERSION", "read_legacy_document"]

LEGACY_VERSION = 2

# {grant_id: {region: token dict, as stored}}
LegacyGrants = dict[str, dict[str, Any]]


def read_legacy_document(path: Path, text: str) -> LegacyGrants:
    """The grants of a version 2 token file whose content is ``text``.

    `TokenStoreError` naming the file (never its content: it holds secrets) when it is not
    such a file. The pairs themselves are checked when they are loaded, as they always were.
    """
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise TokenStoreError(
            f"token file {str(path)!r} is neither a token database nor valid JSON "
            "(truncated or corrupt)"
        ) from exc
    if not isinstance(document, dict):
        raise TokenStoreError(f"token file {str(path)!r} is not a JSON object")
    version = document.get("version")
    if version != LEGACY_VERSION:
        raise TokenStoreError(
            f"token file {str(path)!r} has format version {version!r}, which this version of "
            f"fullscript cannot read (it migrates JSON version {LEGACY_VERSION})"
        )
    grants = document.get("grants")
    if not isinstance(grants, dict) or not all(isinstance(v, dict) for v in grants.values()):
        raise TokenStoreError(f"token file {str(path)!r} has no 'grants' object")
    return grants
