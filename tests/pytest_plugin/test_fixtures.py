"""The plugin's fixtures as a user's test sees them (this suite loads the plugin through its
``pytest11`` entry point, exactly as a user's does)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import httpx2
import pytest
from support.doc_test_files import passed, run_pytest

from fullscript import Fullscript
from fullscript.pytest_plugin.grants import GrantFactory
from fullscript.pytest_plugin.options import FullscriptMarkerError
from fullscript.pytest_plugin.virtual_time import SandboxTime
from fullscript.pytest_plugin.webhooks import WebhookCapture
from fullscript.sandbox import Sandbox, ServedSandbox


async def test_the_client_is_authorized_on_the_tests_sandbox(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    patients = await fullscript_client.patients.list().to_list()
    assert len(patients) == len(fullscript_sandbox.records("us", "patients")) == 350


@pytest.mark.fullscript(seed=7, patients=12)
async def test_the_marker_sets_seed_and_size(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    assert fullscript_sandbox.settings.seed == 7
    assert len(await fullscript_client.patients.list().to_list()) == 12


@pytest.mark.fullscript(region="ca", patients=3)
async def test_the_marker_sets_the_clients_region(fullscript_client: Fullscript) -> None:
    assert fullscript_client.region.key == "ca"
    assert len(await fullscript_client.patients.list().to_list()) == 3


@pytest.mark.fullscript(patients=4)
class TestMarkersNest:
    @pytest.mark.fullscript(seed=3)
    async def test_the_closest_marker_wins_per_setting(self, fullscript_sandbox: Sandbox) -> None:
        assert fullscript_sandbox.settings.seed == 3
        assert fullscript_sandbox.settings.patients == 4


@pytest.mark.fullscript(colour="blue")
def test_an_unknown_marker_setting_is_named(request: pytest.FixtureRequest) -> None:
    with pytest.raises(FullscriptMarkerError, match="does not know colour; it takes seed"):
        request.getfixturevalue("fullscript_sandbox")


@pytest.mark.fullscript(faults=["no_such_preset"])
def test_an_unknown_fault_preset_is_named(request: pytest.FixtureRequest) -> None:
    with pytest.raises(ValueError, match="unknown fault preset 'no_such_preset'; use one of"):
        request.getfixturevalue("fullscript_sandbox")


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_a_fresh_sandbox(fullscript_sandbox: Sandbox, run: int) -> None:
    # The second run sees nothing the first one created.
    fullscript_sandbox.clinic("us").create_patient(
        first_name="Only", last_name="Here", email="only.here@example.com"
    )
    assert [p["first_name"] for p in fullscript_sandbox.records("us", "patients")].count(
        "Only"
    ) == 1


async def test_the_client_is_closed_after_the_test(fullscript_client: Fullscript) -> None:
    # Teardown closes it; a test that closes it itself is fine too.
    await fullscript_client.aclose()
    assert fullscript_client.is_closed


async def test_grants_are_more_clinics_with_their_own_tokens(
    fullscript_grants: GrantFactory, fullscript_client: Fullscript
) -> None:
    tenant = await fullscript_grants.add("tenant-42")
    assert await fullscript_client.grants() == ["default", "tenant-42"]
    assert tenant.grant_id == "tenant-42"
    assert (await tenant.patients.list().to_list())[0].id


@pytest.mark.fullscript(patients=2)
async def test_grants_reach_other_regions(fullscript_grants: GrantFactory) -> None:
    canada = await fullscript_grants.region("ca")
    tenant = await fullscript_grants.add("tenant-ca", region="ca")
    assert canada.region.key == tenant.region.key == "ca"
    assert len(await tenant.patients.list().to_list()) == 2


async def test_the_served_sandbox_shares_state_over_loopback(
    fullscript_served: ServedSandbox, fullscript_sandbox: Sandbox
) -> None:
    assert fullscript_served.host == "127.0.0.1"
    fullscript_sandbox.clinic("us").create_patient(
        first_name="Served", last_name="Patient", email="served@example.com"
    )
    token = fullscript_sandbox.issue_token("us")
    async with httpx2.AsyncClient(base_url=fullscript_served.base_url("us")) as http:
        answer = await http.get(
            "/api/clinic/search/patients",
            params={"query": "Served"},
            headers={"Authorization": token.authorization},
        )
    assert answer.status_code == 200
    assert [p["first_name"] for p in answer.json()["patients"]] == ["Served"]


async def test_virtual_time_expires_tokens_and_the_client_refreshes(
    fullscript_time: SandboxTime, fullscript_client: Fullscript, fullscript_sandbox: Sandbox
) -> None:
    started = fullscript_sandbox.now()
    await fullscript_client.patients.list().to_list()
    assert fullscript_sandbox.now() == started  # frozen: nothing moves it but the test
    fullscript_time.advance(2 * 3600 + 1)
    assert fullscript_sandbox.now() == started + 7201
    await fullscript_client.patients.list().to_list()  # 401 expired: refreshed and replayed
    assert fullscript_sandbox.traffic_stats().app("sandbox-client-id").refreshes == 1


@pytest.mark.fullscript(rate_limit="3/60")
async def test_virtual_time_rolls_the_rate_limit_window(
    fullscript_time: SandboxTime, fullscript_sandbox: Sandbox
) -> None:
    token = fullscript_sandbox.issue_token("us")
    async with fullscript_sandbox.client("us", token=token) as http:
        statuses = [(await http.get("/api/clinic/patients")).status_code for _ in range(4)]
        fullscript_time.advance(60)
        after = (await http.get("/api/clinic/patients")).status_code
    assert statuses == [200, 200, 200, 429]
    assert after == 200


async def test_webhooks_are_captured_signed(
    fullscript_webhooks: WebhookCapture, fullscript_sandbox: Sandbox
) -> None:
    from fullscript.webhooks import SIGNATURE_HEADER, verify_signature

    patient = fullscript_sandbox.records("us", "patients")[0]
    fullscript_sandbox.clinic("us").update_patient(patient["id"], last_name="Lindqvist")
    [delivery] = await fullscript_webhooks.deliver()
    assert delivery.event_type == "patient.updated"
    assert delivery.event["data"]["patient"]["last_name"] == "Lindqvist"
    verify_signature(
        delivery.body,
        delivery.headers[SIGNATURE_HEADER.lower()],
        fullscript_webhooks.secret,
        now=fullscript_sandbox.now(),
    )
    assert (
        "secret" not in repr(fullscript_webhooks) and "x-fullscript" not in repr(delivery).lower()
    )


async def test_webhooks_reach_the_users_asgi_app(
    fullscript_webhooks: WebhookCapture, fullscript_sandbox: Sandbox
) -> None:
    received: list[dict[str, Any]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        received.append({"path": scope["path"], "body": message["body"]})
        await send({"type": "http.response.start", "status": 202, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    fullscript_webhooks.forward_to(app, path="/hooks")
    fullscript_sandbox.clinic("us").activate_clinic_key()
    [delivery] = await fullscript_webhooks.deliver()
    assert [r["path"] for r in received] == ["/hooks"]
    assert delivery.status == 202
    assert delivery.event_type == "clinic_key.activated"


COMMAND_LINE_DEFAULTS = """
import pytest


def test_defaults_from_the_command_line(fullscript_sandbox, fullscript_options):
    assert fullscript_sandbox.settings.seed == 3
    assert fullscript_sandbox.settings.patients == 5
    assert fullscript_options.region == "ca"
    assert [rule.kind for rule in fullscript_sandbox.faults.rules] == ["error"]


@pytest.mark.fullscript(patients=2, faults=[])
def test_the_marker_overrides_them(fullscript_sandbox):
    assert fullscript_sandbox.settings.patients == 2
    assert fullscript_sandbox.faults.rules == []
"""


def test_command_line_options_set_the_defaults(tmp_path: Path) -> None:
    result = run_pytest(
        sys.executable,
        tmp_path,
        {"test_defaults.py": COMMAND_LINE_DEFAULTS},
        "--fullscript-seed=3",
        "--fullscript-patients=5",
        "--fullscript-region=ca",
        "--fullscript-faults=server_errors",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed(result) == 2
