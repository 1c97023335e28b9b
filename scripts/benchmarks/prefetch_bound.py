"""Prefetch against its latency bound, over loopback.

A list of `PAGES` pages is served by a small HTTP/1.1 server in another process (so its work
does not share the client's interpreter), every page answered after `LATENCY` seconds. With
``prefetch=N`` no stream can beat ``pages x latency / N`` (N requests at a time), so the figure
is the bound divided by the time taken: 100% is the bound itself.

Three clients per N, interleaved, the median of `ROUNDS` runs each:

* the façade, a client's first listing (the page count unknown: pages 2..N+1 are guessed
  alongside page 1; the client is a fresh `with_options()` copy, which shares the connection
  pool);
* the façade, the same list listed again by that client (the count remembered: pages 2..N+1
  start with page 1 as known pages);
* plain httpx2 with a window of N tasks after page 1 (the anchor);
* plain httpx2 asking every page at once, N at a time, in no order (the ceiling: what this
  machine, loopback and server allow at that concurrency).

The goal (at least `GOAL` of the bound at N = 4, 10 and 20) is judged on the first two rows.
"""

from __future__ import annotations

import asyncio
import functools
import json
import statistics
import subprocess
import sys
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2

from fullscript import Fullscript, InMemoryTokenStore, Region, RollingWindowLimiter

__all__ = ["list_meta", "measure", "report"]

PAGES = 200
PAGE_SIZE = 10
LATENCY = 0.05
PREFETCH = (4, 10, 20)
ROUNDS = 3
GOAL = 0.90
CLIENTS = (
    "façade, first listing",
    "façade, listed again",
    "plain httpx2, window of tasks",
    "plain httpx2, N at a time, unordered",
)


# --- the loopback list server (runs in its own process) ------------------------------------


def _page_body(number: int) -> bytes:
    first = (number - 1) * PAGE_SIZE
    patients = [
        {"id": f"patient-{first + i}", "first_name": "Maya", "last_name": "Lindqvist"}
        for i in range(PAGE_SIZE)
    ]
    return json.dumps({"patients": patients, "meta": list_meta(number, PAGES, PAGE_SIZE)}).encode()


def list_meta(number: int, pages: int, page_size: int) -> dict[str, int | None]:
    """The ``meta`` of page ``number`` of a list of ``pages`` full pages."""
    return {
        "current_page": number,
        "next_page": number + 1 if number < pages else None,
        "prev_page": number - 1 if number > 1 else None,
        "total_pages": pages,
        "total_count": pages * page_size,
    }


