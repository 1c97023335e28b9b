"""In-process locks, one per (grant, region), for stores that only one process uses."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

__all__ = ["KeyedLocks"]


class _Entry:
    __slots__ = ("lock", "loop", "users")

    def __init__(self, lock: asyncio.Lock, loop: asyncio.AbstractEventLoop) -> None:
        self.lock = lock
        self.loop = loop
        self.users = 0


class KeyedLocks:
    """One lock per key, created on first use and dropped once nobody holds or awaits it.

    A lock belongs to the event loop that made it. A lock left held by a task of another
    (closed, or simply different) loop is abandoned, not waited on: its holder can never
    release it, and a lock cannot be shared across loops anyway.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}

    @contextlib.asynccontextmanager
    async def hold(self, region: str, grant_id: str) -> AsyncIterator[None]:
        """Hold the lock of ``(grant_id, region)`` for the duration of the block."""
        key = (grant_id, region)
        loop = asyncio.get_running_loop()
        entry = self._entries.get(key)
        if entry is None or entry.loop is not loop:
            entry = self._entries[key] = _Entry(asyncio.Lock(), loop)
        entry.users += 1
        try:
            async with entry.lock:
                yield
        finally:
            entry.users -= 1
            # Many grants must not leave a lock each behind.
            if entry.users == 0 and self._entries.get(key) is entry:
                del self._entries[key]
