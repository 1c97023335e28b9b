"""An embedded, stateful fake of the Fullscript API for tests and local development.

Use it in-process through an httpx2 transport, or serve it with ``python -m fullscript.sandbox``.
See ``docs/sandbox.md`` for a walkthrough.

Only the names exported here are public; the subpackages are the sandbox's internals:
:mod:`.state` (records, seed data, clock), :mod:`.handlers` (one module per API group),
:mod:`.web` (the Starlette app, control surface and transport), :mod:`.oauth`, :mod:`.faults`,
:mod:`.limits` and :mod:`.webhooks`.
"""

try:
    import starlette  # noqa: F401  # the sandbox's one required extra dependency
except ImportError as error:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "fullscript.sandbox needs the [sandbox] extra (starlette, uvicorn): "
        "pip install 'fullscript[sandbox]'"
    ) from error

from .faults.injector import FaultInjector
from .faults.presets import FAULT_PRESETS
from .faults.rules import FaultRule
from .limits.traffic import QuotaCounters, TrafficSnapshot
from .oauth.apps import OAuthApp
from .oauth.grants import CODE_TTL
from .oauth.issued import IssuedToken
from .operations import ALL_SCOPES, OPERATIONS, REGIONS, Operation
from .sandbox import Sandbox
from .serving import ServedSandbox, serve
from .settings import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    DEFAULT_TOKEN_TTL,
    DEFAULT_WEBHOOK_CHALLENGE,
    DEFAULT_WEBHOOK_SECRET,
    SandboxSettings,
)
from .state.clinic import CLINIC_ACTIONS, ClinicControl
from .state.clock import SandboxClock
from .web.responses import ConnectionDropped
from .web.transport import SandboxTransport

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
    "FAULT_PRESETS",
    "OPERATIONS",
    "REGIONS",
    "ClinicControl",
    "ConnectionDropped",
    "FaultInjector",
    "FaultRule",
    "IssuedToken",
    "OAuthApp",
    "Operation",
    "QuotaCounters",
    "Sandbox",
    "SandboxClock",
    "SandboxSettings",
    "SandboxTransport",
    "ServedSandbox",
    "TrafficSnapshot",
    "serve",
]
