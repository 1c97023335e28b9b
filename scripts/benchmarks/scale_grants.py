"""Many grants: memory per grant, and the file token store's load and save, at 10, 1,000 and
10,000 grants (`make benchmark`, section "grants at scale").

1. Memory per grant (``tracemalloc``, bytes still allocated after a collection): each grant
   makes one call through an in-process transport (its token loaded, its connection built) and
   its view is dropped, as a request handler does. "Idle, evicted" is the SDK as it runs; "all
   kept" keeps every grant's state (the eviction turned off), the cost of a grant in use.
   Beside them, the figures issue 14 measured before eviction (RSS, two HTTP clients, a
   generated client and a token manager per grant).
2. `FileTokenStore` (SQLite) against the JSON file it replaced (re-implemented here as it was:
   every load parses the whole file; every save rewrites it, indented, with fsync, under a
   ``flock``): median milliseconds of a load and of a compare-and-set save of one grant in a
   store of N grants, after a few rounds of warming up, rounds interleaved across sizes, each
   starting at another one (a busy disk or CPU hits them alike); the JSON stores and the
   SQLite ones in separate passes (the JSON file's writes slow whatever runs after them). The database is filled by migrating a JSON file of N grants, and that migration's
   time is printed too.

    python scripts/benchmarks/scale_grants.py
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import gc
import json
import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2

import fullscript._client_machinery as client_module
from fullscript import (
    FileTokenStore,
    Fullscript,
    InMemoryTokenStore,
    OAuthToken,
    RollingWindowLimiter,
)

SIZES = (10, 1_000, 10_000)
MEMORY_GOAL = 2048  # bytes per idle grant at 10,000 grants
GROWTH_GOAL = 2.0  # a load or save at 10,000 grants at most this many times the one at 10
SAMPLES = 41
WARM_UP_ROUNDS = 3
FIRST_CALL_GOAL = 1.1  # a grant's first call after eviction against its very first call
# Issue 14, measured before eviction: 10.5 KiB of RSS per grant (103 MiB at 10,000), and the
# JSON file's load / save in ms at 10 / 1,000 / 10,000 grants.
BEFORE_RSS_PER_GRANT = 10.5 * 1024
BEFORE_JSON_MS = {10: (0.28, 1.37), 1_000: (1.84, 13.7), 10_000: (28.8, 156.0)}


def pair(grant: str, n: int = 0) -> OAuthToken:
    return OAuthToken(
        access_token=f"access-{grant}-{n}-" + "a" * 40,
        refresh_token=f"refresh-{grant}-{n}-" + "r" * 40,
        region="us",
        expires_in=7200,
        created_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),  # valid for 2 h
        scope="patients:read patients:write",
    )


# --- 1. memory per grant ------------------------------------------------------------------------


async def _bytes_per_grant(grants: int, *, evict: bool) -> float:
    kept = client_module.IDLE_GRANTS_KEPT
    client_module.IDLE_GRANTS_KEPT = kept if evict else grants + 1
    try:
        store = InMemoryTokenStore()
        for n in range(grants):
            await store.save(pair(f"clinic-{n}"), f"clinic-{n}")
        await store.save(pair("warm-up"), "warm-up")
        fs = _client(store)
        await fs.for_grant("warm-up").clinic.retrieve()  # the per-region clients, made once
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for n in range(grants):
                await fs.for_grant(f"clinic-{n}").clinic.retrieve()
            gc.collect()
            after = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        await fs.aclose()
        return (after - before) / grants
    finally:
        client_module.IDLE_GRANTS_KEPT = kept


async def _first_calls(grants: int = 1_000) -> tuple[float, float, float]:
    """Median us of a grant's first call, of its first call after its state was freed, and of
    a call of a grant whose state is kept (its view held)."""
    store = InMemoryTokenStore()
    names = [f"clinic-{n}" for n in range(grants)]
    for name in [*names, "kept"]:
        await store.save(pair(name), name)
    fs = _client(store)
    kept = fs.for_grant("kept")
    await kept.clinic.retrieve()

    async def timed(name: str) -> float:
        started = time.perf_counter()
        await fs.for_grant(name).clinic.retrieve()
        return time.perf_counter() - started

    first = [await timed(name) for name in names]  # more than IDLE_GRANTS_KEPT: all freed
    again = [await timed(name) for name in names]
    warm = []
    for _ in range(grants):
        started = time.perf_counter()
        await kept.clinic.retrieve()
        warm.append(time.perf_counter() - started)
    await fs.aclose()
    return tuple(statistics.median(times) * 1e6 for times in (first, again, warm))  # type: ignore[return-value]


def _client(store: InMemoryTokenStore) -> Fullscript:
    return Fullscript(
        client_id="app",
        client_secret="secret",
        redirect_uri="https://app.example/callback",
        token_store=store,
        # A window this short keeps the limiter's own record of requests from counting here.
        limiter=RollingWindowLimiter(1_000_000, window=0.001),
        transport=httpx2.MockTransport(
            lambda request: httpx2.Response(200, json={"clinic": {"id": "c", "name": "C"}})
        ),
    )


def measure_memory() -> dict[int, tuple[float, float]]:
    """Bytes per grant (idle and evicted, all kept) by number of grants."""
    return {
        grants: (
            asyncio.run(_bytes_per_grant(grants, evict=True)),
            asyncio.run(_bytes_per_grant(grants, evict=False)),
        )
        for grants in SIZES
    }


# --- 2. the file store --------------------------------------------------------------------------


def _write_json_file(path: Path, grants: int) -> None:
    document = {
        "version": 2,
        "grants": {f"clinic-{n}": {"us": pair(f"clinic-{n}").to_dict()} for n in range(grants)},
    }
    path.write_text(json.dumps(document, indent=2))
    path.chmod(0o600)


class JsonFileStore:
    """The JSON token file as it was (format version 2): whole-file reads and rewrites."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = path.with_name(f"{path.name}.lock")

    def _read(self) -> dict[str, Any]:
        grants: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))["grants"]
        return grants

    async def load(self, region: str, grant_id: str) -> OAuthToken | None:
        data = (await asyncio.to_thread(self._read)).get(grant_id, {}).get(region)
        return None if data is None else OAuthToken.from_dict(data)

    async def save(self, token: OAuthToken, grant_id: str, *, replaces: OAuthToken) -> bool:
        return await asyncio.to_thread(self._save, token, grant_id, replaces)

    def _save(self, token: OAuthToken, grant_id: str, replaces: OAuthToken) -> bool:
        with _flock(self.lock):
            grants = self._read()
            stored = grants.get(grant_id, {}).get(token.region)
            if stored is None or stored["refresh_token"] != replaces.refresh_token:
                return False
            grants[grant_id][token.region] = token.to_dict()
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"version": 2, "grants": grants}, handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
            directory = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
            return True


