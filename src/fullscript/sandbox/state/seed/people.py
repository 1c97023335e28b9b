"""Seed people: practitioner types, practitioners, staff, patients (some dependents of a guardian)
and their addresses."""

from __future__ import annotations

from typing import Any

from ..clock import DAY
from ..records import build_patient
from ..store import Record, RegionState

__all__ = ["seed_people"]

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
CITIES = {
    "US": (("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Boston", "MA", "021")),
    "CA": (("Ottawa", "ON", "K1A"), ("Calgary", "AB", "T2P"), ("Halifax", "NS", "B3H")),
}
STREETS = ("Main St", "Oak Ave", "Maple Rd", "Cedar Ln", "Elm St", "Pine Dr")


def _country(region: str) -> str:
    return "CA" if region.startswith("ca") else "US"


def seed_people(state: RegionState, patient_count: int) -> None:
    """Practitioners and staff first, then ``patient_count`` patients with 0-2 addresses each."""
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
                    "_patient_id": patient["id"],
                },
            )
