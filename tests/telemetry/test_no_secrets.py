"""Nothing secret reaches a span, an event or a metric point: no token, no client secret, no
query string, no grant id unless asked for."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from support.otel_recording import Recorded
from support.sandbox_clients import make_client

from fullscript import InMemoryTokenStore, NotFoundError
from fullscript.sandbox import DEFAULT_CLIENT_SECRET, Sandbox


def everything_recorded(recorded: Recorded) -> list[str]:
    """Every name, attribute key and value, event and status the exporters hold, as text."""
    texts: list[str] = []
    for span in recorded.finished():
        texts.append(span.name)
        texts.append(str(span.status.description))
        texts.extend(f"{key}={value}" for key, value in (span.attributes or {}).items())
        for event in span.events:
            texts.append(event.name)
            texts.extend(f"{key}={value}" for key, value in (event.attributes or {}).items())
    data = recorded.metrics.get_metrics_data()
    assert data is not None
    for resource in data.resource_metrics:
        for scope in resource.scope_metrics:
            for metric in scope.metrics:
                for point in metric.data.data_points:
                    attributes: dict[str, Any] = dict(point.attributes or {})
                    texts.extend(f"{key}={value}" for key, value in attributes.items())
    return texts


async def test_no_token_secret_query_or_grant_id_is_recorded(
    sandbox: Sandbox, recorded: Recorded, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = InMemoryTokenStore()
    grant = "tenant-secret-42"
    async with make_client(
        sandbox, token_store=store, telemetry=recorded.telemetry(), quota_scope="grant"
    ) as base:
        first = await base.token_manager.get_token()
        fs = await base.add_grant(grant, first)
        await fs.patients.search(query="Maya Lindqvist")
        sandbox.faults.rate_limit(operation_id="retrieve_clinic", times=1)
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(3)))
        with pytest.raises(NotFoundError):
            await fs.patients.retrieve("no-such-patient")
        second = await fs.token_manager.get_token()
    assert second.access_token != first.access_token  # the scenario did refresh
    secrets = {
        first.access_token,
        first.refresh_token,
        second.access_token,
        second.refresh_token,
        DEFAULT_CLIENT_SECRET,
        grant,
        "Maya",
        "Lindqvist",
    }
    texts = everything_recorded(recorded)
    assert texts
    for text in texts:
        for secret in secrets:
            assert secret not in text, f"a secret reached telemetry: {text.split('=')[0]}"
        assert "?" not in text
