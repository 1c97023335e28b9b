"""The command in a real terminal (tmux: send the command, capture the pane): tables when stdout
is a terminal, and a progress bar on stderr that never gets into the data on stdout."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_support import CliRunner
from test_export import patient_ids, wait_for

from fullscript.sandbox import ServedSandbox

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (make pytest installs it)"
)


@pytest.fixture
def terminal(cli: CliRunner, tmp_path: Path) -> Iterator[Callable[[str], Callable[[], str]]]:
    """Run a shell line in a fresh 160x12 tmux pane; returns a function capturing the pane."""
    tmux = ["tmux", "-L", f"fullscript-cli-{tmp_path.name}"]

    def start(line: str) -> Callable[[], str]:
        subprocess.run(
            [*tmux, "new-session", "-d", "-s", "cli", "-x", "160", "-y", "12", line],
            env=cli.env,
            check=True,
        )
        return lambda: (
            subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "cli"], capture_output=True, text=True
            ).stdout
        )

    yield start
    subprocess.run([*tmux, "kill-server"], check=False, capture_output=True)


def test_data_on_a_terminal_is_a_table(
    cli: CliRunner, terminal: Callable[[str], Callable[[], str]], tmp_path: Path
) -> None:
    finished = tmp_path / "finished"
    command = " ".join(cli.command("patients", "list", "--page-size", "3"))
    capture = terminal(f"{command}; touch {finished}; sleep 60")
    wait_for(finished.exists, "the command")
    pane = capture()
    first = json.loads(cli.run("patients", "list", "--page-size", "1").stdout)[0]
    assert "email" in pane and first["email"] in pane
    assert "{" not in pane  # not JSON


def test_progress_bar_draws_while_stdout_stays_json_lines(
    cli: CliRunner,
    served: ServedSandbox,
    terminal: Callable[[str], Callable[[], str]],
    tmp_path: Path,
) -> None:
    served.sandbox.faults.add("latency", operation_id="list_patients", latency=0.2)
    out, finished = tmp_path / "out.jsonl", tmp_path / "finished"
    command = " ".join(cli.command("export", "patients", "-o", "-", "--page-size", "5"))
    capture = terminal(f"{command} > {out}; touch {finished}; sleep 60")
    panes: list[str] = []

    def drawing() -> bool:
        panes.append(capture())
        return "records" in panes[-1] and "pages" in panes[-1] and not finished.exists()

    wait_for(drawing, "the progress bar")
    wait_for(finished.exists, "the export to finish")
    bar = next(pane for pane in panes if "records" in pane)
    assert "export patients" in bar and "━" in bar
    records = [json.loads(line) for line in out.read_text().splitlines()]  # every line is JSON
    assert [record["id"] for record in records] == patient_ids(cli)


def test_progress_bar_says_until_when_it_waits_for_quota(
    cli: CliRunner,
    served: ServedSandbox,
    terminal: Callable[[str], Callable[[], str]],
    tmp_path: Path,
) -> None:
    # The third page is answered 429 with Retry-After: the export pauses, then goes on.
    served.sandbox.faults.add(
        "rate_limit", operation_id="list_patients", retry_after=3, skip=2, times=1
    )
    out, finished = tmp_path / "out.jsonl", tmp_path / "finished"
    command = " ".join(cli.command("export", "patients", "-o", str(out), "--page-size", "20"))
    capture = terminal(f"{command}; touch {finished}; sleep 60")
    panes: list[str] = []

    def waiting_shown() -> bool:
        panes.append(capture())
        return "waiting for quota until" in panes[-1] or finished.exists()

    wait_for(waiting_shown, "the wait")
    wait_for(finished.exists, "the export to finish")
    assert any(re.search(r"waiting for quota until \d\d:\d\d:\d\d", pane) for pane in panes)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == patient_ids(cli)
