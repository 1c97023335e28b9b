"""`RedisTokenStore`: token pairs shared by every process and machine using one Redis."""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import redis.asyncio as aioredis
import redis.exceptions

from .._grants import DEFAULT_GRANT, check_grant_id, describe_grant
from .._tokens import OAuthToken
from ..token_stores import TokenStoreError
from ..token_stores._encryption import NO_ENCRYPTION, TokenCodec
from ._connection import RedisClientOwner, translate_errors

__all__ = ["RedisTokenStore"]

logger = logging.getLogger("fullscript")

# Compare-and-set of one grant's pair: save only while the stored refresh token is still the
# one the refresh started from. Atomic, as every Lua script is.
_SAVE_IF_UNCHANGED = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if not current then return 0 end
local ok, stored = pcall(cjson.decode, current)
if not ok or type(stored) ~= 'table' or stored['refresh_token'] ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
"""

# Deletes a lock only while it still holds the given token (the holder's own lock).
_DELETE_IF_HELD_BY = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

_NOT_SAVED = (
    "The refreshed token is not used; the previous pair stays valid, so the refresh can be "
    "retried once Redis is back"
)
_MAYBE_SAVED = (
    "Redis did not answer in time, so it may or may not have saved the pair (the outcome is "
    "unknown). The refreshed token is not used by this process; if it was saved, the next "
    "refresh finds and adopts it"
)


class RedisTokenStore(RedisClientOwner):
    """A `TokenStore` in Redis: every process and machine sharing the Redis shares the pairs.

        store = RedisTokenStore("redis://cache:6379/0", prefix="my-app")
        async with Fullscript(..., token_store=store) as fs:
            ...

    - One hash per region (``{prefix}:tokens:{region}``), one field per grant id holding the
      pair as JSON. Give each app its own ``prefix``.
    - ``save(..., replaces=)`` is an atomic compare-and-set (a Lua script on the stored
      refresh token).
    - ``refresh_lock()`` is redis-py's ``Lock`` on ``{prefix}:refresh-lock:{region}:{grant}``.
      It expires after ``lock_timeout`` seconds, so a holder that crashed mid-refresh delays
      the others by at most that long; its release checks the holder's token, so a holder
      whose lock expired cannot release someone else's. Waiting for it gives up after
      ``lock_wait`` seconds (default: ``lock_timeout`` plus 5) with a `TokenStoreError`. A
      lock request that failed on the client (a timeout against a stalled Redis) but reached
      Redis is deleted by this store before it asks for that lock again, so it does not stall
      the next refresh for ``lock_timeout``.
    - Redis down, unreachable, stalled, out of memory or read-only (a failover): every call
      raises `RedisUnavailableError` naming Redis and its address. There is no fallback to per-process state.

    Secrets are stored as given unless ``encryption=TokenEncryption(keys)`` encrypts them:
    either way protect the Redis (ACL, TLS with ``rediss://``) like a
    database of credentials. Use one instance per event loop (redis-py's asyncio connections
    belong to one). ``aclose()`` closes the client made from a URL (a client you passed stays
    yours).
    """

    def __init__(
        self,
        redis: str | aioredis.Redis,
        *,
        prefix: str = "fullscript",
        lock_timeout: float = 15.0,
        lock_wait: float | None = None,
        encryption: TokenCodec | None = None,
    ) -> None:
        if not isinstance(prefix, str) or not prefix:
            raise ValueError(f"prefix must be a non-empty str, got {prefix!r}")
        for name, value in (("lock_timeout", lock_timeout), ("lock_wait", lock_wait)):
            if value is not None and (isinstance(value, bool) or not value > 0):
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        super().__init__(redis)
        self._prefix = prefix
        self._encryption = encryption or NO_ENCRYPTION
        self._lock_timeout = float(lock_timeout)
        self._lock_wait = float(lock_wait) if lock_wait is not None else self._lock_timeout + 5
        self._save_if_unchanged = self._redis.register_script(_SAVE_IF_UNCHANGED)
        self._delete_if_held_by = self._redis.register_script(_DELETE_IF_HELD_BY)
        # Lock requests that failed on the client but may have reached Redis: lock key ->
        # tokens. Deleted (if they hold the lock) before this store asks for that lock again.
        self._orphaned_locks: dict[str, set[str]] = {}

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisTokenStore:
        """The same as ``RedisTokenStore(url, **options)``."""
        return cls(url, **options)

    def __repr__(self) -> str:
        return f"RedisTokenStore({self._address!r}, prefix={self._prefix!r})"

    def _tokens_key(self, region: str) -> str:
        return f"{self._prefix}:tokens:{region}"

    def _lock_key(self, region: str, grant_id: str) -> str:
        # The region has no ':', so the key names one (region, grant) pair unambiguously.
        return f"{self._prefix}:refresh-lock:{region}:{grant_id}"

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """The saved pair of ``grant_id`` in ``region``, or ``None``."""
        check_grant_id(grant_id)
        with translate_errors(
            self._address, f"loading the OAuth token of {describe_grant(grant_id, region)}"
        ):
            raw = await self._redis.hget(self._tokens_key(region), grant_id)
        if raw is None:
            return None
        try:
            return self._encryption.open(OAuthToken.from_dict(json.loads(raw)))
        except ValueError as exc:
            # Never echo the value: it holds secrets.
            raise TokenStoreError(
                f"the token of {describe_grant(grant_id, region)} in Redis at {self._address} "
                "is not a stored OAuth token"
            ) from exc

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Save ``token``; with ``replaces``, an atomic compare-and-set (see `TokenStore`)."""
        check_grant_id(grant_id)
        token = self._encryption.seal(token)
        replaces = self._encryption.seal(replaces) if replaces is not None else None
        key = self._tokens_key(token.region)
        data = json.dumps(token.to_dict())
        what = f"saving the OAuth token of {describe_grant(grant_id, token.region)}"
        with translate_errors(self._address, what, _NOT_SAVED, if_timed_out=_MAYBE_SAVED):
            if replaces is None:
                await self._redis.hset(key, grant_id, data)
                return True
            saved = await self._save_if_unchanged(
                keys=[key], args=[grant_id, replaces.refresh_token, data]
            )
        return bool(saved)

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Forget the pair of ``grant_id`` in ``region`` (no error when there is none)."""
        check_grant_id(grant_id)
        with translate_errors(
            self._address, f"deleting the OAuth token of {describe_grant(grant_id, region)}"
        ):
            await self._redis.hdel(self._tokens_key(region), grant_id)

    async def grant_ids(self, region: str) -> list[str]:
        """The grants holding a pair in ``region``, sorted."""
        with translate_errors(self._address, f"listing the grants of region {region!r}"):
            fields = await self._redis.hkeys(self._tokens_key(region))
        return sorted(f.decode() if isinstance(f, bytes) else str(f) for f in fields)

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        """An expiring lock on refreshing this grant, shared by everyone using this Redis."""
        return self._hold(region, check_grant_id(grant_id))

    @contextlib.asynccontextmanager
    async def _hold(self, region: str, grant_id: str) -> AsyncIterator[None]:
        grant = describe_grant(grant_id, region)
        key = self._lock_key(region, grant_id)
        await self._drop_orphaned_locks(key, grant)
        lock = self._redis.lock(
            key,
            timeout=self._lock_timeout,
            sleep=0.05,
            blocking_timeout=self._lock_wait,
        )
        token = uuid.uuid4().hex
        try:
            with translate_errors(self._address, f"taking the refresh lock of {grant}"):
                acquired = await lock.acquire(token=token)
        except BaseException as error:
            # The request may have reached Redis and taken the lock after the client gave up
            # (a timeout, a cancellation): a lock nobody holds would stall the next refresh
            # for lock_timeout. Remember the token and delete that lock before the next try.
            # (A connection that failed never carried the request.)
            if not isinstance(error.__cause__, redis.exceptions.ConnectionError):
                self._orphaned_locks.setdefault(key, set()).add(token)
            raise
        if not acquired:
            raise TokenStoreError(
                f"gave up after {self._lock_wait:g} s waiting for the refresh lock of {grant} "
                f"in Redis at {self._address}: another process holds it (it expires "
                f"{self._lock_timeout:g} s after it was taken)"
            )
        try:
            yield
        finally:
            try:
                await lock.release()
            except redis.exceptions.LockError:
                # Held past lock_timeout: someone else may hold it now, and the release
                # checked the token so theirs stays. Compare-and-set kept the chain single.
                logger.warning(
                    "the refresh lock of %s expired before its refresh finished "
                    "(lock_timeout=%g s); raise lock_timeout if refreshes take this long",
                    grant,
                    self._lock_timeout,
                )
            except (redis.exceptions.RedisError, OSError) as error:
                # Down, stalled, out of memory, read-only: the lock expires by itself, and the
                # refresh's outcome stands. Try to delete it before the next refresh.
                self._orphaned_locks.setdefault(key, set()).add(token)
                logger.warning(
                    "could not release the refresh lock of %s: Redis at %s failed (%s); "
                    "it expires within %g s",
                    grant,
                    self._address,
                    type(error).__name__,
                    self._lock_timeout,
                )

    async def _drop_orphaned_locks(self, key: str, grant: str) -> None:
        tokens = self._orphaned_locks.get(key)
        while tokens:
            token = next(iter(tokens))
            with translate_errors(
                self._address, f"clearing the refresh lock of {grant} a failed request left"
            ):
                await self._delete_if_held_by(keys=[key], args=[token])
            tokens.discard(token)
        self._orphaned_locks.pop(key, None)
