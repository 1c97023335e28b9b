"""``python -m fullscript.sandbox`` (or ``fullscript-sandbox``): serve a sandbox on a socket."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .operations import ALL_SCOPES, REGIONS, check_scopes
from .sandbox import Sandbox
from .serving import import_uvicorn, served_app
from .settings import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_PATIENTS,
    DEFAULT_RATE_LIMIT,
    DEFAULT_REDIRECT_URI,
    DEFAULT_TOKEN_TTL,
    DEFAULT_WEBHOOK_SECRET,
    RATE_LIMIT_SCOPES,
    parse_rate_limit,
)

__all__ = ["build_parser", "main"]


def _mask(secret: str, default: str) -> str:
    """Show the sandbox's own fake defaults, but never a secret the user chose."""
    if secret == default:
        return secret
    return f"{secret[:2]}{'*' * 8}" if len(secret) > 6 else "********"


def _scopes(value: str) -> tuple[str, ...]:
    try:
        return check_scopes(part for part in value.replace(",", " ").split() if part)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def _rate_limit(value: str) -> tuple[int, float]:
    try:
        return parse_rate_limit(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fullscript-sandbox",
        description="Serve a stateful fake Fullscript API for local development and tests.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to bind (default 8765)")
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID, help="OAuth app client_id")
    parser.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET, help="OAuth app secret")
    parser.add_argument("--redirect-uri", default=DEFAULT_REDIRECT_URI, help="registered redirect")
    parser.add_argument(
        "--scopes",
        type=_scopes,
        default=ALL_SCOPES,
        help="the app's scopes, comma or space separated (default: all 7)",
    )
    parser.add_argument(
        "--rate-limit",
        type=_rate_limit,
        default=DEFAULT_RATE_LIMIT,
        metavar="N/SECONDS",
        help="requests per rolling window per app (default 5000/300)",
    )
    parser.add_argument(
        "--rate-limit-scope",
        choices=RATE_LIMIT_SCOPES,
        default="app",
        help="count the rate limit per app (default) or per grant (a token and its refreshes)",
    )
    parser.add_argument(
        "--token-ttl",
        type=_at_least_one,
        default=DEFAULT_TOKEN_TTL,
        help="access token lifetime, seconds",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the generated data")
    parser.add_argument(
        "--patients", type=_at_least_one, default=DEFAULT_PATIENTS, help="patients per region"
    )
    parser.add_argument("--webhook-url", default=None, help="where to POST webhook deliveries")
    parser.add_argument("--webhook-secret", default=DEFAULT_WEBHOOK_SECRET, help="signing key")
    parser.add_argument(
        "--lax-parameters",
        action="store_true",
        help="ignore undeclared query parameters and body members instead of answering 422",
    )
    parser.add_argument(
        "--fill-declared-fields",
        action="store_true",
        help="produce declared fields the sandbox does not know (their example, else null)",
    )
    parser.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sandbox = Sandbox(
        client_id=args.client_id,
        client_secret=args.client_secret,
        redirect_uri=args.redirect_uri,
        scopes=args.scopes,
        rate_limit=args.rate_limit,
        rate_limit_scope=args.rate_limit_scope,
        token_ttl=args.token_ttl,
        seed=args.seed,
        patients=args.patients,
        webhook_url=args.webhook_url,
        webhook_secret=args.webhook_secret,
        lax_parameters=args.lax_parameters,
        fill_declared_fields=args.fill_declared_fields,
    )
    root = f"http://{args.host}:{args.port}"
    limit, window = sandbox.settings.rate_limit
    lines = [
        "Fullscript sandbox (fake API; nothing here reaches Fullscript)",
        *(f"  region {region:<7} API {root}/{region}/api   authorize {root}/{region}/api/oauth/authorize"
          for region in REGIONS),
        f"  client_id      {args.client_id}",
        f"  client_secret  {_mask(args.client_secret, DEFAULT_CLIENT_SECRET)}",
        f"  redirect_uri   {args.redirect_uri}",
        f"  scopes         {' '.join(args.scopes)}",
        f"  rate limit     {limit} requests / {window:g} s;  token ttl {args.token_ttl} s;  seed {args.seed}",
        f"  counted per    {args.rate_limit_scope} (--rate-limit-scope app|grant)",
        f"  webhooks       {args.webhook_url or '(none)'}  secret "
        f"{_mask(args.webhook_secret, DEFAULT_WEBHOOK_SECRET)}",
        f"  control        {root}/_sandbox/health, /_sandbox/config, /_sandbox/traffic",
    ]  # fmt: skip
    print("\n".join(lines), flush=True)
    import_uvicorn().run(
        served_app(sandbox.app), host=args.host, port=args.port, log_level=args.log_level
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
