"""``fullscript events tail`` and ``fullscript webhooks forward``: new events as they happen.

Both poll the event lists with the SDK's `reconcile` (every category, merged oldest first,
each event once thanks to a seen store), then sleep and poll again. ``tail`` prints each event
as a JSON line; ``forward`` turns each into a webhook delivery signed with the profile's
webhook secret, exactly as Fullscript would send it (``{"event": {...}}`` with a
``Fullscript-Signature`` header), and posts it to a local receiver: a developer can test their
endpoint against their real sandbox account.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sys
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import click
import httpx2

from fullscript import Fullscript
from fullscript.webhooks import (
    EVENT_LISTS,
    SIGNATURE_HEADER,
    InMemorySeenStore,
    WebhookEvent,
    reconcile,
    sign_payload,
)

from .exit_codes import AuthNeededError
from .session import WEBHOOK_SECRET_ENV, CliContext, client_for

__all__ = ["Polling", "forward", "set_secret", "tail"]

DEFAULT_INTERVAL = 5.0
# Events up to this much older than the newest seen are asked for again: an event created
# while a page was read may carry a slightly earlier timestamp. The seen store drops repeats.
_OVERLAP = timedelta(seconds=60)


@attrs.frozen
class Polling:
    """What ``tail`` and ``forward`` poll for: their shared ``--since``, ``--interval``,
    ``--category`` and ``--count`` options."""

    since: datetime | None
    interval: float
    categories: tuple[str, ...]
    count: int | None

    async def new_events(self, fs: Fullscript) -> AsyncIterator[WebhookEvent]:
        """Every event from ``since`` on, polling every ``interval`` seconds, each once, until
        ``count`` events (if set).

        Without ``since``, only events that appear after the first poll: what the first poll
        finds (the last moments before the command started) is marked seen, not yielded.
        """
        seen = InMemorySeenStore()
        wanted = self.categories or tuple(EVENT_LISTS)
        quiet = self.since is None
        start = self.since if self.since is not None else datetime.now(UTC) - _OVERLAP
        start = start if start.tzinfo is not None else start.replace(tzinfo=UTC)
        yielded = 0
        while True:
            async for event in reconcile(fs, start, seen=seen, categories=wanted):
                if event.created_at is not None:
                    start = max(start, event.created_at - _OVERLAP)
                if not quiet:
                    yield event
                    yielded += 1
                    if self.count is not None and yielded >= self.count:
                        return
            if quiet:
                click.echo("Waiting for new events (Ctrl-C to stop) ...", err=True)
            quiet = False
            await asyncio.sleep(self.interval)


def _context() -> CliContext:
    context = click.get_current_context().find_object(CliContext)
    assert context is not None
    return context


def _polling_options(command: Callable[..., None]) -> Callable[..., None]:
    """Adds the `Polling` options to ``command``, which receives them as ``polling``."""

    @functools.wraps(command)
    def with_polling(
        since: datetime | None,
        interval: float,
        categories: tuple[str, ...],
        count: int | None,
        **arguments: Any,
    ) -> None:
        command(polling=Polling(since, interval, categories, count), **arguments)

    options = [
        click.option(
            "--since",
            type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]),
            default=None,
            help="Start from events created at this time (UTC; default: new events only).",
        ),
        click.option("--interval", type=float, default=DEFAULT_INTERVAL, show_default=True),
        click.option(
            "--category",
            "categories",
            multiple=True,
            type=click.Choice(list(EVENT_LISTS)),
            help="Only these event lists (repeatable; default: all).",
        ),
        click.option(
            "--count", type=click.IntRange(min=1), default=None, help="Stop after N events."
        ),
    ]
    for option in reversed(options):
        with_polling = option(with_polling)
    return with_polling


@click.command()
@_polling_options
def tail(polling: Polling) -> None:
    """Print new events as they happen, one JSON line each (Ctrl-C to stop)."""
    asyncio.run(_tail(_context(), polling))


async def _tail(context: CliContext, polling: Polling) -> None:
    async with client_for(context) as fs:
        async for event in polling.new_events(fs):
            click.echo(json.dumps(dict(event.payload), ensure_ascii=False))


@click.command()
@click.option(
    "--to", "url", required=True, help="Your receiver, e.g. http://127.0.0.1:8000/webhooks"
)
@_polling_options
def forward(url: str, polling: Polling) -> None:
    """Post new events to a local endpoint as signed webhook deliveries.

    Signed with the webhook secret from FULLSCRIPT_WEBHOOK_SECRET or the keyring
    (`fullscript webhooks set-secret`). One JSON line per delivery on stdout.
    """
    context = _context()
    profile = context.profile()
    secret = context.webhook_secret(profile)
    if not secret:
        raise AuthNeededError(
            f"no webhook secret: set {WEBHOOK_SECRET_ENV} or run `fullscript webhooks set-secret`"
        )
    asyncio.run(_forward(context, secret, url, polling))


async def _forward(context: CliContext, secret: str, url: str, polling: Polling) -> None:
    async with client_for(context) as fs, httpx2.AsyncClient(timeout=30.0) as http:
        async for event in polling.new_events(fs):
            body = json.dumps({"event": dict(event.payload)}, separators=(",", ":")).encode()
            headers = {
                "Content-Type": "application/json",
                "User-Agent": "fullscript-cli webhooks forward",
                SIGNATURE_HEADER: sign_payload(secret, body, int(time.time())),
            }
            status: int | None = None
            try:
                response = await http.post(url, content=body, headers=headers)
                status = response.status_code
            except httpx2.HTTPError as error:
                click.echo(f"warning: {event.id} not delivered ({type(error).__name__})", err=True)
            else:
                if not 200 <= status < 300:
                    click.echo(f"warning: {url} answered {status} to {event.id}", err=True)
            click.echo(json.dumps({"event_id": event.id, "type": event.type, "status": status}))


@click.command("set-secret")
def set_secret() -> None:
    """Store the webhook signing secret in the keyring (read hidden, or from stdin)."""
    context = _context()
    profile = context.profile()
    secret = (
        click.prompt("Webhook secret", hide_input=True, err=True)
        if sys.stdin.isatty()
        else sys.stdin.readline().strip()
    )
    if not secret:
        raise click.UsageError("no secret given")
    context.vault.set(profile.secret_name("webhook_secret"), str(secret))
    click.echo("Webhook secret stored.", err=True)
