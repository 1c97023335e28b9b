"""In-memory state of one region: records kept as JSON-ready dicts, in creation order."""

from __future__ import annotations

import random
import uuid
from typing import Any

__all__ = ["COLLECTIONS", "Record", "RegionState", "public"]

#: A stored object. Keys starting with ``_`` are internal (links, sort keys) and never served.
Record = dict[str, Any]

COLLECTIONS: tuple[str, ...] = (
    "practitioner_types",
    "practitioners",
    "staff",
    "patients",
    "addresses",
    "brands",
    "allergens",
    "ingredients",
    "supplement_types",
    "third_party_certifications",
    "products",
    "variants",
    "categories",
    "protocols",
    "templates",
    "treatment_plans",
    "orders",
    "lab_tests",
    "lab_orders",
    "practitioner_resources",
    "fullscript_resources",
    "events",
    "webhook_deliveries",
    "dynamic_links",
    "session_grants",
)


def public(record: Record) -> Record:
    """The served view of a record: every key except the internal ``_``-prefixed ones."""
    return {key: value for key, value in record.items() if not key.startswith("_")}


class RegionState:
    """Everything one region knows. Dicts keep insertion order, which is the default list order."""

    def __init__(self, region: str, rng: random.Random, seeded_at: float) -> None:
        self.region = region
        self.rng = rng
        self.seeded_at = seeded_at
        self.clinic: Record = {}
        self.tables: dict[str, dict[str, Record]] = {name: {} for name in COLLECTIONS}
        self._order_counter = 100000

    def new_id(self) -> str:
        """A fresh uuid4-shaped id, deterministic for a given seed and call sequence."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def next_order_number(self) -> str:
        self._order_counter += 1
        return f"R{self._order_counter:09d}"

    def add(self, name: str, record: Record) -> Record:
        self.tables[name][record["id"]] = record
        return record

    def get(self, name: str, record_id: str) -> Record | None:
        return self.tables[name].get(record_id)

    def values(self, name: str) -> list[Record]:
        return list(self.tables[name].values())
