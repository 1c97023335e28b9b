"""The fault injector: the sandbox's fault rules, and the faults they plan for each request.

Probabilistic rules draw from a ``random.Random`` seeded by the sandbox seed, so a run is
reproducible. What a planned fault answers is the HTTP side's job (:mod:`..web.pipeline`).
"""

from __future__ import annotations

import random
from typing import Any

from .rules import FaultKind, FaultPlan, FaultRule

__all__ = ["FaultInjector"]


class FaultInjector:
    """The sandbox's fault rules, evaluated in the order they were added."""

    def __init__(self, seed: int = 0) -> None:
        self.rules: list[FaultRule] = []
        self._seed = seed
        self._rng = random.Random(f"fullscript-sandbox-faults:{seed}")

    def add(self, kind: FaultKind, **options: Any) -> FaultRule:
        """Add a rule; see :class:`FaultRule` for options. Returns it (inspect ``fired``)."""
        rule = FaultRule(kind, **options)
        self.rules.append(rule)
        return rule

    def error(self, status: int = 503, **match: Any) -> FaultRule:
        """Answer ``status`` (a 5xx by default 503) instead of running the operation."""
        return self.add("error", status=status, **match)

    def rate_limit(self, retry_after: int = 1, **match: Any) -> FaultRule:
        """Answer 429 with ``Retry-After`` (use ``times=N`` for a burst of N)."""
        return self.add("rate_limit", retry_after=retry_after, **match)

    def latency(self, seconds: float, **match: Any) -> FaultRule:
        """Delay matching requests by ``seconds`` of real time."""
        return self.add("latency", latency=seconds, **match)

    def drop(self, **match: Any) -> FaultRule:
        """Drop the connection: the client sees a transport error, never a response."""
        return self.add("drop", **match)

    def drop_after_apply(self, **match: Any) -> FaultRule:
        """Run the operation (a write takes effect), then drop the connection before answering:
        the client sees a transport error and cannot tell whether its write happened."""
        return self.add("drop_after_apply", **match)

    def malformed(self, **match: Any) -> FaultRule:
        """Run the operation but answer a truncated, unparseable JSON body."""
        return self.add("malformed", **match)

    def revoke_token(self, **match: Any) -> FaultRule:
        """Revoke the access token a matching request carries (and its refresh token) before
        the request is served, as when the clinic revokes the integration mid-run."""
        return self.add("revoke_token", **match)

    def reuse_refresh_token(self, **match: Any) -> FaultRule:
        """On a matching refresh call, spend its refresh token first (as another worker
        would), so the call answers ``invalid_grant``: the refresh token was reused."""
        return self.add("reuse_refresh_token", operation_id="create_oauth_token", **match)

    def drift(self, drift: str, **match: Any) -> FaultRule:
        """Run the operation, then drift its answer: ``"unknown_enum"``, ``"extra_field"``,
        ``"missing_field"`` or ``"null_field"`` (see :mod:`..web.drift`)."""
        return self.add("drift", drift=drift, **match)

    def unlisted_value(self, field: str, value: str | None = None, **match: Any) -> FaultRule:
        """Run the operation, then answer ``value`` for every member named ``field``.

        Without ``value``, one the spec's enum for that field does not list: what a client
        sees when Fullscript adds an enum value, to test tolerant parsing against it.
        """
        return self.add("unlisted_value", field=field, value=value, **match)

    def remove(self, rule: FaultRule) -> None:
        """Remove one rule (the very object :meth:`add` returned); the others keep firing."""
        self.rules = [existing for existing in self.rules if existing is not rule]

    def clear(self) -> None:
        """Remove every rule and restart the seeded draws, so a rerun sees the same faults."""
        self.rules.clear()
        self._rng = random.Random(f"fullscript-sandbox-faults:{self._seed}")

    def plan(self, operation_id: str | None, method: str, path: str, region: str) -> FaultPlan:
        """Decide the faults for one request (advancing counters and the seeded RNG)."""
        latency = 0.0
        terminal: FaultRule | None = None
        for rule in self.rules:
            if rule.exhausted or not rule.matches(operation_id, method, path, region):
                continue
            rule.matched += 1
            if rule.matched <= rule.skip:
                continue
            if rule.probability < 1.0 and self._rng.random() >= rule.probability:
                continue
            if rule.kind == "latency":
                rule.fired += 1
                latency += rule.latency
            elif terminal is None:
                rule.fired += 1
                terminal = rule
        return FaultPlan(latency, terminal)
