"""A token store made of your own functions (sync or async)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import TypeVar

from .._grants import DEFAULT_GRANT, check_grant_id
from .._tokens import OAuthToken
from ._contract import TokenStoreError, same_pair
from ._encryption import NO_ENCRYPTION, TokenCodec
from ._keyed_locks import KeyedLocks

__all__ = ["CallbackTokenStore"]

_T = TypeVar("_T")

LoadCallback = Callable[..., Awaitable[OAuthToken | None] | OAuthToken | None]
SaveCallback = Callable[..., Awaitable[None] | None]
DeleteCallback = Callable[..., Awaitable[None] | None]
GrantIdsCallback = Callable[[str], Awaitable[list[str]] | list[str]]
LockCallback = Callable[[str, str], AbstractAsyncContextManager[None]]


async def _resolve(value: _T | Awaitable[_T]) -> _T:
    if inspect.isawaitable(value):
        return await value
    return value


class CallbackTokenStore:
    """Adapts your own functions (sync or async) into a `TokenStore`.

    Example, keeping token pairs in a database table keyed by (grant, region)::

        async def load(region: str, grant_id: str) -> OAuthToken | None:
            row = await db.fetchrow(
                "select data from tokens where grant_id = $1 and region = $2", grant_id, region
            )
            return OAuthToken.from_dict(json.loads(row["data"])) if row else None

        async def save(token: OAuthToken, grant_id: str) -> None:
            await db.execute(
                "insert into tokens values ($1, $2, $3) "
                "on conflict (grant_id, region) do update set data = $3",
                grant_id, token.region, json.dumps(token.to_dict()),
            )

        store = CallbackTokenStore(load=load, save=save)

    - ``delete(region, grant_id)`` is optional: without it, deleting is a no-op.
    - ``grant_ids(region)`` is optional: without it, ``await fs.grants()`` raises.
    - ``encryption``: a `TokenEncryption` makes your callbacks receive and return pairs whose
      tokens are encrypted (default: as they are).
    - ``lock(region, grant_id)`` is optional: an async context manager that excludes other
      processes (an advisory lock of your database, say). Without it the store's
      compare-and-set and refresh lock hold within this process only, so several processes
      may each refresh one expiry (never with a wrong token, but more than once).

    ``load``, ``save`` and ``delete`` receive the grant as the keyword argument ``grant_id``.
    """

    def __init__(
        self,
        *,
        load: LoadCallback,
        save: SaveCallback,
        delete: DeleteCallback | None = None,
        grant_ids: GrantIdsCallback | None = None,
        lock: LockCallback | None = None,
        encryption: TokenCodec | None = None,
    ) -> None:
        self._load = load
        self._save = save
        self._delete = delete
        self._grant_ids = grant_ids
        self._lock = lock
        self._encryption = encryption or NO_ENCRYPTION
        # Two sets: the compare-and-set runs while the same grant's refresh lock is held.
        self._save_locks = KeyedLocks()
        self._refresh_locks = KeyedLocks()

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """Your ``load`` callback's answer (awaited if it is awaitable)."""
        check_grant_id(grant_id)
        stored = await _resolve(self._load(region, grant_id=grant_id))
        return self._encryption.open(stored) if stored is not None else None

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Call your ``save`` callback; with ``replaces``, only if ``load`` still answers that pair.

        The compare and the save happen under this process's lock for the grant; the
        refresh lock (your ``lock=``) is what excludes other processes.
        """
        check_grant_id(grant_id)
        if replaces is None:
            await self._call_save(token, grant_id)
            return True
        async with self._save_locks.hold(token.region, grant_id):
            if not same_pair(await self.load(token.region, grant_id), replaces):
                return False
            await self._call_save(token, grant_id)
            return True

    async def _call_save(self, token: OAuthToken, grant_id: str) -> None:
        token = self._encryption.seal(token)
        await _resolve(self._save(token, grant_id=grant_id))

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Call your ``delete`` callback, if you gave one."""
        check_grant_id(grant_id)
        if self._delete is None:
            return
        await _resolve(self._delete(region, grant_id=grant_id))

    async def grant_ids(self, region: str) -> list[str]:
        """Your ``grant_ids`` callback's answer, sorted."""
        if self._grant_ids is None:
            raise TokenStoreError(
                "this CallbackTokenStore cannot list grants: pass grant_ids=<function of region>"
            )
        return sorted(await _resolve(self._grant_ids(region)))

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        """Your ``lock`` callback's lock, or an in-process one."""
        check_grant_id(grant_id)
        if self._lock is not None:
            return self._lock(region, grant_id)
        return self._refresh_locks.hold(region, grant_id)

    def __repr__(self) -> str:
        return "CallbackTokenStore()"
