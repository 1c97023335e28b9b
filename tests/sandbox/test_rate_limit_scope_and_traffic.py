"""Rate-limit scope (per app or per grant) and the traffic counters, in Python and over HTTP."""

from __future__ import annotations

import httpx2
import pytest

from fullscript.sandbox import IssuedToken, QuotaCounters, Sandbox
from fullscript.sandbox.__main__ import build_parser

from .conftest import FakeTime


def refresh_body(sandbox: Sandbox, token: IssuedToken) -> dict[str, str]:
    return {
        "grant_type": "refresh_token",
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
        "refresh_token": token.refresh_token,
    }


async def get_clinic(sandbox: Sandbox, token: IssuedToken, times: int = 1) -> list[int]:
    async with sandbox.client("us", token=token) as http:
        return [(await http.get("/api/clinic")).status_code for _ in range(times)]


async def test_per_app_counts_requests_429s_and_the_busiest_window(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="3/60")
    first, second = sandbox.issue_token("us"), sandbox.issue_token("us")
    assert await get_clinic(sandbox, first, 2) == [200, 200]
    assert await get_clinic(sandbox, second, 2) == [200, 429]  # one quota for the app
    fake_time.value += 60
    assert await get_clinic(sandbox, first, 1) == [200]

    traffic = sandbox.traffic_stats()
    app = traffic.app(sandbox.settings.client_id)
    # Arrivals are counted, refused ones too: that is what a client overrunning looks like.
    assert app == QuotaCounters(requests=5, rate_limited=1, refreshes=0, max_in_window=4)
    assert len(traffic.grants) == 2
    assert sorted(counters.requests for counters in traffic.grants.values()) == [2, 3]
    assert traffic.window == 60.0


async def test_per_grant_scope_gives_every_grant_its_own_quota(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="2/60", rate_limit_scope="grant")
    first, second = sandbox.issue_token("us"), sandbox.issue_token("us")
    assert await get_clinic(sandbox, first, 3) == [200, 200, 429]
    assert await get_clinic(sandbox, second, 2) == [200, 200]
    assert sandbox.traffic_stats().app(sandbox.settings.client_id).rate_limited == 1


async def test_a_refresh_stays_in_its_grant_and_is_counted(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="3/60", rate_limit_scope="grant")
    token = sandbox.issue_token("us")
    other = sandbox.issue_token("us")
    async with sandbox.client("us") as http:
        answer = await http.post("/api/oauth/token", json=refresh_body(sandbox, token))
        assert answer.status_code == 200
        refused = await http.post(
            "/api/oauth/token", json=refresh_body(sandbox, other) | {"refresh_token": "nope"}
        )
        assert refused.status_code == 400
        oauth = answer.json()["oauth"]
        headers = {"Authorization": f"Bearer {oauth['access_token']}"}
        # The refreshed token shares its grant's quota: 1 refresh + 2 calls = 3, then 429.
        statuses = [(await http.get("/api/clinic", headers=headers)).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert await get_clinic(sandbox, other, 1) == [200]

    traffic = sandbox.traffic_stats()
    refreshed = [counters for counters in traffic.grants.values() if counters.refreshes]
    assert refreshed == [QuotaCounters(requests=4, rate_limited=1, refreshes=1, max_in_window=4)]
    assert traffic.app(sandbox.settings.client_id).refreshes == 1
    # The refused refresh (unknown token) counts for the app, not for a grant.
    assert traffic.app(sandbox.settings.client_id).requests == 6


async def test_switching_the_scope_forgets_the_history(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="1/60")
    first, second = sandbox.issue_token("us"), sandbox.issue_token("us")
    assert await get_clinic(sandbox, first) == [200]
    assert await get_clinic(sandbox, second) == [429]
    sandbox.set_rate_limit_scope("grant")
    assert await get_clinic(sandbox, first) == [200]
    assert await get_clinic(sandbox, second) == [200]
    with pytest.raises(ValueError, match="rate limit scope must be one of app, grant"):
        sandbox.set_rate_limit_scope("token-ish")


def test_an_unknown_scope_is_refused_when_the_sandbox_is_made() -> None:
    with pytest.raises(ValueError, match="rate limit scope must be one of app, grant, not 'ip'"):
        Sandbox(rate_limit_scope="ip")


async def test_reset_forgets_the_counters(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time)
    await get_clinic(sandbox, sandbox.issue_token("us"))
    sandbox.reset()
    assert sandbox.traffic_stats().apps == {}


async def test_counters_and_scope_over_http(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="2/30")
    token = sandbox.issue_token("us")
    await get_clinic(sandbox, token, 3)
    async with httpx2.AsyncClient(
        transport=sandbox.transport(), base_url="http://sandbox.local/_sandbox"
    ) as control:
        traffic = (await control.get("/traffic")).json()
        assert traffic["window"] == 30.0
        assert traffic["apps"][sandbox.settings.client_id] == {
            "requests": 3,
            "rate_limited": 1,
            "refreshes": 0,
            "max_in_window": 3,
        }
        assert [grant["requests"] for grant in traffic["grants"].values()] == [3]
        assert (await control.get("/config")).json()["rate_limit"]["scope"] == "app"
        changed = await control.put("/rate-limit/scope", json={"scope": "grant"})
        assert changed.json() == {"scope": "grant"}
        assert (await control.get("/config")).json()["rate_limit"]["scope"] == "grant"
        bad = await control.put("/rate-limit/scope", json={"scope": 7})
        assert bad.status_code == 422
        assert "must be one of app, grant" in bad.text


def test_cli_flag_sets_the_scope() -> None:
    assert build_parser().parse_args(["--rate-limit-scope", "grant"]).rate_limit_scope == "grant"
    assert build_parser().parse_args([]).rate_limit_scope == "app"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--rate-limit-scope", "ip"])
