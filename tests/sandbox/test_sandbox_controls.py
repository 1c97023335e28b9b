"""The sandbox lists rate_limit rules as the 429 they answer, and can put its clock back."""

from __future__ import annotations

import httpx2

from fullscript.sandbox import Sandbox


def test_a_rate_limit_rule_is_listed_with_status_429(sandbox: Sandbox) -> None:
    rule = sandbox.faults.rate_limit(retry_after=2, times=1)
    assert rule.to_dict()["status"] == 429


async def test_the_listing_over_http_says_429(sandbox: Sandbox) -> None:
    async with httpx2.AsyncClient(
        transport=sandbox.transport(), base_url="http://sandbox.local"
    ) as http:
        added = await http.post("/_sandbox/faults", json={"kind": "rate_limit", "times": 1})
        assert added.status_code in (200, 201), added.text
        listed = (await http.get("/_sandbox/faults")).json()["faults"]
    assert [rule["status"] for rule in listed] == [429]


async def test_the_clock_can_be_reset_in_python_and_over_http(sandbox: Sandbox) -> None:
    start = sandbox.now()
    sandbox.advance_time(3 * 3600)
    sandbox.reset_time()
    assert sandbox.now() - start < 60
    sandbox.advance_time(7200)
    async with httpx2.AsyncClient(
        transport=sandbox.transport(), base_url="http://sandbox.local"
    ) as http:
        answer = await http.post("/_sandbox/time/reset")
    assert answer.status_code == 200
    assert answer.json()["now"] - start < 60
    assert sandbox.now() - start < 60
