"""Seed practitioner resources (files shared with patients) and Fullscript's own resources."""

from __future__ import annotations

from ..clock import DAY
from ..records import RESOURCE_CATEGORIES, RESOURCE_TYPES, build_resource, resource_url
from ..store import RegionState

__all__ = ["seed_resources"]


def seed_resources(state: RegionState) -> None:
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
