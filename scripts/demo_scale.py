"""Many clinics, many workers: the SDK's scale-out setups against the sandbox.

    make demo-scale        # or: .venv/bin/python scripts/demo_scale.py

1. Many clinics: one `Fullscript` (one app, one pool, one limiter, one store) serves three
   clinics. Each clinic authorizes the app once (`exchange_code(code, grant_id=...)`); its
   view `fs.for_grant(...)` sends only its own token, which the sandbox confirms.
2. Many workers: three worker processes share one `FileTokenStore` (and one
   `RedisTokenStore` when Debian's redis-server is installed) against a served sandbox whose
   tokens live 2 s: each expired pair is refreshed once, by one of them, and nobody sees an
   auth error.

Secrets (tokens, codes, the client secret) are never printed.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx2
from benchmarks import scale_tokens

from fullscript import FileTokenStore, Fullscript, Region, UnknownGrantError
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

Output = Callable[[str], None]
CLINICS = ("tenant-a", "tenant-b", "tenant-c")


class GrantCounter(httpx2.AsyncBaseTransport):
    """Counts API requests by the sandbox grant their bearer token belongs to."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._inner = sandbox.transport()
        self.by_sandbox_grant: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        _, _, token = request.headers.get("authorization", "").partition(" ")
        record = self._sandbox.oauth.lookup(token) if token else None
        if record is not None:
            self.by_sandbox_grant[record.grant] += 1
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def many_clinics(out: Output, directory: Path) -> dict[str, int]:
    """One client, three clinics; returns the API requests the sandbox saw per clinic."""
    sandbox = Sandbox(seed=11, patients=5)
    wire = GrantCounter(sandbox)
    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=Region.US.with_base_url(sandbox.base_url("us")),
        transport=wire,
        token_store=FileTokenStore(directory / "tokens.db"),
    ) as fs:
        for clinic in CLINICS:
            # In a web app: send the clinic's user to fs.authorization_url(state), and on the
            # redirect call exchange_code with the code and the tenant id you keep for them.
            code = sandbox.authorization_code("us")
            await fs.exchange_code(code, grant_id=clinic)
        out(f"grants stored: {await fs.grants()}")
        for clinic in CLINICS:
            view = fs.for_grant(clinic)
            count = 0
            async for _ in view.patients.list():
                count += 1
            await view.clinic.retrieve()
            out(f"{clinic}: {count} patients listed through fs.for_grant({clinic!r})")
        await fs.remove_grant("tenant-c")  # revokes it on the server and forgets it
        try:
            await fs.for_grant("tenant-c").clinic.retrieve()
        except UnknownGrantError as error:
            out(f"after remove_grant: {type(error).__name__}: {error}")
        owner = {}
        for clinic in CLINICS[:2]:
            pair = await fs.for_grant(clinic).token_manager.get_token()
            owner[clinic] = sandbox.oauth.grant_of_refresh_token(pair.refresh_token)
        out(f"closing a view leaves the pool open: {await _close_view(fs)}")
    seen = {clinic: wire.by_sandbox_grant[str(grant)] for clinic, grant in owner.items()}
    out(f"API requests the sandbox saw, by the grant of their token: {seen}")
    return seen


async def _close_view(fs: Fullscript) -> str:
    await fs.for_grant("tenant-a").aclose()
    await fs.for_grant("tenant-a").clinic.retrieve()
    return f"is_closed={fs.is_closed}"


def many_workers(out: Output, directory: Path) -> list[scale_tokens.Run]:
    """Three processes sharing a store against a served sandbox with 2 s tokens."""
    runs = [scale_tokens.run("file", 3, None, directory, seconds=6, token_ttl=2)]
    with scale_tokens.ThrowawayRedis(directory) as redis:
        if redis.url is not None:
            runs.append(scale_tokens.run("redis", 3, redis.url, directory, seconds=6, token_ttl=2))
        else:
            out("RedisTokenStore: not shown (Debian's redis-server is not installed)")
    for run in runs:
        out(
            f"{run.processes} workers sharing a {run.store} store: {run.calls} calls, "
            f"{run.refresh_calls} refresh calls for {run.pairs_refreshed} expired pairs "
            f"({run.per_expiry:.2f} per expiry), {run.auth_errors} auth errors"
        )
    return runs


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fullscript-demo-") as temporary:
        directory = Path(temporary)
        print("1. Many clinics, one client")
        seen = asyncio.run(many_clinics(lambda line: print(f"   {line}"), directory))
        print("2. Many workers, one token chain")
        runs = many_workers(lambda line: print(f"   {line}"), directory)
    ok = all(n > 0 for n in seen.values()) and all(
        r.auth_errors == 0 and r.refresh_calls == r.pairs_refreshed for r in runs
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
