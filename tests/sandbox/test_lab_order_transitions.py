"""Lab orders move through their statuses by hand, at once, or on a schedule of sandbox time;
each step is read back through the SDK and delivered as a signed ``lab_order.updated``."""

from __future__ import annotations

import pytest

from fullscript import Fullscript
from fullscript.pytest_plugin.virtual_time import SandboxTime
from fullscript.pytest_plugin.webhooks import WebhookCapture
from fullscript.sandbox import Sandbox
from fullscript.sandbox.errors import ValidationFailed
from fullscript.sandbox.state.records import LAB_STATUSES


def fresh_lab_order(sandbox: Sandbox) -> str:
    """A lab order at the first status."""
    return next(
        str(order["id"])
        for order in sandbox.records("us", "lab_orders")
        if order["status"] == LAB_STATUSES[0]
    )


async def status_read(client: Fullscript, lab_order_id: str) -> str:
    return str((await client.labs.retrieve_order(lab_order_id)).status)


async def test_a_step_by_hand_moves_one_status_and_emits_its_webhook(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox, fullscript_webhooks: WebhookCapture
) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    event = fullscript_sandbox.transitions.step(lab_order_id)
    assert event is not None and event["type"] == "lab_order.updated"
    assert await status_read(fullscript_client, lab_order_id) == LAB_STATUSES[1]
    [delivery] = await fullscript_webhooks.deliver()
    assert delivery.event["data"]["lab_order"]["status"] == LAB_STATUSES[1]


async def test_a_lab_order_at_its_last_status_does_not_step(fullscript_sandbox: Sandbox) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    fullscript_sandbox.transitions.run(lab_order_id)
    assert fullscript_sandbox.transitions.step(lab_order_id) is None


async def test_run_walks_every_status_at_once_with_one_event_each(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox, fullscript_webhooks: WebhookCapture
) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    events = fullscript_sandbox.transitions.run(lab_order_id, to="results_ready")
    walked = [event["data"]["lab_order"]["status"] for event in events]
    assert walked == list(LAB_STATUSES[1 : LAB_STATUSES.index("results_ready") + 1])
    assert await status_read(fullscript_client, lab_order_id) == "results_ready"
    delivered = [
        d.event["data"]["lab_order"]["status"] for d in await fullscript_webhooks.deliver()
    ]
    assert delivered == walked


async def test_a_schedule_moves_one_status_per_period_of_sandbox_time(
    fullscript_client: Fullscript, fullscript_sandbox: Sandbox, fullscript_time: SandboxTime
) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    fullscript_sandbox.transitions.schedule(lab_order_id, every=3600, to="processing")
    assert await status_read(fullscript_client, lab_order_id) == LAB_STATUSES[0]
    fullscript_time.advance(3600)
    assert await status_read(fullscript_client, lab_order_id) == LAB_STATUSES[1]
    fullscript_time.advance(2 * 3600)
    assert await status_read(fullscript_client, lab_order_id) == LAB_STATUSES[3]
    fullscript_time.advance(24 * 3600)
    assert await status_read(fullscript_client, lab_order_id) == "processing"
    assert fullscript_sandbox.transitions.schedules == []


async def test_scheduled_steps_are_delivered_once_due(
    fullscript_sandbox: Sandbox, fullscript_time: SandboxTime, fullscript_webhooks: WebhookCapture
) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    fullscript_sandbox.transitions.schedule(lab_order_id, every=60, to=LAB_STATUSES[2])
    assert await fullscript_webhooks.deliver() == []
    fullscript_time.advance(120)
    assert len(await fullscript_webhooks.deliver()) == 2


def test_bad_transition_settings_are_named(fullscript_sandbox: Sandbox) -> None:
    lab_order_id = fresh_lab_order(fullscript_sandbox)
    with pytest.raises(ValidationFailed, match="to"):
        fullscript_sandbox.transitions.run(lab_order_id, to="shipped")
    with pytest.raises(ValidationFailed, match="every"):
        fullscript_sandbox.transitions.schedule(lab_order_id, every=0)
    with pytest.raises(ValidationFailed, match="not found"):
        fullscript_sandbox.transitions.step("no-such-lab-order")
