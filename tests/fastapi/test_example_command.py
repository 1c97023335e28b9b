"""examples/fastapi_app's settings and command: every environment variable it reads is
documented, and a busy port is reported clearly (sharing state across workers:
test_example_app.py)."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from examples.fastapi_app.__main__ import HOST, main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fastapi_app"


def test_every_environment_variable_the_example_reads_is_documented() -> None:
    read = set(
        re.findall(r"""(?:need|env\.get)\(\s*"([A-Z_]+)\"""", (EXAMPLE / "settings.py").read_text())
    )
    assert {"FULLSCRIPT_API_BASE", "APP_REDIS_URL"} <= read
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", (EXAMPLE / "README.md").read_text(), re.M))
    assert read - documented == set()


@pytest.mark.parametrize("option", ["--app-port", "--sandbox-port"])
def test_a_busy_port_is_named_with_the_option_to_change(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        other = "--sandbox-port" if option == "--app-port" else "--app-port"
        assert main([option, str(port), other, "0", "--tour-only"]) == 2
    error = capsys.readouterr().err
    assert f"port {port}" in error and "already in use" in error
    assert f"{option} 0" in error
    assert "Traceback" not in error