async def _serve() -> None:
    bodies = {number: _page_body(number) for number in range(1, PAGES + 1)}

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                target = head.split(b" ", 2)[1].decode()
                number = 1
                for pair in target.partition("?")[2].split("&"):
                    key, _, value = pair.partition("=")
                    if key in ("page[number]", "page%5Bnumber%5D"):
                        number = int(value)
                await asyncio.sleep(LATENCY)
                body = bodies.get(number, b'{"patients": [], "meta": {}}')
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    server = await asyncio.start_server(connection, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@contextmanager
def loopback_list_server() -> Iterator[str]:
    """The base URL of a list server running in a child process, stopped afterwards."""
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "serve"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        port = int(child.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        child.terminate()
        child.wait()


# --- the clients ----------------------------------------------------------------------------


def _facade(base_url: str) -> Fullscript:
    from benchmarks.overhead_probe import benchmark_token

    return Fullscript(
        client_id="benchmark",
        client_secret="benchmark-secret",
        redirect_uri="https://app.example/callback",
        region=Region.from_key("us").with_base_url(base_url),
        token_store=InMemoryTokenStore([benchmark_token()]),
        limiter=RollingWindowLimiter(),
    )


async def _timed(stream: Callable[[], Awaitable[int]]) -> Sample:
    """(wall, CPU) seconds of one whole stream."""
    loop = asyncio.get_running_loop()
    started, cpu = loop.time(), time.process_time()
    count = await stream()
    if count != PAGES * PAGE_SIZE:
        raise RuntimeError(f"streamed {count} records, expected {PAGES * PAGE_SIZE}")
    return loop.time() - started, time.process_time() - cpu


async def _plain_window(http: httpx2.AsyncClient, prefetch: int) -> int:
    async def page(number: int) -> Any:
        response = await http.get("/api/clinic/patients", params={"page[number]": number})
        return response.json()

    first = await page(1)
    count = len(first["patients"])
    pending: deque[asyncio.Task[Any]] = deque()
    following = iter(range(2, first["meta"]["total_pages"] + 1))
    for number in following:
        pending.append(asyncio.create_task(page(number)))
        if len(pending) == prefetch:
            break
    while pending:
        body = await pending.popleft()
        count += len(body["patients"])
        for number in following:
            pending.append(asyncio.create_task(page(number)))
            break
    return count


async def _plain_unordered(http: httpx2.AsyncClient, prefetch: int) -> int:
    slots = asyncio.Semaphore(prefetch)

    async def page(number: int) -> int:
        async with slots:
            response = await http.get("/api/clinic/patients", params={"page[number]": number})
            return len(response.json()["patients"])

    return sum(await asyncio.gather(*(page(number) for number in range(1, PAGES + 1))))


Sample = tuple[float, float]
"""(wall, CPU) seconds of one whole stream."""
Timings = dict[tuple[str, int], Sample]
"""Median (wall, CPU) seconds per (client, prefetch)."""


async def _count_items(paginator: Any) -> int:
    return sum([1 async for _ in paginator])


async def _measure_all(base_url: str) -> Timings:
    samples: dict[tuple[str, int], list[Sample]] = {}
    async with _facade(base_url) as fs, httpx2.AsyncClient(base_url=base_url) as http:
        for round_number in range(ROUNDS + 1):
            for prefetch in PREFETCH:
                # A copy shares the connection pool but has listed nothing yet.
                client = fs.with_options()

                def listing(client: Fullscript = client, prefetch: int = prefetch) -> Any:
                    return _count_items(
                        client.patients.list(page_size=PAGE_SIZE, prefetch=prefetch)
                    )

                timings = {
                    CLIENTS[0]: await _timed(listing),
                    CLIENTS[1]: await _timed(listing),
                    CLIENTS[2]: await _timed(functools.partial(_plain_window, http, prefetch)),
                    CLIENTS[3]: await _timed(functools.partial(_plain_unordered, http, prefetch)),
                }
                if round_number:  # round 0 opens the connections and warms the caches
                    for name, sample in timings.items():
                        samples.setdefault((name, prefetch), []).append(sample)
    return {
        key: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for key, values in samples.items()
    }


def measure() -> Timings:
    """Median (wall, CPU) seconds to stream the whole list, per (client, prefetch)."""
    with loopback_list_server() as base_url:
        return asyncio.run(_measure_all(base_url))


def bound(prefetch: int) -> float:
    return PAGES * LATENCY / prefetch


def report(timings: Timings | None = None) -> list[tuple[str, bool]]:
    """Print the share of the latency bound each client reaches; return (label, goal met)."""
    timings = measure() if timings is None else timings
    print(
        f"   {PAGES} pages of {PAGE_SIZE} at {LATENCY * 1000:.0f} ms over loopback, median of "
        f"{ROUNDS}; share of the bound (pages x latency / prefetch) reached"
    )
    print(f"   {'client':<40}" + "".join(f"{f'prefetch={n}':>14}" for n in PREFETCH))
    for client in CLIENTS:
        cells = "".join(f"{bound(n) / timings[(client, n)][0]:>14.0%}" for n in PREFETCH)
        print(f"   {client:<40}{cells}")
    # The client's own CPU time as a share of the bound: near 100%, the stream is CPU-bound
    # and no window can reach the bound.
    print("   client CPU time / bound")
    for client in CLIENTS:
        cells = "".join(f"{timings[(client, n)][1] / bound(n):>14.0%}" for n in PREFETCH)
        print(f"   {client:<40}{cells}")
    results = []
    for client in CLIENTS[:2]:
        shares = {n: bound(n) / timings[(client, n)][0] for n in PREFETCH}
        worst = min(shares.values())
        listed = ", ".join(f"{shares[n]:.0%} at {n}" for n in PREFETCH)
        results.append(
            (f"prefetch, {client}: {listed} of the bound (>= {GOAL:.0%})", worst >= GOAL)
        )
    return results


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        asyncio.run(_serve())
    else:
        for label, ok in report():
            print(f"   {'PASS' if ok else 'FAIL'}  {label}")
