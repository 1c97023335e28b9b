"""One app worker's startup catch-up, run as its own process, and how to start several at once.

Shared by `benchmarks.fastapi_scale` and tests/webhooks/test_catch_up_processes.py.

    python catch_up_worker.py SANDBOX_URL TOKEN_FILE LEDGER

LEDGER ``file:PATH`` or ``redis:URL|PREFIX``: ``receiver.catch_up_clinics`` over every grant in
the token file through that shared `CatchUpLedger` (once per clinic, from its cursor). LEDGER
``look-back``: what apps did before, every clinic from a fixed 24 h look-back in every worker.
Prints ``{"ready": true}``, waits for a line on stdin so all workers start together, then
prints ``{"results": {grant: handled or null}, "handled": [event id, ...]}``.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fullscript import FileTokenStore, Fullscript, Region
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI
from fullscript.webhooks import (
    EVENT_LISTS,
    CatchUpLedger,
    FileCatchUpLedger,
    WebhookEvent,
    WebhookReceiver,
)

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

LOOK_BACK = "look-back"


class EventListCounter:
    """Counts the ``GET .../events/<category>`` list requests a served sandbox answers
    (thread-safe).

    The fetches of one event's data (``GET .../events/{id}``) are left out: how many a worker
    makes depends on which events its dedup store has already seen, and the grants these runs
    connect are one sandbox clinic (the same events under each grant), which no real
    deployment has. The list requests are what grows with workers x clinics.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.count = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "").rstrip("/")
        listing = path.rpartition("/events/")[2] in EVENT_LISTS
        if scope["type"] == "http" and scope["method"] == "GET" and listing:
            with self._lock:
                self.count += 1
        await self.app(scope, receive, send)


def run_workers(
    count: int, sandbox_url: str, token_file: Path, ledger: str, *, timeout: float = 300
) -> list[dict[str, Any]]:
    """Start ``count`` workers, let them go at once, return each one's printed answer."""
    from .together import run_together  # in the parent only: a worker runs as a script

    command = [sys.executable, __file__, sandbox_url, str(token_file), ledger]
    return run_together([command] * count, timeout=timeout)


def ledger_from(spec: str) -> CatchUpLedger:
    kind, _, where = spec.partition(":")
    if kind == "file":
        return FileCatchUpLedger(where)
    from fullscript.webhooks.redis import RedisCatchUpLedger

    url, _, prefix = where.rpartition("|")
    return RedisCatchUpLedger(url, prefix=prefix)


async def main(sandbox_url: str, token_file: str, ledger_spec: str) -> None:
    ledger = None if ledger_spec == LOOK_BACK else ledger_from(ledger_spec)
    receiver = WebhookReceiver("whsec-unused-here")
    handled: list[str] = []

    @receiver.on()
    def remember(event: WebhookEvent) -> None:
        handled.append(event.id)

    print(json.dumps({"ready": True}), flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.US.with_base_url(f"{sandbox_url}/us"),
        token_store=FileTokenStore(token_file),
    ) as fs:
        if ledger is not None:
            results = await receiver.catch_up_clinics(fs, ledger=ledger)
        else:
            since = datetime.now(UTC) - timedelta(hours=24)
            results = {
                grant: await receiver.catch_up(fs.for_grant(grant), since)
                for grant in await fs.grants()
            }
    close = getattr(ledger, "aclose", None)
    if close is not None:
        await close()
    print(json.dumps({"results": results, "handled": handled}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
