"""OpenTelemetry traces and metrics for the SDK: the ``fullscript[otel]`` extra.

One line switches it on::

    fs = Fullscript(..., telemetry=True)          # the global tracer and meter providers
    fs = Fullscript(..., telemetry=Telemetry(tracer_provider=..., meter_provider=...))

Each operation call is a span named after the operation (``fullscript patients.retrieve``),
covering its wait for rate-limit slots, its retries and any token refresh; each attempt is a
child span ``{METHOD} {url.template}`` following OpenTelemetry's HTTP client semantic
conventions. The metrics are listed in `METRICS` and in docs/telemetry.md. Nothing secret is
recorded (no token, no client secret, no query string, no grant id unless you opt in), and no
tracing header is sent to Fullscript.

Only ``opentelemetry-api`` is needed (``pip install 'fullscript[otel]'``); exporting is the
application's choice, with the OpenTelemetry SDK or a distribution. ``import fullscript`` alone
never imports OpenTelemetry.
"""

try:
    import opentelemetry.metrics
    import opentelemetry.trace  # noqa: F401
except ImportError as missing:
    raise ImportError(
        "fullscript.telemetry needs OpenTelemetry: install the extra with "
        "pip install 'fullscript[otel]'"
    ) from missing

from ._metrics import METRICS, MetricSpec
from ._telemetry import Telemetry

__all__ = ["METRICS", "MetricSpec", "Telemetry"]
