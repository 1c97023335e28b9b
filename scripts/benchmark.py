"""Side-by-side measurements of the SDK's costs and guarantees (not a test; `make benchmark`).

1. Per-call overhead: the façade (`fs.patients.retrieve`) vs the bare generated client
   (`retrieve_patient.asyncio_detailed`) vs plain httpx2 (`client.get(...).json()`), all on the
   same in-process `httpx2.MockTransport` answering a fixed patient, no sleeping. Rounds are
   interleaved and the best round of each is kept, so background noise hits all three alike.
2. Rate limiting under the same load on a virtual clock: the SDK's `RollingWindowLimiter` vs
   `aiolimiter.AsyncLimiter(5000, 300)`: the most grants seen in any rolling 300 s window, the
   windows that exceed 5000, and how much of the quota each uses.
3. Streaming 4,000 patients (40 pages) through the façade with 50 ms of simulated latency per
   page, page by page vs `prefetch=10`, on the virtual clock (exact latency, no CPU cost) and on
   the wall clock (real sleeping, the client's CPU time included; the target is judged here).
   Then prefetch against its latency bound (`benchmarks.prefetch_bound`): 200 pages at 50 ms
   from a loopback server, prefetch 4, 10 and 20, the façade beside plain httpx2 with a window
   of tasks, as a share of pages x latency / prefetch (goal: at least 90%).
4. Lean install and import (`benchmarks.lean`): in a clean virtualenv holding only the wheel,
   `import fullscript` and the README quick-start imports against `import httpx2`, and the
   façade's CPU per call against the bare generated call and plain httpx2, in fresh processes.
5. Quota across processes against a served sandbox (benchmarks/scale_quota.py).
6. Token chain: 4 processes sharing a FileTokenStore (and a RedisTokenStore) against a served
   sandbox with 3 s tokens (benchmarks/scale_tokens.py).
7. Startup catch-up's event-list requests with 1 and 4 worker processes over the same clinics
   (goal: equal), beside the fixed look-back every worker ran before; 8. FastAPI requests/s with
   `def` dependencies, `async def` ones and a plain route, in-process ASGI
   (benchmarks/fastapi_scale.py).
9. Grants at scale: memory per grant and `FileTokenStore` load and save (against the JSON file
   it replaced) at 10, 1,000 and 10,000 grants (benchmarks/scale_grants.py).
10. One quota, many clinics (benchmarks/sharing.py, virtual time): an export completing under
   the defaults, a clinic's calls beside it (first come, first served vs classes and the
   reserve), ten grants sharing fairly; the chart of docs/scale-out.md comes from here.

Targets: façade at most 1.07x the bare generated call and 1.20x plain httpx2 (issue 14's
goals, in 1 on the wall clock and in 4 on CPU time); zero window violations; prefetch at
least 5x faster than page by page; the goals of 4 are printed beside its figures; one refresh per
token expiry across processes and 0 auth errors. Exits 1 if a target is missed.
"""

from __future__ import annotations

import asyncio
import bisect
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiolimiter
import attrs
import httpx2
from benchmarks import (
    fastapi_scale,
    lean,
    prefetch_bound,
    scale_grants,
    scale_quota,
    scale_tokens,
    sharing,
)
from benchmarks.overhead_probe import PATIENT, facade, three_clients

from fullscript import RollingWindowLimiter
from fullscript.testing import run_in_virtual_time

CALLS_PER_ROUND = 2000
ROUNDS = 7
PREFETCH_TARGET = 5.0


# --- 1. per-call overhead -------------------------------------------------------------------


async def time_calls(call: Callable[[], Awaitable[Any]], calls: int) -> float:
    """Seconds per call over `calls` sequential calls."""
    started = time.perf_counter()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - started) / calls


async def measure_overhead() -> dict[str, float]:
    async with three_clients() as variants:
        best = dict.fromkeys(variants, float("inf"))
        for call in variants.values():  # warm up imports, pools and caches
            await time_calls(call, 200)
        for _ in range(ROUNDS):
            for name, call in variants.items():
                best[name] = min(best[name], await time_calls(call, CALLS_PER_ROUND))
    return best


