"""CPU per call of one patient retrieval three ways, in this process; prints one JSON object.

Run by `benchmarks.lean` with the clean virtualenv's interpreter, once per fresh process:

    python overhead_probe.py ROUNDS CALLS

The three clients share one in-process `httpx2.MockTransport` answering a fixed patient, so
nothing but client-side work is timed: plain httpx2 (`get` + `.json()`), the bare generated
call (`retrieve_patient.asyncio_detailed`) and the façade (`fs.patients.retrieve`, with its
token, limiter, retry transport and error mapping). Where the OpenTelemetry SDK is installed
(the dev environment, not the lean virtualenv) a fourth client is the façade with
``telemetry=`` on, recording spans and metrics into SDK providers that export nothing: the
SDK's recording cost, not an exporter's. Rounds are interleaved, so drift in the
machine's speed hits the three alike; each figure is the median round, in CPU seconds per call
(`time.process_time`, which does not count time spent waiting for a busy CPU).

`scripts/benchmark.py` times the same three clients (`three_clients`) on the wall clock. They
live here because this file runs isolated (``python -I``) and can import nothing beside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx2
from fullscript_api.api.patients import retrieve_patient
from fullscript_api.client import AuthenticatedClient

from fullscript import Fullscript, InMemoryTokenStore, OAuthToken, RollingWindowLimiter

BASE_URL = "https://api-us.fullscript.io"
PATIENT_ID = "9b2f6c1e-4d3a-4f8e-a1b2-c3d4e5f6a7b8"
PATIENT = {
    "id": PATIENT_ID,
    "first_name": "Maya",
    "last_name": "Lindqvist",
    "email": "maya.lindqvist@example.org",
    "archived": False,
    "date_of_birth": "1986-04-09",
    "gender": "female",
    "discount": 10.0,
    "total_discount": 15.0,
    "mobile_number": "+12223334444",
    "text_message_notification": False,
    "metadata": {"id": "ehr-10442"},
}
PATIENT_BODY = json.dumps({"patient": PATIENT}).encode()
TOKEN = "benchmark-access-token"


def answer_patient(request: httpx2.Request) -> httpx2.Response:
    return httpx2.Response(
        200,
        content=PATIENT_BODY,
        headers={"Content-Type": "application/json", "X-Request-Id": "bench"},
    )


def benchmark_token() -> OAuthToken:
    """A two-hour token, as a token response for the US region would give it."""
    return OAuthToken.from_response(
        {
            "access_token": TOKEN,
            "refresh_token": "benchmark-refresh-token",
            "expires_in": 7200,
            "created_at": datetime.now(UTC).isoformat(),
        },
        region="us",
    )


def facade(
    transport: httpx2.AsyncBaseTransport, limiter: RollingWindowLimiter, telemetry: Any = False
) -> Fullscript:
    """A façade holding `benchmark_token()`, sending through `transport`."""
    return Fullscript(
        client_id="benchmark",
        client_secret="benchmark-secret",
        redirect_uri="https://app.example/callback",
        region="us",
        token_store=InMemoryTokenStore([benchmark_token()]),
        transport=transport,
        limiter=limiter,
        telemetry=telemetry,
    )


def sdk_telemetry() -> Any:
    """`fullscript.telemetry.Telemetry` on OpenTelemetry SDK providers that export nothing, or
    None where the SDK is not installed (the lean virtualenv: the wheel alone)."""
    try:
        from opentelemetry.sdk.metrics import MeterProvider
        from opentelemetry.sdk.trace import TracerProvider

        from fullscript.telemetry import Telemetry
    except ImportError:
        return None
    return Telemetry(tracer_provider=TracerProvider(), meter_provider=MeterProvider())


Call = Callable[[], Awaitable[Any]]


@contextlib.asynccontextmanager
async def three_clients() -> AsyncIterator[dict[str, Call]]:
    """One patient retrieval by plain httpx2, the bare generated client and the façade, all on
    one `httpx2.MockTransport` answering `PATIENT_BODY`; the clients are closed afterwards."""
    transport = httpx2.MockTransport(answer_patient)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    plain = httpx2.AsyncClient(transport=transport, base_url=BASE_URL, headers=headers)
    bare = AuthenticatedClient(base_url=BASE_URL, token=TOKEN)
    bare.set_async_httpx_client(
        httpx2.AsyncClient(transport=transport, base_url=BASE_URL, headers=headers)
    )
    # A limiter that never blocks: this measures its bookkeeping, not waiting.
    fs = facade(transport, RollingWindowLimiter(10**9, 300.0))

    async def plain_call() -> Any:
        response = await plain.get(f"/api/clinic/patients/{PATIENT_ID}")
        return response.json()["patient"]

    async def bare_call() -> Any:
        return (await retrieve_patient.asyncio_detailed(PATIENT_ID, client=bare)).parsed

    async def facade_call() -> Any:
        return await fs.patients.retrieve(PATIENT_ID)

    variants: dict[str, Call] = {
        "plain httpx2": plain_call,
        "bare generated": bare_call,
        "façade": facade_call,
    }
    telemetry = sdk_telemetry()
    observed = None
    if telemetry is not None:
        observed = facade(transport, RollingWindowLimiter(10**9, 300.0), telemetry)

        async def observed_call() -> Any:
            assert observed is not None
            return await observed.patients.retrieve(PATIENT_ID)

        variants["façade, telemetry on"] = observed_call
    try:
        yield variants
    finally:
        await plain.aclose()
        await bare.get_async_httpx_client().aclose()
        await fs.aclose()
        if observed is not None:
            await observed.aclose()


async def cpu_per_call(call: Call, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - started) / calls


async def measure(rounds: int, calls: int) -> dict[str, float]:
    async with three_clients() as variants:
        samples: dict[str, list[float]] = {name: [] for name in variants}
        for call in variants.values():  # warm up imports, pools and caches
            await cpu_per_call(call, max(calls // 5, 1))
        for _ in range(rounds):
            for name, call in variants.items():
                samples[name].append(await cpu_per_call(call, calls))
    return {name: statistics.median(values) for name, values in samples.items()}


if __name__ == "__main__":
    rounds, calls = (int(argument) for argument in sys.argv[1:3])
    print(json.dumps(asyncio.run(measure(rounds, calls))))
