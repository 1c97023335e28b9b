"""Startup catch-up for an app with many workers and many clinics: once, per clinic, from a cursor.

Every worker of an app runs its startup, and every start used to walk every clinic's event
lists from a fixed look-back: the list requests grew with workers x clinics on every deploy.
Here each clinic's catch-up is coordinated through a `CatchUpLedger` shared by the workers
(a file on one machine, Redis across machines):

* a **lease** per clinic: the first worker to start takes it and catches up; the others skip
  that clinic. The lease is kept after a successful catch-up until it expires, so the workers
  (re)starting during the rest of a deploy do not repeat it; after a failure it is given back,
  so the next start tries again.
* a **cursor** per clinic: the creation time (and key) of the last event handled. The next
  catch-up lists from there, not from a fixed look-back; only the very first one, with no
  cursor yet, looks back ``first_look_back``.

    ledger = FileCatchUpLedger("catch-up.json")     # or RedisCatchUpLedger(redis_url)
    await receiver.catch_up_clinics(fs, ledger=ledger)   # every grant in fs's store

The cursor only moves over events whose handlers all succeeded, in the order they happened:
an event whose handler failed is listed again by the next catch-up (its dedup key was
released). Events already handled (delivered by webhook) are skipped by the dedup store.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from .._errors import FullscriptError
from .._validation import _invalid, check_seconds
from ..token_stores._file_lock import async_file_lock, require_flock

if TYPE_CHECKING:
    from .._client import Fullscript
    from .receiver import WebhookReceiver

__all__ = [
    "DEFAULT_CATCH_UP_LEASE",
    "DEFAULT_FIRST_LOOK_BACK",
    "CatchUpCursor",
    "CatchUpLedger",
    "FileCatchUpLedger",
    "InMemoryCatchUpLedger",
    "catch_up_clinic",
    "catch_up_clinics",
]

logger = logging.getLogger("fullscript.webhooks")

#: How long a clinic's catch-up lease lasts (renewed as the cursor moves): 5 minutes.
DEFAULT_CATCH_UP_LEASE = 300.0
#: How far back the first catch-up of a clinic (no cursor yet) looks.
DEFAULT_FIRST_LOOK_BACK = timedelta(days=1)
# The cursor is saved every this many events (and at the end): a crash repeats at most these.
_SAVE_EVERY = 50


@attrs.frozen
class CatchUpCursor:
    """Where a clinic's catch-up resumes: the last event handled.

    Attributes:
        at: its creation time (timezone-aware).
        key: its dedup key (the next catch-up does not hand it out again).
    """

    at: datetime
    key: str

    def to_json(self) -> str:
        return json.dumps({"at": self.at.isoformat(), "key": self.key})

    @classmethod
    def from_json(cls, text: str | bytes) -> CatchUpCursor:
        data = json.loads(text)
        return cls(datetime.fromisoformat(data["at"]), str(data["key"]))


@runtime_checkable
class CatchUpLedger(Protocol):
    """Leases and cursors of clinics' catch-ups, shared by every worker of the app.

    ``clinic`` is an opaque key (region and grant id); ``holder`` names one catch-up run.
    """

    async def acquire(self, clinic: str, *, holder: str, lease: float) -> bool:
        """Take the clinic's lease for ``lease`` seconds unless another holder has it (atomic)."""
        ...

    async def cursor(self, clinic: str) -> CatchUpCursor | None:
        """The clinic's cursor, or None before its first catch-up."""
        ...

    async def advance(
        self, clinic: str, cursor: CatchUpCursor, *, holder: str, lease: float
    ) -> bool:
        """Save ``cursor`` and renew the lease, only while ``holder`` holds it; False if not."""
        ...

    async def release(self, clinic: str, *, holder: str) -> None:
        """Give the lease back (only if ``holder`` holds it)."""
        ...


@attrs.define
class _Entry:
    holder: str | None = None
    until: float = 0.0
    cursor: CatchUpCursor | None = None


