"""The export's progress bar says when calls wait for quota, and until when."""

from __future__ import annotations

import asyncio
import re

from fullscript import RollingWindowLimiter
from fullscript.cli.quota_watch import QuotaWatch


async def test_a_server_pause_reads_waiting_for_quota_until_a_clock_time() -> None:
    watch = QuotaWatch()
    assert watch.describe() == ""
    await watch.pause(30)
    assert re.fullmatch(r"waiting for quota until \d\d:\d\d:\d\d", watch.describe())


async def test_a_full_window_reads_waiting_for_quota_while_a_call_waits() -> None:
    watch = QuotaWatch(RollingWindowLimiter(max_requests=1, window=300))
    await watch.release(await watch.acquire())
    waiting = asyncio.create_task(watch.acquire())  # the window is full for 5 minutes
    described = ""
    while not described:
        await asyncio.sleep(0.05)
        described = watch.describe()
    assert described.startswith("waiting for quota")
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    assert watch.describe() == ""  # nobody waits any more
