"""Deterministic seed data for one region: the same seed gives the same clinic every time.

The catalog comes from :mod:`.catalog`; this module seeds the clinic on top of it (people,
plans, orders, labs, resources and the recent event history)."""

from __future__ import annotations

import random
from typing import Any

from ..clock import format_date, format_timestamp
from ..records import (
    DISPENSARY_HOST,
    RESOURCE_CATEGORIES,
    RESOURCE_TYPES,
    build_event,
    build_order,
    build_patient,
    build_resource,
    build_treatment_plan,
    resource_url,
)
from ..store import Record, RegionState, public
from .catalog import CATEGORIES, DURATIONS, FORMATS, FREQUENCIES, seed_catalog

__all__ = ["LAB_STATUSES", "seed_region"]

DAY = 86400.0

FIRST_NAMES = (
    "Ada", "Ben", "Chloe", "Dev", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena",
    "Milo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wen",
    "Xavi", "Yara", "Zane",
)  # fmt: skip
LAST_NAMES = (
    "Abbott", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Huang", "Ito", "Jensen",
    "Khan", "Larsen", "Moreau", "Nguyen", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka",
)  # fmt: skip
PRACTITIONER_TYPES = (
    ("ND", "Naturopathic Doctor"), ("MD", "Medical Doctor"), ("DC", "Chiropractor"),
    ("RD", "Registered Dietitian"), ("LAc", "Acupuncturist"), ("NP", "Nurse Practitioner"),
    ("PT", "Physical Therapist"), ("HC", "Health Coach"),
)  # fmt: skip
LAB_TESTS = (
    "Comprehensive Metabolic Panel", "Lipid Panel", "Thyroid Panel", "Vitamin D, 25-Hydroxy",
    "Complete Blood Count", "Hemoglobin A1c", "Ferritin", "Food Sensitivity Panel",
    "Cortisol Awakening Response", "Comprehensive Stool Analysis", "Hormone Panel",
    "Micronutrient Panel",
)  # fmt: skip
LAB_STATUSES = (
    "not_purchased", "purchased", "schedule_appointment", "upcoming_appointment", "processing",
    "partial_results", "results_ready", "results_amended", "interpretation_ready",
    "interpretation_shared",
)  # fmt: skip
CITIES = {
    "US": (("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Boston", "MA", "021")),
    "CA": (("Ottawa", "ON", "K1A"), ("Calgary", "AB", "T2P"), ("Halifax", "NS", "B3H")),
}
STREETS = ("Main St", "Oak Ave", "Maple Rd", "Cedar Ln", "Elm St", "Pine Dr")


def _country(region: str) -> str:
    return "CA" if region.startswith("ca") else "US"


