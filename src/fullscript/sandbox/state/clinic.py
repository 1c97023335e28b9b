"""Acting as the clinic in Fullscript's UI: changes that create events (and webhook deliveries).

The API never creates events; these methods are how tests make them happen.
"""

from __future__ import annotations

import copy
from typing import Any

from ..errors import ValidationFailed, not_found
from ..oauth.server import OAuthServer
from ..webhooks.delivery import WebhookDispatcher
from .clock import SandboxClock, format_timestamp
from .people import create_patient as create_patient_record
from .people import update_patient as update_patient_record
from .plans import create_plan, update_plan
from .records import LAB_STATUSES, build_event, build_order, touch
from .seed.catalog import add_product
from .store import Record, RegionState, public

__all__ = ["CLINIC_ACTIONS", "ClinicControl"]


class ClinicControl:
    """Clinic-side actions for one region. Each returns the event it created (served view)."""

    def __init__(
        self,
        state: RegionState,
        clock: SandboxClock,
        webhooks: WebhookDispatcher,
        oauth: OAuthServer,
    ) -> None:
        self.state = state
        self._clock = clock
        self._webhooks = webhooks
        self._oauth = oauth

    def _emit(self, event_type: str, data: Record) -> Record:
        # Events are snapshots: later changes to the objects must not rewrite history.
        event = build_event(self.state, event_type, copy.deepcopy(data), self._clock.now())
        self.state.add("events", event)
        self._webhooks.enqueue(self.state, event)
        return public(event)

    def _get(self, table: str, record_id: str) -> Record:
        record = self.state.get(table, record_id)
        if record is None:
            raise not_found(f"{table} {record_id} not found")
        return record

    def _available_variant(self) -> str:
        """The variant a plan or order uses when the caller names none."""
        for variant in self.state.values("variants"):
            if variant["status"] == "available":
                return str(variant["id"])
        raise ValidationFailed({"variant_id": ["no variant is available; name one"]})

    def _first_practitioner(self) -> str:
        return str(self.state.values("practitioners")[0]["id"])

    # --- patients ---------------------------------------------------------------------------

    def create_patient(self, **fields: Any) -> Record:
        """Create a patient (``patient.created``). Fields as in ``POST /clinic/patients``."""
        patient = create_patient_record(self.state, fields, self._clock.now())
        return self._emit("patient.created", {"patient": public(patient)})

    def update_patient(self, patient_id: str, **fields: Any) -> Record:
        """Change a patient (``patient.updated``)."""
        patient = self._get("patients", patient_id)
        update_patient_record(self.state, patient, fields, self._clock.now())
        return self._emit("patient.updated", {"patient": public(patient)})

    def emancipate_patient(self, patient_id: str) -> Record:
        """A dependent becomes an independent patient (``patient.emancipated``)."""
        patient = self._get("patients", patient_id)
        if not patient["is_dependent"]:
            raise ValidationFailed({"patient_id": ["is not a dependent"]})
        patient["is_dependent"] = False
        patient["guardian_patient_id"] = None
        touch(patient, self._clock.now())
        return self._emit("patient.emancipated", {"patient": public(patient)})

    # --- treatment plans --------------------------------------------------------------------

    def create_treatment_plan(
        self,
        patient_id: str,
        *,
        practitioner_id: str | None = None,
        recommendations: list[Record] | None = None,
        state: str = "active",
        personal_message: str | None = None,
    ) -> Record:
        """Write a plan for a patient (``treatment_plan.created``)."""
        patient = self._get("patients", patient_id)
        if recommendations is None:
            recommendations = [{"variant_id": self._available_variant(), "units_to_purchase": 1}]
        body = {"recommendations": recommendations, "state": state}
        if personal_message is not None:
            body["personal_message"] = personal_message
        practitioner = practitioner_id or self._first_practitioner()
        plan = create_plan(self.state, patient, body, self._clock.now(), practitioner)
        return self._emit("treatment_plan.created", {"treatment_plan": public(plan)})

    def update_treatment_plan(self, plan_id: str, **fields: Any) -> Record:
        """Change a plan (``treatment_plan.updated``)."""
        plan = self._get("treatment_plans", plan_id)
        fields.setdefault("recommendations", plan["recommendations"])
        update_plan(self.state, plan, fields, self._clock.now())
        return self._emit("treatment_plan.updated", {"treatment_plan": public(plan)})

    def update_recommendation(self, plan_id: str, index: int = 0, **changes: Any) -> Record:
        """Change one recommendation of a plan (``treatment_plan.recommendation.updated``)."""
        plan = self._get("treatment_plans", plan_id)
        if not 0 <= index < len(plan["recommendations"]):
            raise ValidationFailed({"index": ["no such recommendation"]})
        recommendations = [dict(r) for r in plan["recommendations"]]
        recommendations[index].update(changes)
        update_plan(self.state, plan, {"recommendations": recommendations}, self._clock.now())
        return self._emit(
            "treatment_plan.recommendation.updated",
            {"treatment_plan": public(plan), "recommendation": plan["recommendations"][index]},
        )

    # --- orders and labs --------------------------------------------------------------------

    def place_order(self, patient_id: str, *, treatment_plan_id: str | None = None) -> Record:
        """The patient checks out (``order.placed``), from a plan's recommendations if given."""
        patient = self._get("patients", patient_id)
        plans = [treatment_plan_id] if treatment_plan_id else []
        if treatment_plan_id:
            plan = self._get("treatment_plans", treatment_plan_id)
            picks = [
                (r["variant_id"], int(r["units_to_purchase"])) for r in plan["recommendations"]
            ]
            practitioner_id = plan["practitioner"]["id"]
        else:
            picks = [(self._available_variant(), 1)]
            practitioner_id = self._first_practitioner()
        items = [
            {
                "variant_id": variant_id,
                "quantity": quantity,
                "type": "supplement",
                "_price": self._get("variants", variant_id)["_price"],
            }
            for variant_id, quantity in picks
        ]
        order = build_order(
            self.state,
            patient_id=patient["id"],
            practitioner_id=practitioner_id,
            treatment_plan_ids=plans,
            line_items=items,
            order_type="supplement",
            now=self._clock.now(),
        )
        self.state.add("orders", order)
        return self._emit("order.placed", {"order": public(order)})

    def update_lab_order(self, lab_order_id: str, status: str) -> Record:
        """Move a lab order along (``lab_order.updated``)."""
        order = self._get("lab_orders", lab_order_id)
        if status not in LAB_STATUSES:
            raise ValidationFailed({"status": [f"must be one of: {', '.join(LAB_STATUSES)}"]})
        order["status"] = status
        touch(order, self._clock.now())
        return self._emit("lab_order.updated", {"lab_order": public(order)})

    # --- catalog ----------------------------------------------------------------------------

    def update_product(self, product_id: str, *, name: str | None = None) -> Record:
        """Change a product (``product.updated``)."""
        product = self._get("products", product_id)
        if name is not None:
            product["name"] = name
        return self._emit("product.updated", {"product": public(product)})

    def update_product_description(self, product_id: str, description_html: str) -> Record:
        """Change a product's description (``product.description.updated``)."""
        product = self._get("products", product_id)
        product["description_html"] = description_html
        return self._emit("product.description.updated", {"product": public(product)})

    def discontinue_variant(self, variant_id: str) -> Record:
        """Discontinue a variant: it then answers 410 Gone (``product.updated``)."""
        variant = self._get("variants", variant_id)
        variant["_gone"] = True
        variant["status"] = "discontinued"
        product = self._get("products", variant["_product_id"])
        for summary in product["variants"]:
            if summary["id"] == variant_id:
                summary["status"] = "discontinued"
        return self._emit("product.updated", {"product": public(product)})

    def create_product(self, name: str, *, brand_id: str | None = None) -> Record:
        """A new product appears in the catalog (``product.created``)."""
        brand = self._get("brands", brand_id) if brand_id else self.state.values("brands")[0]
        product = add_product(
            self.state,
            name,
            brand,
            allergen_ids=[],
            ingredient_ids=[],
            supplement_type_ids=[],
            certification_ids=[],
        )
        return self._emit("product.created", {"product": public(product)})

    # --- clinic key ---------------------------------------------------------------------------

    def activate_clinic_key(self) -> Record:
        """The integration is activated (``clinic_key.activated``)."""
        self.state.clinic["integration_activated_at"] = format_timestamp(self._clock.now())
        return self._emit(
            "clinic_key.activated", {"clinic_key": {"clinic_id": self.state.clinic["id"]}}
        )

    def revoke_clinic_key(self) -> Record:
        """The clinic revokes the integration (``clinic_key.revoked``); its tokens die."""
        self._oauth.revoke_region(self.state.region)
        return self._emit(
            "clinic_key.revoked", {"clinic_key": {"clinic_id": self.state.clinic["id"]}}
        )


#: The clinic actions reachable through ``POST /_sandbox/{region}/clinic/{action}``.
CLINIC_ACTIONS: tuple[str, ...] = tuple(
    name
    for name, value in vars(ClinicControl).items()
    if not name.startswith("_") and callable(value)
)
