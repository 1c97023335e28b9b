"""Catching up on events missed while the receiver was down, from the ``GET /events/*`` lists.

Fullscript keeps events for 30 days. `reconcile` walks every event list from a point in time
(oldest first, pages fetched ahead). The lists carry no ``data`` (only ``GET /events/{id}``
does), so each entry the `SeenStore` has not seen is claimed and fetched by id, a few
ahead (an event already handled costs no request); each is typed exactly like a webhook
delivery. Claims not yielded when the walk ends are released. Give it the store your webhook receiver uses and an event handled by one path is never
handled by the other::

    async for event in reconcile(fs, since=last_seen, seen=store):
        await handle(event)
"""

from __future__ import annotations

import asyncio
import heapq
import importlib
import logging
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fullscript_api.operations import OPERATIONS

from .._errors import NotFoundError
from .events import TypedEvent, WebhookEvent, parse_event
from .seen import SeenStore, event_key

if TYPE_CHECKING:
    from .._client import Fullscript

__all__ = ["EVENT_LISTS", "reconcile"]

logger = logging.getLogger("fullscript.webhooks")


def _event_lists() -> dict[str, str]:
    """Every ``GET /events/<category>`` list of the spec, by category: the ``fs.events``
    method that walks it (read from the generated operation table, in the spec's order)."""
    return {
        row.path.rstrip("/").rsplit("/", 1)[1]: row.method_name
        for row in OPERATIONS
        if row.group == "events"
        and row.http_method == "GET"
        and "{" not in row.path
        and row.path.rstrip("/").rsplit("/", 2)[1] == "events"
    }


#: Which ``fs.events`` list holds each category of events (``/events/<category>``).
EVENT_LISTS: dict[str, str] = _event_lists()


def _sort_arguments(category: str) -> dict[str, Any]:
    """``sort_by=created_at, order_by=ASC`` in the generated enums of the category's list.

    Looked up by name when used (``list_patient_events`` -> ``ListPatientEventsSortBy``), so a
    client generated from another spec keeps this module importable; plain strings stand in for
    an enum the client does not have.
    """
    models = importlib.import_module("fullscript_api.models")
    camel = "".join(part.title() for part in EVENT_LISTS[category].split("_"))
    sort_by = getattr(models, f"{camel}SortBy", None)
    direction = getattr(models, "SortDirection", None)
    return {
        "sort_by": sort_by("created_at") if sort_by is not None else "created_at",
        "order_by": direction("ASC") if direction is not None else "ASC",
    }


