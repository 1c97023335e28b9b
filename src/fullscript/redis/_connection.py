"""Shared plumbing for the Redis-backed parts: one client from a URL, and one typed error.

Every Redis call the SDK makes goes through `translate_errors()`, so that a server that is down,
unreachable, out of memory or read-only (a failover) surfaces as `RedisUnavailableError` naming Redis and the URL (password removed),
never as a silent fallback and never as a bare redis-py exception from deep inside a request.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit, urlunsplit

import redis.asyncio as aioredis
import redis.exceptions
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from .._errors import FullscriptError

__all__ = [
    "RedisClientOwner",
    "RedisUnavailableError",
    "redact_url",
    "redis_client",
    "translate_errors",
]

# A Redis that does not answer should fail the call within seconds, not hang it.
DEFAULT_SOCKET_TIMEOUT = 5.0


class RedisUnavailableError(FullscriptError):
    """Redis could not be reached or failed while the SDK needed it (limiter or token store):
    down, stalled past the socket timeout, out of memory, or a read-only replica.

    `url` is the server's address with any password removed.
    """

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


def redact_url(url: str) -> str:
    """`url` with the password (and a username used as a password) replaced by `***`."""
    try:
        parts = urlsplit(url)
        if parts.password is None and parts.username is None:
            return url
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        port = f":{parts.port}" if parts.port is not None else ""
        user = f"{parts.username}:" if parts.password is not None and parts.username else ""
        return urlunsplit(parts._replace(netloc=f"{user}***@{host}{port}"))
    except ValueError:
        return "<unparseable Redis URL>"


def redis_client(
    url_or_client: str | aioredis.Redis, *, socket_timeout: float = DEFAULT_SOCKET_TIMEOUT
) -> tuple[aioredis.Redis, str]:
    """A redis-py asyncio client and its redacted address, from a URL or an existing client.

    A URL makes a new client (with connect and read timeouts of `socket_timeout` seconds) that
    retries a command once, at once, when its connection turns out to be closed: after a Redis
    restart every pooled connection is, and the first command must not fail for it. Timeouts
    are not retried (a stalled Redis would double the wait). A client is used as given. Raises `ValueError` naming the URL when it is not a Redis URL.
    """
    if isinstance(url_or_client, aioredis.Redis):
        kwargs = url_or_client.connection_pool.connection_kwargs
        address = (
            f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"
        )
        if "path" in kwargs:
            address = f"unix://{kwargs['path']}"
        return url_or_client, address
    if not isinstance(url_or_client, str):
        raise TypeError(
            "expected a Redis URL (str) or a redis.asyncio.Redis client, "
            f"got {type(url_or_client).__name__}"
        )
    shown = redact_url(url_or_client)
    try:
        client = aioredis.Redis.from_url(
            url_or_client,
            socket_connect_timeout=socket_timeout,
            socket_timeout=socket_timeout,
            retry=Retry(NoBackoff(), 1, supported_errors=(redis.exceptions.ConnectionError,)),
        )
    except ValueError as error:
        raise ValueError(
            f"not a usable Redis URL: {shown!r} ({_redacted(str(error), url_or_client, shown)}); "
            "expected redis://host:port/db, rediss://... or unix:///path"
        ) from None
    return client, shown


class RedisClientOwner:
    """Base of the objects that hold a Redis client: makes it from a URL (or takes the one given)
    and, as an async context manager or through `aclose()`, closes it only if it made it."""

    def __init__(self, redis: str | aioredis.Redis) -> None:
        self._owns_client = isinstance(redis, str)
        self._redis, self._address = redis_client(redis)

    async def aclose(self) -> None:
        """Close the Redis client if this object made it from a URL (a client passed in stays
        the caller's)."""
        if self._owns_client:
            await self._redis.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


def _redacted(text: str, url: str, shown: str) -> str:
    return text.replace(url, shown)


@contextlib.contextmanager
def translate_errors(
    address: str, doing: str, consequence: str = "", *, if_timed_out: str = ""
) -> Iterator[None]:
    """Turn every redis-py failure into `RedisUnavailableError`.

    Not only connection and timeout failures: a Redis out of memory (`maxmemory` with
    `noeviction`), a replica that became read-only in a failover, or any other error reply
    means the same to the caller - Redis could not do its part. `doing` says what the SDK was
    doing ("acquiring a rate-limit slot"); `consequence`, when given, what that means for the
    caller ("nothing was sent"); `if_timed_out`, when given, replaces it after a timeout, when
    Redis may have done the command without answering in time (a write's outcome is unknown).
    """
    try:
        yield
    except redis.exceptions.TimeoutError as error:
        raise _unavailable(
            address, "is unavailable", doing, error, if_timed_out or consequence
        ) from error
    except (redis.exceptions.ConnectionError, OSError) as error:
        raise _unavailable(address, "is unavailable", doing, error, consequence) from error
    except redis.exceptions.RedisError as error:
        # An error reply (OOM, READONLY, NOSCRIPT, ...): Redis answered but did not do it.
        raise _unavailable(address, "refused", doing, error, consequence) from error


def _unavailable(
    address: str, what: str, doing: str, error: BaseException, consequence: str
) -> RedisUnavailableError:
    return RedisUnavailableError(
        f"Redis at {address} {what} while {doing}: {type(error).__name__}: "
        f"{_scrub(str(error))}" + (f". {consequence}" if consequence else ""),
        url=address,
    )


def _scrub(text: str) -> str:
    # redis-py messages name host and port only, but keep them short and single-line.
    return " ".join(text.split())[:200]