def _seed_people(state: RegionState, patient_count: int) -> None:
    rng = state.rng
    now = state.seeded_at
    for code, description in PRACTITIONER_TYPES:
        state.add(
            "practitioner_types",
            {"id": state.new_id(), "code": code, "description": description},
        )
    types = state.values("practitioner_types")
    for index in range(8):
        first, last = FIRST_NAMES[index * 3 % 26], LAST_NAMES[index * 7 % 20]
        state.add(
            "practitioners",
            {
                "id": state.new_id(),
                "first_name": first,
                "last_name": last,
                "email": f"dr.{first}.{last}{index}@clinic.example.com".lower(),
                "practitioner_type_id": types[index % len(types)]["id"],
                "metadata": {"id": None},
                "_created": now - 400 * DAY,
            },
        )
    for index in range(4):
        first, last = FIRST_NAMES[(index * 5 + 2) % 26], LAST_NAMES[(index * 3 + 1) % 20]
        state.add(
            "staff",
            {
                "id": state.new_id(),
                "first_name": first,
                "last_name": last,
                "email": f"staff.{first}.{last}{index}@clinic.example.com".lower(),
                "metadata": {"id": None},
                "_created": now - 300 * DAY,
            },
        )
    guardians: list[Record] = []
    country = _country(state.region)
    cities = CITIES[country]
    for index in range(patient_count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        dependent = bool(guardians) and index % 12 == 11
        guardian = rng.choice(guardians) if dependent else None
        created = now - (patient_count - index) * DAY / 4
        fields: dict[str, Any] = {
            "first_name": first,
            "last_name": guardian["last_name"] if guardian else last,
            "email": f"{first}.{last}.{index}@patients.example.com".lower(),
            "date_of_birth": f"{rng.randint(1950, 2015)}-{rng.randint(1, 12):02d}-"
            f"{rng.randint(1, 28):02d}",
            "gender": rng.choice(("male", "female", "x")),
            "discount": rng.choice((0, 0, 0, 5, 10)),
            "mobile_number": f"+1{rng.randint(2000000000, 9999999999)}" if index % 3 else None,
            "metadata": {"id": f"ext-{index:05d}"} if index % 4 == 0 else None,
            "guardian_patient_id": guardian["id"] if guardian else None,
        }
        patient = state.add("patients", build_patient(state, fields, created))
        if not dependent and index % 5 == 0:
            guardians.append(patient)
        for number in range(index % 3):
            city, province, postal = cities[(index + number) % len(cities)]
            state.add(
                "addresses",
                {
                    "id": state.new_id(),
                    "address1": f"{rng.randint(1, 999)} {rng.choice(STREETS)}",
                    "address2": f"Unit {rng.randint(1, 40)}" if number else None,
                    "zipcode": f"{postal}{rng.randint(10, 99)}",
                    "city": city,
                    "state": province,
                    "country": country,
                    "default": number == 0,
                    "_patient_id": patient["id"],
                },
            )


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


def _seed_plans_and_orders(state: RegionState) -> None:
    rng = state.rng
    now = state.seeded_at
    patients = state.values("patients")
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


def _seed_labs(state: RegionState) -> None:
    rng = state.rng
    now = state.seeded_at
    patients = state.values("patients")
    practitioners = state.values("practitioners")
    for name in LAB_TESTS:
        state.add(
            "lab_tests",
            {
                "id": state.new_id(),
                "name": name,
                "lab_company": rng.choice(("Quest Diagnostics", "Labcorp", "Genova")),
                "sample_types": [rng.choice(("blood", "saliva", "stool", "urine"))],
                "price": f"{rng.randint(49, 399)}.00",
                "turnaround_time": f"{rng.randint(2, 21)} days",
            },
        )
    tests = state.values("lab_tests")
    for index in range(30):
        patient = patients[(index * 11) % len(patients)]
        chosen = rng.sample(tests, rng.randint(1, 3))
        status = LAB_STATUSES[index % len(LAB_STATUSES)]
        created = now - (30 - index) * DAY
        order = {
            "id": state.new_id(),
            "practitioner_id": practitioners[index % len(practitioners)]["id"],
            "patient_id": patient["id"],
            "status": status,
            "state": "cancelled" if index % 13 == 12 else "active",
            "tests": [{"id": t["id"], "name": t["name"]} for t in chosen],
            "results": (
                [
                    {
                        "id": state.new_id(),
                        "lab_test_id": t["id"],
                        "status": "final",
                        "created_at": format_timestamp(created),
                    }
                    for t in chosen
                ]
                if "results" in status or "interpretation" in status
                else []
            ),
            "created_at": format_timestamp(created),
            "updated_at": format_timestamp(created),
            "_created": created,
        }
        state.add("lab_orders", order)
        if index % 3 == 0:
            price = sum(float(t["price"]) for t in chosen)
            labs_order = build_order(
                state,
                patient_id=patient["id"],
                practitioner_id=order["practitioner_id"],
                treatment_plan_ids=[],
                line_items=[
                    {"variant_id": t["id"], "quantity": 1, "type": "labs", "_price": price}
                    for t in chosen[:1]
                ],
                order_type="labs",
                now=created,
            )
            state.add("orders", labs_order)


def _seed_resources(state: RegionState) -> None:
    now = state.seeded_at
    practitioners = state.values("practitioners")
    for index in range(12):
        practitioner = practitioners[index % 3]
        resource_id = state.new_id()
        state.add(
            "practitioner_resources",
            build_resource(
                resource_id,
                name=f"{RESOURCE_CATEGORIES[index % 4]} guide {index + 1}",
                resource_type=RESOURCE_TYPES[index % 5],
                category=RESOURCE_CATEGORIES[index % 4],
                practitioner_id=practitioner["id"],
                treatment_plan_id=None,
                save_to_library=True,
                attachment_url=resource_url(resource_id, f"guide-{index + 1}.pdf"),
                now=now - (12 - index) * DAY,
            ),
        )
    for index in range(8):
        resource_id = state.new_id()
        record = build_resource(
            resource_id,
            name=f"Fullscript {RESOURCE_TYPES[index % 5].lower()} {index + 1}",
            resource_type=RESOURCE_TYPES[index % 5],
            category=RESOURCE_CATEGORIES[index % 4],
            practitioner_id=None,
            treatment_plan_id=None,
            save_to_library=True,
            attachment_url=resource_url(resource_id, f"fullscript-{index + 1}.pdf"),
            now=now - 200 * DAY,
        )
        state.add("fullscript_resources", record)


def _seed_events(state: RegionState) -> None:
    """Clinic-side history of the last 30 days, with one delivery attempt per event."""
    rng = state.rng
    now = state.seeded_at
    patients = state.values("patients")
    plans = state.values("treatment_plans")
    orders = [o for o in state.values("orders") if o["type"] == "supplement"]
    labs = state.values("lab_orders")
    products = state.values("products")
    kinds = (
        ("patient.created", "patient", patients),
        ("patient.updated", "patient", patients),
        ("treatment_plan.created", "treatment_plan", plans),
        ("treatment_plan.updated", "treatment_plan", plans),
        ("order.placed", "order", orders),
        ("lab_order.updated", "lab_order", labs),
        ("product.updated", "product", products),
        ("product.description.updated", "product", products),
    )
    events: list[Record] = []
    activated = now - 29 * DAY
    state.clinic["integration_activated_at"] = format_timestamp(activated)
    clinic_key = {"clinic_key": {"clinic_id": state.clinic["id"]}}
    events.append(build_event(state, "clinic_key.activated", clinic_key, activated))
    for index in range(120):
        event_type, key, pool = kinds[index % len(kinds)]
        subject = pool[rng.randrange(len(pool))]
        created = now - 28 * DAY + index * (27 * DAY / 120)
        events.append(build_event(state, event_type, {key: public(subject)}, created))
    for event in events:
        state.add("events", event)
    for index, event in enumerate(events[-40:]):
        attempted = event["_created"] + 5
        ok = index % 8 != 3
        state.add(
            "webhook_deliveries",
            {
                "id": state.new_id(),
                "attempt_number": 1,
                "attempted_at": format_timestamp(attempted),
                "previous_attempt_at": None,
                "next_attempt_at": None if ok else format_timestamp(attempted + 60),
                "successfully_delivered": ok,
                "response_body": '{"challenge": "sandbox-challenge"}' if ok else "",
                "response_header": '{"Content-Type": "application/json"}',
                "response_status": 200 if ok else 500,
                "response_ip_address": "127.0.0.1",
                "response_errors": None if ok else "Internal Server Error",
                "event_payload": {"event": public(event)},
                "_event_id": event["id"],
                "_created": attempted,
            },
        )


def seed_region(region: str, seed: int, now: float, patient_count: int) -> RegionState:
    """Build the region's clinic and history; timestamps are relative to ``now``."""
    state = RegionState(region, random.Random(f"fullscript-sandbox:{seed}:{region}"), now)
    state.clinic = {
        "id": state.new_id(),
        "name": f"Sandbox Wellness Clinic ({region.upper()})",
        "patient_count": 0,
        "practitioner_count": 0,
        "discount": 5.0,
        "dispensary_url": f"{DISPENSARY_HOST}/{region}/sandbox-wellness",
        "integration_id": state.new_id(),
        "integration_activated_at": None,
        "created_at": format_date(now - 500 * DAY),
    }
    seed_catalog(state)
    _seed_people(state, patient_count)
    _seed_plans_and_orders(state)
    _seed_labs(state)
    _seed_resources(state)
    _seed_events(state)
    return state
