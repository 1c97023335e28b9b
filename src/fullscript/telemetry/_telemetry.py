"""`Telemetry`: the seam's observer (see `fullscript._observation`) that records OpenTelemetry
spans and metrics.

Span layout (the Azure SDK's, on OpenTelemetry's HTTP client conventions)::

    fullscript patients.retrieve            INTERNAL  one per operation call
    ├── POST                                CLIENT    a token refresh made during the call
    ├── GET /api/clinic/patients/{id}       CLIENT    attempt 1 (http.request.resend_count 0)
    └── GET /api/clinic/patients/{id}       CLIENT    attempt 2 (resend_count 1)

with events on the call's span for 429 pauses, retries, token refreshes and page retries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from opentelemetry import metrics, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue

from .._observation import AttemptInfo, CallEvent, CallInfo
from ._metrics import Metrics

__all__ = ["Telemetry"]

_INSTRUMENTATION_NAME = "fullscript"

# How each event feeds the metrics: the counter, and the outcome attribute it carries.
_REFRESH_OUTCOMES = {
    "token.refreshed": "refreshed",
    "token.adopted": "adopted",
    "token.refresh_failed": "failed",
}


class Telemetry:
    """Records a span per operation call, a child span per attempt, and the SDK's metrics.

    Args:
        tracer_provider: where spans go (default: OpenTelemetry's global provider).
        meter_provider: where metrics go (default: the global provider).
        record_grant_id: put the grant id on spans and metrics as ``fullscript.grant_id``
            (default False: a grant id is often a tenant id).

    Pass it as ``Fullscript(..., telemetry=Telemetry(...))``, or ``telemetry=True`` for the
    defaults.
    """

    def __init__(
        self,
        *,
        tracer_provider: trace.TracerProvider | None = None,
        meter_provider: metrics.MeterProvider | None = None,
        record_grant_id: bool = False,
    ) -> None:
        version = _sdk_version()
        self._tracer = trace.get_tracer(
            _INSTRUMENTATION_NAME, version, tracer_provider=tracer_provider
        )
        self._metrics = Metrics(
            metrics.get_meter(_INSTRUMENTATION_NAME, version, meter_provider=meter_provider)
        )
        self._record_grant_id = record_grant_id

    def __repr__(self) -> str:
        return f"Telemetry(record_grant_id={self._record_grant_id!r})"

    # --- calls --------------------------------------------------------------------------------

    def call_started(self, call: CallInfo) -> None:
        attributes: dict[str, AttributeValue] = {
            "fullscript.operation": call.operation,
            "fullscript.operation_id": call.operation_id,
            "fullscript.region": call.region,
            "fullscript.work_class": call.work_class,
            "http.request.method": call.http_method,
            "url.template": call.url_template,
        }
        name = f"fullscript {call.operation}"
        if call.stream:
            attributes["fullscript.stream"] = True
        if call.page is not None:
            attributes["fullscript.page"] = call.page
            name += " page"
        if self._record_grant_id:
            attributes["fullscript.grant_id"] = call.grant_id
        parent = self._span_of(call.parent) if call.parent is not None else None
        context = trace.set_span_in_context(parent) if parent is not None else None
        call.scratch[self] = self._tracer.start_span(
            name, context=context, kind=SpanKind.INTERNAL, attributes=attributes
        )

    def call_ended(self, call: CallInfo, error: BaseException | None) -> None:
        span = self._span_of(call)
        if span is None:
            return
        span.set_attribute("fullscript.limiter.wait", call.limiter_wait)
        span.set_attribute("fullscript.attempts", call.attempts)
        if isinstance(error, asyncio.CancelledError):
            # Its caller stopped waiting (a guessed page a stream turned out not to need, a
            # stream left early, a caller that gave up): not a failure of the call.
            span.set_attribute("fullscript.cancelled", True)
        elif error is not None:
            span.set_attribute("error.type", _error_type(error))
            # The class name only: an exception's message may quote what the server said.
            span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        span.end()

    # --- waits for a rate-limit slot ---------------------------------------------------------

    def wait_started(self, call: CallInfo, quota: str) -> None:
        self._metrics.queued.add(1, self._quota_attributes(quota, call))

    def wait_ended(self, call: CallInfo, quota: str) -> None:
        self._metrics.queued.add(-1, self._quota_attributes(quota, call))

    # --- attempts -----------------------------------------------------------------------------

    def attempt_started(self, attempt: AttemptInfo) -> None:
        call = attempt.call
        attributes: dict[str, AttributeValue] = {
            "http.request.method": attempt.method,
            "server.address": attempt.server_address,
            "server.port": attempt.server_port,
            "fullscript.operation": call.operation,
            "fullscript.region": call.region,
            "fullscript.limiter.wait": attempt.limiter_wait,
        }
        if attempt.url_template is not None:
            attributes["url.template"] = attempt.url_template
        if attempt.resend_count:
            attributes["http.request.resend_count"] = attempt.resend_count
        name = attempt.method
        if attempt.url_template is not None:
            name = f"{attempt.method} {attempt.url_template}"
        parent = self._span_of(call)
        context = trace.set_span_in_context(parent) if parent is not None else None
        call.scratch[(self, "attempt")] = self._tracer.start_span(
            name, context=context, kind=SpanKind.CLIENT, attributes=attributes
        )
        quota = self._quota_attributes(attempt.quota, call)
        self._metrics.limiter_wait.record(attempt.limiter_wait, quota)
        self._metrics.slots_in_use.add(1, quota)

    def attempt_ended(self, attempt: AttemptInfo) -> None:
        call = attempt.call
        self._metrics.slots_in_use.add(-1, self._quota_attributes(attempt.quota, call))
        span: Span | None = call.scratch.pop((self, "attempt"), None)
        if span is not None:
            if attempt.status_code is not None:
                span.set_attribute("http.response.status_code", attempt.status_code)
            if attempt.request_id is not None:
                span.set_attribute("fullscript.request_id", attempt.request_id)
            if attempt.error_type is not None:
                span.set_attribute("error.type", attempt.error_type)
                span.set_status(Status(StatusCode.ERROR))
            span.end()
        if attempt.request_id is not None and attempt.url_template is not None:
            parent = self._span_of(call)
            if parent is not None:
                parent.set_attribute("fullscript.request_id", attempt.request_id)
        duration: dict[str, AttributeValue] = {
            "http.request.method": attempt.method,
            "server.address": attempt.server_address,
            "server.port": attempt.server_port,
        }
        if attempt.url_template is not None:
            duration["url.template"] = attempt.url_template
        if attempt.status_code is not None:
            duration["http.response.status_code"] = attempt.status_code
        if attempt.error_type is not None:
            duration["error.type"] = attempt.error_type
        if attempt.duration is not None:
            self._metrics.request_duration.record(attempt.duration, duration)

    # --- events -------------------------------------------------------------------------------

    def event(self, event: CallEvent) -> None:
        call = event.call
        common: dict[str, AttributeValue] = {}
        if call is not None:
            common["fullscript.operation"] = call.operation
            common["fullscript.region"] = call.region
            if self._record_grant_id:
                common["fullscript.grant_id"] = call.grant_id
        name = event.name
        if name == "rate_limit.pause":
            self._metrics.rate_limited.add(1, common)
        elif name == "retry":
            self._metrics.retries.add(1, common)
        elif name == "page.retry":
            self._metrics.page_retries.add(1, common)
        elif name in _REFRESH_OUTCOMES:
            outcome = {"fullscript.outcome": _REFRESH_OUTCOMES[name]}
            self._metrics.token_refreshes.add(1, {**common, **outcome})
        elif name == "grant.dead":
            self._metrics.dead_grants.add(1, common)
        span = self._span_of(call) if call is not None else None
        if span is not None:
            span.add_event(f"fullscript.{name}", _event_attributes(event.attributes))

    # --- helpers ------------------------------------------------------------------------------

    def _span_of(self, call: CallInfo) -> Span | None:
        span = call.scratch.get(self)
        return span if isinstance(span, Span) else None

    def _quota_attributes(self, quota: str, call: CallInfo) -> dict[str, AttributeValue]:
        grant = call.grant_id
        if not self._record_grant_id and quota.endswith("/" + grant):
            # A per-grant quota is named after its grant, often a tenant id.
            quota = quota[: -len(grant)] + "*"
        return {"fullscript.quota": quota}


def _event_attributes(values: Mapping[str, str | int | float]) -> dict[str, AttributeValue]:
    return {f"fullscript.{key}": value for key, value in values.items()}


def _error_type(error: BaseException) -> str:
    status = getattr(error, "status_code", None)
    if isinstance(status, int):
        return str(status)
    return type(error).__name__


def _sdk_version() -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version("fullscript")
    except importlib.metadata.PackageNotFoundError:
        return "0.1.0"