# --- 2. rolling-window limiter vs leaky bucket ------------------------------------------------


@attrs.frozen
class WindowReport:
    granted: int
    max_in_window: int
    violations: int
    first_window: int
    quota_used: float


def window_report(grants: list[float], limit: int, window: float, horizon: float) -> WindowReport:
    """Grants per rolling window (t - window, t]: the maximum, and how many windows exceed.

    `quota_used` compares the grants made before `horizon` (a multiple of `window`) with the
    most the API allows in that time: below 100% leaves quota unused, above it overshoots.
    """
    grants = sorted(grants)
    worst = 0
    violations = 0
    for index, moment in enumerate(grants):
        first = bisect.bisect_right(grants, moment - window)
        in_window = index - first + 1
        worst = max(worst, in_window)
        violations += in_window > limit
    return WindowReport(
        granted=len(grants),
        max_in_window=worst,
        violations=violations,
        first_window=bisect.bisect_left(grants, window),
        quota_used=bisect.bisect_left(grants, horizon) / (limit * horizon / window),
    )


async def drive(acquire: Callable[[], Awaitable[Any]], requests: int, workers: int) -> list[float]:
    """`workers` tasks acquiring as fast as they are allowed until `requests` are granted."""
    loop = asyncio.get_running_loop()
    grants: list[float] = []
    remaining = requests

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await acquire()
            grants.append(loop.time())

    await asyncio.gather(*(worker() for _ in range(workers)))
    return grants


def measure_limiters(requests: int = 15_000, workers: int = 50) -> dict[str, WindowReport]:
    horizon = 600.0  # two windows

    async def ours() -> list[float]:
        limiter = RollingWindowLimiter(5000, 300.0)

        async def request() -> None:  # an answer that comes back at once
            await limiter.release(await limiter.acquire())

        return await drive(request, requests, workers)

    async def leaky() -> list[float]:
        limiter = aiolimiter.AsyncLimiter(5000, 300)
        return await drive(limiter.acquire, requests, workers)

    return {
        "RollingWindowLimiter(5000, 300)": window_report(
            run_in_virtual_time(ours()), 5000, 300.0, horizon
        ),
        "aiolimiter.AsyncLimiter(5000, 300)": window_report(
            run_in_virtual_time(leaky()), 5000, 300.0, horizon
        ),
    }


# --- 3. streaming with and without prefetch ---------------------------------------------------


PAGES = 40
PAGE_SIZE = 100
LATENCY = 0.05


async def answer_page_after_latency(request: httpx2.Request) -> httpx2.Response:
    await asyncio.sleep(LATENCY)
    number = int(request.url.params.get("page[number]", "1"))
    size = int(request.url.params.get("page[size]", str(PAGE_SIZE)))
    patients = [
        {**PATIENT, "id": f"patient-{(number - 1) * size + i}"}
        for i in range(size)
        if (number - 1) * size + i < PAGES * PAGE_SIZE
    ]
    meta = prefetch_bound.list_meta(number, PAGES, PAGE_SIZE)
    return httpx2.Response(200, json={"patients": patients, "meta": meta})


def measure_streaming(prefetch: int, *, wall_clock: bool) -> tuple[float, int]:
    """Seconds to stream every patient, and how many were streamed.

    On the virtual clock the latency is exact and the client's own CPU time counts for nothing;
    on the wall clock (real sleeping) the client's parsing and bookkeeping count too.
    """

    async def stream() -> tuple[float, int]:
        loop = asyncio.get_running_loop()
        async with facade(
            httpx2.MockTransport(answer_page_after_latency), RollingWindowLimiter()
        ) as fs:
            started = loop.time()
            count = 0
            async for _patient in fs.patients.list(page_size=PAGE_SIZE, prefetch=prefetch):
                count += 1
            return loop.time() - started, count

    return asyncio.run(stream()) if wall_clock else run_in_virtual_time(stream())


