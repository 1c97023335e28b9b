"""The sandbox served on 127.0.0.1, used by a plain httpx2 client that knows only the docs."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
import uvicorn

import fullscript.sandbox.__main__ as sandbox_cli
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    DEFAULT_WEBHOOK_CHALLENGE,
    Sandbox,
    ServedSandbox,
    serve,
)

CLIENT_ID = "my-app"
CLIENT_SECRET = "my-app-secret-value"
REDIRECT_URI = "https://my-app.example/oauth/callback"


@pytest.fixture(scope="module")
def served() -> Iterator[ServedSandbox]:
    sandbox = Sandbox(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, redirect_uri=REDIRECT_URI, seed=11
    )
    with serve(sandbox) as running:
        yield running


def _token_call(http: httpx2.Client, base: str, **grant: str) -> httpx2.Response:
    body = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **grant}
    return http.post(f"{base}/api/oauth/token", json=body)


def _dance(http: httpx2.Client, base: str) -> dict[str, str]:
    """Authorize in the 'browser', then exchange the code, as the docs describe."""
    authorize = http.get(
        f"{base}/api/oauth/authorize",
        params={"client_id": CLIENT_ID, "redirect_uri": REDIRECT_URI, "response_type": "code",
                "state": "s1"},
    )  # fmt: skip
    assert authorize.status_code == 302
    query = parse_qs(urlsplit(authorize.headers["location"]).query)
    assert query["state"] == ["s1"]
    response = _token_call(
        http,
        base,
        grant_type="authorization_code",
        code=query["code"][0],
        redirect_uri=REDIRECT_URI,
    )
    assert response.status_code == 200
    oauth: dict[str, str] = response.json()["oauth"]
    return oauth


def _auth(oauth: dict[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {oauth['access_token']}"}


def test_the_whole_documented_flow_over_a_socket(served: ServedSandbox) -> None:
    base = served.base_url("us-snd")
    with httpx2.Client(timeout=10) as http:
        oauth = _dance(http, base)
        headers = _auth(oauth)

        # Walk every page of patients: no duplicates, no gaps.
        seen: list[str] = []
        page: int | None = 1
        total = None
        while page is not None:
            body = http.get(
                f"{base}/api/clinic/patients",
                params={"page[number]": page, "page[size]": 100},
                headers=headers,
            ).json()
            seen.extend(patient["id"] for patient in body["patients"])
            total = body["meta"]["total_count"]
            page = body["meta"]["next_page"]
        assert len(seen) == len(set(seen)) == total == 350

        created = http.post(
            f"{base}/api/clinic/patients",
            json={"email": "served@example.com", "first_name": "Ser", "last_name": "Ved"},
            headers=headers,
        )
        assert created.status_code == 201 and created.headers["x-request-id"]
        patient_id = created.json()["patient"]["id"]
        updated = http.patch(
            f"{base}/api/clinic/patients/{patient_id}", json={"last_name": "Vd"}, headers=headers
        )
        assert updated.status_code == 200
        read = http.get(f"{base}/api/clinic/patients/{patient_id}", headers=headers)
        assert read.json()["patient"]["last_name"] == "Vd"

        # The token belongs to its region.
        other = http.get(f"{served.base_url('ca')}/api/clinic", headers=headers)
        assert other.status_code == 401

        # Refresh rotates; the old pair dies once the new access token is used.
        rotated = _token_call(
            http, base, grant_type="refresh_token", refresh_token=oauth["refresh_token"]
        ).json()["oauth"]
        assert rotated["refresh_token"] != oauth["refresh_token"]
        # Until the new access token is used, the old refresh token still works (a lost answer
        # can be retried)...
        retried = _token_call(
            http, base, grant_type="refresh_token", refresh_token=oauth["refresh_token"]
        )
        assert retried.status_code == 200
        # ...and once it is used, the old pair is dead.
        assert http.get(f"{base}/api/clinic", headers=_auth(rotated)).status_code == 200
        stale = _token_call(
            http, base, grant_type="refresh_token", refresh_token=oauth["refresh_token"]
        )
        assert stale.status_code == 400
        assert http.get(f"{base}/api/clinic", headers=headers).status_code == 401

        # Revoke kills the access token and its refresh token.
        revoked = http.post(
            f"{base}/api/oauth/revoke",
            json={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                  "token": rotated["access_token"]},
        )  # fmt: skip
        assert revoked.status_code == 200 and revoked.json() == {}
        assert http.get(f"{base}/api/clinic", headers=_auth(rotated)).status_code == 401
        dead = _token_call(
            http, base, grant_type="refresh_token", refresh_token=rotated["refresh_token"]
        )
        assert dead.status_code == 400


def test_a_small_rate_limit_answers_429_with_retry_after() -> None:
    sandbox = Sandbox(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        redirect_uri=REDIRECT_URI,
        rate_limit="4/120",
    )
    with serve(sandbox) as running, httpx2.Client(timeout=10) as http:
        base = running.base_url("us")
        oauth = _dance(http, base)  # the token call counts too
        statuses = [http.get(f"{base}/api/clinic", headers=_auth(oauth)) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert 0 < int(statuses[-1].headers["retry-after"]) <= 120


def test_every_fault_kind_is_seen_by_a_plain_httpx_client(served: ServedSandbox) -> None:
    root = served.url
    sandbox = served.sandbox
    headers = {"Authorization": sandbox.issue_token("us").authorization}
    clinic = f"{served.base_url('us')}/api/clinic"

    def add(**fault: object) -> None:
        assert http.post(f"{root}/_sandbox/faults", json=fault).status_code == 201

    with httpx2.Client(timeout=10, headers=headers) as http:
        try:
            add(kind="error", status=502, path="/api/clinic", times=1)  # one route
            failed = http.get(clinic)
            assert failed.status_code == 502 and failed.headers["x-request-id"]
            assert http.get(f"{clinic}/staff").status_code == 200

            add(kind="rate_limit", retry_after=3, times=2)  # global: any route
            burst = [http.get(f"{clinic}/staff"), http.get(clinic), http.get(clinic)]
            assert [r.status_code for r in burst] == [429, 429, 200]
            assert all(r.headers["retry-after"] == "3" and r.headers["x-request-id"]
                       for r in burst[:2])  # fmt: skip

            add(kind="malformed", operation_id="retrieve_clinic", times=1)
            malformed = http.get(clinic)
            assert malformed.status_code == 200 and malformed.headers["x-request-id"]
            with pytest.raises(ValueError):
                malformed.json()

            add(kind="drop", operation_id="retrieve_clinic", times=1)
            with pytest.raises(httpx2.RemoteProtocolError):
                http.get(clinic)

            add(kind="latency", latency=2.0, operation_id="retrieve_clinic", times=1)
            with pytest.raises(httpx2.ReadTimeout):
                http.get(clinic, timeout=0.2)

            listed = http.get(f"{root}/_sandbox/faults").json()["faults"]
            assert [fault["fired"] for fault in listed] == [1, 2, 1, 1, 1]
        finally:
            http.delete(f"{root}/_sandbox/faults")
        assert http.get(clinic).status_code == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(root: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx2.get(f"{root}/_sandbox/health", timeout=1).status_code == 200:
                return
        except httpx2.TransportError:
            time.sleep(0.1)
    raise AssertionError("the sandbox did not come up")


class _WebhookReceiver(http.server.BaseHTTPRequestHandler):
    """A bare webhook endpoint on a socket: records what arrives, echoes the challenge."""

    received: ClassVar[list[tuple[bytes, str]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((body, self.headers["Fullscript-Signature"]))
        answer = json.dumps({"challenge": DEFAULT_WEBHOOK_CHALLENGE}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def webhook_receiver() -> Iterator[str]:
    _WebhookReceiver.received.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _WebhookReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks"
    finally:
        server.shutdown()
        server.server_close()


def test_python_m_fullscript_sandbox_honours_every_flag(webhook_receiver: str) -> None:
    port = _free_port()
    cli_id, cli_secret, cli_redirect = "cli-app", "user-chosen-secret", "https://cli.example/cb"
    webhook_secret = "user-webhook-secret"
    command = [
        sys.executable, "-m", "fullscript.sandbox", "--host", "127.0.0.1", "--port", str(port),
        "--client-id", cli_id, "--client-secret", cli_secret, "--redirect-uri", cli_redirect,
        "--rate-limit", "4/60", "--token-ttl", "90", "--seed", "3", "--log-level", "warning",
        "--webhook-url", webhook_receiver, "--webhook-secret", webhook_secret,
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        root = f"http://127.0.0.1:{port}"
        _wait_until_up(root)
        base = f"{root}/ca"
        with httpx2.Client(timeout=5) as http:
            authorize = {"client_id": cli_id, "redirect_uri": cli_redirect,
                         "response_type": "code", "state": "cli"}  # fmt: skip
            # --client-id and --redirect-uri: only the registered pair is accepted.
            wrong_uri = http.get(
                f"{base}/api/oauth/authorize",
                params={**authorize, "redirect_uri": "https://x.example/cb"},
            )
            default_app = http.get(f"{base}/api/oauth/authorize",
                                   params={**authorize, "client_id": "sandbox-client-id"})  # fmt: skip
            assert (wrong_uri.status_code, default_app.status_code) == (404, 404)
            location = http.get(f"{base}/api/oauth/authorize", params=authorize).headers["location"]
            assert location.startswith(cli_redirect + "?")
            code = parse_qs(urlsplit(location).query)["code"][0]
            # --client-secret: the exchange authenticates with it. (1st request of the window)
            token = http.post(
                f"{base}/api/oauth/token",
                json={"grant_type": "authorization_code", "client_id": cli_id,
                      "client_secret": cli_secret, "code": code, "redirect_uri": cli_redirect},
            )  # fmt: skip
            oauth = token.json()["oauth"]
            assert oauth["expires_in"] == 90  # --token-ttl
            # --seed: the same data as an in-process sandbox with that seed. (2nd request)
            first = http.get(
                f"{base}/api/clinic/patients", params={"page[size]": 1}, headers=_auth(oauth)
            ).json()["patients"][0]
            expected = Sandbox(seed=3).records("ca", "patients")[0]
            assert (first["id"], first["email"]) == (expected["id"], expected["email"])
            # --rate-limit 4/60: two more pass, the fifth request of the window is refused.
            statuses = [http.get(f"{base}/api/clinic", headers=_auth(oauth)) for _ in range(3)]
        assert [r.status_code for r in statuses] == [200, 200, 429]
        assert 0 < int(statuses[-1].headers["retry-after"]) <= 60
        # --webhook-url/--webhook-secret: a clinic-side change is POSTed there, signed.
        action = httpx2.post(
            f"{root}/_sandbox/ca/clinic/update_patient",
            json={"patient_id": first["id"], "last_name": "Hooked"},
            timeout=5,
        ).json()
        assert action["webhook_deliveries"][0]["successfully_delivered"] is True
        ((body, signature),) = _WebhookReceiver.received
        assert json.loads(body)["event"]["id"] == action["event"]["id"]
        stamp, v1 = (part.split("=", 1)[1] for part in signature.split(","))
        message = stamp.encode() + b"." + body
        assert v1 == hmac.new(webhook_secret.encode(), message, hashlib.sha256).hexdigest()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=15)
    assert f"client_id      {cli_id}" in output and cli_redirect in output
    assert "4 requests / 60 s" in output and "token ttl 90 s" in output and "seed 3" in output
    assert cli_secret not in output and webhook_secret not in output  # chosen secrets masked
    assert webhook_receiver in output
    assert f"http://127.0.0.1:{port}/us/api" in output


def test_the_cli_prints_its_defaults_and_masks_chosen_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    served: list[tuple[str, int]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, log_level: served.append((host, port))
    )
    assert sandbox_cli.main([]) == 0
    defaults = capsys.readouterr().out
    for line in (
        f"client_id      {DEFAULT_CLIENT_ID}",
        f"client_secret  {DEFAULT_CLIENT_SECRET}",
        f"redirect_uri   {DEFAULT_REDIRECT_URI}",
        "rate limit     5000 requests / 300 s;  token ttl 7200 s;  seed 0",
        "http://127.0.0.1:8765/us-snd/api",
    ):
        assert line in defaults
    assert served == [("127.0.0.1", 8765)]
    sandbox_cli.main(["--client-secret", "hunter2-secret", "--webhook-secret", "whsec-mine"])
    chosen = capsys.readouterr().out
    assert "hunter2-secret" not in chosen and "whsec-mine" not in chosen


def test_every_cli_flag_reaches_the_sandbox_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[Sandbox] = []

    class Recorded(Sandbox):
        def __init__(self, **settings: Any) -> None:
            super().__init__(**settings)
            built.append(self)

    monkeypatch.setattr(sandbox_cli, "Sandbox", Recorded)
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, log_level: None)
    sandbox_cli.main([
        "--client-id", "cid", "--client-secret", "csecret", "--redirect-uri", "http://r/cb",
        "--scopes", "catalog:read,patients:read", "--rate-limit", "7/30", "--token-ttl", "45",
        "--seed", "9", "--patients", "12", "--webhook-url", "http://hooks/x",
        "--webhook-secret", "wsecret",
    ])  # fmt: skip
    settings = built[0].settings
    assert (settings.client_id, settings.client_secret, settings.redirect_uri) == (
        "cid", "csecret", "http://r/cb",
    )  # fmt: skip
    assert settings.scopes == ("catalog:read", "patients:read")
    assert (settings.rate_limit, settings.token_ttl, settings.seed) == ((7, 30.0), 45, 9)
    assert len(built[0].records("us", "patients")) == 12
    assert (settings.webhook_url, settings.webhook_secret) == ("http://hooks/x", "wsecret")
    with pytest.raises(SystemExit):
        sandbox_cli.main(["--rate-limit", "lots"])
    with pytest.raises(SystemExit):
        sandbox_cli.main(["--scopes", "root:all"])
    for flag in ("--patients", "--token-ttl"):
        for value in ("0", "-3", "many"):
            with pytest.raises(SystemExit):
                sandbox_cli.main([flag, value])


@pytest.mark.parametrize("setting", ["patients", "token_ttl"])
@pytest.mark.parametrize("value", [0, -1])
def test_a_sandbox_needs_at_least_one_patient_and_a_live_token_ttl(
    setting: str, value: Any
) -> None:
    with pytest.raises(ValueError, match=f"{setting} must be a whole number of at least 1"):
        Sandbox(**{setting: value})


def test_the_console_script_runs_the_same_cli() -> None:
    (script,) = entry_points(group="console_scripts", name="fullscript-sandbox")
    assert script.load() is sandbox_cli.main
    help_text = subprocess.run(
        [sys.executable, "-m", "fullscript.sandbox", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for flag in ("--client-id", "--client-secret", "--redirect-uri", "--rate-limit",
                 "--token-ttl", "--seed", "--host", "--port"):  # fmt: skip
        assert flag in help_text


def test_importing_the_sandbox_leaves_the_server_unloaded() -> None:
    # In-process use (every façade test) should not pay for uvicorn; serve() loads it.
    probe = "import sys, fullscript.sandbox; sys.exit('uvicorn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
