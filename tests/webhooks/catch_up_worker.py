"""One worker process's startup catch-up (tests/webhooks/test_catch_up_processes.py).

    python catch_up_worker.py <sandbox url> <token file> <ledger: file:PATH | redis:URL|PREFIX>

Prints ``{"ready": true}``, waits for a line on stdin (so every worker starts together), runs
``receiver.catch_up_clinics`` over every grant in the token file, then prints its results.
"""

from __future__ import annotations

import asyncio
import json
import sys

from fullscript import FileTokenStore, Fullscript, Region
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI
from fullscript.webhooks import CatchUpLedger, FileCatchUpLedger, WebhookEvent, WebhookReceiver


def ledger_from(spec: str) -> CatchUpLedger:
    kind, _, where = spec.partition(":")
    if kind == "file":
        return FileCatchUpLedger(where)
    from fullscript.webhooks.redis import RedisCatchUpLedger

    url, _, prefix = where.rpartition("|")
    return RedisCatchUpLedger(url, prefix=prefix)


async def main(sandbox_url: str, token_file: str, ledger_spec: str) -> None:
    ledger = ledger_from(ledger_spec)
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
        results = await receiver.catch_up_clinics(fs, ledger=ledger)
    close = getattr(ledger, "aclose", None)
    if close is not None:
        await close()
    print(json.dumps({"results": results, "handled": handled}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
