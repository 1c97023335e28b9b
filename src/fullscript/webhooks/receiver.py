"""`WebhookReceiver`: verification, dedup, the challenge and your handlers, framework-free.

    receiver = WebhookReceiver([secret], challenge="<dashboard token>", seen=store)

    @receiver.on(PatientUpdated)
    async def sync_patient(event: PatientUpdated) -> None:
        await save(event.data.patient)

    # In any web framework:
    delivery = await receiver.receive(raw_body, headers)   # raises on a forgery
    answer = receiver.answer()                             # {"challenge": ...}, send it now
    await receiver.handle(delivery)                        # then run the handlers

    # After downtime, the same handlers on what was missed:
    await receiver.catch_up(fs, since=an_hour_ago)
    # At startup on many workers: every clinic once, each from where it stopped
    await receiver.catch_up_clinics(fs, ledger=FileCatchUpLedger("catch-up.json"))

`fullscript.fastapi.webhook_router` wires this into FastAPI.
"""

from __future__ import annotations

import enum
import inspect
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from .._validation import check_seconds
from .catch_up import (
    catch_up_clinics,
)
from .events import EVENT_CLASSES, UnknownEvent, WebhookEvent
from .reconcile import reconcile
from .seen import InMemorySeenStore, SeenStore, event_key
from .signature import DEFAULT_TOLERANCE, check_secrets, check_tolerance
from .unwrap import Headers, challenge_response, is_probe, parse_body, verify_delivery

if TYPE_CHECKING:
    from .._client import Fullscript

__all__ = ["DEFAULT_PROCESSING_TTL", "Delivery", "DeliveryKind", "ProbePolicy", "WebhookReceiver"]

logger = logging.getLogger("fullscript.webhooks")

E = TypeVar("E", bound=WebhookEvent)
F = TypeVar("F", bound=Callable[[Any], Any])
Handler = Callable[[E], Awaitable[object] | object]

_ANY = "*"

#: How long an event is held for its handlers before it counts as handled (15 minutes).
DEFAULT_PROCESSING_TTL = 900.0


class ProbePolicy(enum.Enum):
    """What to do with an empty-body delivery (Fullscript's first probe of a new URL).

    Whether Fullscript signs that probe is not documented.
    """

    #: Answer the challenge only when the probe is signed (the safe default).
    REQUIRE_SIGNATURE = "require_signature"
    #: Answer the challenge to an unsigned empty probe too (it carries no event, so this only
    #: reveals the challenge token, which Fullscript sends with nothing secret).
    ANSWER_UNSIGNED = "answer_unsigned"


class DeliveryKind(enum.Enum):
    """What a verified delivery turned out to be."""

    EVENT = "event"  #: a new event: handle it
    DUPLICATE = "duplicate"  #: an event already claimed (retry, or another worker has it)
    PROBE = "probe"  #: the empty-body probe: answer, nothing to handle


@attrs.frozen
class Delivery:
    """The outcome of `WebhookReceiver.receive`.

    Attributes:
        kind: event, duplicate or probe.
        event: the typed event (None for a probe).
        key: its dedup key (None for a probe).
    """

    kind: DeliveryKind
    event: WebhookEvent | None = None
    key: str | None = None


