"""``fullscript login`` through a real loopback redirect, ``--no-browser``, ``status``, ``logout``."""

from __future__ import annotations

import json
import socket
import stat
import subprocess
from pathlib import Path

import httpx2
from cli_support import CliRunner, Ran
from conftest import login_args, new_runner

from fullscript.sandbox import ServedSandbox


def _stored(runner: CliRunner) -> dict[str, str]:
    data: dict[str, str] = json.loads((runner.config_dir / "credentials.json").read_text())
    return data


def test_login_receives_the_code_on_the_loopback_port_and_stores_the_pair(
    first_login: tuple[CliRunner, Ran],
) -> None:
    runner, ran = first_login
    assert ran.code == 0, ran.stderr
    assert "Logged in: profile default, region us" in ran.stderr
    token = json.loads(_stored(runner)["default/token/us/default"])
    assert token["access_token"] and token["refresh_token"]
    assert ran.stdout == ""  # nothing but data ever goes to stdout


def test_without_a_keyring_secrets_go_to_a_0600_file_with_a_warning(
    first_login: tuple[CliRunner, Ran],
) -> None:
    runner, ran = first_login
    mode = stat.S_IMODE((runner.config_dir / "credentials.json").stat().st_mode)
    assert mode == 0o600
    assert "warning: no usable keyring" in ran.stderr


def test_status_says_who_is_logged_in_where_and_never_shows_a_token(cli: CliRunner) -> None:
    ran = cli.run("status", "--format", "json")
    assert ran.code == 0, ran.stderr
    (row,) = json.loads(ran.stdout)
    assert row["profile"] == "default" and row["logged_in"] is True
    assert row["resource_owner"].startswith("Practitioner ")
    token = json.loads(_stored(cli)["default/token/us/default"])
    for secret in (token["access_token"], token["refresh_token"]):
        assert secret not in ran.stdout + ran.stderr


def test_a_redirect_with_another_state_is_refused(
    served: ServedSandbox, redirect_uri: str, browser: Path, tmp_path: Path
) -> None:
    runner = new_runner(tmp_path, browser)
    forged = {"BROWSER": runner.env["BROWSER"].replace("%s", "%s forged-state")}
    ran = runner.run(*login_args(served, redirect_uri), extra_env=forged)
    assert ran.code == 3
    assert "state does not match" in ran.stderr
    assert not (tmp_path / "profiles.json").exists()


def test_no_browser_prints_the_address_and_reads_the_pasted_redirect(
    served: ServedSandbox, redirect_uri: str, browser: Path, tmp_path: Path
) -> None:
    runner = new_runner(tmp_path, browser)
    process = runner.popen(*login_args(served, redirect_uri, "--no-browser"), stdin=subprocess.PIPE)
    assert process.stderr is not None and process.stdin is not None
    address = ""
    while not address:
        line = process.stderr.readline()
        assert line, "login ended before printing the authorize address"
        if "/oauth/authorize?" in line:
            address = line.strip()
    redirected = httpx2.get(address, follow_redirects=False).headers["location"]
    _, errors = process.communicate(redirected + "\n", timeout=60)
    assert process.returncode == 0, errors
    assert json.loads(runner.run("status", "--format", "json").stdout)[0]["logged_in"] is True


def test_logout_revokes_the_pair_and_forgets_the_profile(
    served: ServedSandbox, redirect_uri: str, browser: Path, tmp_path: Path
) -> None:
    runner = new_runner(tmp_path, browser)
    assert runner.run(*login_args(served, redirect_uri)).code == 0
    access = json.loads(_stored(runner)["default/token/us/default"])["access_token"]
    ran = runner.run("logout")
    assert ran.code == 0, ran.stderr
    refused = httpx2.get(
        f"{served.base_url('us')}/api/clinic", headers={"Authorization": f"Bearer {access}"}
    )
    assert refused.status_code == 401
    assert json.loads(runner.run("status", "--format", "json").stdout) == []
    assert runner.run("clinic", "retrieve").code == 3


def test_a_busy_redirect_port_is_a_clear_error(
    served: ServedSandbox, browser: Path, tmp_path: Path
) -> None:
    runner = new_runner(tmp_path, browser)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = runner.run(*login_args(served, f"http://127.0.0.1:{port}/callback"))
    assert ran.code == 3
    assert f"cannot listen on 127.0.0.1:{port}" in ran.stderr
