"""The app: one Fullscript client, clinics connected by OAuth, patients, webhooks, catch-up.

    uvicorn --factory examples.fastapi_app.app:create_app      # settings from the environment

Routes:
    GET  /oauth/connect?clinic=<id>            connect a clinic (redirects to Fullscript)
    GET  /oauth/callback                       Fullscript redirects back here
    GET  /clinics/{clinic}/patients            every patient, streamed as NDJSON
    POST /clinics/{clinic}/patients            create one (JSON body: PatientCreateRequest)
    GET  /clinics/{clinic}/patients/{id}       one patient
    POST /webhooks/fullscript                  Fullscript's deliveries
    GET  /events/handled                       what the handlers have seen (this example only)
    GET  /metrics                              what the SDK did, as Prometheus text
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any

import httpx2
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse, StreamingResponse
from fullscript_api.models import Patient, PatientCreateRequest

from fullscript import FileTokenStore, Fullscript, OAuthApp, RateLimiter, TokenStore
from fullscript.fastapi import (
    OAuthStateSigner,
    SDKRoute,
    fullscript_lifespan,
    grant_dependency,
    install_error_handlers,
    oauth_router,
    stream_ndjson,
    webhook_router,
)
from fullscript.webhooks import (
    DEFAULT_SEEN_TTL,
    CatchUpLedger,
    FileCatchUpLedger,
    InMemorySeenStore,
    SeenStore,
    WebhookReceiver,
)

from .events import EventLog, register_handlers
from .metrics import PROMETHEUS_TEXT, SDKMetrics
from .settings import Settings

logger = logging.getLogger("example.app")


def create_app(
    settings: Settings | None = None,
    *,
    transport: httpx2.AsyncBaseTransport | None = None,
    clock: Callable[[], float] = time.time,
) -> FastAPI:
    """Build the app.

    ``transport`` and ``clock`` (epoch seconds) let tests run it on the in-process sandbox
    and its time; uvicorn's ``--factory`` calls it with neither.
    """
    settings = settings or Settings.from_env()
    seen = _seen_store(settings, "events")
    nonces = _seen_store(settings, "oauth", ttl=660.0)
    receiver = WebhookReceiver(
        list(settings.webhook_secrets),
        challenge=settings.webhook_challenge,
        seen=seen,
        clock=clock,
    )
    ledger = catch_up_ledger(settings)
    log = EventLog(settings.event_log)
    register_handlers(receiver, log)
    metrics = SDKMetrics()
    shared: list[object] = [seen, nonces, ledger]  # closed at shutdown

    def make_client() -> Fullscript:
        # Made inside the lifespan: Redis clients belong to the event loop that uses them.
        store, limiter = token_store(settings), rate_limiter(settings)
        shared.extend((store, limiter))
        return Fullscript(
            app=OAuthApp(settings.client_id, settings.client_secret, settings.redirect_uri),
            region=settings.region(next(iter(settings.clinics))),
            token_store=store,
            limiter=limiter,
            transport=transport,
            hooks=metrics.hooks(),
        )

    def clinic_client(fs: Fullscript, clinic: str) -> Fullscript:
        """Each clinic is a grant of its own region: one pool and limiter for all of them."""
        if clinic not in settings.clinics:
            raise HTTPException(404, f"unknown clinic {clinic!r}")
        return fs.with_region(settings.region(clinic)).for_grant(clinic)

    async def catch_up(fs: Fullscript) -> None:
        """At startup: handle what Fullscript sent while this app was down. Each connected
        clinic once across the workers (the ledger's lease), from its last event handled."""
        for region in {settings.region(clinic) for clinic in settings.clinics}:
            regional = fs.with_region(region)
            connected = [
                clinic
                for clinic in await regional.grants()
                if clinic in settings.clinics and settings.region(clinic) == region
            ]
            results = await receiver.catch_up_clinics(
                regional,
                ledger=ledger,
                grants=connected,
                first_look_back=timedelta(hours=settings.catch_up_hours),
            )
            for clinic, handled in results.items():
                if handled is not None:
                    logger.info("caught up on %d missed events of clinic %s", handled, clinic)

    async def close_stores(fs: Fullscript) -> None:
        for resource in shared:
            close = getattr(resource, "aclose", None)
            if close is not None:
                await close()

    app = FastAPI(
        title="Fullscript example",
        lifespan=fullscript_lifespan(make_client, on_startup=catch_up, on_shutdown=close_stores),
    )
    install_error_handlers(app)

    # This example has no login: one operator connects its configured clinics, named in the
    # URL. A real app reads both from the signed-in user's session, never from the URL, or
    # anyone could bind any clinic to their own Fullscript account (docs/fastapi.md).
    async def requested_clinic(request: Request) -> str:
        clinic = request.query_params.get("clinic", "")
        if clinic not in settings.clinics:
            raise HTTPException(404, f"unknown clinic {clinic!r}")
        return clinic

    async def operator(request: Request) -> str:
        return "example-operator"

    signer = OAuthStateSigner(settings.state_secret, clock=clock, nonces=nonces)
    app.include_router(
        oauth_router(signer, grant_id=requested_clinic, user_id=operator, resolver=clinic_client)
    )
    app.include_router(webhook_router(receiver))

    async def clinic_id(clinic: str) -> str:  # async: no threadpool hop per request
        return clinic

    ClinicFullscript = Annotated[
        Fullscript, Depends(grant_dependency(clinic_id, resolver=clinic_client))
    ]
    api = APIRouter(route_class=SDKRoute)

    @api.get("/clinics/{clinic}/patients")
    async def list_patients(fs: ClinicFullscript) -> StreamingResponse:
        return await stream_ndjson(fs.patients.list(prefetch=2))

    @api.post("/clinics/{clinic}/patients", status_code=201)
    async def create_patient(body: PatientCreateRequest, fs: ClinicFullscript) -> Patient:
        return await fs.patients.create(body=body)

    @api.get("/clinics/{clinic}/patients/{patient_id}")
    async def get_patient(patient_id: str, fs: ClinicFullscript) -> Patient:
        return await fs.patients.retrieve(patient_id)

    @api.get("/events/handled")
    async def handled_events() -> list[dict[str, Any]]:
        return log.read()

    @api.get("/metrics", response_class=PlainTextResponse)
    async def sdk_metrics() -> PlainTextResponse:
        return PlainTextResponse(metrics.render(), media_type=PROMETHEUS_TEXT)

    @api.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(api)
    return app


def token_store(settings: Settings) -> TokenStore:
    """Redis when configured (every worker on every machine), else the token file (the
    workers of one machine)."""
    if settings.redis_url is None:
        return FileTokenStore(settings.token_file)
    from fullscript.redis import RedisTokenStore

    return RedisTokenStore(settings.redis_url, prefix="example")


def rate_limiter(settings: Settings) -> RateLimiter | None:
    """One 5000/300 s quota for every worker when Redis is configured; else None (each
    process its own limiter: run one worker, or configure Redis)."""
    if settings.redis_url is None:
        return None
    from fullscript.redis import RedisRateLimiter

    return RedisRateLimiter(settings.redis_url, key_prefix="example:quota")


def catch_up_ledger(settings: Settings) -> CatchUpLedger:
    """Who catches which clinic up at startup, and from where: Redis when configured, else a
    file beside the token file (the workers of one machine)."""
    if settings.redis_url is None:
        return FileCatchUpLedger(settings.token_file + ".catch-up.json")
    from fullscript.webhooks.redis import RedisCatchUpLedger

    return RedisCatchUpLedger(settings.redis_url, prefix="example:catch-up:")


def _seen_store(settings: Settings, purpose: str, ttl: float = DEFAULT_SEEN_TTL) -> SeenStore:
    """Redis when configured (several workers), else this process's memory."""
    if settings.redis_url is None:
        return InMemorySeenStore(ttl=ttl)
    from fullscript.webhooks.redis import RedisSeenStore

    return RedisSeenStore(settings.redis_url, prefix=f"example:{purpose}:", ttl=ttl)
