"""The OpenTelemetry SDK's in-memory exporters, read the way telemetry tests need them."""

from __future__ import annotations

from typing import Any

import attrs
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from fullscript.telemetry import Telemetry


@attrs.define
class Recorded:
    """What the in-memory exporters hold."""

    spans: InMemorySpanExporter
    metrics: InMemoryMetricReader
    tracer_provider: TracerProvider
    meter_provider: MeterProvider

    def telemetry(self, *, record_grant_id: bool = False) -> Telemetry:
        """A `Telemetry` recording into these exporters."""
        return Telemetry(
            tracer_provider=self.tracer_provider,
            meter_provider=self.meter_provider,
            record_grant_id=record_grant_id,
        )

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def named(self, name: str) -> list[ReadableSpan]:
        return [span for span in self.finished() if span.name == name]

    def points(self, metric: str) -> list[tuple[dict[str, Any], Any]]:
        """(attributes, point) of every data point of ``metric``."""
        found: list[tuple[dict[str, Any], Any]] = []
        data = self.metrics.get_metrics_data()
        if data is None:
            return found
        for resource in data.resource_metrics:
            for scope in resource.scope_metrics:
                for recorded in scope.metrics:
                    if recorded.name == metric:
                        found.extend(
                            (dict(point.attributes or {}), point)
                            for point in recorded.data.data_points
                        )
        return found

    def total(self, metric: str, **attributes: Any) -> float:
        """The sum of a counter's points (or a histogram's counts) matching ``attributes``."""
        total = 0.0
        for found, point in self.points(metric):
            if all(found.get(key) == value for key, value in attributes.items()):
                total += point.count if hasattr(point, "bucket_counts") else point.value
        return total
