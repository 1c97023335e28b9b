"""Typed webhook events: one class per documented event type, ``data`` parsed into SDK models.

Each event type Fullscript documents has a class here (``PatientUpdated``,
``OrderPlaced``, ...) whose ``data`` holds the generated models the event is about
(``event.data.patient`` is a ``fullscript_api.models.Patient``). A type this SDK does not know,
or a known type whose data does not have the documented shape, becomes an `UnknownEvent` that
keeps the raw payload, so nothing is lost when Fullscript adds a type or a field.

The same classes come out of `fullscript.webhooks.unwrap` (deliveries) and
`fullscript.webhooks.reconcile` (the ``GET /events/*`` lists), so one handler serves both.
"""

from __future__ import annotations

import functools
import importlib
import logging
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from fullscript_api.models import (
        LabOrder,
        Order,
        Patient,
        Product,
        Recommendation,
        TreatmentPlan,
    )

from .._errors import FullscriptError

__all__ = [
    "EVENT_CLASSES",
    "EVENT_TYPES",
    "ClinicKeyActivated",
    "ClinicKeyEventData",
    "ClinicKeyRevoked",
    "LabOrderEventData",
    "LabOrderUpdated",
    "OrderEventData",
    "OrderPlaced",
    "PatientCreated",
    "PatientEmancipated",
    "PatientEventData",
    "PatientUpdated",
    "ProductCreated",
    "ProductDescriptionUpdated",
    "ProductEventData",
    "ProductUpdated",
    "RecommendationEventData",
    "TreatmentPlanCreated",
    "TreatmentPlanEventData",
    "TreatmentPlanRecommendationUpdated",
    "TreatmentPlanUpdated",
    "TypedEvent",
    "UnknownEvent",
    "WebhookEvent",
    "WebhookPayloadError",
    "parse_event",
]

logger = logging.getLogger("fullscript.webhooks")

D = TypeVar("D")


class WebhookPayloadError(FullscriptError, ValueError):
    """A (verified) delivery or listed event that cannot be read as an event.

    Raised for a body that is not JSON, not a JSON object, or an event without an ``id``.
    """


