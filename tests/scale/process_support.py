"""Running real worker processes (tests/scale/token_chain_worker.py) and reading their answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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
