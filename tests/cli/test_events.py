"""``events tail``, ``webhooks forward`` into the SDK's own webhook router, ``sandbox trigger``."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from cli_support import CliRunner
from fastapi import FastAPI

from fullscript.fastapi import webhook_router
from fullscript.sandbox import ServedSandbox
from fullscript.webhooks import WebhookEvent, WebhookReceiver

WEBHOOK_SECRET = "whsec-cli-forwarding-test"


def _wait_until_watching(process: subprocess.Popen[str]) -> None:
    """The command has taken its first look: what happens from now on is new."""
    assert process.stderr is not None
    while "Waiting for new events" not in (line := process.stderr.readline()):
        assert line, "the command ended before watching"


def _trigger(cli: CliRunner, served: ServedSandbox, name: str) -> dict[str, Any]:
    ran = cli.run(
        "sandbox", "trigger", "create_patient", f"email={name}@example.org",
        f"first_name={name}", "last_name=Tail", "--url", served.url,
    )  # fmt: skip
    assert ran.code == 0, ran.stderr
    event: dict[str, Any] = json.loads(ran.stdout)["event"]
    return event


def test_sandbox_trigger_makes_the_served_sandbox_record_the_event(
    cli: CliRunner, served: ServedSandbox
) -> None:
    event = _trigger(cli, served, "trig")
    assert event["type"] == "patient.created"
    fetched = json.loads(cli.run("events", "retrieve", event["id"]).stdout)
    assert fetched["id"] == event["id"]


def test_events_tail_prints_new_events_as_they_happen(
    cli: CliRunner, served: ServedSandbox
) -> None:
    tail = cli.popen("events", "tail", "--interval", "0.2", "--count", "2")
    _wait_until_watching(tail)
    made = [_trigger(cli, served, f"tail{n}")["id"] for n in range(2)]
    out, errors = tail.communicate(timeout=60)
    assert tail.returncode == 0, errors
    assert [json.loads(line)["id"] for line in out.splitlines()] == made


class _Receiver:
    """The SDK's webhook router on FastAPI, served by uvicorn on a loopback port."""

    def __init__(self, secret: str) -> None:
        self.received: list[WebhookEvent] = []
        receiver = WebhookReceiver(secret)

        @receiver.on("patient.created")
        async def record(event: WebhookEvent) -> None:
            self.received.append(event)

        app = FastAPI()
        app.include_router(webhook_router(receiver, path="/webhooks"))
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/webhooks"
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def __enter__(self) -> _Receiver:
        self._thread.start()
        while not self._server.started:
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()


@pytest.fixture
def receiver() -> Iterator[_Receiver]:
    with _Receiver(WEBHOOK_SECRET) as running:
        yield running


def test_forward_posts_signed_deliveries_the_sdk_router_accepts(
    cli: CliRunner, served: ServedSandbox, receiver: _Receiver
) -> None:
    stored = cli.run("webhooks", "set-secret", stdin=WEBHOOK_SECRET + "\n")
    assert stored.code == 0, stored.stderr
    forward = cli.popen(
        "webhooks", "forward", "--to", receiver.url, "--interval", "0.2", "--count", "2"
    )
    _wait_until_watching(forward)
    made = [_trigger(cli, served, f"fwd{n}")["id"] for n in range(2)]
    out, errors = forward.communicate(timeout=60)
    assert forward.returncode == 0, errors
    assert [json.loads(line)["status"] for line in out.splitlines()] == [200, 200]
    deadline = time.monotonic() + 10
    while len(receiver.received) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [event.id for event in receiver.received] == made  # verified, then handled
    assert WEBHOOK_SECRET not in out + errors


def test_forward_with_another_secret_is_refused_by_the_router(
    cli: CliRunner, served: ServedSandbox, receiver: _Receiver
) -> None:
    wrong = CliRunner(cli.config_dir, {**cli.env, "FULLSCRIPT_WEBHOOK_SECRET": "not-the-secret"})
    process = wrong.popen(
        "webhooks", "forward", "--to", receiver.url, "--interval", "0.2", "--count", "1"
    )
    _wait_until_watching(process)
    _trigger(cli, served, "wrongsecret")
    out, errors = process.communicate(timeout=60)
    assert process.returncode == 0, errors
    assert json.loads(out)["status"] == 400
    assert "answered 400" in errors
    assert receiver.received == []
