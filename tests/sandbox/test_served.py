"""The sandbox served on 127.0.0.1, used by a plain httpx client that knows only the docs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from fullscript.sandbox import Sandbox, ServedSandbox, serve

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


def _token_call(http: httpx.Client, base: str, **grant: str) -> httpx.Response:
    body = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **grant}
    return http.post(f"{base}/api/oauth/token", json=body)


def _dance(http: httpx.Client, base: str) -> dict[str, str]:
    """Authorize in the 'browser', then exchange the code, as the docs describe."""
    authorize = http.get(
        f"{base}/oauth/authorize",
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
    with httpx.Client(timeout=10) as http:
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
    sandbox = Sandbox(rate_limit="4/120")
    with serve(sandbox) as running, httpx.Client(timeout=10) as http:
        base = running.base_url("us")
        oauth = _dance_default(http, base, sandbox)  # the token call counts too
        statuses = [http.get(f"{base}/api/clinic", headers=_auth(oauth)) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert 0 < int(statuses[-1].headers["retry-after"]) <= 120


def _dance_default(http: httpx.Client, base: str, sandbox: Sandbox) -> dict[str, str]:
    code = sandbox.authorization_code("us")
    body = {
        "grant_type": "authorization_code",
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
        "code": code,
        "redirect_uri": sandbox.settings.redirect_uri,
    }
    oauth: dict[str, str] = http.post(f"{base}/api/oauth/token", json=body).json()["oauth"]
    return oauth


def test_a_dropped_connection_closes_the_socket(served: ServedSandbox) -> None:
    sandbox = served.sandbox
    token = sandbox.issue_token("us")
    sandbox.faults.drop(operation_id="retrieve_clinic", times=1)
    with httpx.Client(timeout=10) as http:
        with pytest.raises(httpx.RemoteProtocolError):
            http.get(
                f"{served.base_url('us')}/api/clinic",
                headers={"Authorization": token.authorization},
            )
        after = http.get(
            f"{served.base_url('us')}/api/clinic", headers={"Authorization": token.authorization}
        )
    assert after.status_code == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_python_m_fullscript_sandbox_serves_until_terminated() -> None:
    port = _free_port()
    command = [
        sys.executable, "-m", "fullscript.sandbox", "--host", "127.0.0.1", "--port", str(port),
        "--client-secret", "user-chosen-secret", "--rate-limit", "3/60", "--seed", "3",
        "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        health = None
        while time.monotonic() < deadline:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/_sandbox/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health is not None and health.status_code == 200
        root = f"http://127.0.0.1:{port}"
        config = httpx.get(f"{root}/_sandbox/config", timeout=5).json()
        assert config["rate_limit"] == {"limit": 3, "window": 60.0} and config["seed"] == 3
        oauth = httpx.post(f"{root}/_sandbox/ca/tokens", timeout=5).json()["oauth"]
        statuses = [
            httpx.get(f"{root}/ca/api/clinic", headers=_auth(oauth), timeout=5) for _ in range(4)
        ]
        assert [r.status_code for r in statuses] == [200, 200, 200, 429]
        assert 0 < int(statuses[-1].headers["retry-after"]) <= 60
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=15)
    assert "client_id      sandbox-client-id" in output
    assert "user-chosen-secret" not in output  # a secret the user chose is masked
    assert f"http://127.0.0.1:{port}/us/api" in output
