"""Operation names come from what an operation means, not from its path."""

from __future__ import annotations

import pytest
from specpipe.naming import (
    name_from_path,
    name_from_summary,
    singular,
    tag_from_path,
    unique_name,
)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("List all allergens", "list_allergens"),
        ("Retrieve a Treatment Plan Link", "retrieve_treatment_plan_link"),
        ("List All ClinicKey Events", "list_clinic_key_events"),
        ("Search for products", "search_products"),
        ("Create an OAuth Token", "create_oauth_token"),
        ("Create an in-office checkout", "create_in_office_checkout"),
        ("List All TreatmentPlan Events", "list_treatment_plan_events"),
        ("Retrieve the clinic", "retrieve_clinic"),
    ],
)
def test_summary_gives_verb_and_noun(summary: str, expected: str) -> None:
    assert name_from_summary(summary) == expected


def test_summary_without_words_gives_no_name() -> None:
    assert name_from_summary("  --  ") == ""


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/api/clinic/patients", "list_patients"),
        ("get", "/api/clinic/patients/{id}", "retrieve_patient"),
        ("post", "/api/clinic/patients", "create_patient"),
        ("patch", "/api/clinic/patients/{id}", "update_patient"),
        (
            "delete",
            "/api/clinic/practitioners/{pid}/resources/{id}",
            "delete_practitioner_resource",
        ),
        ("get", "/api/clinic/patients/{patient_id}/orders", "list_patient_orders"),
        ("patch", "/api/clinic/treatment_plans/{id}/activate", "activate_treatment_plan"),
        ("get", "/api/clinic", "retrieve_clinic"),
        ("get", "/api/v2/categories", "list_categories"),
    ],
)
def test_path_fallback_uses_method_semantics(method: str, path: str, expected: str) -> None:
    assert name_from_path(method, path) == expected


@pytest.mark.parametrize(
    ("plural", "expected"),
    [("categories", "category"), ("addresses", "address"), ("staff", "staff"), ("boss", "boss")],
)
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_unique_name_adds_method_then_counter() -> None:
    taken = {"list_orders"}
    assert unique_name("list_orders", "get", taken) == "list_orders_get"
    taken.add("list_orders_get")
    assert unique_name("list_orders", "get", taken) == "list_orders_2"
    assert unique_name("list_patients", "get", taken) == "list_patients"


def test_tag_from_path_keeps_known_casing() -> None:
    assert tag_from_path("/api/oauth/token") == "OAuth"
    assert tag_from_path("/api/webhooks/deliveries") == "Webhooks"