class InMemoryCatchUpLedger:
    """Leases and cursors of this process only: enough for one worker (the default)."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._entries: dict[str, _Entry] = {}

    def __repr__(self) -> str:
        return f"InMemoryCatchUpLedger(clinics={len(self._entries)})"

    async def acquire(self, clinic: str, *, holder: str, lease: float) -> bool:
        entry = self._entries.setdefault(clinic, _Entry())
        now = self._clock()
        if entry.holder is not None and entry.until > now:
            return False
        entry.holder, entry.until = holder, now + lease
        return True

    async def cursor(self, clinic: str) -> CatchUpCursor | None:
        entry = self._entries.get(clinic)
        return entry.cursor if entry is not None else None

    async def advance(
        self, clinic: str, cursor: CatchUpCursor, *, holder: str, lease: float
    ) -> bool:
        entry = self._entries.get(clinic)
        if entry is None or entry.holder != holder:
            return False
        entry.cursor, entry.until = cursor, self._clock() + lease
        return True

    async def release(self, clinic: str, *, holder: str) -> None:
        entry = self._entries.get(clinic)
        if entry is not None and entry.holder == holder:
            entry.holder, entry.until = None, 0.0


class FileCatchUpLedger:
    """Leases and cursors in one JSON file, for the workers of one machine (``fcntl.flock``).

    Each operation reads and rewrites the file under an exclusive lock on ``<path>.lock``; it
    runs a few times per clinic at startup, never per request. Lease times are wall-clock
    epoch seconds (``clock``), so every worker must share one clock: one machine.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, clock: Callable[[], float] = time.time
    ) -> None:
        require_flock("FileCatchUpLedger")
        self.path = Path(path)
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._clock = clock

    def __repr__(self) -> str:
        return f"FileCatchUpLedger({str(self.path)!r})"

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text("utf-8")
        except FileNotFoundError:
            return {}
        data = json.loads(text) if text.strip() else {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, Any]) -> None:
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(data, sort_keys=True), "utf-8")
        os.replace(partial, self.path)

    def _locked(self) -> Any:
        return async_file_lock(
            self._lock_path, expires_after=30.0, wait=60.0, what="the catch-up ledger"
        )

    async def acquire(self, clinic: str, *, holder: str, lease: float) -> bool:
        async with self._locked():
            data = self._read()
            entry = data.setdefault(clinic, {})
            now = self._clock()
            if entry.get("holder") is not None and float(entry.get("until", 0)) > now:
                return False
            entry.update(holder=holder, until=now + lease)
            self._write(data)
            return True

    async def cursor(self, clinic: str) -> CatchUpCursor | None:
        async with self._locked():
            saved = self._read().get(clinic, {}).get("cursor")
        return CatchUpCursor.from_json(saved) if saved else None

    async def advance(
        self, clinic: str, cursor: CatchUpCursor, *, holder: str, lease: float
    ) -> bool:
        async with self._locked():
            data = self._read()
            entry = data.get(clinic)
            if entry is None or entry.get("holder") != holder:
                return False
            entry.update(cursor=cursor.to_json(), until=self._clock() + lease)
            self._write(data)
            return True

    async def release(self, clinic: str, *, holder: str) -> None:
        async with self._locked():
            data = self._read()
            entry = data.get(clinic)
            if entry is not None and entry.get("holder") == holder:
                entry.update(holder=None, until=0)
                self._write(data)


def _check_settings(ledger: object, first_look_back: object, lease: object, *, where: str) -> float:
    """Refuse bad settings up front (a clinic's failure is logged, not raised: too late)."""
    if not isinstance(ledger, CatchUpLedger):
        raise _invalid(
            "ledger must be a CatchUpLedger (acquire, cursor, advance, release), got "
            f"{type(ledger).__name__}",
            where=where,
            name="ledger",
            wrong_type=True,
        )
    if not isinstance(first_look_back, timedelta):
        raise _invalid(
            f"first_look_back must be a timedelta, got {type(first_look_back).__name__}",
            where=where,
            name="first_look_back",
            wrong_type=True,
        )
    if first_look_back <= timedelta(0):
        raise _invalid(
            f"first_look_back must be positive, got {first_look_back}",
            where=where,
            name="first_look_back",
            wrong_type=False,
        )
    return check_seconds(lease, name="lease", where=where)


def clinic_key(fs: Fullscript) -> str:
    """The ledger key of the clinic ``fs`` acts for: its region and grant id."""
    return f"{fs.region.key}:{fs.grant_id}"


