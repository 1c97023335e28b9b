"""Startup catch-up with real worker processes sharing a ledger (a real redis-server, or the
file ledger): the event-list requests Fullscript receives are the same with 1 worker and 4."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections import Counter
from pathlib import Path

import pytest
from webhook_support import token_from

from fullscript import FileTokenStore
from fullscript.sandbox import Sandbox, serve

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from benchmarks.catch_up_worker import EventListCounter, run_workers

CLINICS = ["clinic-a", "clinic-b", "clinic-c"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["file", "redis"])
def test_catch_up_requests_do_not_grow_with_worker_processes(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    sandbox = Sandbox(seed=4, patients=12)
    counter = EventListCounter(sandbox.app)
    sandbox.app = counter
    token_file = tmp_path / "tokens.json"

    async def connect() -> None:
        store = FileTokenStore(token_file)
        for clinic in CLINICS:
            await store.save(token_from(sandbox.issue_token("us")), clinic)

    asyncio.run(connect())
    us = sandbox.clinic("us")
    missed = [
        us.update_patient(p["id"], last_name="Missed")["id"]
        for p in sandbox.records("us", "patients")
    ]

    def ledger(name: str) -> str:
        if kind == "file":
            return f"file:{tmp_path / name}"
        return f"redis:{request.getfixturevalue('redis_url')}|{name}-{uuid.uuid4().hex}:"

    with serve(sandbox) as served:
        before = counter.count
        one = run_workers(1, served.url, token_file, ledger("one-worker"))
        one_requests, before = counter.count - before, counter.count
        four = run_workers(4, served.url, token_file, ledger("four-workers"))
        four_requests = counter.count - before

    assert one_requests > 0
    assert four_requests == one_requests
    # Each clinic was caught up by exactly one of the four.
    holders = Counter(
        clinic
        for answer in four
        for clinic, handled in answer["results"].items()
        if handled is not None
    )
    assert holders == Counter(CLINICS)
    # Every missed event was handled. (The three grants are one sandbox clinic, so the same
    # events: one process's dedup memory hands each out once, four processes' once each.)
    assert Counter(one[0]["handled"]) == Counter(missed)
    assert {event for answer in four for event in answer["handled"]} == set(missed)
