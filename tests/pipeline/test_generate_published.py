"""generate.py turns Fullscript's published 2021 file into a complete, importable client."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pipeline_support import run_script

PACKAGE = "fullscript_api"
Generated = tuple[Path, subprocess.CompletedProcess[str]]


def endpoint_modules(out: Path) -> dict[str, str]:
    """Endpoint function module name -> its tag package."""
    api = out / PACKAGE / "api"
    return {
        module.stem: module.parent.name
        for module in sorted(api.glob("*/*.py"))
        if module.name != "__init__.py"
    }


def run_in_package(out: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that imports the generated package from ``out``."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=out,
        env={"PYTHONPATH": str(out), "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )


def test_generation_succeeds_without_warnings(published_client: Generated) -> None:
    _, result = published_client

    assert result.returncode == 0, result.stderr + result.stdout
    assert "warning" not in (result.stdout + result.stderr).lower()


def test_fixes_are_summarised(published_client: Generated) -> None:
    _, result = published_client

    assert "normalise: applied 147 fix(es)" in result.stdout
    assert "61 operation names" in result.stdout
    assert "28 pagination parameters" in result.stdout


def test_every_operation_becomes_one_endpoint(published_client: Generated) -> None:
    out, _ = published_client

    assert len(endpoint_modules(out)) == 61


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("list_allergens", "allergens"),
        ("retrieve_treatment_plan_link", "dynamic_link"),
        ("list_clinic_key_events", "events"),
        ("search_products", "product_search"),
        ("create_oauth_token", "o_auth"),
        ("revoke_oauth_token", "o_auth"),
        ("retrieve_variant", "variants"),
        ("list_patient_orders", "orders"),
    ],
)
def test_endpoint_names_come_from_meaning(published_client: Generated, name: str, tag: str) -> None:
    out, _ = published_client

    assert endpoint_modules(out).get(name) == tag


def test_no_endpoint_is_named_after_its_path(published_client: Generated) -> None:
    out, _ = published_client

    assert not [name for name in endpoint_modules(out) if name.startswith(("get_api", "post_api"))]


def test_package_and_all_api_modules_import(published_client: Generated) -> None:
    out, _ = published_client

    result = run_in_package(
        out,
        """
        import importlib, pkgutil
        import fullscript_api.api as api
        names = [m.name for m in pkgutil.walk_packages(api.__path__, "fullscript_api.api.")]
        for name in names:
            importlib.import_module(name)
        print(len([n for n in names if n.count(".") == 3]))
        """,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "61"


def test_variant_and_order_models_survive_with_typed_responses(published_client: Generated) -> None:
    out, _ = published_client

    result = run_in_package(
        out,
        """
        import httpx2
        from fullscript_api.client import Client
        from fullscript_api.models import Order, Variant
        from fullscript_api.api.orders import list_orders, list_patient_orders, retrieve_order
        from fullscript_api.api.variants import retrieve_variant

        client = Client(base_url="https://api-us-snd.fullscript.io")
        order = {"id": "o1", "variant_ids": ["v1"], "treatment_plan_ids": ["t1"]}
        variant = {"id": "v1", "product": {"id": "p1", "brand": {"name": "B"}}}
        bodies = [
            (retrieve_variant, {"variant": variant}, lambda r: r.variant),
            (retrieve_order, {"order": order}, lambda r: r.order),
            (list_orders, {"orders": [order], "meta": {}}, lambda r: r.orders[0]),
            (list_patient_orders, {"orders": [order], "meta": {}}, lambda r: r.orders[0]),
        ]
        for module, body, pick in bodies:
            parsed = module._parse_response(client=client, response=httpx2.Response(200, json=body))
            assert isinstance(pick(parsed), (Order, Variant)), (module, parsed)
        parsed = retrieve_variant._parse_response(
            client=client, response=httpx2.Response(200, json={"variant": variant})
        )
        assert parsed.variant.product.brand.name == "B"
        parsed = retrieve_order._parse_response(
            client=client, response=httpx2.Response(200, json={"order": order})
        )
        assert parsed.order.variant_ids == ["v1"]
        """,
    )

    assert result.returncode == 0, result.stderr


def test_list_endpoints_accept_page_parameters(published_client: Generated) -> None:
    out, _ = published_client

    result = run_in_package(
        out,
        """
        import importlib, inspect, pkgutil
        import fullscript_api.api as api
        from fullscript_api.api.patients import list_patients
        names = [m.name for m in pkgutil.walk_packages(api.__path__, "fullscript_api.api.")]
        lists = [n for n in names if n.rsplit(".", 1)[-1].startswith(("list_", "search_"))]
        assert len(lists) == 27, lists  # the 28th paginated operation is find_objects
        for name in lists:
            accepted = inspect.signature(importlib.import_module(name).asyncio).parameters
            assert {"pagenumber", "pagesize"} <= set(accepted), name
        from fullscript_api.api.product_search import search_products
        kwargs = list_patients._get_kwargs(pagenumber=2, pagesize=50)
        assert kwargs["params"] == {"page[number]": 2, "page[size]": 50}, kwargs
        kwargs = search_products._get_kwargs(allergen_ids=["a", "b"], pagesize=10)
        assert kwargs["params"] == {"allergen_ids[]": ["a", "b"], "page[size]": 10}, kwargs
        """,
    )

    assert result.returncode == 0, result.stderr


def test_second_run_is_byte_for_byte_identical(
    published_client: Generated, published_spec_path: Path
) -> None:
    out, _ = published_client

    check = run_script(
        "generate.py", "--spec", str(published_spec_path), "--out", str(out), "--check"
    )

    assert check.returncode == 0, check.stdout + check.stderr
    assert "is up to date" in check.stdout
