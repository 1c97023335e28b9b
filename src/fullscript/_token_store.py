"""Kept for imports written before `fullscript.token_stores` existed; import from there."""

from .token_stores import (
    CallbackTokenStore,
    FileTokenStore,
    InMemoryTokenStore,
    TokenStore,
    TokenStoreError,
)

__all__ = [
    "CallbackTokenStore",
    "FileTokenStore",
    "InMemoryTokenStore",
    "TokenStore",
    "TokenStoreError",
]
