"""Deterministic seed data for a region's catalog: brands, allergens, ingredients, supplement
types, certifications, products with their variants, and the clinic's product categories."""

from __future__ import annotations

import random

from ..records import DISPENSARY_HOST
from ..store import Record, RegionState, public

__all__ = ["CATEGORIES", "DURATIONS", "FORMATS", "FREQUENCIES", "add_product", "seed_catalog"]

BRAND_NAMES = (
    "BioBrand", "Pure Roots", "Northern Leaf", "Vital Path", "Oceanic", "Sunfield", "Terra Labs",
    "Clearwell", "Harvest Moon", "Alpine Naturals", "Blue Heron", "Evergreen",
)  # fmt: skip
ALLERGENS = (
    "Dairy free", "Egg free", "Gluten free", "Peanut free", "Soy free", "Shellfish free",
    "Tree nut free", "Corn free", "Yeast free", "Fish free",
)  # fmt: skip
INGREDIENTS = (
    "Vitamin A", "Vitamin B6", "Vitamin B12", "Vitamin C", "Vitamin D3", "Vitamin E", "Vitamin K2",
    "Magnesium", "Zinc", "Iron", "Calcium", "Selenium", "Omega-3", "Curcumin", "Probiotic blend",
    "Ashwagandha", "Melatonin", "Folate", "Biotin", "Collagen", "CoQ10", "Quercetin",
    "Elderberry", "L-Theanine", "Glucosamine", "Iodine", "Chromium", "Copper", "Niacin",
    "Riboflavin",
)  # fmt: skip
SUPPLEMENT_TYPES = (
    "Vitamins", "Minerals", "Herbs", "Probiotics", "Fish oils", "Amino acids", "Enzymes",
    "Protein powders", "Homeopathics", "Antioxidants",
)  # fmt: skip
CERTIFICATIONS = (
    "Certified Halal", "Certified Kosher", "Non-GMO Project Verified", "NSF Certified",
    "USDA Organic", "Certified Vegan",
)  # fmt: skip
# The clinic seeding reuses these: category names for protocols, the dosage vocabulary for
# recommendations.
CATEGORIES = ("Immune support", "Sleep", "Gut health", "Energy", "Stress", "Heart health")
FORMATS = ("capsule", "tablet", "liquid", "powder", "chewable", "drops")
FREQUENCIES = ("once per day", "twice per day", "three times per day", "every morning")
DURATIONS = ("30", "60", "90", "as needed", "ongoing")


def _named(state: RegionState, table: str, names: tuple[str, ...]) -> list[Record]:
    return [state.add(table, {"id": state.new_id(), "name": name}) for name in names]


def _dosage(rng: random.Random) -> Record:
    return {
        "recommended_amount": rng.choice(("1", "1-2", "2", "1/2")),
        "recommended_frequency": rng.choice(FREQUENCIES),
        "recommended_duration": rng.choice(DURATIONS),
        "format": rng.choice(FORMATS),
        "additional_info": rng.choice(("with meals", "before bed", "with water")),
    }


def seed_catalog(state: RegionState) -> None:
    rng = state.rng
    brands = []
    for name in BRAND_NAMES:
        prefix = "".join(word[0] for word in name.split()).upper() + name[-1].upper()
        brands.append(
            state.add(
                "brands",
                {"id": state.new_id(), "name": name, "status": "available", "prefix": prefix},
            )
        )
    brands[-1]["status"] = "unavailable"
    allergens = _named(state, "allergens", ALLERGENS)
    ingredients = _named(state, "ingredients", INGREDIENTS)
    supplement_types = _named(state, "supplement_types", SUPPLEMENT_TYPES)
    certifications = _named(state, "third_party_certifications", CERTIFICATIONS)
    for index in range(60):
        brand = brands[index % len(brands)]
        main = ingredients[index % len(ingredients)]
        name = f"{main['name']} {rng.choice(('Complex', 'Plus', 'Forte', 'Daily', 'Pure'))}"
        add_product(
            state,
            name,
            brand,
            allergen_ids=[a["id"] for a in rng.sample(allergens, 3)],
            ingredient_ids=[main["id"], *(i["id"] for i in rng.sample(ingredients, 2))],
            supplement_type_ids=[supplement_types[index % len(supplement_types)]["id"]],
            certification_ids=[c["id"] for c in rng.sample(certifications, 2)],
        )
    products = state.values("products")
    for index, name in enumerate(CATEGORIES):
        members = [p["id"] for p in products[index :: len(CATEGORIES)]]
        state.add(
            "categories",
            {
                "id": state.new_id(),
                "name": name,
                "product_count": len(members),
                "_product_ids": members,
            },
        )


def _variant_summary(variant: Record) -> Record:
    return {key: value for key, value in public(variant).items() if key != "product"}


def add_product(
    state: RegionState,
    name: str,
    brand: Record,
    *,
    allergen_ids: list[str],
    ingredient_ids: list[str],
    supplement_type_ids: list[str],
    certification_ids: list[str],
) -> Record:
    """Add a product with one to three variants; its status follows its variants'."""
    rng = state.rng
    product_id = state.new_id()
    brand_ref = {"id": brand["id"], "name": brand["name"], "prefix": brand["prefix"]}
    variants = []
    for number in range(rng.randint(1, 3)):
        units = rng.choice((30, 60, 90, 120, 250))
        status = "available" if brand["status"] == "available" else "unavailable"
        if number and rng.random() < 0.2:
            status = "backordered"
        variant_id = state.new_id()
        image = f"{DISPENSARY_HOST}/images/{variant_id}"
        price = rng.randint(1299, 8999) / 100
        variant = {
            "id": variant_id,
            "sku": f"{brand['prefix']}{rng.randint(10**7, 10**8 - 1)}",
            "primary": number == 0,
            "units": units,
            "unit_of_measure": "mL" if units == 250 else "capsules",
            "availability": "In Stock" if status == "available" else "Out of Stock",
            "status": status,
            "upc": str(rng.randint(10**11, 10**12 - 1)),
            "msrp": f"{price:.2f}",
            "supplier_sku": f"SUP-{rng.randint(1000, 9999)}",
            "image_url_small": f"{image}/small.png",
            "image_url_medium": f"{image}/medium.png",
            "image_url_large": f"{image}/large.png",
            "product": {"id": product_id, "name": name, "brand": brand_ref},
            "_price": price,
            "_product_id": product_id,
        }
        variants.append(state.add("variants", variant))
    statuses = {variant["status"] for variant in variants}
    status = (
        "available"
        if "available" in statuses
        else ("backordered" if "backordered" in statuses else "unavailable")
    )
    served_variants = [_variant_summary(variant) for variant in variants]
    return state.add(
        "products",
        {
            "id": product_id,
            "name": name,
            "status": status,
            "variant_count": len(variants),
            "brand": brand_ref,
            "primary_variant": served_variants[0],
            "description_html": f"<p>{name} by {brand['name']}.</p>",
            "variants": served_variants,
            "dosage": _dosage(rng),
            "custom_dosage": None,
            "_allergen_ids": allergen_ids,
            "_ingredient_ids": ingredient_ids,
            "_supplement_type_ids": supplement_type_ids,
            "_certification_ids": certification_ids,
            "_brand_id": brand["id"],
        },
    )
