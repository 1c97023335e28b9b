"""The SDK's metrics: one `MetricSpec` per instrument (docs/telemetry.md lists the same)."""

from __future__ import annotations

from typing import Literal

import attrs
from opentelemetry.metrics import Counter, Histogram, Meter, UpDownCounter

__all__ = ["METRICS", "MetricSpec", "Metrics"]

Kind = Literal["histogram", "counter", "updowncounter"]

# OpenTelemetry's advised buckets for http.client.request.duration (seconds); limiter waits
# use the same ones, up to the minutes a 429 pause can last.
_DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10)
_WAIT_BUCKETS = (0.0, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)


@attrs.frozen
class MetricSpec:
    """One metric the SDK records: its name, instrument kind, unit and meaning."""

    name: str
    kind: Kind
    unit: str
    description: str


REQUEST_DURATION = MetricSpec(
    "http.client.request.duration",
    "histogram",
    "s",
    "Duration of each attempt, from sending it (after its limiter wait) to the response headers "
    "or the failure.",
)
LIMITER_WAIT = MetricSpec(
    "fullscript.limiter.wait",
    "histogram",
    "s",
    "Time an attempt waited for a rate-limit slot of its quota.",
)
QUEUED = MetricSpec(
    "fullscript.limiter.queued",
    "updowncounter",
    "{request}",
    "Calls of this process waiting for a slot of the quota now.",
)
SLOTS_IN_USE = MetricSpec(
    "fullscript.limiter.slots_in_use",
    "updowncounter",
    "{request}",
    "Attempts of this process holding a slot of the quota now (sent, no answer yet).",
)
RATE_LIMITED = MetricSpec(
    "fullscript.rate_limited",
    "counter",
    "{response}",
    "429 answers, each pausing its quota for everybody sharing the limiter.",
)
RETRIES = MetricSpec(
    "fullscript.retries",
    "counter",
    "{retry}",
    "Attempts sent again by the transport (status, connection failure, body not JSON).",
)
PAGE_RETRIES = MetricSpec(
    "fullscript.page_retries",
    "counter",
    "{page}",
    "Pages of a list stream fetched again after a transient failure.",
)
TOKEN_REFRESHES = MetricSpec(
    "fullscript.token.refreshes",
    "counter",
    "{refresh}",
    "Token refresh outcomes during calls: refreshed, adopted (rotated by another process) or "
    "failed (fullscript.outcome).",
)
DEAD_GRANTS = MetricSpec(
    "fullscript.grants.dead",
    "counter",
    "{grant}",
    "Grants whose refresh token the server refused for good (authorize the app again).",
)

METRICS: tuple[MetricSpec, ...] = (
    REQUEST_DURATION,
    LIMITER_WAIT,
    QUEUED,
    SLOTS_IN_USE,
    RATE_LIMITED,
    RETRIES,
    PAGE_RETRIES,
    TOKEN_REFRESHES,
    DEAD_GRANTS,
)
"""Every metric the SDK records."""


class Metrics:
    """The instruments of `METRICS`, made from one meter."""

    def __init__(self, meter: Meter) -> None:
        self.request_duration: Histogram = meter.create_histogram(
            REQUEST_DURATION.name,
            unit=REQUEST_DURATION.unit,
            description=REQUEST_DURATION.description,
            explicit_bucket_boundaries_advisory=list(_DURATION_BUCKETS),
        )
        self.limiter_wait: Histogram = meter.create_histogram(
            LIMITER_WAIT.name,
            unit=LIMITER_WAIT.unit,
            description=LIMITER_WAIT.description,
            explicit_bucket_boundaries_advisory=list(_WAIT_BUCKETS),
        )
        self.queued: UpDownCounter = meter.create_up_down_counter(
            QUEUED.name, unit=QUEUED.unit, description=QUEUED.description
        )
        self.slots_in_use: UpDownCounter = meter.create_up_down_counter(
            SLOTS_IN_USE.name, unit=SLOTS_IN_USE.unit, description=SLOTS_IN_USE.description
        )
        self.rate_limited = _counter(meter, RATE_LIMITED)
        self.retries = _counter(meter, RETRIES)
        self.page_retries = _counter(meter, PAGE_RETRIES)
        self.token_refreshes = _counter(meter, TOKEN_REFRESHES)
        self.dead_grants = _counter(meter, DEAD_GRANTS)


def _counter(meter: Meter, spec: MetricSpec) -> Counter:
    return meter.create_counter(spec.name, unit=spec.unit, description=spec.description)
