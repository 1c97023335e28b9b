"""Redis-backed shared state for many processes: the `fullscript[redis]` extra.

    from fullscript.redis import RedisRateLimiter, RedisTokenStore

    limiter = RedisRateLimiter("redis://localhost:6379/0", key_prefix="my-app:quota")
    store = RedisTokenStore("redis://localhost:6379/0", prefix="my-app")
    async with Fullscript(..., limiter=limiter, token_store=store) as fs:
        ...

Built on redis-py's asyncio client. Importing this module needs the extra
(`pip install 'fullscript[redis]'`); `import fullscript` alone never imports redis-py.
When Redis cannot be reached the calls raise `RedisUnavailableError`; nothing falls back to
unshared, per-process state.
"""

try:
    import redis.asyncio  # noqa: F401
except ImportError as missing:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "fullscript.redis needs redis-py: install the extra with pip install 'fullscript[redis]'"
    ) from missing

from ._connection import RedisUnavailableError, redact_url, redis_client
from ._limiter import RedisRateLimiter
from ._token_store import RedisTokenStore

__all__ = [
    "RedisRateLimiter",
    "RedisTokenStore",
    "RedisUnavailableError",
    "redact_url",
    "redis_client",
]
