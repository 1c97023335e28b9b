"""Quota across processes, against a served sandbox (part of `make benchmark`).

1. Several processes x several callers share one `RedisRateLimiter` against one sandbox
   served on loopback with a small limit, for several windows: 429s at the sandbox (goal 0),
   quota used (goal >= 99%), the sandbox's largest rolling window (goal <= N); beside it the
   baseline of one `RollingWindowLimiter` per process.
2. One process whose limiter equals the server's limit, with 50 ms of latency at the sandbox:
   0 429s and >= 99% of the quota.

Counts come from the sandbox's own traffic counters (`GET /_sandbox/traffic` in Python form),
so they are what the server saw, not what the clients believe.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
    serve,
)

WORKER = Path(__file__).with_name("quota_worker.py")
ROOT = Path(__file__).resolve().parents[2]
# Between "every worker is ready" and the common start.
START_MARGIN = 0.3


@attrs.frozen
class QuotaRun:
    """What the sandbox saw during one run."""

    label: str
    limit: int
    window: float
    windows: int
    requests: int
    rate_limited: int
    max_in_window: int
    client_errors: dict[str, int]
    client_waits: int = 0

    @property
    def accepted(self) -> int:
        """Requests the sandbox answered (not 429)."""
        return self.requests - self.rate_limited

    @property
    def quota_used(self) -> float:
        """Accepted requests over what the limit allowed in the run's windows."""
        return self.accepted / (self.limit * self.windows)


def run_workers(
    *,
    sandbox: Sandbox,
    base_url: str,
    processes: int,
    callers: int,
    limit: int,
    window: float,
    windows: int,
    redis: str | None,
    key_prefix: str = "fullscript:quota",
    per_process: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Start `processes` worker processes that call the sandbox for `windows` windows
    (`per_process`: settings of each process on top of the common ones)."""
    token = sandbox.issue_token("us").to_oauth()
    # Half a window short of `windows` whole windows: the batch due at the next window
    # boundary is not part of the run.
    duration = windows * window - window / 2
    settings = {
        "base_url": base_url,
        "token": token,
        "client_id": DEFAULT_CLIENT_ID,
        "client_secret": DEFAULT_CLIENT_SECRET,
        "redirect_uri": DEFAULT_REDIRECT_URI,
        "limit": limit,
        "window": window,
        "redis": redis,
        "key_prefix": key_prefix,
        "callers": callers,
        "duration": duration,
    }
    from .together import run_together

    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

    def forget_warm_up() -> None:  # the run starts from an empty window
        sandbox.limiter.reset()
        sandbox.traffic.reset()

    return run_together(
        [
            [sys.executable, str(WORKER), json.dumps({**settings, **extra})]
            for extra in (per_process or [{}] * processes)
        ],
        timeout=duration + 120,
        is_ready=lambda line: line == "ready",
        on_ready=forget_warm_up,
        start_line=lambda: str(time.time() + START_MARGIN),
        env=environment,
    )


@contextmanager
def served_sandbox(
    limit: int, window: float, *, latency: float = 0.0
) -> Iterator[tuple[Sandbox, str]]:
    """A fresh sandbox with limit/window, served on a free loopback port."""
    sandbox = Sandbox(rate_limit=(limit, window))
    if latency > 0:
        sandbox.faults.latency(latency)
    with serve(sandbox) as served:
        yield sandbox, served.url


def measure(
    label: str,
    *,
    processes: int,
    callers: int,
    limit: int,
    window: float,
    windows: int,
    redis: str | None,
    latency: float = 0.0,
    key_prefix: str = "fullscript:quota",
) -> QuotaRun:
    """One run against its own served sandbox; the sandbox's counters make the result."""
    with served_sandbox(limit, window, latency=latency) as (sandbox, url):
        results = run_workers(
            sandbox=sandbox,
            base_url=url,
            processes=processes,
            callers=callers,
            limit=limit,
            window=window,
            windows=windows,
            redis=redis,
            key_prefix=key_prefix,
        )
        app = sandbox.traffic_stats().app(DEFAULT_CLIENT_ID)
    errors: dict[str, int] = {}
    for result in results:
        for kind, count in result["outcomes"].items():
            if kind not in ("ok", "stopped_at_the_end"):
                errors[kind] = errors.get(kind, 0) + count
    return QuotaRun(
        label=label,
        limit=limit,
        window=window,
        windows=windows,
        requests=app.requests,
        rate_limited=app.rate_limited,
        max_in_window=app.max_in_window,
        client_errors=errors,
        client_waits=sum(int(result["waited"]) for result in results),
    )


@contextmanager
def redis_url() -> Iterator[str]:
    """$REDIS_URL, or a throwaway redis-server like the test suite's."""
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    sys.path.insert(0, str(ROOT / "tests"))
    # The test suite's helper (tests/support/redis_server.py), imported by name so that the
    # scripts' type check does not follow it into the tests.
    redis_server = importlib.import_module("support.redis_server")
    with redis_server.RedisServer() as server:
        yield str(server.url)


def report(
    *, processes: int = 4, callers: int = 10, limit: int = 50, window: float = 3.0, windows: int = 5
) -> list[tuple[str, bool]]:
    """Run both measurements, print them, and answer (target, met) pairs."""
    print(
        f"5. Quota across processes: {processes} processes x {callers} callers, one served "
        f"sandbox limited to {limit} per {window:g} s, {windows} windows (wall clock)"
    )
    with redis_url() as url:
        shared = measure(
            "one RedisRateLimiter",
            processes=processes,
            callers=callers,
            limit=limit,
            window=window,
            windows=windows,
            redis=url,
        )
    alone = measure(
        "a limiter per process",
        processes=processes,
        callers=callers,
        limit=limit,
        window=window,
        windows=windows,
        redis=None,
    )
    single = measure(
        "1 process, 50 ms latency",
        processes=1,
        callers=callers,
        limit=limit,
        window=window,
        windows=windows,
        redis=None,
        latency=0.05,
    )
    print(
        f"   {'setup':<26}{'requests':>9}{'429s':>7}{'quota used':>12}{'largest window':>16}"
        f"  client errors"
    )
    for run in (shared, alone, single):
        print(
            f"   {run.label:<26}{run.requests:>9}{run.rate_limited:>7}{run.quota_used:>12.1%}"
            f"{run.max_in_window:>11} / {run.limit:<4}  {run.client_errors or '-'}"
        )
    return [
        (
            f"shared Redis limiter: {shared.rate_limited} 429s (0), {shared.quota_used:.1%} of the "
            f"quota (>= 99%), largest window {shared.max_in_window} (<= {limit})",
            shared.rate_limited == 0
            and shared.quota_used >= 0.99
            and shared.max_in_window <= limit
            and not shared.client_errors,
        ),
        (
            f"one process, limiter = server limit, 50 ms: {single.rate_limited} 429s (0), "
            f"{single.quota_used:.1%} of the quota (>= 99%)",
            single.rate_limited == 0 and single.quota_used >= 0.99 and not single.client_errors,
        ),
    ]


if __name__ == "__main__":
    outcome = report()
    sys.exit(0 if all(ok for _, ok in outcome) else 1)
