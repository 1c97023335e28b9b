"""``fullscript sandbox serve`` runs the sandbox with the options of ``fullscript-sandbox``."""

from __future__ import annotations

import time

import httpx2
from cli_support import CliRunner, free_port


def test_sandbox_serve_takes_the_sandbox_commands_options(cli: CliRunner) -> None:
    port = free_port()
    process = cli.popen(
        "sandbox", "serve", "--port", str(port), "--seed", "7", "--log-level", "warning"
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx2.get(f"http://127.0.0.1:{port}/_sandbox/config", timeout=1)
                break
            except httpx2.TransportError:
                assert process.poll() is None, process.communicate()[1]
                assert time.monotonic() < deadline, "the sandbox did not start"
                time.sleep(0.1)
        assert health.status_code == 200 and health.json()["seed"] == 7
    finally:
        process.terminate()
        process.communicate(timeout=30)
