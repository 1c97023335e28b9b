"""FastAPI at startup and under load (part of `make benchmark`; issue 14).

1. Startup catch-up across worker processes: the event-list requests a served sandbox answers
   when 1 and when 4 worker processes start together over the same clinics, with the shared
   catch-up ledger (`receiver.catch_up_clinics`, goal: equal) and, as the anchor, the fixed
   look-back every worker used to run (`receiver.catch_up` per clinic). Counted at the sandbox.
2. FastAPI requests/s, 1000 concurrent requests in one app over in-process ASGI (httpx2
   `ASGITransport`): routes whose dependencies are plain ``def`` (the README's former pattern:
   two threadpool hops a request), the same routes with ``async def`` dependencies (the README
   now), and a plain route with no dependency (the anchor). Best of interleaved rounds.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Annotated

import httpx2
from fastapi import Depends, FastAPI, Request

from fullscript import FileTokenStore, Fullscript, OAuthToken
from fullscript.fastapi import FullscriptDep, fullscript_lifespan, grant_dependency
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
    serve,
)

from .catch_up_worker import LOOK_BACK, EventListCounter, run_workers

CLINICS = ("clinic-a", "clinic-b", "clinic-c")
CONCURRENT = 1000
ROUNDS = 3


# --- 1. startup catch-up ----------------------------------------------------------------------


def measure_catch_up() -> dict[tuple[str, int], int]:
    """Event-list requests per (mode, workers), each run on fresh leases and cursors."""
    sandbox = Sandbox(seed=4, patients=12)
    counter = EventListCounter(sandbox.app)
    sandbox.app = counter
    clinic = sandbox.clinic("us")
    for record in sandbox.records("us", "patients"):
        clinic.update_patient(record["id"], last_name="Missed")
    counts: dict[tuple[str, int], int] = {}
    with tempfile.TemporaryDirectory(prefix="fullscript-catch-up-") as directory:
        token_file = Path(directory) / "tokens.json"

        async def connect() -> None:
            store = FileTokenStore(token_file)
            for grant in CLINICS:
                issued = sandbox.issue_token("us")
                await store.save(OAuthToken.from_response(issued.to_oauth(), region="us"), grant)

        asyncio.run(connect())
        with serve(sandbox) as served:
            for mode in ("ledger", LOOK_BACK):
                for workers in (1, 4):
                    ledger = f"file:{Path(directory) / f'ledger-{workers}.json'}"
                    before = counter.count
                    run_workers(
                        workers, served.url, token_file, ledger if mode == "ledger" else mode
                    )
                    counts[(mode, workers)] = counter.count - before
    return counts


# --- 2. FastAPI requests/s --------------------------------------------------------------------


def _sync_get_fullscript(request: Request) -> Fullscript:  # the former provided dependency
    fs = getattr(request.state, "fullscript", None) or request.app.state.fullscript
    assert isinstance(fs, Fullscript)
    return fs


def _sync_clinic(clinic: str) -> str:  # the README's former `def clinic(...)`
    return clinic


async def _async_clinic(clinic: str) -> str:
    return clinic


async def _sync_grant_client(
    fs: Annotated[Fullscript, Depends(_sync_get_fullscript)],
    grant: Annotated[str, Depends(_sync_clinic)],
) -> Fullscript:
    return fs.for_grant(grant)


SyncClinicDep = Annotated[Fullscript, Depends(_sync_grant_client)]
AsyncClinicDep = Annotated[Fullscript, Depends(grant_dependency(_async_clinic))]


def build_app() -> FastAPI:
    def make_client() -> Fullscript:
        return Fullscript(
            client_id=DEFAULT_CLIENT_ID,
            client_secret=DEFAULT_CLIENT_SECRET,
            redirect_uri=DEFAULT_REDIRECT_URI,
            transport=httpx2.MockTransport(lambda request: httpx2.Response(500)),
        )

    app = FastAPI(lifespan=fullscript_lifespan(make_client))

    @app.get("/def/{clinic}")
    async def with_def_dependencies(fs: SyncClinicDep) -> dict[str, str]:
        return {"grant": fs.grant_id}

    @app.get("/async/{clinic}")
    async def with_async_dependencies(fs: AsyncClinicDep) -> dict[str, str]:
        return {"grant": fs.grant_id}

    @app.get("/plain/{clinic}")
    async def plain(clinic: str) -> dict[str, str]:
        return {"grant": clinic}

    @app.get("/client")
    async def client(fs: FullscriptDep) -> dict[str, str]:
        return {"grant": fs.grant_id}

    return app


async def _requests_per_second(http: httpx2.AsyncClient, path: str) -> float:
    started = time.perf_counter()
    answers = await asyncio.gather(
        *(http.get(f"{path}/clinic-{i % 50}") for i in range(CONCURRENT))
    )
    elapsed = time.perf_counter() - started
    if any(answer.status_code != 200 for answer in answers):
        raise RuntimeError(f"{path}: not every request succeeded")
    return CONCURRENT / elapsed


async def measure_fastapi() -> dict[str, float]:
    app = build_app()
    paths = {
        "def dependencies (README before)": "/def",
        "async dependencies (README now)": "/async",
        "plain route (anchor)": "/plain",
    }
    best = dict.fromkeys(paths, 0.0)
    transport = httpx2.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx2.AsyncClient(transport=transport, base_url="http://app.test") as http,
    ):
        for path in paths.values():  # warm up
            await _requests_per_second(http, path)
        for _ in range(ROUNDS):
            for name, path in paths.items():
                best[name] = max(best[name], await _requests_per_second(http, path))
    return best


# --- report -----------------------------------------------------------------------------------


def report() -> list[tuple[str, bool]]:
    """Run both measurements, print them, and answer (target, met) pairs."""
    results: list[tuple[str, bool]] = []
    print(
        f"7. Startup catch-up: {len(CLINICS)} clinics, 1 and 4 worker processes started "
        "together, event-list requests counted at a served sandbox"
    )
    counts = measure_catch_up()
    print(f"   {'catch-up':<42}{'1 worker':>10}{'4 workers':>11}")
    for mode, label in (
        ("ledger", "catch_up_clinics + FileCatchUpLedger"),
        ("look-back", "fixed look-back in every worker (anchor)"),
    ):
        print(f"   {label:<42}{counts[(mode, 1)]:>10}{counts[(mode, 4)]:>11}")
    one, four = counts[("ledger", 1)], counts[("ledger", 4)]
    results.append(
        (
            f"startup catch-up list requests: {four} with 4 workers, {one} with 1 (goal: equal)",
            one == four and one > 0,
        )
    )

    print()
    print(
        f"8. FastAPI requests/s, {CONCURRENT} concurrent requests, in-process ASGI (best of {ROUNDS})"
    )
    rates = asyncio.run(measure_fastapi())
    plain = rates["plain route (anchor)"]
    print(f"   {'routes':<36}{'requests/s':>12}{'vs plain':>10}")
    for name, rate in rates.items():
        print(f"   {name:<36}{rate:>12.0f}{rate / plain:>9.2f}x")
    asynchronous = rates["async dependencies (README now)"]
    synchronous = rates["def dependencies (README before)"]
    results.append(
        (
            f"FastAPI async dependencies {asynchronous / synchronous:.2f}x the def ones "
            f"(goal: > 1), {asynchronous / plain:.2f}x a plain route",
            asynchronous > synchronous,
        )
    )
    return results


if __name__ == "__main__":
    for label, ok in report():
        print(f"   {'PASS' if ok else 'FAIL'}  {label}")
