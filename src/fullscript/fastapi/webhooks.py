"""The webhook endpoint: raw body, verification, the challenge at once, handlers afterwards.

    receiver = WebhookReceiver([secret], challenge=challenge_token, seen=RedisSeenStore(url))

    @receiver.on(PatientUpdated)
    async def sync(event: PatientUpdated) -> None: ...

    app.include_router(webhook_router(receiver))          # POST /webhooks/fullscript

Answers:

* 200 ``{"challenge": ...}`` for a genuine event (its handlers run after the answer is sent,
  as FastAPI background tasks), a duplicate (no handler runs) and the empty probe;
* 400 ``{"error": "invalid signature"}`` for anything not signed by Fullscript - the body
  says nothing about why (the log does);
* 400 ``{"error": "unreadable payload"}`` for a genuine body that is not an event;
* 503 when the dedup store cannot be reached (nothing was handled: Fullscript's retry is
  wanted).

A failing handler is logged and never turns into a 5xx: the delivery was genuine, and its
event is released from the dedup store, so the next reconciliation offers it again.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse

from ..webhooks.events import WebhookPayloadError
from ..webhooks.receiver import DeliveryKind, WebhookReceiver
from ..webhooks.signature import WebhookSignatureError

__all__ = ["DEFAULT_WEBHOOK_PATH", "webhook_router"]

logger = logging.getLogger("fullscript.fastapi")

DEFAULT_WEBHOOK_PATH = "/webhooks/fullscript"


def webhook_router(receiver: WebhookReceiver, *, path: str = DEFAULT_WEBHOOK_PATH) -> APIRouter:
    """A router with one ``POST path`` serving ``receiver`` (see the module doc)."""
    router = APIRouter()

    @router.post(path, include_in_schema=False, name="fullscript_webhook")
    async def receive(request: Request, background: BackgroundTasks) -> JSONResponse:
        body = await request.body()  # the raw bytes: what the signature covers
        try:
            delivery = await receiver.receive(body, request.headers)
        except WebhookSignatureError as error:
            logger.warning("webhook delivery refused: %s", error)
            return JSONResponse({"error": "invalid signature"}, status_code=400)
        except WebhookPayloadError as error:
            logger.warning("genuine webhook delivery without a readable event: %s", error)
            return JSONResponse({"error": "unreadable payload"}, status_code=400)
        except Exception:
            logger.exception("webhook delivery not processed: the dedup store failed")
            return JSONResponse({"error": "temporarily unavailable"}, status_code=503)
        if delivery.kind is DeliveryKind.EVENT:
            background.add_task(receiver.handle, delivery)
        return JSONResponse(receiver.answer())

    return router
