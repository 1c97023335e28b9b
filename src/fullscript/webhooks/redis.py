"""Webhook state shared by every worker, in Redis (``pip install 'fullscript[redis]'``).

    from fullscript.webhooks.redis import RedisCatchUpLedger, RedisSeenStore

    seen = RedisSeenStore("redis://localhost:6379/0")      # or a redis.asyncio.Redis you own
    ledger = RedisCatchUpLedger("redis://localhost:6379/0")   # startup catch-up, once

`RedisCatchUpLedger` holds each clinic's catch-up lease (``SET NX PX``) and cursor
(`fullscript.webhooks.catch_up`); its writes check the lease holder in one Lua script.

A claim is one ``SET <prefix><key> 1 NX PX <ttl>``: Redis makes it atomic, so of several
workers receiving the same event exactly one wins. Built on the shared plumbing of
`fullscript.redis` (one client from a URL; an unreachable server raises
`fullscript.redis.RedisUnavailableError`, never a silent fallback to per-process memory).
"""

from __future__ import annotations

try:
    import redis.asyncio as aioredis
except ImportError as missing:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "fullscript.webhooks.redis needs redis-py: install the extra with "
        "pip install 'fullscript[redis]'"
    ) from missing

from .._validation import check_seconds
from ..redis._connection import redis_client, translate_errors
from .catch_up import CatchUpCursor
from .seen import DEFAULT_SEEN_TTL

__all__ = ["RedisCatchUpLedger", "RedisSeenStore"]


class RedisSeenStore:
    """Seen keys in Redis, each expiring after ``ttl`` seconds.

    Args:
        url_or_client: a Redis URL, or a ``redis.asyncio.Redis`` you own (and close).
        prefix: prepended to every key, to share a database with other data.
        ttl: seconds a key is remembered (default 31 days: longer than events are listed).
    """

    def __init__(
        self,
        url_or_client: str | aioredis.Redis,
        *,
        prefix: str = "fullscript:seen:",
        ttl: float = DEFAULT_SEEN_TTL,
    ) -> None:
        self._client, self._address = redis_client(url_or_client)
        self._owns_client = isinstance(url_or_client, str)
        self.prefix = prefix
        self.ttl = check_seconds(ttl, name="ttl", where="RedisSeenStore")

    def __repr__(self) -> str:
        return f"RedisSeenStore({self._address!r}, prefix={self.prefix!r}, ttl={self.ttl:g})"

    async def claim(self, key: str, *, ttl: float | None = None) -> bool:
        """``SET NX PX``: True when this call created the key."""
        lifetime = self.ttl if ttl is None else check_seconds(ttl, name="ttl", where="add")
        with translate_errors(self._address, "checking whether an event was already handled"):
            created = await self._client.set(self.prefix + key, b"1", nx=True, px=_ms(lifetime))
        return bool(created)

    async def confirm(self, key: str) -> None:
        """``SET PX`` with the full ttl (also when the claim had lapsed: the event was handled)."""
        with translate_errors(self._address, "recording a handled event"):
            await self._client.set(self.prefix + key, b"1", px=_ms(self.ttl))

    async def release(self, key: str) -> None:
        """``DEL`` the key."""
        with translate_errors(self._address, "forgetting a handled event"):
            await self._client.delete(self.prefix + key)

    async def aclose(self) -> None:
        """Close the client if this store made it from a URL."""
        if self._owns_client:
            await self._client.aclose()


# KEYS: lease, cursor; ARGV: holder, cursor JSON, lease ms. Saves only while holding the lease.
_ADVANCE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
"""

# KEYS: lease; ARGV: holder.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisCatchUpLedger:
    """Catch-up leases and cursors in Redis, shared by every worker on every machine.

    Args:
        url_or_client: a Redis URL, or a ``redis.asyncio.Redis`` you own (and close).
        prefix: prepended to every key (``<prefix>lease:<clinic>``, ``<prefix>cursor:<clinic>``).

    A lease is ``SET NX PX``, so it expires on Redis' clock even if its holder dies; a cursor
    is saved (and the lease renewed) only while its holder still holds the lease.
    """

    def __init__(
        self, url_or_client: str | aioredis.Redis, *, prefix: str = "fullscript:catch-up:"
    ) -> None:
        self._client, self._address = redis_client(url_or_client)
        self._owns_client = isinstance(url_or_client, str)
        self.prefix = prefix
        self._advance = self._client.register_script(_ADVANCE)
        self._release = self._client.register_script(_RELEASE)

    def __repr__(self) -> str:
        return f"RedisCatchUpLedger({self._address!r}, prefix={self.prefix!r})"

    def _keys(self, clinic: str) -> list[str]:
        return [f"{self.prefix}lease:{clinic}", f"{self.prefix}cursor:{clinic}"]

    async def acquire(self, clinic: str, *, holder: str, lease: float) -> bool:
        """``SET lease holder NX PX``: True when this holder took it."""
        with translate_errors(self._address, "taking a catch-up lease"):
            taken = await self._client.set(self._keys(clinic)[0], holder, nx=True, px=_ms(lease))
        return bool(taken)

    async def cursor(self, clinic: str) -> CatchUpCursor | None:
        """The saved cursor (``GET``), or None."""
        with translate_errors(self._address, "reading a catch-up cursor"):
            saved = await self._client.get(self._keys(clinic)[1])
        return CatchUpCursor.from_json(saved) if saved else None

    async def advance(
        self, clinic: str, cursor: CatchUpCursor, *, holder: str, lease: float
    ) -> bool:
        """Save the cursor and renew the lease, atomically, only while ``holder`` holds it."""
        with translate_errors(self._address, "saving a catch-up cursor"):
            saved = await self._advance(
                keys=self._keys(clinic), args=[holder, cursor.to_json(), _ms(lease)]
            )
        return bool(saved)

    async def release(self, clinic: str, *, holder: str) -> None:
        """Delete the lease if ``holder`` holds it."""
        with translate_errors(self._address, "giving back a catch-up lease"):
            await self._release(keys=self._keys(clinic)[:1], args=[holder])

    async def aclose(self) -> None:
        """Close the client if this ledger made it from a URL."""
        if self._owns_client:
            await self._client.aclose()


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
