"""Every ``fullscript`` command line in README.md and docs/cli.md parses: the docs name real
commands, arguments and options (the examples need a Fullscript account to run)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from fullscript.cli.app import cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "README.md", ROOT / "docs" / "cli.md")


def command_lines() -> list[str]:
    found = []
    for doc in DOCS:
        for block in re.findall(r"```sh\n(.*?)```", doc.read_text(), flags=re.DOTALL):
            for line in block.splitlines():
                code = line.split("  #", 1)[0]
                for part in re.split(r"\||\$\(", code):
                    part = part.strip().rstrip(')"').strip()
                    if part.startswith("fullscript ") and "fullscript[" not in part:
                        found.append(part.split(">", 1)[0].strip())
    return found


def parse(line: str) -> None:
    args = shlex.split(line)[1:]
    context = cli.make_context("fullscript", args)
    command: click.Command = cli
    while isinstance(command, click.Group):
        remaining = [*context._protected_args, *context.args]
        if not remaining:
            return
        _, found, rest = command.resolve_command(context, remaining)
        assert found is not None, line
        command = found
        context = command.make_context(found.name, rest, parent=context)


def test_the_docs_show_commands() -> None:
    assert len(command_lines()) >= 20


@pytest.mark.parametrize("line", command_lines())
def test_a_documented_command_line_parses(line: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        parse(line)
    except click.exceptions.Exit as done:  # --help
        assert done.exit_code == 0
