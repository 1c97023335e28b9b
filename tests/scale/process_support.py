"""Running real worker processes (tests/scale/token_chain_worker.py) and reading their answers."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs

from fullscript import OAuthToken, TokenStore
from fullscript.sandbox import Sandbox, serve

from .token_endpoint_counter import TokenEndpointCounter

WORKER = Path(__file__).with_name("token_chain_worker.py")


def start_worker(*args: str) -> subprocess.Popen[str]:
    """Start ``token_chain_worker.py args`` with this interpreter; stdout is piped."""
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result_of(process: subprocess.Popen[str], timeout: float = 120.0) -> dict[str, Any]:
    """The JSON line a worker printed last; fails with its stderr when it crashed."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"worker failed ({process.returncode}):\n{err[-3000:]}"
    parsed: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return parsed


def wait_ready(process: subprocess.Popen[str]) -> None:
    """Wait for the worker's ``{"ready": true}`` line (it crashed if none comes)."""
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        _, err = process.communicate()
        raise AssertionError(f"worker exited before it was ready:\n{err[-3000:]}")
    assert json.loads(line) == {"ready": True}, line


def run_workers(
    argument_lists: list[list[str]], timeout: float = 120.0, *, barrier: bool = False
) -> list[dict[str, Any]]:
    """Start every worker, then collect each one's answer.

    With ``barrier``, every worker first reports ready and all are then told to go at once.
    """
    processes = [start_worker(*arguments) for arguments in argument_lists]
    try:
        if barrier:
            for p in processes:
                wait_ready(p)
            for p in processes:
                assert p.stdin is not None
                p.stdin.write("go\n")
                p.stdin.flush()
        return [result_of(p, timeout) for p in processes]
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()


@attrs.frozen
class RefreshScenario:
    """What workers sharing one store saw against a served sandbox with short-lived tokens."""

    results: list[dict[str, Any]]
    counter: TokenEndpointCounter
    seconds: float
    ttl: int

    @property
    def user_errors(self) -> int:
        return sum(r["auth_errors"] + r["other_errors"] for r in self.results)

    @property
    def error_samples(self) -> list[str]:
        return [e for r in self.results for e in r["errors"]]


async def run_refresh_scenario(
    store: TokenStore,
    store_spec: list[str],
    *,
    grants: list[str],
    workers: int = 4,
    ttl: int = 2,
    seconds: float = 6.0,
    leeway: float = 300.0,
) -> RefreshScenario:
    """Seed one pair per grant into ``store``, serve a sandbox with ``ttl``-second tokens, and
    run ``workers`` processes calling it for ``seconds`` (``store_spec``: the worker's
    ``--store ...`` arguments for the same store)."""
    sandbox = Sandbox(seed=1, patients=2, token_ttl=ttl, rate_limit=(100_000, 300.0))
    counter = TokenEndpointCounter.install(sandbox)
    for grant in grants:
        issued = sandbox.issue_token("us")
        await store.save(OAuthToken.from_response(issued.to_oauth(), region="us"), grant)
    with serve(sandbox) as served:
        arguments = ["calls", *store_spec, "--base-url", served.base_url("us")]
        arguments += ["--seconds", str(seconds), "--leeway", str(leeway), "--tasks", "2"]
        for grant in grants:
            arguments += ["--grant", grant]
        results = await asyncio.to_thread(run_workers, [arguments] * workers, barrier=True)
    return RefreshScenario(results, counter, seconds, ttl)


def assert_one_refresh_per_expiry(scenario: RefreshScenario, grants: list[str]) -> None:
    """0 user-visible errors; each expired pair refreshed once (never twice, never refused)."""
    assert scenario.user_errors == 0, scenario.error_samples
    assert all(r["calls"] > 0 for r in scenario.results), scenario.results
    counter = scenario.counter
    assert counter.refused_refreshes == 0
    assert counter.presented_twice() == []
    assert sum(r["refreshes"] for r in scenario.results) == counter.refreshes
    # The run outlived the seeded tokens, so every grant's chain moved on at least once; how
    # often depends on the machine's pace (warm-up included), never on the process count:
    # no pair was refreshed twice (above): the other processes adopted the new pairs.
    assert counter.refreshes >= len(grants)
    assert sum(r["adopted"] for r in scenario.results) > 0