@contextlib.contextmanager
def _flock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


async def _interleaved_timings(
    stores: dict[tuple[str, int], Any],
) -> dict[tuple[str, int], dict[str, float]]:
    """Median ms (wall clock, and CPU time of the process) of a load and of a compare-and-set
    save per store, over grants spread through each store. Rounds visit every store in turn,
    each starting at another one, so a busy disk or CPU hits all sizes alike."""
    samples: dict[tuple[str, int], dict[str, list[float]]] = {
        key: {"load": [], "save": [], "load cpu": [], "save cpu": []} for key in stores
    }
    keys = list(stores)
    for round_ in range(-WARM_UP_ROUNDS, SAMPLES):
        start = round_ % len(keys)
        for key in keys[start:] + keys[:start]:
            store, found = stores[key], samples[key]
            grant = f"clinic-{(round_ * 7919) % key[1]}"
            gc.collect()  # the JSON store's garbage is collected here, not in the next timing
            wall, cpu = time.perf_counter(), time.process_time()
            current = await store.load("us", grant)
            found["load"].append(time.perf_counter() - wall)
            found["load cpu"].append(time.process_time() - cpu)
            assert current is not None
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            saved = await store.save(
                pair(grant, round_ + WARM_UP_ROUNDS + 1), grant, replaces=current
            )
            found["save"].append(time.perf_counter() - wall)
            found["save cpu"].append(time.process_time() - cpu)
            assert saved
            if round_ < 0:  # warming up: not counted
                for values in found.values():
                    del values[-1]
    return {
        key: {name: statistics.median(values) * 1000 for name, values in found.items()}
        for key, found in samples.items()
    }


