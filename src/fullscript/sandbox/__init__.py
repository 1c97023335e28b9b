"""An embedded, stateful fake of the Fullscript API for tests and local development.

Use it in-process through an httpx transport, or serve it with ``python -m fullscript.sandbox``.
See ``docs/sandbox.md`` for a walkthrough.
"""

from ._clinic import CLINIC_ACTIONS, ClinicControl
from ._clock import SandboxClock
from ._faults import FaultInjector, FaultRule
from ._oauth import CODE_TTL, OAuthApp
from ._operations import ALL_SCOPES, OPERATIONS, REGIONS, Operation
from ._responses import ConnectionDropped
from ._sandbox import IssuedToken, Sandbox
from ._serve import ServedSandbox, serve
from ._settings import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    DEFAULT_TOKEN_TTL,
    DEFAULT_WEBHOOK_CHALLENGE,
    DEFAULT_WEBHOOK_SECRET,
    SandboxSettings,
)
from ._transport import SandboxTransport

__all__ = [
    "ALL_SCOPES",
    "CLINIC_ACTIONS",
    "CODE_TTL",
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_REDIRECT_URI",
    "DEFAULT_TOKEN_TTL",
    "DEFAULT_WEBHOOK_CHALLENGE",
    "DEFAULT_WEBHOOK_SECRET",
    "OPERATIONS",
    "REGIONS",
    "ClinicControl",
    "ConnectionDropped",
    "FaultInjector",
    "FaultRule",
    "IssuedToken",
    "OAuthApp",
    "Operation",
    "Sandbox",
    "SandboxClock",
    "SandboxSettings",
    "SandboxTransport",
    "ServedSandbox",
    "serve",
]
