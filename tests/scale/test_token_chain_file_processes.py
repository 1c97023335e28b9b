"""FileTokenStore across real processes on one machine: no lost writes, no stale reads after a
save; and against a served sandbox, one refresh per expiry and no auth error for anyone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fullscript import FileTokenStore
from fullscript.sandbox import Sandbox, serve

from .grant_support import token_from
from .process_support import run_workers
from .token_endpoint_counter import TokenEndpointCounter

pytestmark = pytest.mark.slow

WORKERS = 4


def test_processes_writing_one_file_lose_nothing_and_never_read_stale(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    rounds = 40
    results = run_workers(
        [
            ["file-writes", "--path", str(path), "--worker", str(n), "--rounds", str(rounds)]
            for n in range(WORKERS)
        ]
    )
    assert [r["stale"] for r in results] == [0] * WORKERS
    assert [r["regressions"] for r in results] == [0] * WORKERS
    document = json.loads(path.read_text())
    finals = {grant: pairs["us"]["access_token"] for grant, pairs in document["grants"].items()}
    # Every worker's last write survived the others' concurrent rewrites of the file.
    assert finals == {f"worker-{n}": f"worker-{n}-access-{rounds - 1}" for n in range(WORKERS)}


@pytest.mark.parametrize("leeway", [300.0, 0.0], ids=["early-refresh", "refresh-on-401"])
async def test_processes_sharing_a_file_store_refresh_once_per_expiry(
    tmp_path: Path, leeway: float
) -> None:
    ttl = 2
    sandbox = Sandbox(seed=1, patients=2, token_ttl=ttl, rate_limit=(100_000, 300.0))
    counter = TokenEndpointCounter.install(sandbox)
    path = tmp_path / "tokens.json"
    grants = ["clinic-a", "clinic-b"]
    store = FileTokenStore(path)
    for grant in grants:
        await store.save(token_from(sandbox.issue_token("us")), grant)
    seconds = 3 * ttl
    with serve(sandbox) as served:
        arguments = ["calls", "--store", f"file:{path}", "--base-url", served.base_url("us")]
        arguments += ["--seconds", str(seconds), "--leeway", str(leeway), "--tasks", "2"]
        for grant in grants:
            arguments += ["--grant", grant]
        results = run_workers([arguments] * WORKERS, barrier=True)

    assert sum(r["auth_errors"] + r["other_errors"] for r in results) == 0, [
        r["errors"] for r in results
    ]
    assert all(r["calls"] > 0 for r in results), results
    # One refresh per pair: no refresh token was ever presented twice, none was refused.
    assert counter.refused_refreshes == 0
    assert counter.presented_twice() == []
    made = sum(r["refreshes"] for r in results)
    assert made == counter.refreshes
    # Each grant's chain moved on roughly once per lifetime (every ttl/2 early, every ttl on
    # 401s), and never once per process: far fewer refreshes than processes x lifetimes.
    lifetimes = seconds / ttl
    assert len(grants) <= counter.refreshes, (results, counter.counts)
    assert counter.refreshes <= len(grants) * (2 * lifetimes + 1)
    assert sum(r["adopted"] for r in results) >= counter.refreshes  # siblings adopted
