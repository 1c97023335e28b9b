"""``fullscript login``, ``logout`` and ``status``.

Fullscript documents only the authorization-code flow with an exact ``redirect_uri`` match
(no device flow, no PKCE). So ``login`` listens on the loopback port of the app's registered
redirect URI (``http://127.0.0.1:8976/callback``, say), opens the browser on the authorize
page, receives the code there, checks ``state``, and exchanges the code. ``--no-browser``
prints the page's address instead and reads the redirected URL (or the bare code) from stdin.
"""

from __future__ import annotations

import asyncio
import html
import http.server
import secrets
import sys
import threading
import webbrowser
from typing import Any
from urllib.parse import parse_qs, urlsplit

import click

from fullscript import Region

from .exit_codes import AuthNeededError
from .output import format_option, resolve_format, write_value
from .profiles import Profile
from .session import CLIENT_SECRET_ENV, CliContext, client_for

__all__ = ["login", "logout", "status"]

_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
DEFAULT_LOGIN_TIMEOUT = 300.0


class LoginError(AuthNeededError):
    """The authorization did not complete (denied, wrong state, timed out)."""


def _pass_context() -> CliContext:
    context = click.get_current_context().find_object(CliContext)
    assert context is not None
    return context


def _code_from_query(query: dict[str, list[str]], state: str) -> str:
    if "error" in query:
        raise LoginError(f"the authorization was refused: {query['error'][0]}")
    if query.get("state", [None])[0] != state:
        raise LoginError("the redirect's state does not match this login (CSRF check failed)")
    code = query.get("code", [""])[0]
    if not code:
        raise LoginError("the redirect carried no code")
    return code


class _CallbackServer(http.server.HTTPServer):
    path: str
    query: dict[str, list[str]] | None = None
    arrived: threading.Event


class _CallbackHandler(http.server.BaseHTTPRequestHandler):
    server: _CallbackServer

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != self.server.path:
            self.send_error(404)
            return
        self.server.query = parse_qs(parts.query)
        page = "<p>Fullscript login received. You can close this window.</p>"
        if "error" in self.server.query:
            page = f"<p>Login refused: {html.escape(self.server.query['error'][0])}</p>"
        body = page.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.arrived.set()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the query holds the code: keep it out of the terminal


def loopback_code(authorize_url: str, redirect_uri: str, state: str, timeout: float) -> str:
    """Listen on the redirect URI's loopback port, open the browser, return the code."""
    parts = urlsplit(redirect_uri)
    if parts.scheme != "http" or parts.hostname not in _LOOPBACK_HOSTS or parts.port is None:
        raise click.UsageError(
            f"the redirect URI {redirect_uri} is not a loopback address with a port "
            "(http://127.0.0.1:<port>/...): register one with the app, or use --no-browser"
        )
    host = parts.hostname.strip("[]") if parts.hostname else "127.0.0.1"
    try:
        server = _CallbackServer((host, parts.port), _CallbackHandler)
    except OSError as error:
        raise LoginError(
            f"cannot listen on {host}:{parts.port} for the redirect ({error.strerror}): is "
            "another login running? Or use --no-browser"
        ) from None
    server.path = parts.path or "/"
    server.arrived = threading.Event()
    worker = threading.Thread(target=server.serve_forever, daemon=True)
    worker.start()
    try:
        click.echo(f"Opening {authorize_url} in your browser ...", err=True)
        if not webbrowser.open(authorize_url):
            click.echo("Could not open a browser: open the address above yourself.", err=True)
        if not server.arrived.wait(timeout):
            raise LoginError(f"no redirect arrived within {timeout:g} s")
    finally:
        server.shutdown()
        server.server_close()
    assert server.query is not None
    return _code_from_query(server.query, state)


def pasted_code(authorize_url: str, state: str) -> str:
    """Print the authorize page's address; read the redirected URL or the code from stdin."""
    click.echo(
        f"Open this address in a browser and approve the app:\n\n  {authorize_url}\n", err=True
    )
    click.echo("Then paste the address you were redirected to (or just the code):", err=True)
    line = sys.stdin.readline().strip()
    if not line:
        raise LoginError("nothing was pasted")
    if "?" in line or "code=" in line:
        return _code_from_query(parse_qs(urlsplit(line).query or line), state)
    return line


def _region_key(region: str, environment: str | None) -> str:
    if environment is None:
        return Region.from_key(region).key
    return Region.of(region, environment).key


