"""A worker process for the multi-process token tests and the token benchmark.

    python token_chain_worker.py calls --store file:/tmp/t.json --base-url URL --seconds 5
    python token_chain_worker.py file-writes --path /tmp/t.json --worker 3 --rounds 50
    python token_chain_worker.py hold-lock --store redis://... --grant g   (then gets killed)

It prints one JSON line with what it saw; secrets never leave the process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from typing import Any

from fullscript import (
    AuthenticationError,
    FileTokenStore,
    Fullscript,
    OAuthToken,
    Region,
    TokenMissingError,
    TokenStore,
)

CLIENT_ID = "sandbox-client-id"
CLIENT_SECRET = "sandbox-client-secret"
REDIRECT_URI = "http://127.0.0.1:8000/callback"


def open_store(spec: str, **redis_options: Any) -> TokenStore:
    """``file:<path>`` or a ``redis://`` URL."""
    if spec.startswith("file:"):
        return FileTokenStore(spec.removeprefix("file:"))
    if spec.startswith("redis://"):
        from fullscript.redis import RedisTokenStore

        return RedisTokenStore.from_url(spec, **redis_options)
    raise SystemExit(f"unknown store {spec!r}")


async def calls(args: argparse.Namespace) -> dict[str, Any]:
    """Call the served sandbox from ``--tasks`` tasks per grant for ``--seconds``.

    Prints ``{"ready": true}`` once warmed up, and starts the clock at a line on stdin.
    """
    store = open_store(args.store, **({"prefix": args.prefix} if args.prefix else {}))
    region = Region.from_key("us").with_base_url(args.base_url)
    outcome: dict[str, Any] = {"calls": 0, "auth_errors": 0, "other_errors": 0, "errors": []}
    grants = args.grant or ["default"]
    async with Fullscript(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uri=REDIRECT_URI,
        region=region,
        token_store=store,
        refresh_leeway=args.leeway,
    ) as fs:
        # Warm up (imports, connections, first load), then start when every worker is ready:
        # process start-up on a busy machine takes seconds, the run should not.
        for grant in grants:
            await fs.for_grant(grant).clinic.retrieve()
        print(json.dumps({"ready": True}), flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        deadline = time.monotonic() + args.seconds

        async def loop(grant: str) -> None:
            view = fs.for_grant(grant)
            while time.monotonic() < deadline:
                try:
                    await view.clinic.retrieve()
                    outcome["calls"] += 1
                except (AuthenticationError, TokenMissingError) as error:
                    outcome["auth_errors"] += 1
                    outcome["errors"].append(f"{grant}: {type(error).__name__}: {error}"[:300])
                except Exception as error:
                    outcome["other_errors"] += 1
                    outcome["errors"].append(f"{grant}: {type(error).__name__}: {error}"[:300])
                await asyncio.sleep(args.pause)

        await asyncio.gather(*(loop(g) for g in grants for _ in range(args.tasks)))
        stats = fs.refresh_stats()
    outcome["refreshes"] = stats.refreshes
    outcome["adopted"] = stats.adopted
    outcome["errors"] = outcome["errors"][:5]
    return outcome


async def file_writes(args: argparse.Namespace) -> dict[str, Any]:
    """Save a numbered pair for this worker's grant ``--rounds`` times, reading after each save.

    ``stale``: reads of our own grant, right after our save, that did not show it (a lost
    write). ``regressions``: another worker's number seen going backwards.
    """
    store = FileTokenStore(args.path)
    me = f"worker-{args.worker}"
    stale = 0
    regressions = 0
    seen: dict[str, int] = {}
    for n in range(args.rounds):
        await store.save(numbered(me, n), me)
        if number_of(await store.load("us", me)) != n:
            stale += 1
        for grant in await store.grant_ids("us"):
            if grant == me:
                continue
            value = number_of(await store.load("us", grant))
            if value < seen.get(grant, -1):
                regressions += 1
            seen[grant] = max(value, seen.get(grant, -1))
    return {"stale": stale, "regressions": regressions}


async def hold_lock(args: argparse.Namespace) -> dict[str, Any]:
    """Take a grant's refresh lock, say so, then hang: the test kills us while we hold it."""
    store = open_store(args.store, lock_timeout=args.lock_timeout)
    async with store.refresh_lock("us", args.grant):
        print(json.dumps({"holding": True}), flush=True)
        await asyncio.sleep(3600)
    return {"holding": False}


def numbered(grant: str, n: int) -> OAuthToken:
    return OAuthToken(
        access_token=f"{grant}-access-{n}",
        refresh_token=f"{grant}-refresh-{n}",
        region="us",
        created_at="2024-01-01T00:00:00Z",
    )


def number_of(token: OAuthToken | None) -> int:
    return -1 if token is None else int(token.access_token.rsplit("-", 1)[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("calls")
    run.add_argument("--store", required=True)
    run.add_argument("--prefix", default=None)
    run.add_argument("--base-url", required=True)
    run.add_argument("--grant", action="append")
    run.add_argument("--seconds", type=float, default=5.0)
    run.add_argument("--tasks", type=int, default=3)
    run.add_argument("--pause", type=float, default=0.02)
    run.add_argument("--leeway", type=float, default=300.0)
    writes = sub.add_parser("file-writes")
    writes.add_argument("--path", required=True)
    writes.add_argument("--worker", type=int, required=True)
    writes.add_argument("--rounds", type=int, default=50)
    hold = sub.add_parser("hold-lock")
    hold.add_argument("--store", required=True)
    hold.add_argument("--grant", default="default")
    hold.add_argument("--lock-timeout", type=float, default=2.0)
    args = parser.parse_args(argv)
    command = {"calls": calls, "file-writes": file_writes, "hold-lock": hold_lock}[args.command]
    print(json.dumps(asyncio.run(command(args))), flush=True)


if __name__ == "__main__":
    sys.exit(main())