_OLDEST = datetime.min.replace(tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day_filter(since: datetime) -> str:
    # The API filters by whole days and ">d" means "from the day after d": ask from the day
    # before `since`'s day, then drop what is older than `since` here.
    return f">{(since.astimezone(UTC).date() - timedelta(days=1)).isoformat()}"


async def _category_events(
    fs: Fullscript,
    category: str,
    since: datetime,
    claims: _Claims,
    *,
    prefetch: int,
    page_size: int,
) -> AsyncGenerator[WebhookEvent]:
    method: Callable[..., Any] = getattr(fs.events, EVENT_LISTS[category])
    # Oldest first: events created while we page are appended at the end, so no page shifts.
    # Most lists of a day's events are one page: a default prefetch must not guess more.
    paginator = method(
        created_at=_day_filter(since),
        **_sort_arguments(category),
        page_size=page_size,
        prefetch=prefetch,
    ).known_pages_only()
    iterator = paginator.__aiter__()
    # Entries whose ``data`` is being fetched, in list order: up to `prefetch` ahead.
    pending: deque[asyncio.Future[WebhookEvent]] = deque()
    try:
        async for listed in iterator:
            entry = listed.to_dict()
            event = parse_event(entry)
            if event.created_at is not None and _aware(event.created_at) < since:
                continue
            # Claimed before its data is fetched: an event already handled (by a webhook
            # delivery or another worker) costs no request.
            if not await claims.claim(event):
                continue
            pending.append(asyncio.ensure_future(_with_data(fs, entry, event)))
            if len(pending) > prefetch:
                yield await pending.popleft()
        while pending:
            yield await pending.popleft()
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await iterator.aclose()


class _Claims:
    """The events `reconcile` claimed in the seen store and has not yielded yet.

    Events are claimed when listed (so a handled one is never fetched), ahead of being
    yielded; whatever was claimed but not yielded when the walk ends (the caller stopped
    early, or a request failed) is released, so no event is lost to a claim.
    """

    def __init__(
        self, seen: SeenStore, key: Callable[[WebhookEvent], str], ttl: float | None
    ) -> None:
        self._seen = seen
        self._key = key
        self._ttl = ttl
        self._held: set[str] = set()

    async def claim(self, event: WebhookEvent) -> bool:
        name = self._key(event)
        if not await self._seen.claim(name, ttl=self._ttl):
            return False
        self._held.add(name)
        return True

    def yielded(self, event: WebhookEvent) -> None:
        self._held.discard(self._key(event))

    async def release_unyielded(self) -> None:
        held, self._held = self._held, set()
        for name in held:
            await self._seen.release(name)


async def _with_data(fs: Fullscript, entry: dict[str, Any], listed: WebhookEvent) -> WebhookEvent:
    """The typed event of a list entry, fetched by id when the entry has no ``data``.

    Fullscript's lists carry no ``data`` (only ``GET /events/{id}`` does), so each entry costs
    one more request; it goes through the client like any call, within the clinic's quota.
    """
    if isinstance(listed, TypedEvent):
        return listed
    if isinstance(entry.get("data"), Mapping):
        return listed  # data of another shape: fetching again would not change it
    try:
        fetched = await fs.events.retrieve(id=listed.id)
    except NotFoundError:
        # Expired (30 days) between the list and the fetch: offer what the list said.
        logger.warning("event %s (%s) is gone: offered untyped", listed.id, listed.type)
        return listed
    return parse_event({**entry, **fetched.to_dict()})


async def reconcile(
    fs: Fullscript,
    since: datetime,
    *,
    seen: SeenStore,
    key: Callable[[WebhookEvent], str] = event_key,
    categories: Iterable[str] = tuple(EVENT_LISTS),
    prefetch: int = 4,
    page_size: int = 100,
    claim_ttl: float | None = None,
) -> AsyncIterator[WebhookEvent]:
    """Yield every event since ``since`` that ``seen`` has not seen, oldest first.

    Args:
        fs: a client with a token for the clinic (and region) to catch up on.
        since: the earliest creation time wanted (naive datetimes are taken as UTC); e.g. the
            time of the last delivery handled, minus a margin. At most 30 days back.
        seen: the dedup store of your webhook receiver. Each yielded event is claimed in it;
            release the key (``await seen.release(key(event))``) if handling it fails.
        key: the dedup key of an event (default: integration, clinic and event id).
        categories: which lists to walk (keys of `EVENT_LISTS`; default: every one).
        prefetch: pages fetched ahead in each list, and events fetched ahead by id, while the
            current one is handled.
        page_size: events per request (at most 100).
        claim_ttl: claim each event for this long only (then ``await seen.confirm(key)``
            once handled; default: the store's full time to live).

    The lists are merged by ``created_at``, so events arrive in the order they happened
    across categories. Events are typed like deliveries (`UnknownEvent` for the unknown).
    """
    since = _aware(since)
    wanted = list(categories)
    unknown = [name for name in wanted if name not in EVENT_LISTS]
    if unknown:
        raise ValueError(
            f"unknown event categories {unknown}; use some of {', '.join(EVENT_LISTS)}"
        )
    claims = _Claims(seen, key, claim_ttl)
    streams = [
        _category_events(fs, name, since, claims, prefetch=prefetch, page_size=page_size)
        for name in wanted
    ]
    # A heap of each stream's next event, ordered by (created_at, list position, sequence).
    heads: list[tuple[datetime, int, int, WebhookEvent]] = []
    sequence = 0
    try:
        # The first page of every list at once; then each list is read as it is consumed.
        firsts = await _first_of_each(streams)
        for position, first in enumerate(firsts):
            if first is not None:
                heads.append((_when(first), position, sequence, first))
                sequence += 1
        heapq.heapify(heads)
        while heads:
            _, position, _, event = heapq.heappop(heads)
            following = await anext(streams[position], None)
            if following is not None:
                heapq.heappush(heads, (_when(following), position, sequence, following))
                sequence += 1
            claims.yielded(event)
            yield event
    finally:
        for stream in streams:
            await stream.aclose()
        await claims.release_unyielded()


async def _first_of_each(
    streams: list[AsyncGenerator[WebhookEvent]],
) -> list[WebhookEvent | None]:
    """The next event of every stream, fetched concurrently. If one fails, the others are
    cancelled and finished before the error propagates (so the streams can be closed)."""
    tasks = [asyncio.ensure_future(anext(stream, None)) for stream in streams]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


def _when(event: WebhookEvent) -> datetime:
    return _aware(event.created_at) if event.created_at is not None else _OLDEST
