"""The committed generated package types what the spec requires as required."""

from __future__ import annotations

import attrs
import fullscript_api.models as models
import pytest

# Spec schema name == generated model name for every resource that always carries an id.
RESOURCES_WITH_ID = (
    "Patient",
    "Practitioner",
    "Staff",
    "Clinic",
    "Address",
    "TreatmentPlan",
    "Order",
    "Product",
    "Variant",
    "Brand",
    "Allergen",
    "Ingredient",
    "Category",
    "SupplementType",
    "ThirdPartyCertification",
    "PractitionerType",
    "Protocol",
    "Template",
    "LabOrder",
    "LabTest",
    "LabResult",
    "PractitionerResource",
    "FullscriptResource",
    "SessionGrant",
    "Event",
    "WebhookDelivery",
)


@pytest.mark.parametrize("name", RESOURCES_WITH_ID)
def test_resource_id_is_a_plain_string(name: str) -> None:
    model = getattr(models, name)

    assert attrs.fields(model).id.type == "str"
    assert model.from_dict({"id": "abc"}).id == "abc"
    with pytest.raises(KeyError):
        model.from_dict({})


def test_optional_members_stay_optional() -> None:
    assert attrs.fields(models.Patient).email.type == "str | Unset"
    assert attrs.fields(models.PatientCreateRequest).email.type == "str"
    assert "id" not in attrs.fields_dict(models.PatientCreateRequest)
