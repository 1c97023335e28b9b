"""A tour of the SDK against the embedded sandbox, in-process (no network, no setup).

    make demo        # or: .venv/bin/python scripts/demo.py

Shows the OAuth authorization-code flow, creating and updating a patient, streaming a few
hundred patients page by page with prefetch, one token refresh absorbing a burst of 401s,
429s absorbed by the retrying transport, and a switch to the Canadian region. Secrets (tokens,
client secret, authorization codes) are never printed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import attrs
import httpx2
from fullscript_api.models import PatientCreateRequest, PatientUpdateRequest

from fullscript import (
    Fullscript,
    NotFoundError,
    OAuthToken,
    Region,
    RetryPolicy,
    TokenMissingError,
)
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)

Output = Callable[[str], None]


class TrafficCounter(httpx2.AsyncBaseTransport):
    """Counts what actually goes over the (in-process) wire, so the demo can report it."""

    def __init__(self, inner: httpx2.AsyncBaseTransport) -> None:
        self._inner = inner
        self.requests = 0
        self.token_calls = 0
        self.statuses: dict[int, int] = {}

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        self.requests += 1
        if request.url.path.endswith("/oauth/token"):
            self.token_calls += 1
        response = await self._inner.handle_async_request(request)
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        return response

    def status_count(self, status: int) -> int:
        return self.statuses.get(status, 0)

    async def aclose(self) -> None:
        await self._inner.aclose()


def sandbox_region(sandbox: Sandbox, key: str) -> Region:
    """The real region definition, pointed at the in-process sandbox's URL for that region."""
    return Region.from_key(key).with_base_url(sandbox.base_url(key))


async def authorize_in_browser(sandbox: Sandbox, url: str) -> str:
    """What the user's browser does: open the authorize page, follow the redirect, keep the code.

    The sandbox auto-approves, answering a redirect to our redirect_uri with ?code=&state=.
    """
    async with httpx2.AsyncClient(transport=sandbox.transport()) as browser:
        answer = await browser.get(url)
    location = answer.headers["location"]
    query = parse_qs(urlsplit(location).query)
    return query["code"][0]


@attrs.frozen
class DemoResult:
    """What the run did (for tests): traffic counters and the tokens it held (never printed)."""

    requests: int
    token_calls: int
    rate_limited: int
    tokens: tuple[OAuthToken, ...] = attrs.field(repr=False)


