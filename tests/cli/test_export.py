"""``fullscript export``: every record to a file, resumed after a kill; progress in a terminal."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from cli_support import CliRunner

from fullscript.sandbox import ServedSandbox


def _ids(cli: CliRunner) -> list[str]:
    ran = cli.run("patients", "list", "--all", "--page-size", "100")
    return [json.loads(line)["id"] for line in ran.stdout.splitlines()]


def _wait_for(condition: object, what: str, timeout: float = 60.0) -> None:
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
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == _ids(cli)
    assert not (tmp_path / "patients.jsonl.resume.json").exists()


def test_export_resumes_after_a_kill_where_it_stopped(
    cli: CliRunner, served: ServedSandbox, tmp_path: Path
) -> None:
    served.sandbox.faults.add("latency", operation_id="list_patients", latency=0.3)
    out = tmp_path / "patients.jsonl"
    checkpoint = tmp_path / "patients.jsonl.resume.json"
    args = ("export", "patients", "-o", str(out), "--page-size", "10", "--no-progress")
    process = cli.popen(*args)
    _wait_for(
        lambda: checkpoint.exists() and json.loads(checkpoint.read_text())["pages"] >= 3,
        "three pages",
    )
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    done_before = json.loads(checkpoint.read_text())
    assert done_before["next_page"] < len(_ids(cli)) // 10  # it really was interrupted
    with out.open("ab") as torn:  # a page being written when the process died
        torn.write(b'{"id": "half a rec')
    served.sandbox.faults.clear()

    ran = cli.run(*args)

    assert ran.code == 0, ran.stderr
    assert f"resuming at page {done_before['next_page']}" in ran.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == _ids(cli)
    assert not checkpoint.exists()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (make pytest installs it)")
def test_progress_bar_draws_in_a_terminal_while_stdout_stays_json_lines(
    cli: CliRunner, served: ServedSandbox, tmp_path: Path
) -> None:
    served.sandbox.faults.add("latency", operation_id="list_patients", latency=0.2)
    out, finished = tmp_path / "out.jsonl", tmp_path / "finished"
    command = " ".join(cli.command("export", "patients", "-o", "-", "--page-size", "5"))
    socket = f"fullscript-cli-{tmp_path.name}"
    tmux = ["tmux", "-L", socket]
    shell = f"{command} > {out}; touch {finished}; sleep 60"
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "export", "-x", "160", "-y", "10", shell],
        env=cli.env,
        check=True,
    )
    try:
        panes: list[str] = []

        def drawn() -> bool:
            pane = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "export"], capture_output=True, text=True
            ).stdout
            panes.append(pane)
            return "records" in pane and "pages" in pane and not finished.exists()

        _wait_for(drawn, "the progress bar")
        _wait_for(finished.exists, "the export to finish")
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)
    bar = next(pane for pane in panes if "records" in pane)
    assert "export patients" in bar and "━" in bar
    records = [json.loads(line) for line in out.read_text().splitlines()]  # every line is JSON
    assert [record["id"] for record in records] == _ids(cli)
