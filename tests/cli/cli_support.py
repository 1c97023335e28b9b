"""Running the ``fullscript`` command as a real subprocess against a sandbox served on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

#: A "browser" for `webbrowser` (via $BROWSER): it opens the authorize page and follows the
#: sandbox's redirect to the CLI's loopback port, as a user's browser would. An optional
#: second argument replaces the state the CLI sent (a forged redirect).
FAKE_BROWSER = """
import sys, httpx2
from urllib.parse import urlsplit, parse_qs, urlencode, urlunsplit
url = sys.argv[1]
if len(sys.argv) > 2:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["state"] = sys.argv[2]
    url = urlunsplit(parts._replace(query=urlencode(query)))
response = httpx2.get(url, follow_redirects=True, timeout=10)
sys.exit(0 if response.status_code == 200 else 1)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@attrs.frozen
class Ran:
    code: int
    stdout: str
    stderr: str


@attrs.define
class CliRunner:
    """Runs ``python -m fullscript.cli`` with its own configuration directory and environment."""

    config_dir: Path
    env: dict[str, str]

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "fullscript.cli", *args]

    def run(
        self, *args: str, stdin: str | None = None, extra_env: Mapping[str, str] | None = None
    ) -> Ran:
        done = subprocess.run(
            self.command(*args),
            input=stdin,
            capture_output=True,
            text=True,
            env={**self.env, **(extra_env or {})},
            timeout=120,
            check=False,
        )
        return Ran(done.returncode, done.stdout, done.stderr)

    def popen(self, *args: str, **options: object) -> subprocess.Popen[str]:
        return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
            self.command(*args),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **options,
        )


def cli_environment(
    config_dir: Path, browser: Path, *, client_secret: str, extra: Sequence[tuple[str, str]] = ()
) -> dict[str, str]:
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("FULLSCRIPT_") and name != "FULLSCRIPT_STRICT_PARSING":
            del env[name]
    env.update(
        {
            "FULLSCRIPT_CONFIG_DIR": str(config_dir),
            # No OS keyring here: the 0600 file fallback (and its warning) is what runs.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "FULLSCRIPT_CLIENT_SECRET": client_secret,
            "BROWSER": f"{sys.executable} {browser} %s",
            "COLUMNS": "200",
        }
    )
    env.update(dict(extra))
    return env