def measure_file_store() -> dict[int, dict[str, float]]:
    """Per size: JSON and SQLite load/save medians (ms, wall and CPU) and the migration's
    seconds."""
    with tempfile.TemporaryDirectory(prefix="fullscript-bench-") as name:
        directory = Path(name)
        json_stores: dict[tuple[str, int], Any] = {}
        sqlite_stores: dict[tuple[str, int], Any] = {}
        migrations: dict[int, float] = {}
        for grants in SIZES:
            old = directory / f"old-{grants}.json"
            _write_json_file(old, grants)
            json_stores[("json", grants)] = JsonFileStore(old)
            new = directory / f"tokens-{grants}.json"
            _write_json_file(new, grants)
            store = FileTokenStore(new)
            started = time.perf_counter()
            asyncio.run(store.grant_ids("us"))  # first use: the migration
            migrations[grants] = time.perf_counter() - started
            sqlite_stores[("sqlite", grants)] = store
        # Each kind in its own pass: the JSON file's megabytes of writes at 10,000 grants
        # would otherwise slow whatever runs after them.
        timings = {
            **asyncio.run(_interleaved_timings(json_stores)),
            **asyncio.run(_interleaved_timings(sqlite_stores)),
        }
    return {
        grants: {
            **{
                f"{kind} {name}": timings[(kind, grants)][name]
                for kind in ("json", "sqlite")
                for name in ("load", "save", "load cpu", "save cpu")
            },
            "migration s": migrations[grants],
        }
        for grants in SIZES
    }


# --- report -------------------------------------------------------------------------------------


def report() -> list[tuple[str, bool]]:
    """Run both measurements, print them, and answer (target, met) pairs."""
    print(
        "9. Grants at scale: memory per grant (one call each, views dropped; tracemalloc) and "
        "the file token store"
    )
    memory = measure_memory()
    print(
        f"   {'grants':>8}{'idle, evicted B':>17}{'all kept B':>12}{'before (issue 14, RSS) B':>26}"
    )
    for grants, (evicted, kept) in memory.items():
        print(f"   {grants:>8}{evicted:>17.0f}{kept:>12.0f}{BEFORE_RSS_PER_GRANT:>26.0f}")
    first, again, warm = asyncio.run(_first_calls())
    print(
        f"   a grant's first call {first:.0f} us; its first call after its state was freed "
        f"{again:.0f} us; a call of a grant in use {warm:.0f} us (medians over 1,000 grants)"
    )
    files = measure_file_store()
    print()
    print(
        f"   {'grants':>8}{'JSON load':>11}{'JSON save':>11}{'SQLite load':>13}{'SQLite save':>13}"
        f"{'CPU: load':>11}{'save':>7}{'migration':>11}   ms (before, issue 14: load / save)"
    )
    for grants, row in files.items():
        before_load, before_save = BEFORE_JSON_MS[grants]
        print(
            f"   {grants:>8}{row['json load']:>11.2f}{row['json save']:>11.2f}"
            f"{row['sqlite load']:>13.2f}{row['sqlite save']:>13.2f}"
            f"{row['sqlite load cpu']:>11.2f}{row['sqlite save cpu']:>7.2f}"
            f"{row['migration s']:>10.2f}s   ({before_load} / {before_save})"
        )
    idle = memory[SIZES[-1]][0]
    smallest, largest = files[SIZES[0]], files[SIZES[-1]]
    # Judged on CPU time: waiting for the disk or for a busy machine's CPU does not grow with
    # the number of grants, and would only blur what does (the JSON file's parse and rewrite).
    load_growth = largest["sqlite load cpu"] / smallest["sqlite load cpu"]
    save_growth = largest["sqlite save cpu"] / smallest["sqlite save cpu"]
    return [
        (
            f"first call after eviction {again / first:.2f}x a grant's first call "
            f"(<= {FIRST_CALL_GOAL}x)",
            again / first <= FIRST_CALL_GOAL,
        ),
        (
            f"memory per idle grant at {SIZES[-1]:,} grants {idle:.0f} B (<= {MEMORY_GOAL} B)",
            idle <= MEMORY_GOAL,
        ),
        (
            f"file store load CPU at {SIZES[-1]:,} grants {load_growth:.2f}x the one at {SIZES[0]} "
            f"(<= {GROWTH_GOAL}x)",
            load_growth <= GROWTH_GOAL,
        ),
        (
            f"file store save CPU at {SIZES[-1]:,} grants {save_growth:.2f}x the one at {SIZES[0]} "
            f"(<= {GROWTH_GOAL}x)",
            save_growth <= GROWTH_GOAL,
        ),
    ]


if __name__ == "__main__":
    for label, ok in report():
        print(f"   {'PASS' if ok else 'FAIL'}  {label}")
