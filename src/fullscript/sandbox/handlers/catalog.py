"""Catalog operations: allergens, brands, ingredients, products, variants and friends."""

from __future__ import annotations

from ..errors import ApiError, not_found
from ..state.store import Record, public
from .call import Call, Handler, Reply
from .generic import list_handler, retrieve_handler
from .listing import page, query_choice

__all__ = ["HANDLERS"]


# These brand filters are switches the spec spells only as "true" (absent: no filter).
_ON = ("true",)


def list_brands(call: Call) -> Reply:
    brands = call.state.values("brands")
    if query_choice(call.query, "available", _ON):
        brands = [brand for brand in brands if brand["status"] == "available"]
    if query_choice(call.query, "clinic_permitted", _ON):
        stocked = {product["_brand_id"] for product in call.state.values("products")}
        brands = [brand for brand in brands if brand["id"] in stocked]
    return Reply(200, page(call.query, brands, "brands"))


def retrieve_product(call: Call) -> Reply:
    product = call.record("products")
    practitioner_id = call.query.get("practitioner_id")
    if practitioner_id and call.state.get("practitioners", practitioner_id) is None:
        raise not_found(f"practitioner {practitioner_id} not found")
    return Reply(200, {"product": public(product)})


def list_similar_products(call: Call) -> Reply:
    product = call.record("products", "product_id")
    types = set(product["_supplement_type_ids"])
    similar = [
        other
        for other in call.state.values("products")
        if other["id"] != product["id"] and types & set(other["_supplement_type_ids"])
    ]
    return Reply(200, page(call.query, similar, "products"))


_ARRAY_FILTERS = (
    ("allergen_ids", "_allergen_ids"),
    ("ingredient_ids", "_ingredient_ids"),
    ("supplement_type_ids", "_supplement_type_ids"),
    ("third_party_certification_ids", "_certification_ids"),
)


def _matches_search(call: Call, product: Record) -> bool:
    text = (call.query.get("query") or "").strip().lower()
    if text and text not in f"{product['name']} {product['brand']['name']}".lower():
        return False
    brand_id = call.query.get("brand_id")
    if brand_id and product["_brand_id"] != brand_id:
        return False
    for param, field in _ARRAY_FILTERS:
        wanted = set(call.list_param(param))
        if not wanted <= set(product[field]):
            return False
    return True


def search_products(call: Call) -> Reply:
    # Only products the clinic can order show up, as the search honours brand segmentation.
    found = [
        product
        for product in call.state.values("products")
        if product["status"] != "unavailable" and _matches_search(call, product)
    ]
    return Reply(200, page(call.query, found, "products"))


def retrieve_variant(call: Call) -> Reply:
    variant = call.record("variants")
    if variant.get("_gone"):
        raise ApiError(410, {"status": 410, "error": "Gone", "message": "variant discontinued"})
    return Reply(200, {"variant": public(variant)})


HANDLERS: dict[str, Handler] = {
    "list_allergens": list_handler("allergens", "allergens"),
    "retrieve_allergen": retrieve_handler("allergens", "allergen"),
    "list_brands": list_brands,
    "retrieve_brand": retrieve_handler("brands", "brand"),
    "list_ingredients": list_handler("ingredients", "ingredients"),
    "retrieve_ingredient": retrieve_handler("ingredients", "ingredient"),
    "list_practitioner_types": list_handler("practitioner_types", "practitioner_types"),
    "list_products": list_handler("products", "products"),
    "retrieve_product": retrieve_product,
    "list_similar_products": list_similar_products,
    "search_products": search_products,
    "list_supplement_types": list_handler("supplement_types", "supplement_types"),
    "retrieve_supplement_type": retrieve_handler("supplement_types", "supplement_type"),
    "list_third_party_certifications": list_handler(
        "third_party_certifications", "third_party_certifications"
    ),
    "retrieve_third_party_certification": retrieve_handler(
        "third_party_certifications", "third_party_certification"
    ),
    "retrieve_variant": retrieve_variant,
}
