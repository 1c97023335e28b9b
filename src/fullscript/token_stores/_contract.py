"""The token store contract: token pairs keyed by (grant, region), compare-and-set, a lock.

Rotation makes persistence part of correctness. Every refresh returns a new refresh token,
and the old pair keeps working only until the new access token is first used. So:

- the SDK saves a refreshed pair *before* using it;
- the save is a compare-and-set (``replaces=``): it only lands if the store still holds the
  pair the refresh started from. A process that loses the race adopts the stored pair and
  never uses its own, so there is only ever one live chain per grant;
- ``refresh_lock()`` serialises refreshes of one grant across every process sharing the
  store, so that an expiry costs exactly one refresh. The lock is an optimisation on top of
  compare-and-set: if it is lost (expired, or a store without one), the chain stays correct.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol, runtime_checkable

from .._errors import FullscriptError
from .._grants import DEFAULT_GRANT
from .._tokens import OAuthToken

__all__ = ["TokenStore", "TokenStoreError", "same_pair"]


class TokenStoreError(FullscriptError):
    """The token store failed (a refreshed token could not be saved, a lock not taken).

    After a failed save the previous token pair stays valid (the server only retires the
    old refresh token once the new access token is used), so the refresh can be retried.
    The store's own exception is chained as ``__cause__``.
    """


def same_pair(stored: OAuthToken | None, expected: OAuthToken | None) -> bool:
    """True when ``stored`` is the pair ``expected`` (compared by refresh token)."""
    if stored is None or expected is None:
        return stored is expected
    return stored.refresh_token == expected.refresh_token


@runtime_checkable
class TokenStore(Protocol):
    """Persistence for OAuth token pairs, keyed by grant id and region key.

    ``region`` is a region key (``"us"``, ``"ca-snd"``, ...); ``grant_id`` names one OAuth
    authorization (your tenant id, for example) and defaults to ``"default"``, the grant of
    the single-grant API. Implementations: `InMemoryTokenStore`, `FileTokenStore`,
    `CallbackTokenStore`, ``fullscript.redis.RedisTokenStore``.
    """

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """The saved pair of ``grant_id`` in ``region``, or ``None`` when there is none."""
        ...

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Save ``token`` for ``grant_id`` in ``token.region``; return whether it was saved.

        Without ``replaces`` the save is unconditional (and returns True). With it, this is
        a compare-and-set: save only if the stored pair still has ``replaces``'s refresh
        token, atomically, and return False (saving nothing) otherwise.

        Must only return once the token is durably stored: the SDK uses a refreshed token
        only after ``save`` returned True.
        """
        ...

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Forget the pair of ``grant_id`` in ``region`` (no error when there is none)."""
        ...

    async def grant_ids(self, region: str) -> list[str]:
        """The ids of the grants holding a pair in ``region``, sorted."""
        ...

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        """An exclusive lock on refreshing this grant, across every user of the store.

        The SDK holds it while it re-reads the store, refreshes and saves. A lock shared
        between processes must not outlive a crashed holder (expire, or be released by the
        OS); a store used by one process only may return an in-process lock.
        """
        ...