async def run_demo(out: Output = print) -> DemoResult:
    """Run every step, writing readable lines to `out`."""
    sandbox = Sandbox(seed=42, patients=350)
    traffic = TrafficCounter(sandbox.transport())
    us_region = sandbox_region(sandbox, "us")
    started = time.perf_counter()

    async with Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=us_region,
        transport=traffic,
        # Honour Retry-After, but never wait more than a second in a demo.
        retry=RetryPolicy(max_retries=3, initial_backoff=0.05, max_retry_after=1.0),
    ) as fs:
        out(f"Fullscript client: {fs!r}")

        out("")
        out("== 1. OAuth authorization code flow (US)")
        url = fs.authorization_url(state="demo-state-1")
        out(f"authorize URL: {url}")
        code = await authorize_in_browser(sandbox, url)
        out("sandbox auto-approved and redirected to the redirect_uri with a code (not shown)")
        token = await fs.exchange_code(code)
        out(
            f"authorization code exchanged: region={token.region}, "
            f"scopes={' '.join(token.scope)}, expires in {token.expires_in} s "
            "(tokens are kept out of reprs and logs)"
        )

        out("")
        out("== 2. Create and update a patient")
        patient = await fs.patients.create(
            body=PatientCreateRequest(
                email="grace.hopper@example.org", first_name="Grace", last_name="Hopper"
            )
        )
        patient_id = str(patient.id)  # the spec marks ids optional; the server always sends one
        out(f"created patient {patient_id}: {patient.first_name} {patient.last_name}")
        patient = await fs.patients.update(
            patient_id, body=PatientUpdateRequest(first_name="Rear Admiral Grace")
        )
        out(f"updated patient {patient.id}: first_name is now {patient.first_name!r}")
        try:
            await fs.patients.retrieve("does-not-exist")
        except NotFoundError as error:
            out(f"typed error: {type(error).__name__}: {error}")

        out("")
        out("== 3. Stream every patient, 100 per page, 3 pages prefetched")
        before = traffic.requests
        first_names: list[str] = []
        count = 0
        async for listed in fs.patients.list(page_size=100, prefetch=3):
            count += 1
            if len(first_names) < 3:
                first_names.append(f"{listed.first_name} {listed.last_name}")
        pages = traffic.requests - before
        out(f"streamed {count} patients in {pages} page requests: {', '.join(first_names)}, ...")

        out("")
        out("== 4. Token refresh under load")
        sandbox.advance_time(2 * 3600 + 60)
        out("sandbox clock advanced 2 h 1 min: the access token has expired on the server")
        token_calls_before = traffic.token_calls
        unauthorized_before = traffic.status_count(401)
        # Like a real server, the token endpoint takes a moment: every other call hits its
        # 401 while the refresh is still in flight, and waits for that one refresh.
        slow_token = sandbox.faults.latency(0.05, operation_id="create_oauth_token")
        results = await asyncio.gather(*(fs.clinic.retrieve() for _ in range(50)))
        sandbox.faults.remove(slow_token)
        refreshes = traffic.token_calls - token_calls_before
        rejected = traffic.status_count(401) - unauthorized_before
        out(
            f"50 concurrent calls: {rejected} answered 401, {refreshes} token refresh, "
            f"{sum(1 for clinic in results if clinic.name)} of 50 succeeded after replay"
        )

        out("")
        out("== 5. Rate limiting: 429s absorbed")
        sandbox.faults.rate_limit(retry_after=1, operation_id="retrieve_patient", times=2)
        limited_before = traffic.status_count(429)
        pause_started = time.perf_counter()
        fetched = await asyncio.gather(*(fs.patients.retrieve(patient_id) for _ in range(10)))
        limited = traffic.status_count(429) - limited_before
        out(
            f"{limited} x 429 (Retry-After: 1) absorbed: everybody paused "
            f"{time.perf_counter() - pause_started:.1f} s, then all "
            f"{sum(1 for p in fetched if p.id == patient_id)} of 10 calls succeeded"
        )

        out("")
        out("== 6. Switch to the Canadian region")
        ca = fs.with_region(sandbox_region(sandbox, "ca"))
        try:
            await ca.clinic.retrieve()
        except TokenMissingError as error:
            out(f"CA before authorizing: {type(error).__name__}: {error}")
        ca_code = await authorize_in_browser(sandbox, ca.authorization_url(state="demo-state-2"))
        ca_token = await ca.exchange_code(ca_code)
        ca_clinic = await ca.clinic.retrieve()
        us_clinic = await fs.clinic.retrieve()
        refreshed = fs.token_manager.current_token
        out(f"Canadian region: token region={ca_token.region}, clinic {ca_clinic.name!r}")
        out(f"US client unchanged: clinic {us_clinic.name!r} (same connection pool and limiter)")

    out("")
    out(
        f"done in {time.perf_counter() - started:.1f} s: {traffic.requests} HTTP requests, "
        f"{traffic.token_calls} token calls, statuses {dict(sorted(traffic.statuses.items()))}"
    )
    held = (token, ca_token) + ((refreshed,) if refreshed is not None else ())
    return DemoResult(
        requests=traffic.requests,
        token_calls=traffic.token_calls,
        rate_limited=traffic.status_count(429),
        tokens=held,
    )


def main() -> None:
    asyncio.run(run_demo())


if __name__ == "__main__":
    main()
