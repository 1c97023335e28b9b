"""Remembering what was already handled: the seen-keys store behind deduplication.

Fullscript may deliver an event more than once (retries, one delivery per enabled
integration), and reconciliation lists events that webhooks also delivered. A `SeenStore`
answers "first time?" atomically, so exactly one of several concurrent claimants wins. The
same abstraction keeps OAuth ``state`` nonces single use.

* `InMemorySeenStore` (default): one process, bounded, with a time to live.
* `fullscript.webhooks.redis.RedisSeenStore`: shared by every worker (``SET key NX PX``);
  needs ``pip install 'fullscript[redis]'``.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from .._validation import check_count, check_seconds
from .events import WebhookEvent

__all__ = ["DEFAULT_SEEN_TTL", "InMemorySeenStore", "SeenStore", "event_key"]

#: Events are listed for 30 days; remember them a day longer so a reconciliation over the
#: whole window never hands out one that was already handled.
DEFAULT_SEEN_TTL = 31 * 86400.0


@runtime_checkable
class SeenStore(Protocol):
    """Atomic "first time?" for keys, with a time to live.

    A claim may be provisional (``ttl=`` shorter than the store's): the key is held while its
    event is handled, then `confirm` keeps it for the full time to live. A process that dies
    in between lets the claim lapse, so the event is offered again instead of being lost.
    """

    async def claim(self, key: str, *, ttl: float | None = None) -> bool:
        """Mark ``key`` as seen for ``ttl`` seconds (default: the store's); True when this
        call was the first to do so (atomic)."""
        ...

    async def confirm(self, key: str) -> None:
        """Keep a claimed ``key`` for the store's full time to live (its handling succeeded)."""
        ...

    async def release(self, key: str) -> None:
        """Forget ``key``, so a later claim succeeds again (its handling failed)."""
        ...


def event_key(event: WebhookEvent) -> str:
    """The dedup key of an event: integration, clinic and event id.

    Fullscript sends one delivery per enabled integration, so the same event id delivered
    for two integrations is handled once for each.
    """
    return f"{event.integration_id or '-'}:{event.clinic_id or '-'}:{event.id}"


class InMemorySeenStore:
    """Seen keys of this process: at most ``max_keys`` of them, each kept ``ttl`` seconds.

    Enough for one worker. With several workers (uvicorn ``--workers``, several hosts) each
    would handle a duplicate delivered to it: use ``RedisSeenStore`` there.

    When full, the oldest keys are forgotten first; a duplicate older than that is handled
    again, so size ``max_keys`` for your event volume over ``ttl``.
    """

    def __init__(
        self,
        *,
        ttl: float = DEFAULT_SEEN_TTL,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl = check_seconds(ttl, name="ttl", where="InMemorySeenStore")
        self.max_keys = check_count(max_keys, name="max_keys", where="InMemorySeenStore")
        self._clock = clock
        # Insertion (or confirmation) order: the oldest first, for eviction and purging.
        self._expiry: OrderedDict[str, float] = OrderedDict()

    def __repr__(self) -> str:
        return f"InMemorySeenStore(keys={len(self._expiry)}, max_keys={self.max_keys})"

    def __len__(self) -> int:
        return len(self._expiry)

    def _purge(self, now: float) -> None:
        # Expired keys at the front go; one further back (a short claim behind a long one)
        # is dropped when looked up.
        while self._expiry:
            key, expires = next(iter(self._expiry.items()))
            if expires > now:
                break
            del self._expiry[key]

    async def claim(self, key: str, *, ttl: float | None = None) -> bool:
        """Mark ``key`` as seen; True when it was not (or no longer) seen."""
        lifetime = self.ttl if ttl is None else check_seconds(ttl, name="ttl", where="add")
        now = self._clock()
        self._purge(now)
        expires = self._expiry.get(key)
        if expires is not None and expires > now:
            return False
        self._expiry.pop(key, None)
        self._expiry[key] = now + lifetime
        while len(self._expiry) > self.max_keys:
            self._expiry.popitem(last=False)
        return True

    async def confirm(self, key: str) -> None:
        """Keep ``key`` for the full ``ttl`` from now."""
        self._expiry.pop(key, None)
        self._expiry[key] = self._clock() + self.ttl

    async def release(self, key: str) -> None:
        """Forget ``key``."""
        self._expiry.pop(key, None)
