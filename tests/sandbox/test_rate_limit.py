"""A rolling-window limit per app answers 429 with Retry-After."""

from __future__ import annotations

from fullscript.sandbox import Sandbox

from .conftest import FakeTime, SpecChecker


async def test_exceeding_the_limit_answers_429_with_retry_after(
    fake_time: FakeTime, checker: SpecChecker
) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="3/60")
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        for _ in range(3):
            assert (await http.get("/api/clinic")).status_code == 200
            fake_time.value += 10
        limited = await http.get("/api/clinic")
    assert limited.status_code == 429
    # The first request was 30 s ago, so a slot frees in 30 s.
    assert limited.headers["retry-after"] == "30"
    checker.check("retrieve_clinic", limited)


async def test_the_window_rolls_so_waiting_retry_after_is_enough(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit=(2, 60))
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        await http.get("/api/clinic")
        await http.get("/api/clinic")
        limited = await http.get("/api/clinic")
        fake_time.value += int(limited.headers["retry-after"])
        assert (await http.get("/api/clinic")).status_code == 200


async def test_refused_requests_do_not_use_up_the_budget(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="1/60")
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        await http.get("/api/clinic")
        for _ in range(5):
            assert (await http.get("/api/clinic")).status_code == 429
        fake_time.value += 60
        assert (await http.get("/api/clinic")).status_code == 200


async def test_token_calls_count_against_the_app(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="2/300")
    token = sandbox.issue_token("us")
    body = {
        "grant_type": "refresh_token",
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
        "refresh_token": token.refresh_token,
    }
    async with sandbox.client("us") as http:
        assert (await http.post("/api/oauth/token", json=body)).status_code == 200
        assert (
            await http.get("/api/clinic", headers={"Authorization": token.authorization})
        ).status_code == 200
        assert (await http.post("/api/oauth/token", json=body)).status_code == 429


async def test_each_app_has_its_own_budget_shared_across_regions(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, rate_limit="2/300")
    sandbox.register_app(
        client_id="other-app", client_secret="other-secret", redirect_uri="http://x/cb"
    )
    mine_us, mine_ca = sandbox.issue_token("us"), sandbox.issue_token("ca")
    other = sandbox.issue_token("us", client_id="other-app")
    async with sandbox.client("us", token=mine_us) as us, sandbox.client("ca", token=mine_ca) as ca:
        assert (await us.get("/api/clinic")).status_code == 200
        assert (await ca.get("/api/clinic")).status_code == 200
        assert (await ca.get("/api/clinic")).status_code == 429
    async with sandbox.client("us", token=other) as http:
        assert (await http.get("/api/clinic")).status_code == 200


async def test_the_default_limit_is_5000_per_five_minutes(sandbox: Sandbox) -> None:
    assert (sandbox.limiter.limit, sandbox.limiter.window) == (5000, 300.0)


async def test_the_default_budget_lets_exactly_5000_requests_through(
    sandbox: Sandbox, fake_time: FakeTime, checker: SpecChecker
) -> None:
    # 4999 requests of this app already counted at this instant (cheaper than sending them).
    for _ in range(4999):
        assert sandbox.limiter.acquire(sandbox.settings.client_id) is None
    async with sandbox.client("ca", token=sandbox.issue_token("ca")) as http:
        five_thousandth = await http.get("/api/clinic")
        refused = await http.get("/api/clinic")
        fake_time.value += 299
        still_refused = await http.get("/api/clinic")
        fake_time.value += 1
        after_the_window = await http.get("/api/clinic")
    assert five_thousandth.status_code == 200
    assert refused.status_code == 429 and refused.headers["retry-after"] == "300"
    assert refused.headers["x-request-id"]
    checker.check("retrieve_clinic", refused)
    assert still_refused.status_code == 429 and still_refused.headers["retry-after"] == "1"
    assert after_the_window.status_code == 200