# --- report -----------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    results: list[tuple[str, bool]] = []

    print(f"1. Per-call overhead (best of {ROUNDS} rounds x {CALLS_PER_ROUND} calls, in-process)")
    timings = asyncio.run(measure_overhead())
    bare = timings["bare generated"]
    print(f"   {'client':<24}{'us/call':>10}{'vs bare':>10}{'vs httpx2':>10}")
    for name, seconds in timings.items():
        print(
            f"   {name:<24}{seconds * 1e6:>10.1f}{seconds / bare:>9.2f}x"
            f"{seconds / timings['plain httpx2']:>9.2f}x"
        )
    if "façade, telemetry on" in timings:
        # Reported, no target: what OpenTelemetry spans and metrics add to a call.
        added = timings["façade, telemetry on"] - timings["façade"]
        print(f"   telemetry on adds {added * 1e6:.1f} us/call (OpenTelemetry SDK, no exporter)")
    # The goals are issue 14's, judged here on the wall clock of the dev environment and in
    # the last section on CPU time in a clean virtualenv.
    for anchor, goal in (
        ("bare generated", lean.FACADE_VS_BARE_GOAL),
        ("plain httpx2", lean.FACADE_VS_HTTPX_GOAL),
    ):
        ratio = timings["façade"] / timings[anchor]
        results.append(
            (f"façade wall time per call {ratio:.2f}x {anchor} (<= {goal}x)", ratio <= goal)
        )

    print()
    print("2. Rate limiting, 15,000 requests from 50 workers as fast as allowed (virtual clock)")
    reports = measure_limiters()
    print(
        f"   {'limiter':<36}{'max/300s':>10}{'violating':>11}{'1st window':>12}"
        f"{'quota used (first 600 s)':>26}"
    )
    for name, report in reports.items():
        print(
            f"   {name:<36}{report.max_in_window:>10}{report.violations:>11}"
            f"{report.first_window:>12}{report.quota_used:>25.0%}"
        )
    ours = reports["RollingWindowLimiter(5000, 300)"]
    results.append(
        (
            f"RollingWindowLimiter: {ours.violations} windows over 5000 (target 0)",
            ours.violations == 0,
        )
    )

    print()
    print(
        f"3. Streaming {PAGES * PAGE_SIZE} patients, {PAGES} pages, {LATENCY * 1000:.0f} ms per page"
    )
    runs = {
        (mode, clock): measure_streaming(prefetch, wall_clock=clock == "wall")
        for mode, prefetch in (("page by page", 0), ("prefetch=10", 10))
        for clock in ("virtual", "wall")
    }
    print(f"   {'mode':<18}{'virtual s':>10}{'wall s':>10}{'records':>10}")
    for mode in ("page by page", "prefetch=10"):
        virtual, counted = runs[(mode, "virtual")]
        wall, _ = runs[(mode, "wall")]
        print(f"   {mode:<18}{virtual:>10.3f}{wall:>10.3f}{counted:>10}")
    for clock in ("virtual", "wall"):
        speedup = runs[("page by page", clock)][0] / runs[("prefetch=10", clock)][0]
        print(f"   speed-up ({clock} clock) {speedup:.1f}x")
    wall_speedup = runs[("page by page", "wall")][0] / runs[("prefetch=10", "wall")][0]
    complete = all(counted == PAGES * PAGE_SIZE for _, counted in runs.values())
    results.append(
        (
            f"prefetch {wall_speedup:.1f}x faster than page by page on the wall clock"
            f" (>= {PREFETCH_TARGET}x)",
            wall_speedup >= PREFETCH_TARGET and complete,
        )
    )

    print()
    print("3b. Prefetch against its latency bound (loopback)")
    results += prefetch_bound.report()

    print()
    print("4. Lean install and import (clean virtualenv: the wheel and its base dependencies)")
    results.extend(lean.report(lean.measure()))

    print()
    results += scale_quota.report()

    print()
    print("6. Token chain across processes")
    results += scale_tokens.measure()

    print()
    results += fastapi_scale.report()

    print()
    results += scale_grants.report()

    print()
    results += sharing.report()

    print()
    print("Targets")
    for label, ok in results:
        print(f"   {verdict(ok)}  {label}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
