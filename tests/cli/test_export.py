"""``fullscript export``: every record to a file, resumed after a kill (the progress bar in a
terminal: test_terminal.py)."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from cli_support import CliRunner

from fullscript.sandbox import ServedSandbox


def patient_ids(cli: CliRunner) -> list[str]:
    ran = cli.run("patients", "list", "--all", "--page-size", "100")
    return [json.loads(line)["id"] for line in ran.stdout.splitlines()]


def wait_for(condition: object, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_export_writes_every_record_and_removes_its_checkpoint(
    cli: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "patients.jsonl"
    ran = cli.run("export", "patients", "-o", str(out), "--page-size", "40")
    assert ran.code == 0, ran.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == patient_ids(cli)
    assert not (tmp_path / "patients.jsonl.resume.json").exists()


def test_export_resumes_after_a_kill_where_it_stopped(
    cli: CliRunner, served: ServedSandbox, tmp_path: Path
) -> None:
    served.sandbox.faults.add("latency", operation_id="list_patients", latency=0.3)
    out = tmp_path / "patients.jsonl"
    checkpoint = tmp_path / "patients.jsonl.resume.json"
    args = ("export", "patients", "-o", str(out), "--page-size", "10", "--no-progress")
    process = cli.popen(*args)
    wait_for(
        lambda: checkpoint.exists() and json.loads(checkpoint.read_text())["pages"] >= 3,
        "three pages",
    )
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    done_before = json.loads(checkpoint.read_text())
    assert done_before["next_page"] < len(patient_ids(cli)) // 10  # it really was interrupted
    with out.open("ab") as torn:  # a page being written when the process died
        torn.write(b'{"id": "half a rec')
    served.sandbox.faults.clear()

    ran = cli.run(*args)

    assert ran.code == 0, ran.stderr
    assert f"resuming at page {done_before['next_page']}" in ran.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == patient_ids(cli)
    assert not checkpoint.exists()
