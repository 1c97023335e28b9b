"""``fullscript sandbox``: serve the embedded sandbox, and make a served one emit events.

``serve`` takes exactly the options of ``fullscript-sandbox`` (it runs that command).
``trigger ACTION`` asks a served sandbox to perform a clinic-side action (``create_patient``,
``place_order``, ...: the sandbox's ``/_sandbox/config`` lists them), which records the event
and sends its webhook; the answer (the event and the deliveries) is printed as JSON.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click
import httpx2

from .output import write_value

__all__ = ["sandbox"]

DEFAULT_SANDBOX_URL = "http://127.0.0.1:8765"


@click.group(invoke_without_command=True)
@click.pass_context
def sandbox(ctx: click.Context) -> None:
    """The embedded sandbox (a fake Fullscript API on your machine)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


@sandbox.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.pass_context
def serve(ctx: click.Context) -> None:
    """Serve the sandbox (the options of fullscript-sandbox; --help lists them)."""
    try:
        from fullscript.sandbox.__main__ import main as serve_main
    except ImportError as error:
        raise click.ClickException(
            f"{error}: the sandbox needs the [sandbox] extra: pip install 'fullscript[sandbox]'"
        ) from None
    sys.exit(serve_main(list(ctx.args)))


def _fields(pairs: tuple[str, ...]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for pair in pairs:
        name, separator, raw = pair.partition("=")
        if not separator or not name:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="FIELDS")
        try:
            fields[name] = json.loads(raw)
        except ValueError:
            fields[name] = raw
    return fields


@sandbox.command()
@click.argument("action")
@click.argument("fields", nargs=-1)
@click.option("--url", default=DEFAULT_SANDBOX_URL, show_default=True, help="The served sandbox.")
@click.option("--region", default="us", show_default=True)
def trigger(action: str, fields: tuple[str, ...], url: str, region: str) -> None:
    """Make a served sandbox perform ACTION and send its webhook.

    FIELDS are NAME=VALUE pairs (values read as JSON when they parse), for example
    `fullscript sandbox trigger update_patient patient_id=pat_1 first_name=Ada`.
    """
    endpoint = f"{url.rstrip('/')}/_sandbox/{region}/clinic/{action}"
    try:
        response = httpx2.post(endpoint, json=_fields(fields), timeout=30.0)
    except httpx2.HTTPError as error:
        raise click.ClickException(
            f"no sandbox answered at {url} ({type(error).__name__})"
        ) from None
    answer = response.json() if response.content else {}
    if response.status_code >= 400:
        raise click.ClickException(f"the sandbox refused {action}: {answer.get('error', answer)}")
    write_value(answer, "json")
