"""Every API operation the sandbox serves: operationId, method, path, required scope."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["ALL_SCOPES", "OPERATIONS", "REGIONS", "Operation", "check_scopes"]

#: Region keys; each is served under its own path prefix (``/us/api/...``).
REGIONS: tuple[str, ...] = ("us", "ca", "us-snd", "ca-snd")

#: Every OAuth scope an app can hold.
ALL_SCOPES: tuple[str, ...] = (
    "catalog:read",
    "clinic:read",
    "clinic:write",
    "patients:read",
    "patients:write",
    "patients:treatment_plan_history",
    "patients:order_history",
)


def check_scopes(scopes: Iterable[str]) -> tuple[str, ...]:
    """``scopes`` as a tuple, or ValueError naming the ones no app can hold."""
    if isinstance(scopes, str):
        # tuple("clinic:read") would be nine one-letter "scopes".
        raise ValueError(f"scopes must be a list of scope names, not the string {scopes!r}")
    chosen = tuple(scopes)
    unknown = set(chosen) - set(ALL_SCOPES)
    if unknown:
        raise ValueError(f"unknown scopes: {', '.join(sorted(map(str, unknown)))}")
    return chosen


CATALOG = "catalog:read"
CLINIC_R = "clinic:read"
CLINIC_W = "clinic:write"
PATIENTS_R = "patients:read"
PATIENTS_W = "patients:write"
PLANS = "patients:treatment_plan_history"
ORDERS = "patients:order_history"


@attrs.frozen
class Operation:
    """One documented operation, ``path`` relative to ``/api``.

    ``scope`` is the OAuth scope the token needs; ``authenticated`` False means no bearer token
    at all (the OAuth token endpoints).
    """

    operation_id: str
    method: str
    path: str
    scope: str | None
    restricted: bool = False
    authenticated: bool = True


def _op(
    operation_id: str, method: str, path: str, scope: str | None, restricted: bool = False
) -> Operation:
    return Operation(operation_id, method, path, scope, restricted)


ANY_TOKEN = None  # a valid bearer token with any scope


# Static paths come before parameterised siblings so routing never mistakes a name for an id.
OPERATIONS: tuple[Operation, ...] = (
    _op("list_allergens", "GET", "/catalog/allergens", CATALOG),
    _op("retrieve_allergen", "GET", "/catalog/allergens/{id}", CATALOG),
    _op("list_brands", "GET", "/catalog/brands", CATALOG),
    _op("retrieve_brand", "GET", "/catalog/brands/{id}", CATALOG),
    _op("list_ingredients", "GET", "/catalog/ingredients", CATALOG),
    _op("retrieve_ingredient", "GET", "/catalog/ingredients/{id}", CATALOG),
    _op("list_practitioner_types", "GET", "/catalog/practitioner_types", CATALOG),
    _op("list_products", "GET", "/catalog/products", CATALOG),
    _op("retrieve_product", "GET", "/catalog/products/{id}", CATALOG),
    _op("list_similar_products", "GET", "/catalog/products/{product_id}/similar", CATALOG, True),
    _op("search_products", "GET", "/catalog/search/products", CATALOG, True),
    _op("list_supplement_types", "GET", "/catalog/supplement_types", CATALOG),
    _op("retrieve_supplement_type", "GET", "/catalog/supplement_types/{id}", CATALOG),
    _op("list_third_party_certifications", "GET", "/catalog/third_party_certifications", CATALOG),
    _op(
        "retrieve_third_party_certification",
        "GET",
        "/catalog/third_party_certifications/{id}",
        CATALOG,
    ),
    _op("retrieve_variant", "GET", "/catalog/variants/{id}", CATALOG),
    _op("retrieve_clinic", "GET", "/clinic", CLINIC_R),
    _op("list_categories", "GET", "/clinic/categories", CLINIC_R),
    _op("retrieve_category", "GET", "/clinic/categories/{id}", CLINIC_R),
    _op("list_category_products", "GET", "/clinic/categories/{category_id}/products", CLINIC_R),
    _op(
        "create_gateway_treatment_plan_link",
        "POST",
        "/clinic/dynamic_links/gateway/treatment_plans",
        CLINIC_W,
    ),
    _op(
        "retrieve_new_treatment_plan_link", "GET", "/clinic/dynamic_links/treatment_plans", CLINIC_R
    ),
    _op("create_treatment_plan_link", "POST", "/clinic/dynamic_links/treatment_plans", CLINIC_W),
    _op(
        "retrieve_treatment_plan_link",
        "GET",
        "/clinic/dynamic_links/treatment_plans/{id}",
        CLINIC_R,
    ),
    _op("create_session_grant", "POST", "/clinic/embeddable/session_grants", ANY_TOKEN),
    _op("list_fullscript_protocols", "GET", "/clinic/fullscript_protocols", CLINIC_R),
    _op("retrieve_protocol", "GET", "/clinic/protocols/{id}", CLINIC_R),
    _op("list_fullscript_resources", "GET", "/clinic/fullscript_resources", CLINIC_R),
    _op("list_lab_orders", "GET", "/clinic/labs/orders", ORDERS),
    _op("retrieve_lab_order", "GET", "/clinic/labs/orders/{id}", ORDERS),
    _op("retrieve_lab_test", "GET", "/clinic/labs/tests/{id}", ORDERS, True),
    _op("find_metadata_objects", "GET", "/clinic/metadata", CLINIC_R),
    _op("list_orders", "GET", "/clinic/orders", ORDERS),
    _op("retrieve_order", "GET", "/clinic/orders/{id}", ORDERS),
    _op("list_patients", "GET", "/clinic/patients", PATIENTS_R),
    _op("create_patient", "POST", "/clinic/patients", PATIENTS_W),
    _op("retrieve_patient", "GET", "/clinic/patients/{id}", PATIENTS_R),
    _op("update_patient", "PATCH", "/clinic/patients/{id}", PATIENTS_W),
    _op("search_patients", "GET", "/clinic/search/patients", PATIENTS_R),
    _op("list_patient_addresses", "GET", "/clinic/patients/{patient_id}/addresses", PATIENTS_R),
    _op("list_patient_dependents", "GET", "/clinic/patients/{patient_id}/dependents", PATIENTS_R),
    _op("list_patient_orders", "GET", "/clinic/patients/{patient_id}/orders", ORDERS),
    _op(
        "list_patient_treatment_plans",
        "GET",
        "/clinic/patients/{patient_id}/treatment_plans",
        PLANS,
    ),
    _op(
        "create_patient_treatment_plan",
        "POST",
        "/clinic/patients/{patient_id}/treatment_plans",
        PATIENTS_W,
        True,
    ),
    _op("list_practitioners", "GET", "/clinic/practitioners", CLINIC_R),
    _op("create_practitioner", "POST", "/clinic/practitioners", CLINIC_W),
    _op("retrieve_practitioner", "GET", "/clinic/practitioners/{id}", CLINIC_R),
    _op("update_practitioner", "PATCH", "/clinic/practitioners/{id}", CLINIC_W),
    _op(
        "list_practitioner_protocols",
        "GET",
        "/clinic/practitioners/{practitioner_id}/protocols",
        CLINIC_R,
    ),
    _op(
        "list_practitioner_templates",
        "GET",
        "/clinic/practitioners/{practitioner_id}/templates",
        CLINIC_R,
    ),
    _op(
        "list_practitioner_resources",
        "GET",
        "/clinic/practitioners/{practitioner_id}/resources",
        CLINIC_R,
    ),
    _op(
        "create_practitioner_resource",
        "POST",
        "/clinic/practitioners/{practitioner_id}/resources",
        CLINIC_W,
    ),
    _op(
        "retrieve_practitioner_resource",
        "GET",
        "/clinic/practitioners/{practitioner_id}/resources/{id}",
        CLINIC_R,
    ),
    _op(
        "update_practitioner_resource",
        "PUT",
        "/clinic/practitioners/{practitioner_id}/resources/{id}",
        CLINIC_W,
    ),
    _op(
        "delete_practitioner_resource",
        "DELETE",
        "/clinic/practitioners/{practitioner_id}/resources/{id}",
        CLINIC_W,
    ),
    _op("list_staff", "GET", "/clinic/staff", CLINIC_R),
    _op("create_staff", "POST", "/clinic/staff", CLINIC_W),
    _op("retrieve_staff", "GET", "/clinic/staff/{id}", CLINIC_R),
    _op("update_staff", "PATCH", "/clinic/staff/{id}", CLINIC_W),
    _op("retrieve_template", "GET", "/clinic/templates/{id}", CLINIC_R),
    _op("retrieve_treatment_plan", "GET", "/clinic/treatment_plans/{id}", PLANS),
    _op("update_treatment_plan", "PATCH", "/clinic/treatment_plans/{id}", PATIENTS_W),
    _op(
        "activate_treatment_plan",
        "PATCH",
        "/clinic/treatment_plans/{treatment_plan_id}/activate",
        PATIENTS_W,
        True,
    ),
    _op(
        "cancel_treatment_plan",
        "PATCH",
        "/clinic/treatment_plans/{treatment_plan_id}/cancel",
        PATIENTS_W,
    ),
    _op(
        "create_in_office_checkout",
        "POST",
        "/clinic/treatment_plans/{treatment_plan_id}/in_office_checkout",
        PATIENTS_W,
    ),
    _op("list_clinic_key_events", "GET", "/events/clinic_keys", ANY_TOKEN),
    _op("list_lab_order_events", "GET", "/events/lab_orders", ANY_TOKEN),
    _op("list_order_events", "GET", "/events/orders", ANY_TOKEN),
    _op("list_patient_events", "GET", "/events/patients", ANY_TOKEN),
    _op("list_product_events", "GET", "/events/products", ANY_TOKEN),
    _op("list_treatment_plan_events", "GET", "/events/treatment_plans", ANY_TOKEN),
    _op("retrieve_event", "GET", "/events/{id}", ANY_TOKEN),
    Operation("revoke_oauth_token", "POST", "/oauth/revoke", None, authenticated=False),
    Operation("create_oauth_token", "POST", "/oauth/token", None, authenticated=False),
    _op("list_webhook_deliveries", "GET", "/webhooks/deliveries", ANY_TOKEN),
)
