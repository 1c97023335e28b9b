"""Seed protocols, templates, treatment plans and the supplement orders placed from them."""

from __future__ import annotations

import random

from ..clock import DAY
from ..records import build_order, build_treatment_plan
from ..store import Record, RegionState
from .catalog import CATEGORIES, DURATIONS, FORMATS, FREQUENCIES

__all__ = ["seed_plans_and_orders", "seed_protocols"]


def _recommendation(rng: random.Random, variant: Record) -> Record:
    return {
        "variant_id": variant["id"],
        "refill": rng.random() < 0.5,
        "units_to_purchase": rng.randint(1, 3),
        "dosage": {
            "amount": rng.choice(("1", "1-2", "2")),
            "frequency": rng.choice(FREQUENCIES),
            "duration": rng.choice(DURATIONS),
            "format": rng.choice(FORMATS),
            "additional_info": "with food",
        },
    }


def _protocol_recommendation(rng: random.Random, variant: Record) -> Record:
    return {
        "variant_id": variant["id"],
        "quantity_recommended": str(rng.randint(1, 3)),
        "refill": rng.random() < 0.5,
        "dosage_amount": rng.choice(("1", "2")),
        "dosage_frequency": rng.choice(FREQUENCIES),
        "dosage_duration": rng.choice(DURATIONS),
        "dosage_permutations": "with meals",
        "dosage_format": rng.choice(FORMATS),
    }


def seed_protocols(state: RegionState) -> None:
    """Each practitioner's protocols and templates, and Fullscript's own protocols."""
    rng = state.rng
    practitioners = state.values("practitioners")
    variants = [v for v in state.values("variants") if v["status"] == "available"]
    for index, practitioner in enumerate(practitioners):
        for number in range(2):
            state.add(
                "protocols",
                {
                    "id": state.new_id(),
                    "name": f"{CATEGORIES[(index + number) % len(CATEGORIES)]} protocol {number + 1}",
                    "current_state": ("active", "draft", "cancelled")[(index + number) % 3],
                    "practitioner": {"id": practitioner["id"]},
                    "personal_message": "Follow for 8 weeks.",
                    "recommendations": [
                        _protocol_recommendation(rng, v) for v in rng.sample(variants, 2)
                    ],
                    "ownership_type": "owned",
                    "_fullscript": False,
                },
            )
            state.add(
                "templates",
                {
                    "id": state.new_id(),
                    "name": f"Template {index + 1}.{number + 1}",
                    "current_state": ("active", "draft")[number],
                    "practitioner_id": practitioner["id"],
                    "personal_message": "Standard starter plan.",
                    "recommendations": [
                        _protocol_recommendation(rng, v) for v in rng.sample(variants, 2)
                    ],
                },
            )
    for index, name in enumerate(CATEGORIES):
        state.add(
            "protocols",
            {
                "id": state.new_id(),
                "name": f"Fullscript {name}",
                "current_state": "active",
                "practitioner": {"id": practitioners[index % len(practitioners)]["id"]},
                "personal_message": "Curated by Fullscript.",
                "recommendations": [
                    _protocol_recommendation(rng, v) for v in rng.sample(variants, 3)
                ],
                "ownership_type": "shared",
                "_fullscript": True,
            },
        )


def seed_plans_and_orders(state: RegionState) -> None:
    """Treatment plans for the patients, and supplement orders placed from the active ones."""
    rng = state.rng
    now = state.seeded_at
    patients = state.values("patients")
    practitioners = state.values("practitioners")
    variants = [v for v in state.values("variants") if v["status"] == "available"]
    for index in range(200):
        patient = patients[(index * 7) % len(patients)]
        practitioner = practitioners[index % len(practitioners)]
        created = patient["_created"] + rng.randint(1, 20) * DAY / 10
        plan = build_treatment_plan(
            state,
            patient_id=patient["id"],
            practitioner_id=practitioner["id"],
            recommendations=[_recommendation(rng, v) for v in rng.sample(variants, 2)],
            state_name=("active", "active", "draft", "cancelled")[index % 4],
            personal_message="Take as directed." if index % 2 else None,
            metadata_id=f"plan-{index:04d}" if index % 5 == 0 else None,
            now=created,
        )
        state.add("treatment_plans", plan)
    plans = [p for p in state.values("treatment_plans") if p["state"] == "active"]
    for index in range(250):
        plan = plans[index % len(plans)]
        completed = now - (250 - index) * DAY / 5
        items = [
            {
                "variant_id": rec["variant_id"],
                "quantity": rec["units_to_purchase"],
                "type": "supplement",
                "_price": state.tables["variants"][rec["variant_id"]]["_price"],
            }
            for rec in plan["recommendations"]
        ]
        state.add(
            "orders",
            build_order(
                state,
                patient_id=plan["patient"]["id"],
                practitioner_id=plan["practitioner"]["id"],
                treatment_plan_ids=[plan["id"]],
                line_items=items,
                order_type="supplement",
                now=completed,
            ),
        )
