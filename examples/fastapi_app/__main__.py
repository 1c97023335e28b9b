"""Run the example against the embedded sandbox: ``python -m examples.fastapi_app``.

Serves a sandbox (two clinics: US and Canada) and the app on loopback, takes a short tour -
connect both clinics, stream and create patients, make clinic-side changes that Fullscript
delivers as signed webhooks - then keeps serving until Ctrl-C (``--tour-only`` stops after
the tour).
"""

from __future__ import annotations

import argparse
import logging
import secrets
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx2
import uvicorn

from fullscript.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Sandbox, serve

from .app import create_app
from .settings import Settings

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def busy_port(port: int) -> bool:
    """Whether ``port`` on loopback is taken (0, "any free port", never is)."""
    if port == 0:
        return False
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def settings_for(app_url: str, sandbox_url: str, directory: Path, **extra: object) -> Settings:
    """The app's settings for a sandbox served at ``sandbox_url``."""
    return Settings(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=f"{app_url}/oauth/callback",
        clinics={"clinic-a": "us", "clinic-b": "ca"},
        webhook_secrets=("example-webhook-secret",),
        webhook_challenge="example-challenge",
        state_secret=secrets.token_urlsafe(32),
        token_file=str(directory / "tokens.db"),
        event_log=str(directory / "handled-events.jsonl"),
        api_base=f"{sandbox_url}/{{region}}",
        **extra,  # type: ignore[arg-type]
    )


def tour(app_url: str, sandbox_url: str) -> None:
    """What a user does, as HTTP calls (the same as the README's curl lines)."""
    with httpx2.Client(base_url=app_url, timeout=30, follow_redirects=True) as http:
        for clinic in ("clinic-a", "clinic-b"):
            # connect -> the sandbox's authorize page (auto-approves) -> our callback.
            answer = http.get("/oauth/connect", params={"clinic": clinic})
            print(f"connect {clinic}: {answer.status_code} {answer.json()}")
        lines = http.get("/clinics/clinic-a/patients").text.splitlines()
        print(f"clinic-a patients streamed: {len(lines)}")
        body = {"email": f"demo.{secrets.token_hex(3)}@example.org", "first_name": "Demo"}
        created = http.post("/clinics/clinic-b/patients", json={**body, "last_name": "Person"})
        print(f"created in clinic-b: {created.status_code} id={created.json().get('id')}")
        first_id = http.get("/clinics/clinic-a/patients").text.splitlines()[0]
        patient_id = httpx2.Response(200, content=first_id).json()["id"]
        # Act as the clinic in Fullscript's UI: each change is delivered as a webhook at once.
        for name in ("Webhooked", "Twice"):
            httpx2.post(
                f"{sandbox_url}/_sandbox/us/clinic/update_patient",
                json={"patient_id": patient_id, "last_name": name},
                timeout=30,
            )
        deadline = time.monotonic() + 10
        handled = http.get("/events/handled").json()
        while len(handled) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)  # handlers run just after the webhook answer
            handled = http.get("/events/handled").json()
        for event in handled:
            print(f"handled {event['type']} {event['id']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m examples.fastapi_app")
    parser.add_argument(
        "--app-port", type=int, default=8000, help="the app's port (default 8000; 0: a free one)"
    )
    parser.add_argument(
        "--sandbox-port",
        type=int,
        default=8765,
        help="the sandbox's port (default 8765; 0: a free one)",
    )
    parser.add_argument("--tour-only", action="store_true", help="stop after the tour")
    args = parser.parse_args(argv)
    for option, port in (("--app-port", args.app_port), ("--sandbox-port", args.sandbox_port)):
        if busy_port(port):
            print(
                f"port {port} on {HOST} is already in use (another copy of this example?): "
                f"pass {option} with a free port, or {option} 0 to pick one, e.g. "
                f"make example-fastapi ARGS='{option} 0'",
                file=sys.stderr,
            )
            return 2
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx2").setLevel(logging.WARNING)  # one line per request is too much
    app_port = args.app_port or free_port()
    app_url = f"http://{HOST}:{app_port}"
    with tempfile.TemporaryDirectory(prefix="fullscript-example-") as directory:
        settings = settings_for(app_url, "", Path(directory))
        sandbox = Sandbox(
            redirect_uri=settings.redirect_uri,
            webhook_url=f"{app_url}/webhooks/fullscript",
            webhook_secret=settings.webhook_secrets[0],
            webhook_challenge=settings.webhook_challenge,
        )
        with serve(sandbox, HOST, args.sandbox_port) as served:
            settings = settings_for(app_url, served.url, Path(directory))
            config = uvicorn.Config(
                create_app(settings), host=HOST, port=app_port, log_level="warning"
            )
            server = uvicorn.Server(config)
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            while not server.started:
                if not thread.is_alive():
                    print("the app did not start", file=sys.stderr)
                    return 1
                time.sleep(0.05)
            print(f"sandbox: {served.url}   app: {app_url}   (docs at {app_url}/docs)")
            try:
                tour(app_url, served.url)
                if not args.tour_only:
                    print(
                        f"serving; try: curl {app_url}/clinics/clinic-a/patients | head -3\n"
                        "Ctrl-C to stop"
                    )
                    while thread.is_alive():
                        thread.join(0.5)
            except KeyboardInterrupt:
                pass
            finally:
                server.should_exit = True
                thread.join(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
