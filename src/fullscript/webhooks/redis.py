"""`RedisSeenStore`: deduplication shared by every worker, in Redis (``pip install 'fullscript[redis]'``).

    from fullscript.webhooks.redis import RedisSeenStore

    seen = RedisSeenStore("redis://localhost:6379/0")      # or a redis.asyncio.Redis you own

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
from .seen import DEFAULT_SEEN_TTL

__all__ = ["RedisSeenStore"]


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


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))
