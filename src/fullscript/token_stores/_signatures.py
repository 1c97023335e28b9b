"""Tell old-style (region-only) callbacks and stores from grant-aware ones."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

__all__ = ["takes_grant_id"]


def takes_grant_id(function: Callable[..., Any]) -> bool:
    """True when ``function`` accepts a ``grant_id`` argument (named, or via ``**kwargs``).

    Grant-aware callbacks and stores take ``grant_id``; older ones, written when tokens were
    keyed by region only, do not. Builtins without a signature count as old-style.
    """
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(
        (p.name == "grant_id" and p.kind is not inspect.Parameter.POSITIONAL_ONLY)
        or p.kind is inspect.Parameter.VAR_KEYWORD
        for p in parameters
    )
