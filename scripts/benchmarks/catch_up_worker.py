"""One app worker's startup catch-up, for `benchmarks.fastapi_scale` (one process each).

    python catch_up_worker.py SANDBOX_URL TOKEN_FILE MODE [LEDGER_FILE]

MODE ``ledger``: ``receiver.catch_up_clinics`` through a `FileCatchUpLedger` shared by the
workers (once per clinic, from its cursor). MODE ``look-back``: what apps did before, every
clinic from a fixed 24 h look-back in every worker. Prints ``{"ready": true}``, waits for a
line on stdin so all workers start together, then prints ``{"handled": n}``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

from fullscript import FileTokenStore, Fullscript, Region
from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_REDIRECT_URI
from fullscript.webhooks import FileCatchUpLedger, WebhookReceiver


async def main(sandbox_url: str, token_file: str, mode: str, ledger_file: str = "") -> None:
    receiver = WebhookReceiver("whsec-benchmark")
    receiver.on()(lambda event: None)
    print(json.dumps({"ready": True}), flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.US.with_base_url(f"{sandbox_url}/us"),
        token_store=FileTokenStore(token_file),
    ) as fs:
        if mode == "ledger":
            results = await receiver.catch_up_clinics(fs, ledger=FileCatchUpLedger(ledger_file))
            handled = sum(count or 0 for count in results.values())
        else:
            since = datetime.now(UTC) - timedelta(hours=24)
            handled = 0
            for grant in await fs.grants():
                handled += await receiver.catch_up(fs.for_grant(grant), since)
    print(json.dumps({"handled": handled}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
