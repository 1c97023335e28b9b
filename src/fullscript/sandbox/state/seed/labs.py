"""Seed the lab tests, lab orders in every status, and the labs orders paid for some of them."""

from __future__ import annotations

from ..clock import DAY, format_timestamp
from ..records import LAB_STATUSES, build_order
from ..store import RegionState

__all__ = ["seed_labs"]

LAB_TESTS = (
    "Comprehensive Metabolic Panel", "Lipid Panel", "Thyroid Panel", "Vitamin D, 25-Hydroxy",
    "Complete Blood Count", "Hemoglobin A1c", "Ferritin", "Food Sensitivity Panel",
    "Cortisol Awakening Response", "Comprehensive Stool Analysis", "Hormone Panel",
    "Micronutrient Panel",
)  # fmt: skip


def seed_labs(state: RegionState) -> None:
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
                # LabTest's one (inferred) shape: {id, name, status, lab_order_id}; a test
                # of the catalogue belongs to no order. The price only makes labs orders.
                "status": None,
                "lab_order_id": None,
                "_price": f"{rng.randint(49, 399)}.00",
            },
        )
    tests = state.values("lab_tests")
    for index in range(30):
        patient = patients[(index * 11) % len(patients)]
        chosen = rng.sample(tests, rng.randint(1, 3))
        status = LAB_STATUSES[index % len(LAB_STATUSES)]
        created = now - (30 - index) * DAY
        order_id = state.new_id()
        order = {
            "id": order_id,
            "practitioner_id": practitioners[index % len(practitioners)]["id"],
            "patient_id": patient["id"],
            "status": status,
            "state": "cancelled" if index % 13 == 12 else "active",
            "tests": [
                {"id": t["id"], "name": t["name"], "status": None, "lab_order_id": order_id}
                for t in chosen
            ],
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
            "_created": created,
        }
        state.add("lab_orders", order)
        if index % 3 == 0:
            price = sum(float(t["_price"]) for t in chosen)
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
