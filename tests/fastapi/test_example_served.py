"""The example for real: uvicorn with 4 worker processes, a served sandbox delivering signed
webhooks to it (duplicated, out of order, concurrently), dedup in a real redis-server. Every
event is handled exactly once across the workers, by webhook or by startup catch-up.

One uvicorn start (each costs seconds of imports per worker): events made while it was down
are caught up by one of the four workers (a lease in Redis), then live deliveries and the retries of
the missed ones race each other across the workers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2
import pytest
from webhook_support import token_from

from examples.fastapi_app.__main__ import free_port, settings_for
from examples.fastapi_app.app import token_store
from examples.fastapi_app.events import EventLog
from examples.fastapi_app.settings import Settings
from fullscript import Fullscript
from fullscript.sandbox import Sandbox, serve

REPO = Path(__file__).resolve().parents[2]
WORKERS = 4


@contextmanager
def uvicorn_workers(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[str]]:
    """``uvicorn --factory examples.fastapi_app.app:create_app --workers 4``, until every
    worker has finished its startup (catch-up included) and the app answers.

    One healthy answer only proves one worker is up: on a loaded machine the others may still
    be importing while every event is sent, and that one worker handles them all. So this
    waits for each worker's "Application startup complete." line on uvicorn's log.
    """
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "examples.fastapi_app.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS),
        "--log-level", "info", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPO, env={**os.environ, **env}, stderr=subprocess.PIPE, text=True
    )
    started = WorkerStartups(process)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if (
                    started.count() >= WORKERS
                    and httpx2.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
                ):
                    break
            except httpx2.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"uvicorn did not start its {WORKERS} workers ({started.count()} started)"
                )
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        started.join()


class WorkerStartups:
    """Counts the workers that completed their startup, reading uvicorn's log (passed on to
    this process's stderr so that a failure still shows it)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._completed = 0
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._reader.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            sys.stderr.write(line)
            if "Application startup complete." in line:
                with self._lock:
                    self._completed += 1

    def count(self) -> int:
        with self._lock:
            return self._completed

    def join(self) -> None:
        self._reader.join(timeout=10)


def wait_for(log: EventLog, count: int) -> list[dict[str, object]]:
    """The log once it holds ``count`` lines (handlers run just after each answer)."""
    deadline = time.monotonic() + 30
    while len(log.read()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # room for a wrongly handled duplicate to show up before we count
    return log.read()


async def seed_grant(settings: Settings, sandbox: Sandbox, clinic: str) -> None:
    """Store a token for ``clinic`` in the app's token store, as an earlier connect would have."""
    region = settings.region(clinic)
    store = token_store(settings)
    async with Fullscript(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        redirect_uri=settings.redirect_uri,
        region=region,
        token_store=store,
    ) as fs:
        await fs.add_grant(clinic, token_from(sandbox.issue_token(region.key)))
    close = getattr(store, "aclose", None)
    if close is not None:
        await close()


@pytest.mark.slow
async def test_four_workers_handle_every_event_exactly_once(tmp_path: Path, redis_url: str) -> None:
    port = free_port()
    app_url = f"http://127.0.0.1:{port}"
    sandbox = Sandbox(patients=20, redirect_uri=f"{app_url}/oauth/callback")
    with serve(sandbox) as served:
        settings = settings_for(app_url, served.url, tmp_path, redis_url=redis_url)
        sandbox.configure_webhooks(
            url=f"{app_url}/webhooks/fullscript",
            secret=settings.webhook_secrets[0],
            challenge=settings.webhook_challenge,
            duplicates=2,
            out_of_order=True,
            concurrency=8,
            # A connection per delivery, as separate senders make: a kept-alive pool of 8 is
            # accepted by whichever worker wakes first, in one batch, and keeps every
            # delivery there (this test then saw one worker 1 run in 3).
            transport=httpx2.AsyncHTTPTransport(limits=httpx2.Limits(max_keepalive_connections=0)),
        )
        log = EventLog(settings.event_log)
        us, ca = sandbox.clinic("us"), sandbox.clinic("ca")
        us_patients = [p["id"] for p in sandbox.records("us", "patients")]
        ca_patients = [p["id"] for p in sandbox.records("ca", "patients")]

        # The app is down: clinic-a (connected earlier) keeps going; every delivery fails.
        await seed_grant(settings, sandbox, "clinic-a")
        missed = [us.update_patient(p, last_name="Missed")["id"] for p in us_patients[:10]]
        missed += [us.place_order(p)["id"] for p in us_patients[:5]]
        failed = await sandbox.deliver_webhooks()
        assert len(failed) == 3 * len(missed)
        assert not any(d["successfully_delivered"] for d in failed)

        with uvicorn_workers(settings.to_env(), port):
            # The 4 workers start at once; the clinic is caught up once, through one Redis.
            caught_up = wait_for(log, len(missed))
            assert Counter(line["id"] for line in caught_up) == Counter(missed)
            # by one of them: the clinic's catch-up lease is in Redis, shared by the four
            assert len({line["pid"] for line in caught_up}) == 1

            # clinic-b connects now (connect and callback may hit different workers).
            async with httpx2.AsyncClient(timeout=30, follow_redirects=True) as browser:
                connected = await browser.get(f"{app_url}/oauth/connect?clinic=clinic-b")
            assert connected.json() == {"connected": "clinic-b"}

            # Live events of both clinics: 3 copies each, out of order, 8 at a time.
            live = [us.update_patient(p, last_name="Live")["id"] for p in us_patients]
            live += [ca.update_patient(p, last_name="Live")["id"] for p in ca_patients[:10]]
            # Fullscript's retries of the missed deliveries arrive with them: duplicates only.
            sandbox.advance_time(60)
            deliveries = await sandbox.deliver_webhooks()
            assert len(deliveries) == 3 * (len(live) + len(missed))
            assert all(d["successfully_delivered"] for d in deliveries)
            final = wait_for(log, len(missed) + len(live))
    assert Counter(line["id"] for line in final) == Counter(missed + live)
    # More than one worker process took part (the kernel spreads the connections).
    assert len({line["pid"] for line in final}) > 1


@pytest.mark.slow
def test_the_readme_command_runs_the_tour_against_the_served_sandbox() -> None:
    # What `make example-fastapi` runs, on free ports and stopping after the tour.
    command = [sys.executable, "-m", "examples.fastapi_app", "--tour-only"]
    command += ["--app-port", "0", "--sandbox-port", "0"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "connect clinic-a: 200 {'connected': 'clinic-a'}" in out
    assert "connect clinic-b: 200 {'connected': 'clinic-b'}" in out
    assert "clinic-a patients streamed: 350" in out
    assert "created in clinic-b: 201" in out
    assert out.count("handled patient.updated") == 2
    assert "sandbox-client-secret" not in out + done.stderr
