"""Giving a slot back whatever happens to the caller.

A request can be cancelled at any await, including while its limiter is releasing the slot
(a round trip to Redis). An interrupted release leaks the slot: it keeps counting in the shared
log while the local stats say it was given back. So the release runs in a task of its own that
the caller's cancellation does not reach, and a release that fails is logged, never raised over
the response that already arrived.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

from ._protocol import Permit, RateLimiter

__all__ = ["give_back", "keep_until_done", "run_to_completion"]

logger = logging.getLogger("fullscript")

_T = TypeVar("_T")

# Tasks whose caller may be gone: referenced here until they finish, so that the event loop
# (which only keeps weak references) cannot drop them half-way.
_unfinished: set[asyncio.Future[Any]] = set()


def keep_until_done(task: asyncio.Future[_T]) -> asyncio.Future[_T]:
    """Hold a reference to ``task`` until it is done, and retrieve its exception then (so an
    abandoned task that failed does not log "exception was never retrieved")."""
    _unfinished.add(task)
    task.add_done_callback(_forget)
    return task


def _forget(task: asyncio.Future[Any]) -> None:
    _unfinished.discard(task)
    if not task.cancelled():
        task.exception()


async def run_to_completion(work: Coroutine[Any, Any, _T]) -> _T:
    """Await ``work`` in a task of its own, shielded: if the caller is cancelled, the caller
    gets `CancelledError` at once and ``work`` still runs to its end."""
    return await asyncio.shield(keep_until_done(asyncio.ensure_future(work)))


async def give_back(limiter: RateLimiter, permit: Permit) -> None:
    """``limiter.release(permit)``, logging instead of raising when it fails: the attempt's
    answer (or its own error) matters more than the bookkeeping of its slot."""
    try:
        await limiter.release(permit)
    except Exception as error:
        logger.warning(
            "could not release the rate-limit slot of quota %r (%s: %s); the answer is kept",
            permit.scope,
            type(error).__name__,
            error,
        )
