"""One worker process sharing a `RedisRateLimiter` (tests/scale/test_redis_sharing.py).

    python tests/scale/sharing_worker.py '<json settings>'

Settings: ``redis``, ``key_prefix``, ``limit``, ``window``, ``duration`` (seconds), and either
``grants`` (background work: ``per_grant`` callers for each grant, each taking slots as fast
as it gets them) or ``interactive`` (one call every that many seconds, for grant
``"interactive"``, with ``max_wait``). Prints ``{"ready": true}``, waits for the start time
(epoch seconds) on stdin, and prints one JSON line: the grant times (epoch seconds) per grant,
and for interactive work its waits and refusals.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

from fullscript import RateLimitWaitExceeded
from fullscript.redis import RedisRateLimiter

ANSWER_TIME = 0.01  # how long a "request" keeps its slot in flight


async def run(settings: dict[str, Any]) -> dict[str, Any]:
    limiter = RedisRateLimiter(
        settings["redis"], settings["limit"], settings["window"], key_prefix=settings["key_prefix"]
    )
    granted: dict[str, list[float]] = {}
    waits: list[float] = []
    refused = 0
    await limiter.used()  # connect before the start
    print(json.dumps({"ready": True}), flush=True)
    start_at = float(await asyncio.to_thread(sys.stdin.readline))
    await asyncio.sleep(max(0.0, start_at - time.time()))
    deadline = start_at + settings["duration"]

    async def background(grant: str) -> None:
        while time.time() < deadline:
            try:
                permit = await limiter.acquire(
                    work_class="background", grant=grant, max_wait=deadline - time.time()
                )
            except RateLimitWaitExceeded:
                return
            granted.setdefault(grant, []).append(time.time())
            await asyncio.sleep(ANSWER_TIME)
            await limiter.release(permit)

    async def interactive(every: float) -> None:
        nonlocal refused
        while time.time() < deadline:
            asked = time.time()
            try:
                permit = await limiter.acquire(grant="interactive", max_wait=settings["max_wait"])
            except RateLimitWaitExceeded:
                refused += 1
            else:
                granted.setdefault("interactive", []).append(time.time())
                waits.append(time.time() - asked)
                await asyncio.sleep(ANSWER_TIME)
                await limiter.release(permit)
            await asyncio.sleep(max(0.0, every - (time.time() - asked)))

    if "interactive" in settings:
        await interactive(settings["interactive"])
    else:
        await asyncio.gather(
            *(
                background(grant)
                for grant in settings["grants"]
                for _ in range(settings.get("per_grant", 3))
            )
        )
    await limiter.aclose()
    return {"granted": granted, "waits": waits, "refused": refused}


def main() -> int:
    print(json.dumps(asyncio.run(run(json.loads(sys.argv[1])))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
