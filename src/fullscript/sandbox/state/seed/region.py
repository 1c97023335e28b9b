"""Deterministic seed data for one region: the same seed gives the same clinic every time.

The steps run in a fixed order on one random generator, so moving or adding a step changes the
data of every step after it: add new seed data at the end."""

from __future__ import annotations

import random

from ..records import DISPENSARY_HOST
from ..store import RegionState
from .catalog import seed_catalog
from .events import seed_events
from .labs import seed_labs
from .people import seed_people
from .plans import seed_plans_and_orders, seed_protocols
from .resources import seed_resources

__all__ = ["seed_region"]


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
    }
    seed_catalog(state)
    seed_people(state, patient_count)
    seed_protocols(state)
    seed_plans_and_orders(state)
    seed_labs(state)
    seed_resources(state)
    seed_events(state)
    return state
