"""Fault rules: what a fault does (5xx answers, 429 bursts, latency, dropped connections,
malformed bodies, tokens spoiled mid-run, schema drift) and which requests it matches.

Rules match on operationId, HTTP method, a path pattern (``fnmatch`` style, relative to the
region prefix, e.g. ``/api/clinic/patients*``) and region; unset criteria match everything.
Probabilistic rules draw from a ``random.Random`` seeded by the sandbox seed, so a run is
reproducible.
"""

from __future__ import annotations

import fnmatch
from http import HTTPStatus
from typing import Any, Literal, get_args

import attrs

__all__ = [
    "APPLYING_KINDS",
    "DRIFTS",
    "FAULT_KINDS",
    "TOKEN_KINDS",
    "FaultKind",
    "FaultPlan",
    "FaultRule",
]

FaultKind = Literal[
    "error",
    "rate_limit",
    "latency",
    "drop",
    "drop_after_apply",
    "malformed",
    "revoke_token",
    "reuse_refresh_token",
    "drift",
    "unlisted_value",
]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
# Kinds that run the operation (its write takes effect) and then spoil the answer.
APPLYING_KINDS = frozenset({"drop_after_apply", "malformed", "drift", "unlisted_value"})
# Kinds that spoil the request's token before the operation runs: "revoke_token" revokes the
# access token the request carries (the clinic revoked the integration mid-run);
# "reuse_refresh_token" spends a refresh call's refresh token first, as another worker would
# have, so the call meets a refresh token that was already used.
TOKEN_KINDS = frozenset({"revoke_token", "reuse_refresh_token"})
#: What a "drift" rule does to the answer's objects (see `..web.drift`).
DRIFTS: tuple[str, ...] = ("unknown_enum", "extra_field", "missing_field", "null_field")
_ERROR_STATUSES = frozenset(status.value for status in HTTPStatus if 400 <= status.value <= 599)


# A bad option is refused when the rule is made: accepted, it would break every request it
# matches with a 500 from the sandbox itself instead of the fault asked for.
def _number(minimum: float, maximum: float | None = None) -> Any:
    def check(rule: FaultRule, attribute: attrs.Attribute[Any], value: Any) -> None:
        in_range = (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and minimum <= value
            and (maximum is None or value <= maximum)
        )
        if not in_range:
            bound = (
                f"at least {minimum:g}" if maximum is None else f"from {minimum:g} to {maximum:g}"
            )
            raise ValueError(f"{attribute.name} must be a number {bound}, not {value!r}")

    return check


def _count(rule: FaultRule, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{attribute.name} must be a whole number of at least 0, not {value!r}")


def _error_status(rule: FaultRule, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value not in _ERROR_STATUSES:
        raise ValueError(f"status must be an HTTP error status such as 503, not {value!r}")


def _drift(rule: FaultRule, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value not in DRIFTS:
        raise ValueError(f"drift must be one of {', '.join(DRIFTS)}, not {value!r}")


def _text(rule: FaultRule, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be a string, not {value!r}")


@attrs.define
class FaultRule:
    """One fault. ``times`` caps how often it fires; ``skip`` lets the first matches through."""

    kind: FaultKind
    operation_id: str | None = attrs.field(default=None, validator=_text)
    method: str | None = attrs.field(default=None, validator=_text)
    path: str | None = attrs.field(default=None, validator=_text)
    region: str | None = attrs.field(default=None, validator=_text)
    status: int = attrs.field(default=503, validator=_error_status)
    latency: float = attrs.field(default=0.0, validator=_number(0))
    retry_after: int = attrs.field(default=1, validator=_count)
    probability: float = attrs.field(default=1.0, validator=_number(0, 1))
    times: int | None = attrs.field(default=None, validator=attrs.validators.optional(_count))
    skip: int = attrs.field(default=0, validator=_count)
    drift: str | None = attrs.field(default=None, validator=_drift)
    #: ``unlisted_value``: the member of the answer to change, and its new value (default: one
    #: the spec's enum for it does not list, as a value Fullscript adds later would be).
    field: str | None = attrs.field(default=None, validator=_text)
    value: str | None = attrs.field(default=None, validator=_text)
    matched: int = 0
    fired: int = 0

    def __attrs_post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; use one of {FAULT_KINDS}")
        if self.kind == "unlisted_value" and not self.field:
            raise ValueError("an unlisted_value fault needs field=, the member to change")
        if self.kind == "rate_limit":
            self.status = 429  # what it answers, so that listings say so
        if self.kind == "drift" and self.drift is None:
            raise ValueError(f"a drift fault needs drift=, one of {', '.join(DRIFTS)}")
        if self.method is not None:
            self.method = self.method.upper()

    def matches(self, operation_id: str | None, method: str, path: str, region: str) -> bool:
        """Whether a request fits every criterion this rule sets."""
        return (
            (self.operation_id is None or self.operation_id == operation_id)
            and (self.method is None or self.method == method.upper())
            and (self.path is None or fnmatch.fnmatchcase(path, self.path))
            and (self.region is None or self.region == region)
        )

    @property
    def exhausted(self) -> bool:
        """True once the rule has fired ``times`` times."""
        return self.times is not None and self.fired >= self.times

    def to_dict(self) -> dict[str, Any]:
        """The rule as JSON, counters included (as ``GET /_sandbox/faults`` lists it)."""
        return attrs.asdict(self)


@attrs.frozen
class FaultPlan:
    """What to do with one request: wait ``latency`` seconds, then apply ``terminal`` (if any)."""

    latency: float = 0.0
    terminal: FaultRule | None = None
