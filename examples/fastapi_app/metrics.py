"""``GET /metrics``: what the SDK did, as Prometheus text, fed by the SDK's hooks.

No OpenTelemetry needed: `Hooks` callbacks count each attempt (by operation and status), its
duration and its wait for a rate-limit slot, and every event (429 pause, retry, token refresh,
page fetched again). With OpenTelemetry in place, ``Fullscript(..., telemetry=True)`` and its
Prometheus exporter give the metrics of docs/telemetry.md instead.
"""

from collections import Counter, defaultdict

from fullscript import AttemptInfo, CallEvent, Hooks

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


class SDKMetrics:
    """Counters and sums this process keeps, rendered for Prometheus by `render`."""

    def __init__(self) -> None:
        self._attempts: Counter[tuple[str, str]] = Counter()
        self._duration: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        self._limiter_wait: defaultdict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        self._events: Counter[str] = Counter()

    def hooks(self) -> Hooks:
        """The hooks that feed these metrics (``Fullscript(..., hooks=metrics.hooks())``)."""
        return Hooks(on_response=self._attempt_ended, on_event=self._event)

    def _attempt_ended(self, attempt: AttemptInfo) -> None:
        operation = attempt.call.operation if attempt.url_template else "oauth.token"
        status = str(attempt.status_code) if attempt.status_code is not None else "error"
        self._attempts[(operation, status)] += 1
        _observe(self._duration[operation], attempt.duration or 0.0)
        _observe(self._limiter_wait[operation], attempt.limiter_wait)

    def _event(self, event: CallEvent) -> None:
        self._events[event.name] += 1

    def render(self) -> str:
        """Prometheus text exposition format."""
        lines = [
            "# HELP fullscript_attempts_total Requests sent to Fullscript, retries included.",
            "# TYPE fullscript_attempts_total counter",
        ]
        for (operation, status), count in sorted(self._attempts.items()):
            lines.append(
                f'fullscript_attempts_total{{operation="{operation}",status="{status}"}} {count}'
            )
        for name, help_text, values in (
            (
                "fullscript_attempt_duration_seconds",
                "Time to the response headers.",
                self._duration,
            ),
            ("fullscript_limiter_wait_seconds", "Wait for a rate-limit slot.", self._limiter_wait),
        ):
            lines += [f"# HELP {name} {help_text}", f"# TYPE {name} summary"]
            for operation, (total, observed) in sorted(values.items()):
                lines.append(f'{name}_sum{{operation="{operation}"}} {total:.6f}')
                lines.append(f'{name}_count{{operation="{operation}"}} {observed:.0f}')
        lines += [
            "# HELP fullscript_events_total 429 pauses, retries, token refreshes, page retries.",
            "# TYPE fullscript_events_total counter",
        ]
        for event, seen in sorted(self._events.items()):
            lines.append(f'fullscript_events_total{{event="{event}"}} {seen}')
        return "\n".join(lines) + "\n"


def _observe(summary: list[float], value: float) -> None:
    summary[0] += value
    summary[1] += 1
