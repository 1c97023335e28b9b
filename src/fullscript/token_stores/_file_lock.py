"""Advisory file locks (``fcntl.flock``) that work across processes on one machine.

``flock`` locks belong to an open file description, so two opens of the same lock file
exclude each other whether they are in two processes or in one, and the kernel releases a
lock when its holder dies: a crashed process can never wedge the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["async_file_lock", "file_lock", "require_flock"]

# Polling bounds while another process holds a lock: short at first (the usual hold is a
# file write), capped so a refresh held for seconds costs a few wake-ups per second.
_FIRST_POLL = 0.002
_MAX_POLL = 0.05


def require_flock(what: str) -> None:
    """Refuse clearly where ``fcntl.flock`` does not exist."""
    if fcntl is None:  # pragma: no cover - Windows
        raise RuntimeError(
            f"{what} needs fcntl.flock (POSIX) to be safe across processes; on this platform "
            "use a database-backed store (CallbackTokenStore) or fullscript.redis.RedisTokenStore"
        )


def _open(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (blocking; run it in a worker thread)."""
    fd = _open(path)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.asynccontextmanager
async def async_file_lock(path: Path) -> AsyncIterator[None]:
    """Hold an exclusive lock on ``path`` without blocking the event loop.

    It polls with ``LOCK_NB`` instead of blocking a thread, so a cancelled waiter simply
    stops waiting and never acquires a lock that nobody would release.
    """
    fd = await asyncio.to_thread(_open, path)
    try:
        delay = _FIRST_POLL
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                await asyncio.sleep(delay)
                delay = min(delay * 2, _MAX_POLL)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