@attrs.frozen(kw_only=True)
class WebhookEvent:
    """What every event has, typed or not.

    Attributes:
        id: Fullscript's identifier of the event.
        type: the event type, e.g. ``"patient.updated"``.
        created_at: when it happened (UTC), or None when missing or unreadable.
        clinic_id: the clinic it belongs to, when given.
        integration_id: the integration it was sent for, when given (Fullscript sends one
            delivery per enabled integration).
        payload: the raw event object as received (the inner object of the wrapped form).
    """

    id: str
    type: str
    created_at: datetime | None = None
    clinic_id: str | None = None
    integration_id: str | None = None
    payload: Mapping[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class TypedEvent(WebhookEvent, Generic[D]):
    """An event of a documented type whose ``data`` was parsed into SDK models."""

    #: The event type this class stands for.
    TYPE: ClassVar[str] = ""
    data: D


@attrs.frozen(kw_only=True)
class UnknownEvent(WebhookEvent):
    """An event this SDK cannot type: an undocumented type, or data of an unexpected shape.

    Attributes:
        data: the raw ``data`` object (or whatever value it had).
        reason: why it is not typed (for logs).
    """

    data: Any = None
    reason: str = ""


# --- data shapes ------------------------------------------------------------------------------


@attrs.frozen
class PatientEventData:
    """``data`` of ``patient.*`` events."""

    patient: Patient


@attrs.frozen
class TreatmentPlanEventData:
    """``data`` of ``treatment_plan.created`` and ``treatment_plan.updated``."""

    treatment_plan: TreatmentPlan


@attrs.frozen
class RecommendationEventData:
    """``data`` of ``treatment_plan.recommendation.updated``: the plan and the changed item."""

    treatment_plan: TreatmentPlan
    recommendation: Recommendation | None


@attrs.frozen
class OrderEventData:
    """``data`` of ``order.placed``."""

    order: Order


@attrs.frozen
class LabOrderEventData:
    """``data`` of ``lab_order.updated``."""

    lab_order: LabOrder


@attrs.frozen
class ProductEventData:
    """``data`` of ``product.*`` events."""

    product: Product


@attrs.frozen
class ClinicKeyEventData:
    """``data`` of ``clinic_key.*`` events (the spec has no model for it: the clinic's id)."""

    clinic_id: str | None


def _generated_model(name: str) -> Any:
    # Looked up when an event is parsed, not imported: a client generated from a spec without
    # this model keeps `fullscript.webhooks` importable (parse_event checks it exists first).
    return getattr(importlib.import_module("fullscript_api.models"), name)


def _missing_models(cls: type[TypedEvent[Any]]) -> list[str]:
    """Models the event's data needs that the generated client does not have."""
    models = importlib.import_module("fullscript_api.models")
    needed = event_data_models()[cls].values()
    return [name for name in needed if getattr(models, name, None) is None]


def _model(data: Mapping[str, Any], key: str, model: str) -> Any:
    value = data[key]
    if not isinstance(value, Mapping):
        raise TypeError(f"data.{key} is not an object")
    return _generated_model(model).from_dict(value)


def _patient(data: Mapping[str, Any]) -> PatientEventData:
    return PatientEventData(_model(data, "patient", "Patient"))


# Event data names dosage keys as Fullscript's 2021 event example does (``recommended_amount``);
# the plan endpoints, and so the `Dosage` model, say ``amount``. Both are read.
_EVENT_DOSAGE_KEYS = {
    "recommended_amount": "amount",
    "recommended_frequency": "frequency",
    "recommended_duration": "duration",
}


def _plan_dosage(recommendation: object) -> object:
    if not isinstance(recommendation, Mapping):
        return recommendation
    dosage = recommendation.get("dosage")
    if not isinstance(dosage, Mapping):
        return recommendation
    renamed = {_EVENT_DOSAGE_KEYS.get(k, k): v for k, v in dosage.items()}
    # A key already in the plan's form wins over its event-form twin.
    renamed.update({k: v for k, v in dosage.items() if k in _EVENT_DOSAGE_KEYS.values()})
    return {**recommendation, "dosage": renamed}


def _plan_model(data: Mapping[str, Any]) -> TreatmentPlan:
    plan = data["treatment_plan"]
    if not isinstance(plan, Mapping):
        raise TypeError("data.treatment_plan is not an object")
    items = plan.get("recommendations")
    if isinstance(items, list):
        plan = {**plan, "recommendations": [_plan_dosage(item) for item in items]}
    parsed: TreatmentPlan = _generated_model("TreatmentPlan").from_dict(plan)
    return parsed


def _plan(data: Mapping[str, Any]) -> TreatmentPlanEventData:
    return TreatmentPlanEventData(_plan_model(data))


def _recommendation(data: Mapping[str, Any]) -> RecommendationEventData:
    item = _plan_dosage(data.get("recommendation"))
    return RecommendationEventData(
        _plan_model(data),
        _generated_model("Recommendation").from_dict(item) if isinstance(item, Mapping) else None,
    )


def _order(data: Mapping[str, Any]) -> OrderEventData:
    return OrderEventData(_model(data, "order", "Order"))


def _lab_order(data: Mapping[str, Any]) -> LabOrderEventData:
    return LabOrderEventData(_model(data, "lab_order", "LabOrder"))


def _product(data: Mapping[str, Any]) -> ProductEventData:
    return ProductEventData(_model(data, "product", "Product"))


def _clinic_key(data: Mapping[str, Any]) -> ClinicKeyEventData:
    key = data.get("clinic_key")
    clinic_id = key.get("clinic_id") if isinstance(key, Mapping) else None
    return ClinicKeyEventData(clinic_id if isinstance(clinic_id, str) else None)


# --- one class per documented type ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PatientCreated(TypedEvent[PatientEventData]):
    """``patient.created``: ``event.data.patient``."""

    TYPE: ClassVar[str] = "patient.created"


@attrs.frozen(kw_only=True)
class PatientUpdated(TypedEvent[PatientEventData]):
    """``patient.updated``: ``event.data.patient``."""

    TYPE: ClassVar[str] = "patient.updated"


@attrs.frozen(kw_only=True)
class PatientEmancipated(TypedEvent[PatientEventData]):
    """``patient.emancipated`` (a dependent became independent): ``event.data.patient``."""

    TYPE: ClassVar[str] = "patient.emancipated"


@attrs.frozen(kw_only=True)
class TreatmentPlanCreated(TypedEvent[TreatmentPlanEventData]):
    """``treatment_plan.created``: ``event.data.treatment_plan``."""

    TYPE: ClassVar[str] = "treatment_plan.created"


@attrs.frozen(kw_only=True)
class TreatmentPlanUpdated(TypedEvent[TreatmentPlanEventData]):
    """``treatment_plan.updated``: ``event.data.treatment_plan``."""

    TYPE: ClassVar[str] = "treatment_plan.updated"


@attrs.frozen(kw_only=True)
class TreatmentPlanRecommendationUpdated(TypedEvent[RecommendationEventData]):
    """``treatment_plan.recommendation.updated``: ``.data.treatment_plan``, ``.recommendation``."""

    TYPE: ClassVar[str] = "treatment_plan.recommendation.updated"


@attrs.frozen(kw_only=True)
class OrderPlaced(TypedEvent[OrderEventData]):
    """``order.placed``: ``event.data.order``."""

    TYPE: ClassVar[str] = "order.placed"


@attrs.frozen(kw_only=True)
class LabOrderUpdated(TypedEvent[LabOrderEventData]):
    """``lab_order.updated``: ``event.data.lab_order``."""

    TYPE: ClassVar[str] = "lab_order.updated"


@attrs.frozen(kw_only=True)
class ProductCreated(TypedEvent[ProductEventData]):
    """``product.created``: ``event.data.product``."""

    TYPE: ClassVar[str] = "product.created"


@attrs.frozen(kw_only=True)
class ProductUpdated(TypedEvent[ProductEventData]):
    """``product.updated``: ``event.data.product``."""

    TYPE: ClassVar[str] = "product.updated"


@attrs.frozen(kw_only=True)
class ProductDescriptionUpdated(TypedEvent[ProductEventData]):
    """``product.description.updated``: ``event.data.product``."""

    TYPE: ClassVar[str] = "product.description.updated"


@attrs.frozen(kw_only=True)
class ClinicKeyActivated(TypedEvent[ClinicKeyEventData]):
    """``clinic_key.activated``: ``event.data.clinic_id``."""

    TYPE: ClassVar[str] = "clinic_key.activated"


@attrs.frozen(kw_only=True)
class ClinicKeyRevoked(TypedEvent[ClinicKeyEventData]):
    """``clinic_key.revoked`` (the clinic's tokens are dead): ``event.data.clinic_id``."""

    TYPE: ClassVar[str] = "clinic_key.revoked"


_DATA_PARSERS: dict[type[TypedEvent[Any]], Callable[[Mapping[str, Any]], Any]] = {
    PatientCreated: _patient,
    PatientUpdated: _patient,
    PatientEmancipated: _patient,
    TreatmentPlanCreated: _plan,
    TreatmentPlanUpdated: _plan,
    TreatmentPlanRecommendationUpdated: _recommendation,
    OrderPlaced: _order,
    LabOrderUpdated: _lab_order,
    ProductCreated: _product,
    ProductUpdated: _product,
    ProductDescriptionUpdated: _product,
    ClinicKeyActivated: _clinic_key,
    ClinicKeyRevoked: _clinic_key,
}

#: Event class of each documented type.
EVENT_CLASSES: Mapping[str, type[TypedEvent[Any]]] = {cls.TYPE: cls for cls in _DATA_PARSERS}


@functools.cache
def event_data_models() -> Mapping[type[TypedEvent[Any]], Mapping[str, str]]:
    """Each event class's ``data`` attributes that hold a generated model, by model name.

    ``{OrderPlaced: {"order": "Order"}, ...}``, read from the data classes' annotations, so a
    spec diff can say which handlers read a changed model (``OrderPlaced.data.order``).
    """
    found: dict[type[TypedEvent[Any]], dict[str, str]] = {}
    for cls in _DATA_PARSERS:
        data_class = typing.get_args(cls.__orig_bases__[0])[0]  # type: ignore[attr-defined]
        found[cls] = {
            field.name: model
            for field in attrs.fields(data_class)
            if (model := str(field.type).removesuffix(" | None")) not in ("str", "None")
        }
    return found


#: The documented event types (the one list of them: the sandbox reads it too, and a test
#: checks it against the ``event_type`` values of the spec's event lists).
EVENT_TYPES: tuple[str, ...] = tuple(EVENT_CLASSES)


def _optional_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _event_object(payload: object) -> Mapping[str, Any]:
    """The event itself, from the flat form or the wrapped ``{"event": {...}}`` form."""
    if not isinstance(payload, Mapping):
        raise WebhookPayloadError(f"the event must be a JSON object, got {type(payload).__name__}")
    inner = payload.get("event")
    if isinstance(inner, Mapping) and "id" not in payload:
        return inner
    return payload


def parse_event(payload: object) -> WebhookEvent:
    """Type one event (flat, or wrapped as ``{"event": {...}}``), already decoded from JSON.

    Returns the documented type's class, or `UnknownEvent`. Raises `WebhookPayloadError` when
    the value is not an event at all (not an object, no string ``id``).
    """
    event = _event_object(payload)
    event_id = event.get("id")
    if not isinstance(event_id, str) or not event_id:
        raise WebhookPayloadError("the event has no id (a non-empty string)")
    event_type = event.get("type")
    common: dict[str, Any] = {
        "id": event_id,
        "type": event_type if isinstance(event_type, str) else "",
        "created_at": _timestamp(event.get("created_at")),
        "clinic_id": _optional_str(event.get("clinic_id")),
        "integration_id": _optional_str(event.get("integration_id")),
        "payload": event,
    }
    data = event.get("data")
    cls = EVENT_CLASSES.get(common["type"])
    if cls is None:
        return UnknownEvent(**common, data=data, reason=f"unknown event type {event_type!r}")
    if not isinstance(data, Mapping):
        return UnknownEvent(**common, data=data, reason=f"{cls.TYPE} event without a data object")
    missing = _missing_models(cls)
    if missing:
        reason = f"the generated client has no model {', '.join(missing)}"
        return UnknownEvent(**common, data=data, reason=reason)
    try:
        parsed = _DATA_PARSERS[cls](data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        # A documented type with data of another shape: keep it (raw) rather than lose it.
        # The exception's type (and a missing key's name) only: values may be personal data.
        detail = f"missing {exc}" if isinstance(exc, KeyError) else type(exc).__name__
        reason = f"{cls.TYPE} data does not have the documented shape ({detail})"
        logger.warning("event %s: %s", event_id, reason)
        return UnknownEvent(**common, data=data, reason=reason)
    return cls(**common, data=parsed)
