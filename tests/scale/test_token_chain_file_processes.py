"""FileTokenStore across real processes on one machine: no lost writes, no stale reads after a
save; and against a served sandbox, one refresh per expiry and no auth error for anyone."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fullscript import FileTokenStore, OAuthToken

from .process_support import assert_one_refresh_per_expiry, run_refresh_scenario, run_workers

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
    store = FileTokenStore(path)

    async def final_pairs() -> dict[str, str]:
        pairs = {grant: await store.load("us", grant) for grant in await store.grant_ids("us")}
        return {grant: pair.access_token for grant, pair in pairs.items() if pair is not None}

    finals = asyncio.run(final_pairs())
    # Every worker's last write survived the others' concurrent rewrites of the file.
    assert finals == {f"worker-{n}": f"worker-{n}-access-{rounds - 1}" for n in range(WORKERS)}


@pytest.mark.parametrize("leeway", [300.0, 0.0], ids=["early-refresh", "refresh-on-401"])
async def test_processes_sharing_a_file_store_refresh_once_per_expiry(
    tmp_path: Path, leeway: float
) -> None:
    path = tmp_path / "tokens.json"
    grants = ["clinic-a", "clinic-b"]
    scenario = await run_refresh_scenario(
        FileTokenStore(path), ["--store", f"file:{path}"], grants=grants, leeway=leeway
    )
    assert_one_refresh_per_expiry(scenario, grants)


_OPEN_AND_LOAD = """
import asyncio, json, sys
from fullscript import FileTokenStore

async def main() -> None:
    store = FileTokenStore(sys.argv[1])
    loaded = {g: (await store.load("us", g)).access_token for g in await store.grant_ids("us")}
    print(json.dumps(loaded), flush=True)

asyncio.run(main())
"""


def test_processes_opening_a_json_token_file_at_once_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    pairs = {
        f"clinic-{n}": OAuthToken(
            access_token=f"access-{n}", refresh_token=f"refresh-{n}", region="us"
        ).to_dict()
        for n in range(200)
    }
    path.write_text(
        json.dumps({"version": 2, "grants": {g: {"us": p} for g, p in pairs.items()}}, indent=2)
    )
    path.chmod(0o600)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AND_LOAD, str(path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(WORKERS)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert [process.returncode for process in processes] == [0] * WORKERS
    expected = {grant: pair["access_token"] for grant, pair in pairs.items()}
    assert [json.loads(output) for output in outputs] == [expected] * WORKERS
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
