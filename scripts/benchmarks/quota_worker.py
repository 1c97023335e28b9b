"""One worker process of the quota benchmark and test: many callers against a served sandbox.

    python scripts/benchmarks/quota_worker.py '<json settings>'

Settings: ``base_url`` (the served sandbox's root), ``token`` (an ``oauth`` token object),
``limit``/``window`` (the client's limiter), ``redis`` (a URL: share one `RedisRateLimiter`;
null: this process's own `RollingWindowLimiter`), ``callers`` and ``duration`` (seconds).
Prints ``ready`` once set up, then reads the common start time (wall-clock epoch seconds) from
stdin, so that every process starts together, and at the end prints one JSON line: calls that
succeeded, that got a 429, and other failures by exception type.
"""

from __future__ import annotations

import asyncio
import collections
import json
import sys
import time
from typing import Any

from fullscript import (
    Fullscript,
    InMemoryTokenStore,
    OAuthToken,
    RateLimiter,
    RateLimitError,
    RateLimitWaitExceeded,
    Region,
    RollingWindowLimiter,
)
from fullscript.testing import RecordingLimiter


def make_limiter(settings: dict[str, Any]) -> RateLimiter:
    if settings.get("redis"):
        from fullscript.redis import RedisRateLimiter

        return RedisRateLimiter(
            settings["redis"],
            settings["limit"],
            settings["window"],
            key_prefix=settings.get("key_prefix", "fullscript:quota"),
            reserve=settings.get("reserve", 0.1),
        )
    return RollingWindowLimiter(settings["limit"], settings["window"])


def client(settings: dict[str, Any], limiter: RateLimiter) -> Fullscript:
    token = OAuthToken.from_response(settings["token"], region="us")
    return Fullscript(
        client_id=settings["client_id"],
        client_secret=settings["client_secret"],
        redirect_uri=settings["redirect_uri"],
        region=Region.from_key("us").with_base_url(f"{settings['base_url']}/us"),
        token_store=InMemoryTokenStore([token]),
        limiter=limiter,
        max_limiter_wait=float("inf"),
    )


async def run(settings: dict[str, Any]) -> dict[str, Any]:
    # One call outside the measured quota first: the first call imports the generated code
    # and connects, which would otherwise stall the other callers past a short run's end.
    # (The parent resets the sandbox's counters before the start.)
    async with client(settings, RecordingLimiter()) as warm:
        await warm.clinic.retrieve()
    limiter = make_limiter(settings)
    outcomes: collections.Counter[str] = collections.Counter()
    async with client(settings, limiter) as fs:
        # Ready: the parent answers with the common start time once every process is.
        print("ready", flush=True)
        start_at = float(await asyncio.to_thread(sys.stdin.readline))
        await asyncio.sleep(max(0.0, start_at - time.time()))
        deadline = start_at + settings["duration"]

        # Optional (the sharing benchmark): whose work this process does, of which class,
        # and, for interactive work, one call every `every` seconds with its latency noted.
        grant = settings.get("grant")
        view = fs if grant is None else await fs.add_grant(grant, fs_token(settings))
        if settings.get("work_class"):
            view = view.with_options(work_class=settings["work_class"])
        every = settings.get("every")
        latencies: list[float] = []

        async def caller() -> None:
            while (left := deadline - time.time()) > 0:
                asked = time.time()
                try:
                    # No slot after the end: the run is exactly its windows long.
                    await view.with_options(max_limiter_wait=left).clinic.retrieve()
                except RateLimitWaitExceeded:
                    outcomes["stopped_at_the_end"] += 1
                except RateLimitError:
                    outcomes["rate_limited"] += 1
                except Exception as error:  # counted and reported, not hidden
                    outcomes[type(error).__name__] += 1
                else:
                    outcomes["ok"] += 1
                    latencies.append(time.time() - asked)
                if every is not None:
                    await asyncio.sleep(max(0.0, every - (time.time() - asked)))

        await asyncio.gather(*(caller() for _ in range(settings["callers"])))
        stats = fs.limiter_stats()
    close = getattr(limiter, "aclose", None)
    if close is not None:
        await close()
    return {
        "outcomes": dict(outcomes),
        "granted": stats.granted,
        "waited": stats.waited,
        "latencies": latencies,
    }


def fs_token(settings: dict[str, Any]) -> OAuthToken:
    return OAuthToken.from_response(settings["token"], region="us")


def main() -> int:
    print(json.dumps(asyncio.run(run(json.loads(sys.argv[1])))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
