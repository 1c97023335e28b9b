"""Named fault presets: the misbehaviour a test wants, by a name a reader understands.

Each preset is a few of the sandbox's own fault rules (:mod:`.injector`) or webhook delivery
settings (:mod:`..webhooks.delivery`), chosen so that a client with the SDK's default retry
policy survives the transient ones: ``server_errors`` and ``rate_limit_burst`` fire fewer
times than the default two retries, so a call still succeeds after retrying.

    sandbox.use_fault_preset("server_errors")
    sandbox.use_fault_preset("webhooks_duplicated")

``FAULT_PRESETS`` names them all; ``@pytest.mark.fullscript(faults=[...])`` takes these names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .injector import FaultInjector
from .rules import FaultRule

__all__ = ["FAULT_PRESETS", "WEBHOOK_DELAY", "apply_fault_preset"]

_WRITES = ("POST", "PUT", "PATCH", "DELETE")
#: How late ``webhooks_delayed`` deliveries are, in seconds of sandbox time.
WEBHOOK_DELAY = 600.0


class SandboxBackend(Protocol):
    """What a preset changes: the sandbox's fault rules and its webhook delivery."""

    @property
    def faults(self) -> FaultInjector: ...

    def configure_webhooks(
        self,
        *,
        duplicates: int | None = ...,
        out_of_order: bool | None = ...,
        drop_next: int | None = ...,
        delay: float | None = ...,
    ) -> None: ...


def _server_errors(sandbox: SandboxBackend) -> list[FaultRule]:
    # Two 503s: the SDK's default policy (two retries) still gets through.
    return [sandbox.faults.error(503, times=2)]


def _rate_limit_burst(sandbox: SandboxBackend) -> list[FaultRule]:
    return [sandbox.faults.rate_limit(retry_after=1, times=2)]


def _slow_responses(sandbox: SandboxBackend) -> list[FaultRule]:
    # Real seconds: enough to show up in a timeout test, short enough for a suite.
    return [sandbox.faults.latency(0.05)]


def _dropped_connections(sandbox: SandboxBackend) -> list[FaultRule]:
    return [sandbox.faults.drop(times=1)]


def _ambiguous_writes(sandbox: SandboxBackend) -> list[FaultRule]:
    # The write takes effect, the answer is lost: the caller cannot tell which happened.
    return [sandbox.faults.drop_after_apply(method=method, times=1) for method in _WRITES]


def _malformed_responses(sandbox: SandboxBackend) -> list[FaultRule]:
    return [sandbox.faults.malformed(times=1)]


def _token_revoked(sandbox: SandboxBackend) -> list[FaultRule]:
    # The third API call finds its token revoked (the clinic revoked the integration), and the
    # refresh token with it.
    return [sandbox.faults.revoke_token(path="/api/clinic*", skip=2, times=1)]


def _refresh_token_reused(sandbox: SandboxBackend) -> list[FaultRule]:
    return [sandbox.faults.reuse_refresh_token(times=1)]


def _drift(kind: str) -> Callable[[SandboxBackend], list[FaultRule]]:
    def apply(sandbox: SandboxBackend) -> list[FaultRule]:
        return [sandbox.faults.drift(kind)]

    return apply


def _webhooks_duplicated(sandbox: SandboxBackend) -> list[FaultRule]:
    sandbox.configure_webhooks(duplicates=1)
    return []


def _webhooks_reordered(sandbox: SandboxBackend) -> list[FaultRule]:
    sandbox.configure_webhooks(out_of_order=True)
    return []


def _webhooks_dropped(sandbox: SandboxBackend) -> list[FaultRule]:
    sandbox.configure_webhooks(drop_next=1)
    return []


def _webhooks_delayed(sandbox: SandboxBackend) -> list[FaultRule]:
    sandbox.configure_webhooks(delay=WEBHOOK_DELAY)
    return []


#: Every preset by name, with what it does (the plugin's marker and docs list these).
FAULT_PRESETS: dict[str, tuple[str, Callable[[SandboxBackend], list[FaultRule]]]] = {
    "server_errors": ("the next two requests answer 503", _server_errors),
    "rate_limit_burst": ("the next two requests answer 429 with Retry-After: 1", _rate_limit_burst),
    "slow_responses": ("every request waits 50 ms before it is answered", _slow_responses),
    "dropped_connections": ("the next request's connection drops", _dropped_connections),
    "ambiguous_writes": (
        "the next write of each method is applied, then its connection drops",
        _ambiguous_writes,
    ),
    "malformed_responses": ("the next answer is truncated, unparseable JSON", _malformed_responses),
    "token_revoked": (
        "the third API call finds its token revoked, refresh token included",
        _token_revoked,
    ),
    "refresh_token_reused": (
        "the next token refresh finds its refresh token already used by another worker",
        _refresh_token_reused,
    ),
    "drift_unknown_enum": (
        "every answer's status, state or type is a value the spec does not list",
        _drift("unknown_enum"),
    ),
    "drift_extra_field": (
        "every answer's objects carry a field the spec does not know",
        _drift("extra_field"),
    ),
    "drift_missing_field": (
        "every answer's objects lack their first field after id",
        _drift("missing_field"),
    ),
    "drift_null_field": (
        "every answer's objects have their first field after id null",
        _drift("null_field"),
    ),
    "webhooks_duplicated": ("every webhook is delivered twice", _webhooks_duplicated),
    "webhooks_reordered": (
        "each batch of webhooks is delivered in a seeded random order",
        _webhooks_reordered,
    ),
    "webhooks_dropped": (
        "the next webhook is lost (the events API still lists its event)",
        _webhooks_dropped,
    ),
    "webhooks_delayed": (
        "webhooks arrive once sandbox time has moved 10 minutes past their event",
        _webhooks_delayed,
    ),
}


def apply_fault_preset(sandbox: SandboxBackend, name: str) -> list[FaultRule]:
    """Apply the preset ``name``; returns the fault rules it added (inspect their ``fired``).

    ValueError names the presets when ``name`` is not one of them.
    """
    preset = FAULT_PRESETS.get(name) if isinstance(name, str) else None
    if preset is None:
        raise ValueError(f"unknown fault preset {name!r}; use one of {', '.join(FAULT_PRESETS)}")
    return preset[1](sandbox)
