"""Advisory file locks (``fcntl.flock``) that work across processes on one machine.

``flock`` locks belong to an open file description, so two opens of the same lock file
exclude each other whether they are in two processes or in one, and the kernel releases a
lock when its holder dies: a crashed process can never wedge the others.

A holder that is alive but frozen (SIGSTOP, a debugger, a stuck NFS call) keeps its ``flock``
forever, so the asynchronous lock also expires, as the Redis lock does: its holder stamps the
lock file's mtime when it takes it, and a waiter that finds the stamp older than the expiry
removes the file. The frozen holder keeps its lock on the removed file, harmlessly; everyone
else locks the new file at the same path. Each holder checks, once it has the lock, that the
path still names the file it locked.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from ._contract import TokenStoreError

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
def file_lock(path: Path, *, wait: float = math.inf, what: str = "the lock") -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (blocking; run it in a worker thread). After
    ``wait`` seconds of waiting raises `TokenStoreError` naming ``what`` and the file."""
    fd = _open(path)
    try:
        started = time.monotonic()
        delay = _FIRST_POLL
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - started >= wait:
                    raise TokenStoreError(
                        f"gave up after {wait:g} s waiting for {what} ({str(path)!r}): another "
                        "process holds it"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, _MAX_POLL)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.asynccontextmanager
async def async_file_lock(
    path: Path,
    *,
    expires_after: float = math.inf,
    wait: float = math.inf,
    what: str = "the lock",
) -> AsyncIterator[None]:
    """Hold an exclusive lock on ``path`` without blocking the event loop.

    It polls with ``LOCK_NB`` instead of blocking a thread, so a cancelled waiter simply
    stops waiting and never acquires a lock that nobody would release. A lock held for
    ``expires_after`` seconds is taken from its holder; after ``wait`` seconds of waiting
    this raises `TokenStoreError` naming ``what`` and the file.
    """
    fd = await asyncio.to_thread(_open, path)
    try:
        started = time.monotonic()
        delay = _FIRST_POLL
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() - started >= wait:
                    raise TokenStoreError(
                        f"gave up after {wait:g} s waiting for {what} ({str(path)!r}): another "
                        f"process holds it (it expires {expires_after:g} s after it was taken)"
                    ) from None
                if _expired(fd, expires_after) and _remove_if_expired(path, fd, expires_after):
                    os.close(fd)
                    fd = await asyncio.to_thread(_open, path)
                    continue
                await asyncio.sleep(delay)
                delay = min(delay * 2, _MAX_POLL)
                continue
            os.utime(fd)  # the stamp the expiry is measured from
            if _still_named(path, fd):
                break
            # Removed as expired by a waiter that saw the previous stamp: lock the new file.
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
            fd = await asyncio.to_thread(_open, path)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _expired(fd: int, expires_after: float) -> bool:
    return math.isfinite(expires_after) and time.time() - os.fstat(fd).st_mtime > expires_after


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` is (still) the file open as ``fd``."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


@contextlib.contextmanager
def _expiry_guard(path: Path) -> Iterator[None]:
    """Serialises "is it expired? remove it" against "is it still mine?": both are a couple
    of system calls, so the guard is held for microseconds."""
    guard = _open(path.with_name(f"{path.name}.expiry"))
    try:
        fcntl.flock(guard, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(guard, fcntl.LOCK_UN)
    finally:
        os.close(guard)


def _still_named(path: Path, fd: int) -> bool:
    with _expiry_guard(path):
        return _names(path, fd)


def _remove_if_expired(path: Path, fd: int, expires_after: float) -> bool:
    """Remove the lock file open as ``fd`` if it is still the one at ``path`` and still
    expired (meanwhile a new holder may have stamped it, or another waiter removed it).
    True when ``fd`` no longer names the lock file."""
    with _expiry_guard(path):
        if not _names(path, fd):
            return True
        if not _expired(fd, expires_after):
            return False
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        return True