@click.command()
@click.option(
    "--client-id", envvar="FULLSCRIPT_CLIENT_ID", required=True, help="The app's client id."
)
@click.option(
    "--redirect-uri",
    envvar="FULLSCRIPT_REDIRECT_URI",
    required=True,
    help="The app's registered redirect URI (loopback, with a port, for the browser flow).",
)
@click.option(
    "--region", default="us", show_default=True, help="Region key: us, ca, us-snd, ca-snd."
)
@click.option("--environment", type=click.Choice(["production", "sandbox"]), default=None)
@click.option("--base-url", default=None, help="Another host serving the region (a local sandbox).")
@click.option(
    "--grant", default="default", show_default=True, help="Grant id to store the pair as."
)
@click.option("--no-browser", is_flag=True, help="Print the address; paste the redirect back.")
@click.option("--timeout", type=float, default=DEFAULT_LOGIN_TIMEOUT, show_default=True)
def login(
    client_id: str,
    redirect_uri: str,
    region: str,
    environment: str | None,
    base_url: str | None,
    grant: str,
    no_browser: bool,
    timeout: float,
) -> None:
    """Log in: authorize the app in the browser and store the token pair for the profile.

    The client secret is read from FULLSCRIPT_CLIENT_SECRET or the keyring, or asked for
    (hidden) and stored in the keyring; it is never a command-line argument.
    """
    context = _pass_context()
    try:
        key = _region_key(region, environment)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--region") from None
    profile = Profile(
        name=context.profile_name,
        client_id=client_id,
        redirect_uri=redirect_uri,
        region=key,
        base_url=base_url,
        grant=grant,
    )
    if not context.client_secret(profile):
        secret = click.prompt(
            f"Client secret (or set {CLIENT_SECRET_ENV})", hide_input=True, err=True
        )
        context.vault.set(profile.secret_name("client_secret"), str(secret))
    asyncio.run(_login(context, profile, no_browser=no_browser, wait_seconds=timeout))
    context.book.save(profile)
    click.echo(
        f"Logged in: profile {profile.name}, region {profile.region}, grant {profile.grant}.",
        err=True,
    )


async def _login(
    context: CliContext, profile: Profile, *, no_browser: bool, wait_seconds: float
) -> None:
    async with client_for(context, profile) as fs:
        state = secrets.token_urlsafe(24)
        url = fs.authorization_url(state)
        if no_browser:
            code = pasted_code(url, state)
        else:
            code = await asyncio.to_thread(
                loopback_code, url, profile.redirect_uri, state, wait_seconds
            )
        await fs.exchange_code(code)


@click.command()
def logout() -> None:
    """Revoke the profile's token pair and forget the profile and its secrets."""
    context = _pass_context()
    profile = context.profile()
    try:
        asyncio.run(_revoke(context, profile))
    except Exception as error:  # still forget locally: the user asked to be logged out
        click.echo(f"warning: could not revoke on the server ({type(error).__name__})", err=True)
    for what in ("token", "client_secret", "webhook_secret"):
        context.vault.delete(profile.secret_name(what))
    context.book.remove(profile.name)
    click.echo(f"Logged out: profile {profile.name}.", err=True)


async def _revoke(context: CliContext, profile: Profile) -> None:
    async with client_for(context, profile) as fs:
        await fs.revoke_token()


@click.command()
@format_option
def status(output_format: str | None) -> None:
    """Who is logged in where (never a token)."""
    context = _pass_context()
    rows = []
    for profile in context.book.all():
        token = asyncio.run(_stored_token(context, profile))
        rows.append(
            {
                "profile": profile.name,
                "region": profile.region,
                "base_url": profile.resolved_region().base_url,
                "client_id": profile.client_id,
                "grant": profile.grant,
                "logged_in": token is not None,
                "expires_at": token.expires_at.isoformat() if token and token.expires_at else None,
                "scope": " ".join(token.scope) if token else None,
                "resource_owner": (
                    f"{token.resource_owner_type} {token.resource_owner_id}"
                    if token and token.resource_owner_id
                    else None
                ),
            }
        )
    write_value(rows, resolve_format(output_format))


async def _stored_token(context: CliContext, profile: Profile) -> Any:
    from .session import token_store_for

    return await token_store_for(profile, context.vault).load(profile.region, profile.grant)