async def catch_up_clinic(
    receiver: WebhookReceiver,
    fs: Fullscript,
    *,
    ledger: CatchUpLedger,
    first_look_back: timedelta = DEFAULT_FIRST_LOOK_BACK,
    lease: float = DEFAULT_CATCH_UP_LEASE,
    prefetch: int = 4,
) -> int | None:
    """Catch up on the clinic ``fs`` acts for, unless another worker has (see the module doc).

    Returns how many events were handled, or None when another worker holds the clinic's
    lease (it is catching up, or did so less than ``lease`` seconds ago).
    """
    lease = _check_settings(ledger, first_look_back, lease, where="catch_up_clinic")
    clinic = clinic_key(fs)
    holder = uuid.uuid4().hex
    if not await ledger.acquire(clinic, holder=holder, lease=lease):
        logger.info("catch-up of %s skipped: another worker has it", clinic)
        return None
    try:
        handled, complete = await _catch_up_holding(
            receiver, fs, ledger, clinic, holder, first_look_back, lease, prefetch
        )
    except BaseException:
        await asyncio.shield(ledger.release(clinic, holder=holder))
        raise
    if not complete:
        await ledger.release(clinic, holder=holder)  # the next start tries again
    return handled


async def _catch_up_holding(
    receiver: WebhookReceiver,
    fs: Fullscript,
    ledger: CatchUpLedger,
    clinic: str,
    holder: str,
    first_look_back: timedelta,
    lease: float,
    prefetch: int,
) -> tuple[int, bool]:
    """The catch-up itself, lease held: (events handled, whether every handler succeeded)."""
    cursor = await ledger.cursor(clinic)
    if cursor is not None:
        since = cursor.at
    else:
        since = datetime.fromtimestamp(receiver.clock(), UTC) - first_look_back
    handled, unsaved, complete = 0, 0, True
    latest = cursor
    async for event in receiver._unhandled_events(fs, since, prefetch):
        key = receiver.key(event)
        if cursor is not None and key == cursor.key:
            await receiver.seen.confirm(key)  # handled by the previous catch-up
            continue
        succeeded = await receiver.handle(event)
        handled += 1
        if not succeeded:
            complete = False  # the cursor stays before it: the next catch-up lists it again
        elif complete and event.created_at is not None:
            latest, unsaved = CatchUpCursor(_aware(event.created_at), key), unsaved + 1
            if unsaved >= _SAVE_EVERY:
                if not await ledger.advance(clinic, latest, holder=holder, lease=lease):
                    return handled, _lost_lease(clinic)
                unsaved = 0
    moved = latest is not None and latest != cursor
    if moved and latest and not await ledger.advance(clinic, latest, holder=holder, lease=lease):
        return handled, _lost_lease(clinic)
    return handled, complete


def _lost_lease(clinic: str) -> bool:
    logger.warning(
        "catch-up of %s outlived its lease and another worker took it over: raise lease=",
        clinic,
    )
    return False  # releasing is then a no-op: the lease is the new holder's


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


async def catch_up_clinics(
    receiver: WebhookReceiver,
    fs: Fullscript,
    *,
    ledger: CatchUpLedger,
    grants: Iterable[str] | None = None,
    first_look_back: timedelta = DEFAULT_FIRST_LOOK_BACK,
    lease: float = DEFAULT_CATCH_UP_LEASE,
    prefetch: int = 4,
) -> dict[str, int | None]:
    """The startup catch-up of an app with several workers and clinics: `catch_up_clinic` for
    every grant (default: every grant in ``fs``'s store and region), so each clinic is caught up
    once across the workers sharing ``ledger``, from the last event handled.

    Also ``receiver.catch_up_clinics(fs, ledger=...)``.

    With no grant at all this does nothing, so an app starts before any clinic connected. A
    clinic whose catch-up fails (its authorization revoked, Fullscript unreachable) is logged
    and left for the next start; the others still catch up. Returns, per grant id, the events
    handled (None: another worker had it; absent: it failed).
    """
    _check_settings(ledger, first_look_back, lease, where="catch_up_clinics")
    results: dict[str, int | None] = {}
    for grant_id in list(grants) if grants is not None else await fs.grants():
        try:
            results[grant_id] = await catch_up_clinic(
                receiver,
                fs.for_grant(grant_id),
                ledger=ledger,
                first_look_back=first_look_back,
                lease=lease,
                prefetch=prefetch,
            )
        except FullscriptError as error:
            logger.warning(
                "catch-up of grant %s failed, left for the next start: %s", grant_id, error
            )
    return results