class WebhookReceiver:
    """Everything a webhook endpoint does, except HTTP.

    Args:
        secrets: the webhook secret, or several during a rotation (new first).
        challenge: the challenge token from the dashboard, echoed in every answer.
        tolerance: largest accepted signature age or lead, in seconds.
        clock: current epoch seconds (tests and the sandbox inject their own).
        seen: the dedup store (default: in memory, for one process; use
            ``fullscript.webhooks.redis.RedisSeenStore`` with several workers).
        key: the dedup key of an event (default: integration, clinic and event id).
        probe_policy: whether an unsigned empty probe is answered (see `ProbePolicy`).
        processing_ttl: how long an event is held for its handlers before it counts as
            handled; if the process dies meanwhile the hold lapses and a retry or the next
            catch-up offers the event again (it must exceed your handlers' run time).

    Bad settings (a bytes secret, ``tolerance=nan``) raise at construction, not per delivery.
    """

    def __init__(
        self,
        secrets: Sequence[str] | str,
        *,
        challenge: str | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        clock: Callable[[], float] = time.time,
        seen: SeenStore | None = None,
        key: Callable[[WebhookEvent], str] = event_key,
        probe_policy: ProbePolicy = ProbePolicy.REQUIRE_SIGNATURE,
        processing_ttl: float = DEFAULT_PROCESSING_TTL,
    ) -> None:
        self._secrets = check_secrets(secrets)
        if challenge is not None and not isinstance(challenge, str):
            raise TypeError(f"challenge must be str, got {type(challenge).__name__}")
        self.challenge = challenge
        self.tolerance = check_tolerance(tolerance)
        self.clock = clock
        self.seen: SeenStore = seen if seen is not None else InMemorySeenStore()
        self.key = key
        self.probe_policy = ProbePolicy(probe_policy)
        self.processing_ttl = check_seconds(
            processing_ttl, name="processing_ttl", where="WebhookReceiver"
        )
        self._handlers: dict[str, list[Handler[Any]]] = {}

    def __repr__(self) -> str:
        # The secrets and the challenge token stay out.
        return (
            f"WebhookReceiver(secrets={len(self._secrets)}, seen={self.seen!r}, "
            f"handlers={sorted(self._handlers)})"
        )

    # --- handlers -----------------------------------------------------------------------------

    @overload
    def on(self, kind: type[E], /) -> Callable[[Handler[E]], Handler[E]]: ...  # type: ignore[overload-overlap]
    @overload
    def on(self, *kinds: str | type[WebhookEvent]) -> Callable[[F], F]: ...

    def on(self, *kinds: str | type[WebhookEvent]) -> Callable[[Handler[Any]], Handler[Any]]:
        """Register a handler (async or plain function) for event classes or type names.

        ``on(PatientUpdated)``, ``on("patient.updated", "patient.created")``,
        ``on(UnknownEvent)`` (types this SDK cannot type) or ``on("*")`` / ``on()`` for every
        event. Handlers run in registration order.
        """
        names = [self._type_name(kind) for kind in kinds] or [_ANY]

        def register(handler: Handler[Any]) -> Handler[Any]:
            for name in names:
                self._handlers.setdefault(name, []).append(handler)
            return handler

        return register

    @staticmethod
    def _type_name(kind: str | type[WebhookEvent]) -> str:
        if isinstance(kind, str):
            if kind != _ANY and kind not in EVENT_CLASSES:
                logger.info("handler registered for undocumented event type %r", kind)
            return kind
        if kind is WebhookEvent:
            return _ANY
        if kind is UnknownEvent:
            return "unknown"
        documented = getattr(kind, "TYPE", "")
        if documented in EVENT_CLASSES:
            return str(documented)
        raise TypeError(f"cannot register a handler for {kind!r}: not an event class")

    def handlers_for(self, event: WebhookEvent) -> list[Handler[Any]]:
        """The handlers an event runs, in order.

        An `UnknownEvent` never reaches a handler registered for a type (a handler for
        `PatientUpdated` expects ``event.data.patient``): it goes to handlers for `UnknownEvent`
        and for every event only.
        """
        names = ["unknown" if isinstance(event, UnknownEvent) else event.type, _ANY]
        found: list[Handler[Any]] = []
        for name in names:
            for handler in self._handlers.get(name, ()):
                if handler not in found:
                    found.append(handler)
        return found

    # --- deliveries ---------------------------------------------------------------------------

    def answer(self) -> dict[str, str]:
        """The body to answer every accepted delivery with (``{"challenge": ...}`` or ``{}``)."""
        return challenge_response(self.challenge) if self.challenge is not None else {}

    async def receive(self, body: bytes, headers: Headers) -> Delivery:
        """Verify, type and claim one delivery.

        Raises `WebhookSignatureError` for anything not genuinely from Fullscript, and
        `WebhookPayloadError` for a genuine body that is not an event.
        """
        if is_probe(body):
            if self.probe_policy is ProbePolicy.REQUIRE_SIGNATURE:
                self._verify(body, headers)
            return Delivery(DeliveryKind.PROBE)
        self._verify(body, headers)
        event = parse_body(body)
        key = self.key(event)
        if not await self.seen.claim(key, ttl=self.processing_ttl):
            logger.info("event %s (%s) already handled: duplicate ignored", event.id, event.type)
            return Delivery(DeliveryKind.DUPLICATE, event, key)
        return Delivery(DeliveryKind.EVENT, event, key)

    def _verify(self, body: bytes, headers: Headers) -> None:
        verify_delivery(body, headers, self._secrets, tolerance=self.tolerance, clock=self.clock)

    async def handle(self, delivery: Delivery | WebhookEvent) -> bool:
        """Run the handlers of a new event; True when all succeeded (or there were none).

        When they all succeed the event's claim is confirmed (kept for the store's full time
        to live). A handler's exception is logged (event id and type, never the payload) and
        stops the remaining handlers; the claim is then released, so a later reconciliation
        hands the event out again. Nothing is raised.
        """
        if isinstance(delivery, Delivery):
            if delivery.kind is not DeliveryKind.EVENT or delivery.event is None:
                return True
            event, key = delivery.event, delivery.key
        else:
            event, key = delivery, self.key(delivery)
        handlers = self.handlers_for(event)
        if not handlers and isinstance(event, UnknownEvent):
            # Acknowledged (so it is not offered again) and logged once, without the payload.
            logger.warning(
                "event %s (%s) could not be typed (%s) and no handler takes UnknownEvent: "
                "acknowledged unhandled",
                event.id,
                event.type,
                event.reason,
            )
        for handler in handlers:
            try:
                result = handler(event)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                logger.exception(
                    "webhook handler %s failed on event %s (%s); it will be offered again "
                    "by the next reconciliation",
                    getattr(handler, "__qualname__", handler),
                    event.id,
                    event.type,
                )
                if key is not None:
                    await self.seen.release(key)
                return False
        if key is not None:
            await self.seen.confirm(key)
        return True

    # --- reconciliation ---------------------------------------------------------------------

    def _unhandled_events(
        self,
        fs: Fullscript,
        since: datetime,
        prefetch: int,
        categories: Sequence[str] | None = None,
    ) -> AsyncIterator[WebhookEvent]:
        """`reconcile` through this receiver's dedup store: the events since ``since`` it has
        not handled, each claimed for `processing_ttl` as it is yielded."""
        options: dict[str, Any] = {} if categories is None else {"categories": categories}
        return reconcile(
            fs,
            since,
            seen=self.seen,
            key=self.key,
            prefetch=prefetch,
            claim_ttl=self.processing_ttl,
            **options,
        )

    async def catch_up(
        self,
        fs: Fullscript,
        since: datetime,
        *,
        prefetch: int = 4,
        categories: Sequence[str] | None = None,
    ) -> int:
        """Run the handlers on every event since ``since`` not yet handled; return how many.

        Walks the ``GET /events/*`` lists (see `fullscript.webhooks.reconcile`) through this
        receiver's dedup store, so events already delivered by webhook are skipped and events
        handled here are skipped if a delayed delivery brings them later.
        """
        handled = 0
        async for event in self._unhandled_events(fs, since, prefetch, categories):
            await self.handle(event)
            handled += 1
        return handled

    # The function of `fullscript.webhooks.catch_up`, bound to this receiver as a method: one
    # signature and docstring for both spellings.
    catch_up_clinics = catch_up_clinics
