"""Token chain across processes: 4 worker processes sharing one token store against one served
sandbox whose tokens live a few seconds (`make benchmark`, section "token chain").

Each grant's chain should move on exactly once per token lifetime however many processes use
it: every pair that expires is refreshed by one refresh call, never by one per process. At the
sandbox, "per expiry" is the refresh calls it received divided by the distinct pairs they
refreshed (target 1.00); no user call may fail with an auth error (target 0).
Run with FileTokenStore, and with RedisTokenStore on a throwaway redis-server when Debian's
`redis-server` is installed; beside them, the baseline of processes that do not share a store.

    python scripts/benchmarks/scale_tokens.py            # the report alone
    python scripts/benchmarks/scale_tokens.py worker ... # one worker (started by the report)
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import attrs
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fullscript import (
    AuthenticationError,
    FileTokenStore,
    Fullscript,
    InMemoryTokenStore,
    OAuthToken,
    Region,
    TokenMissingError,
    TokenStore,
)
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
    TrafficSnapshot,
    serve,
)

PROCESSES = 4
TASKS_PER_GRANT = 3
GRANTS = ("clinic-a", "clinic-b")
TOKEN_TTL = 3
SECONDS = 4 * TOKEN_TTL
PAUSE = 0.02  # between one task's calls: a steady stream, not a CPU benchmark


# --- worker process ---------------------------------------------------------------------------


async def open_store(spec: str) -> TokenStore:
    """``file:<path>``, ``memory:<path>`` (this process's copy of that file), or a Redis URL."""
    if spec.startswith("file:"):
        return FileTokenStore(spec.removeprefix("file:"))
    if spec.startswith("memory:"):
        # The baseline without sharing: each process keeps its own copy of the seeded pairs.
        seeded = FileTokenStore(spec.removeprefix("memory:"))
        own = InMemoryTokenStore()
        for grant in GRANTS:
            pair = await seeded.load("us", grant)
            assert pair is not None
            await own.save(pair, grant)
        return own
    from fullscript.redis import RedisTokenStore

    return RedisTokenStore(spec, prefix="benchmark")


async def work(store_spec: str, base_url: str, seconds: float) -> dict[str, Any]:
    """Call the sandbox for every grant until ``seconds`` after the start signal on stdin."""
    outcome = {"calls": 0, "auth_errors": 0, "other_errors": 0}
    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.from_key("us").with_base_url(base_url),
        token_store=await open_store(store_spec),
        refresh_leeway=0,  # refresh at expiry (or on its 401): one refresh per lifetime
    ) as fs:

        async def call(grant: str) -> None:
            try:
                await fs.for_grant(grant).clinic.retrieve()
                outcome["calls"] += 1
            except (AuthenticationError, TokenMissingError):
                outcome["auth_errors"] += 1
            except Exception:
                outcome["other_errors"] += 1

        for grant in GRANTS:  # warm up: imports, connections, first load
            await call(grant)
        print(json.dumps({"ready": True}), flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        deadline = time.monotonic() + seconds

        async def calls(grant: str) -> None:
            while time.monotonic() < deadline:
                await call(grant)
                await asyncio.sleep(PAUSE)

        await asyncio.gather(*(calls(g) for g in GRANTS for _ in range(TASKS_PER_GRANT)))
        stats = fs.refresh_stats()
    return {**outcome, "refreshes": stats.refreshes, "adopted": stats.adopted}


# --- the report -------------------------------------------------------------------------------


class RefreshCalls:
    """ASGI wrapper around the sandbox counting refresh calls and the pairs they presented.

    Presented refresh tokens are kept as short hashes only, never as secrets.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.calls = 0
        self.pairs: set[str] = set()
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].endswith("/oauth/token"):
            await self.app(scope, receive, send)
            return
        body = bytearray()

        async def receiving() -> Message:
            message = await receive()
            body.extend(message.get("body", b""))
            return message

        await self.app(scope, receiving, send)
        fields = json.loads(bytes(body) or b"{}")
        if isinstance(fields, dict) and fields.get("grant_type") == "refresh_token":
            digest = hashlib.sha256(str(fields.get("refresh_token")).encode()).hexdigest()
            with self._lock:
                self.calls += 1
                self.pairs.add(digest[:16])


@attrs.frozen
class Run:
    store: str
    processes: int
    refresh_calls: int  # received by the sandbox, refused ones included
    pairs_refreshed: int  # distinct pairs those calls presented
    refreshes: int  # answered with a new pair, all grants
    calls: int
    auth_errors: int
    other_errors: int
    adopted: int

    @property
    def per_expiry(self) -> float:
        """Refresh calls per pair refreshed: 1.0 when no pair was refreshed twice."""
        return self.refresh_calls / self.pairs_refreshed if self.pairs_refreshed else float("nan")


def run(
    store_kind: str,
    processes: int,
    redis_url: str | None,
    directory: Path,
    *,
    seconds: float = SECONDS,
    token_ttl: int = TOKEN_TTL,
) -> Run:
    """One run: a fresh sandbox and store, ``processes`` workers started together.

    ``store_kind`` is ``"file"``, ``"redis"`` (on ``redis_url``) or ``"memory"`` (unshared).
    """
    from .together import run_together  # in the parent only: a worker runs as a script

    sandbox = Sandbox(seed=1, patients=2, token_ttl=token_ttl, rate_limit=(1_000_000, 300.0))
    spec = f"{store_kind}:{directory / f'{store_kind}-{processes}.json'}"
    if store_kind == "redis":
        assert redis_url is not None
        spec = redis_url
    asyncio.run(seed(sandbox, spec))
    counter = RefreshCalls(sandbox.app)
    sandbox.app = counter  # the cached ASGI app, wrapped before any server is made
    with serve(sandbox) as served:
        command = [sys.executable, __file__, "worker", spec, served.base_url("us"), str(seconds)]
        stats: list[TrafficSnapshot] = []

        def count_the_run_only() -> None:  # not the warm-up
            stats.append(sandbox.traffic_stats())
            counter.calls, counter.pairs = 0, set()

        results = run_together(
            [command] * processes,
            timeout=300,
            is_ready=lambda line: json.loads(line or "{}") == {"ready": True},
            on_ready=count_the_run_only,
            keep_stderr=False,  # the table counts what went wrong
        )
        before, after = stats[0], sandbox.traffic_stats()
    refreshes = sum(c.refreshes for c in after.grants.values()) - sum(
        c.refreshes for c in before.grants.values()
    )
    return Run(
        store=store_kind,
        processes=processes,
        refresh_calls=counter.calls,
        pairs_refreshed=len(counter.pairs),
        refreshes=refreshes,
        calls=sum(r["calls"] for r in results),
        auth_errors=sum(r["auth_errors"] for r in results),
        other_errors=sum(r["other_errors"] for r in results),
        adopted=sum(r["adopted"] for r in results),
    )


async def seed(sandbox: Sandbox, spec: str) -> None:
    store = await open_store(spec.replace("memory:", "file:"))
    for grant in GRANTS:
        issued = sandbox.issue_token("us")
        await store.save(OAuthToken.from_response(issued.to_oauth(), region="us"), grant)
    close = getattr(store, "aclose", None)
    if close is not None:
        await close()


class ThrowawayRedis:
    """Debian's redis-server on a free loopback port with a temporary directory, or None."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None
        self.url: str | None = None

    def __enter__(self) -> ThrowawayRedis:
        binary = shutil.which("redis-server")
        if binary is None:
            return self
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        self.process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(self.directory),
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        self.url = f"redis://127.0.0.1:{port}/0"
                        return self
            except OSError:
                time.sleep(0.05)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


def measure() -> list[tuple[str, bool]]:
    """Print the token-chain table; return (target, met) pairs for the benchmark's verdict."""
    print(
        f"{PROCESSES} processes x {len(GRANTS)} grants x {TASKS_PER_GRANT} tasks, token lifetime "
        f"{TOKEN_TTL} s, {SECONDS} s of calls against one served sandbox"
    )
    targets: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="fullscript-bench-") as temporary:
        directory = Path(temporary)
        with ThrowawayRedis(directory) as redis:
            baseline = run("file", 1, None, directory)
            unshared = run("memory", PROCESSES, None, directory)
            runs = [run("file", PROCESSES, None, directory)]
            if redis.url is not None:
                runs.append(run("redis", PROCESSES, redis.url, directory))
    print(
        f"   {'store':<8}{'processes':>10}{'refresh calls':>15}{'pairs':>7}{'per expiry':>12}"
        f"{'new pairs':>11}{'adopted':>9}{'calls':>8}{'auth errors':>13}{'other errors':>14}"
    )
    for result in [baseline, unshared, *runs]:
        print(
            f"   {result.store:<8}{result.processes:>10}{result.refresh_calls:>15}"
            f"{result.pairs_refreshed:>7}{result.per_expiry:>12.2f}{result.refreshes:>11}"
            f"{result.adopted:>9}{result.calls:>8}{result.auth_errors:>13}{result.other_errors:>14}"
        )
    print("   (per expiry: refresh calls / distinct pairs they refreshed; new pairs: refreshes")
    print("    the sandbox answered; memory: each process its own InMemoryTokenStore, the")
    print("    baseline without sharing)")
    if redis.url is None:
        print("   RedisTokenStore: NOT RUN (Debian's redis-server is not installed)")
    for result in runs:
        targets.append(
            (
                f"token chain ({result.store}, {result.processes} processes): "
                f"{result.per_expiry:.2f} refreshes per expiry, {result.auth_errors} auth errors "
                "(target: 1.00 and 0)",
                result.refresh_calls == result.pairs_refreshed > 0
                and result.auth_errors == 0
                and result.other_errors == 0,
            )
        )
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command")
    worker = sub.add_parser("worker")
    worker.add_argument("store")
    worker.add_argument("base_url")
    worker.add_argument("seconds", type=float)
    args = parser.parse_args(argv)
    if args.command == "worker":
        print(json.dumps(asyncio.run(work(args.store, args.base_url, args.seconds))), flush=True)
        return 0
    targets = measure()
    for label, ok in targets:
        print(f"   {'PASS' if ok else 'FAIL'}  {label}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
