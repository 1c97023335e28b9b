"""Tokens kept in this process only."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from .._grants import DEFAULT_GRANT, check_grant_id
from .._tokens import OAuthToken
from ._contract import same_pair
from ._encryption import NO_ENCRYPTION, TokenCodec
from ._keyed_locks import KeyedLocks

__all__ = ["InMemoryTokenStore"]


class InMemoryTokenStore:
    """Keeps token pairs in this process only (tests, scripts, short-lived jobs).

    ``tokens`` seeds the default grant (one pair per region). ``encryption``: a `TokenEncryption` to keep the tokens encrypted at rest (default: as they are).
    """

    def __init__(
        self, tokens: list[OAuthToken] | None = None, *, encryption: TokenCodec | None = None
    ) -> None:
        self._encryption = encryption or NO_ENCRYPTION
        self._tokens: dict[tuple[str, str], OAuthToken] = {
            (DEFAULT_GRANT, token.region): self._encryption.seal(token) for token in tokens or []
        }
        self._locks = KeyedLocks()

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """The saved pair of ``grant_id`` in ``region``, or ``None``."""
        stored = self._tokens.get((check_grant_id(grant_id), region))
        return self._encryption.open(stored) if stored is not None else None

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Save ``token`` (compare-and-set when ``replaces`` is given; see `TokenStore`)."""
        key = (check_grant_id(grant_id), token.region)
        token = self._encryption.seal(token)
        replaces = self._encryption.seal(replaces) if replaces is not None else None
        if replaces is not None and not same_pair(self._tokens.get(key), replaces):
            return False
        self._tokens[key] = token
        return True

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Forget the pair of ``grant_id`` in ``region`` (no error when there is none)."""
        self._tokens.pop((check_grant_id(grant_id), region), None)

    async def grant_ids(self, region: str) -> list[str]:
        """The grants holding a pair in ``region``, sorted."""
        return sorted(grant for grant, key_region in self._tokens if key_region == region)

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        """An in-process lock (this store is never shared between processes)."""
        return self._locks.hold(region, check_grant_id(grant_id))

    def __repr__(self) -> str:
        keys = sorted({region for _, region in self._tokens})
        return f"InMemoryTokenStore(regions={keys!r}, grants={len(self._tokens)})"
