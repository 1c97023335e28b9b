"""Fullscript webhooks: verify a delivery, type its event, deduplicate, and catch up on misses.

One call from raw delivery to typed event::

    from fullscript.webhooks import PatientUpdated, unwrap, challenge_response

    event = unwrap(raw_body, request.headers, [secret, previous_secret])
    if isinstance(event, PatientUpdated):
        print(event.data.patient.first_name)
    return challenge_response(challenge_token)

Or let a `WebhookReceiver` do verification, dedup, the challenge and your handlers, and reuse
the same handlers on events missed while you were down (`WebhookReceiver.catch_up`, built on
`reconcile`). At startup on several workers, `WebhookReceiver.catch_up_clinics` catches each
clinic up once across the workers, from a cursor in a shared `CatchUpLedger`
(`fullscript.webhooks.catch_up`). ``fullscript.fastapi.webhook_router`` serves a receiver
from FastAPI.

`verify_signature(body, header, secret)` remains for checking a signature alone. Redis-backed
dedup for several workers lives in `fullscript.webhooks.redis` (the ``[redis]`` extra).
"""

from .catch_up import (
    DEFAULT_CATCH_UP_LEASE,
    DEFAULT_FIRST_LOOK_BACK,
    CatchUpCursor,
    CatchUpLedger,
    FileCatchUpLedger,
    InMemoryCatchUpLedger,
    catch_up_clinic,
    catch_up_clinics,
)
from .events import (
    EVENT_CLASSES,
    EVENT_TYPES,
    ClinicKeyActivated,
    ClinicKeyEventData,
    ClinicKeyRevoked,
    LabOrderEventData,
    LabOrderUpdated,
    OrderEventData,
    OrderPlaced,
    PatientCreated,
    PatientEmancipated,
    PatientEventData,
    PatientUpdated,
    ProductCreated,
    ProductDescriptionUpdated,
    ProductEventData,
    ProductUpdated,
    RecommendationEventData,
    TreatmentPlanCreated,
    TreatmentPlanEventData,
    TreatmentPlanRecommendationUpdated,
    TreatmentPlanUpdated,
    TypedEvent,
    UnknownEvent,
    WebhookEvent,
    WebhookPayloadError,
    parse_event,
)
from .receiver import Delivery, DeliveryKind, ProbePolicy, WebhookReceiver
from .reconcile import EVENT_LISTS, reconcile
from .seen import DEFAULT_SEEN_TTL, InMemorySeenStore, SeenStore, event_key
from .signature import (
    DEFAULT_TOLERANCE,
    SIGNATURE_HEADER,
    WebhookSignatureError,
    compute_signature,
    sign_payload,
    verify_signature,
    verify_signatures,
)
from .unwrap import (
    challenge_response,
    is_probe,
    parse_body,
    signature_header,
    unwrap,
    verify_delivery,
)

__all__ = [
    "DEFAULT_CATCH_UP_LEASE",
    "DEFAULT_FIRST_LOOK_BACK",
    "DEFAULT_SEEN_TTL",
    "DEFAULT_TOLERANCE",
    "EVENT_CLASSES",
    "EVENT_LISTS",
    "EVENT_TYPES",
    "SIGNATURE_HEADER",
    "CatchUpCursor",
    "CatchUpLedger",
    "ClinicKeyActivated",
    "ClinicKeyEventData",
    "ClinicKeyRevoked",
    "Delivery",
    "DeliveryKind",
    "FileCatchUpLedger",
    "InMemoryCatchUpLedger",
    "InMemorySeenStore",
    "LabOrderEventData",
    "LabOrderUpdated",
    "OrderEventData",
    "OrderPlaced",
    "PatientCreated",
    "PatientEmancipated",
    "PatientEventData",
    "PatientUpdated",
    "ProbePolicy",
    "ProductCreated",
    "ProductDescriptionUpdated",
    "ProductEventData",
    "ProductUpdated",
    "RecommendationEventData",
    "SeenStore",
    "TreatmentPlanCreated",
    "TreatmentPlanEventData",
    "TreatmentPlanRecommendationUpdated",
    "TreatmentPlanUpdated",
    "TypedEvent",
    "UnknownEvent",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookReceiver",
    "WebhookSignatureError",
    "catch_up_clinic",
    "catch_up_clinics",
    "challenge_response",
    "compute_signature",
    "event_key",
    "is_probe",
    "parse_body",
    "parse_event",
    "reconcile",
    "sign_payload",
    "signature_header",
    "unwrap",
    "verify_delivery",
    "verify_signature",
    "verify_signatures",
]
