"""The committed generated package types what the spec requires as required."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import fullscript_api.models as models
import pytest
from fullscript_api.types import UNSET, SpecDeviationError, set_strict_parsing

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


def schemas_requiring_an_id() -> list[str]:
    """Schema names the spec marks as always carrying an id (== generated model names)."""
    schemas = json.loads(SPEC.read_text())["components"]["schemas"]
    return sorted(name for name, schema in schemas.items() if "id" in schema.get("required", []))


RESOURCES_WITH_ID = schemas_requiring_an_id()


def test_the_spec_requires_ids_somewhere() -> None:
    assert "Patient" in RESOURCES_WITH_ID


@pytest.mark.parametrize("name", RESOURCES_WITH_ID)
def test_resource_id_is_a_plain_string(name: str) -> None:
    model = getattr(models, name)

    assert attrs.fields(model).id.type == "str"
    assert model.from_dict({"id": "abc"}).id == "abc"
    # The suite parses strictly: a response without its id is a deviation from the spec...
    with pytest.raises(SpecDeviationError, match=rf"^{name}\.id: the spec requires"):
        model.from_dict({})


@pytest.mark.parametrize("name", RESOURCES_WITH_ID)
def test_a_missing_id_reads_as_unset_when_tolerant(name: str) -> None:
    # ...which users, parsing tolerantly, get as UNSET instead of a failed call.
    previous = set_strict_parsing(False)
    try:
        assert getattr(models, name).from_dict({}).id is UNSET
    finally:
        set_strict_parsing(previous)


def test_optional_members_stay_optional() -> None:
    assert attrs.fields(models.Patient).email.type == "str | Unset"
    assert attrs.fields(models.PatientCreateRequest).email.type == "str"
    assert "id" not in attrs.fields_dict(models.PatientCreateRequest)
