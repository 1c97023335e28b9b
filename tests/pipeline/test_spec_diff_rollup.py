"""spec-diff gives a shared schema's change once, and says what each breaking change breaks."""

from __future__ import annotations

import json
from typing import Any

from specpipe.diff_report import render_json, render_text
from specpipe.diff_rollup import roll_up
from specpipe.diffing import Change, diff_specs
from specpipe.fields import flatten
from test_spec_diff import base_spec, create_op, list_op


def removed_email() -> tuple[dict[str, Any], dict[str, Any]]:
    old, new = base_spec(), base_spec()
    del new["components"]["schemas"]["Patient"]["properties"]["email"]
    return old, new


def only(changes: list[Change], **where: Any) -> Change:
    found = [c for c in changes if all(getattr(c, k) == v for k, v in where.items())]
    assert len(found) == 1, found
    return found[0]


def test_field_removed_from_a_shared_schema_is_one_entry_listing_its_operations() -> None:
    shared, rest = roll_up(diff_specs(*removed_email()))

    assert rest == []
    assert len(shared) == 1
    entry = shared[0]
    assert (entry.title, entry.kind, entry.detail, entry.breaking) == (
        "Patient.email",
        "response field",
        "field removed",
        True,
    )
    assert entry.operation_ids == ("list_patients", "create_patient")
    assert entry.subjects == ("patients[].email", "patient.email")
    assert entry.impacts == (
        "reading `patient.email` raises AttributeError on the regenerated client; a value the "
        'API still sends lands in `patient.additional_properties["email"]`'
        # Patient is the data of three webhook events: handlers reading it break too.
        "; in webhook handlers: `PatientCreated.data.patient.email`, "
        "`PatientUpdated.data.patient.email`, `PatientEmancipated.data.patient.email`",
    )


def test_text_report_gives_the_shared_change_once_with_what_breaks() -> None:
    report = render_text(diff_specs(*removed_email()), "old.json", "new.json")

    lines = [" ".join(line.split()) for line in report.splitlines()]
    assert "operations: 0 added, 0 removed, 2 changed; 1 breaking change(s)" in lines
    start = lines.index("Patient (shared schema)")
    assert lines[start + 1 : start + 3] == [
        "BREAKING response field email: field removed",
        "in 2 operations: list_patients, create_patient",
    ]
    assert lines[start + 3].startswith("breaks: reading `patient.email` raises AttributeError")
    assert report.count("field removed") == 1


def test_json_report_has_both_the_rolled_up_and_the_per_operation_view() -> None:
    document = json.loads(render_json(diff_specs(*removed_email()), "old", "new"))

    assert document["summary"]["breaking"] == 1
    assert [entry["operation_ids"] for entry in document["schema_changes"]] == [
        ["list_patients", "create_patient"]
    ]
    assert {(c["operation_id"], c["schema"], c["schema_field"]) for c in document["changes"]} == {
        ("list_patients", "Patient", "email"),
        ("create_patient", "Patient", "email"),
    }


def test_nested_shared_schema_is_named_by_its_own_name() -> None:
    old, new = base_spec(), base_spec()
    new["components"]["schemas"]["Address"]["properties"]["city"] = {"type": "integer"}

    shared, _ = roll_up(diff_specs(old, new))

    assert [(e.title, e.detail) for e in shared] == [("Address.city", "type string -> integer")]
    assert shared[0].impacts == ("`address.city` is now int, not str: code using it as str breaks",)


def test_inline_field_changes_stay_under_their_operation() -> None:
    old, new = base_spec(), base_spec()
    body = create_op(new)["requestBody"]["content"]["application/json"]["schema"]
    body["properties"]["patient"]["required"].append("mobile")

    shared, rest = roll_up(diff_specs(old, new))

    assert shared == []
    change = only(rest, subject="patient.mobile")
    assert change.impact == (
        "`CreatePatientBodyPatient(...)` without `mobile=` raises TypeError (missing argument)"
    )


def test_removed_operation_names_the_facade_call_that_breaks() -> None:
    old, new = base_spec(), base_spec()
    del new["paths"]["/api/clinic/patients"]["post"]

    change = only(diff_specs(old, new), kind="operation", change="removed")

    assert change.impact == (
        "`fs.patients.create(...)` raises AttributeError; "
        "`import fullscript_api.api.patients.create_patient` raises ModuleNotFoundError"
    )


def test_operation_moved_to_another_tag_is_breaking_for_the_facade() -> None:
    old, new = base_spec(), base_spec()
    list_op(new)["tags"] = ["People"]

    change = only(diff_specs(old, new), kind="operation", change="changed")

    assert change.breaking
    assert change.detail == "façade name fs.patients.list -> fs.people.list_patients (tag changed)"
    assert change.impact == (
        "`fs.patients.list(...)` raises AttributeError; call `fs.people.list_patients(...)`"
    )


def test_renamed_parameter_is_one_change_saying_which_argument_to_pass() -> None:
    old, new = base_spec(), base_spec()
    list_op(new)["parameters"][0]["name"] = "kind"

    changes = [c for c in diff_specs(old, new) if c.kind == "parameter"]

    assert len(changes) == 1
    assert (changes[0].change, changes[0].subject, changes[0].detail) == (
        "renamed",
        "query patient_type",
        "renamed to kind",
    )
    assert changes[0].impact == (
        "`fs.patients.list(patient_type=...)` raises TypeError (unexpected keyword argument); "
        "pass `kind=`"
    )


def test_new_required_parameter_and_removed_enum_value_say_what_breaks() -> None:
    old, new = base_spec(), base_spec()
    parameters = list_op(new)["parameters"]
    parameters[0]["schema"]["enum"] = ["all"]
    parameters.append({"name": "region", "in": "query", "required": True, "schema": {}})

    changes = diff_specs(old, new)

    region = only(changes, subject="query region")
    assert (
        region.impact
        == "`fs.patients.list(...)` without `region=` raises TypeError (missing argument)"
    )
    patient_type = only(changes, subject="query patient_type")
    assert patient_type.impact == (
        "`ListPatientsPatientType.DEPENDENT` no longer exists (AttributeError) in code sending it"
    )


def test_removed_value_of_a_shared_enum_schema_is_a_change_of_that_schema() -> None:
    old, new = base_spec(), base_spec()
    for spec in (old, new):
        schemas = spec["components"]["schemas"]
        schemas["Gender"] = {"type": "string", "enum": ["male", "female", "x"]}
        schemas["Patient"]["properties"]["gender"] = {"$ref": "#/components/schemas/Gender"}
    new["components"]["schemas"]["Gender"]["enum"] = ["male", "female"]

    shared, _ = roll_up(diff_specs(old, new))

    assert [(e.title, e.detail, e.operation_ids) for e in shared] == [
        ("Gender", "enum values removed: x", ("list_patients", "create_patient"))
    ]
    assert shared[0].impacts == (
        "`Gender.X` no longer exists (AttributeError) in code comparing `patient.gender` with it"
        "; in webhook handlers: `PatientCreated.data.patient.gender`, "
        "`PatientUpdated.data.patient.gender`, `PatientEmancipated.data.patient.gender`",
    )


def test_new_required_field_of_a_shared_request_schema_names_the_model() -> None:
    old, new = base_spec(), base_spec()
    for spec in (old, new):
        body = create_op(spec)["requestBody"]["content"]["application/json"]
        spec["components"]["schemas"]["PatientInput"] = body["schema"]["properties"]["patient"]
        body["schema"]["properties"]["patient"] = {"$ref": "#/components/schemas/PatientInput"}
    new["components"]["schemas"]["PatientInput"]["required"].append("mobile")

    shared, _ = roll_up(diff_specs(old, new))

    assert [(e.title, e.kind, e.detail) for e in shared] == [
        ("PatientInput.mobile", "request field", "now required")
    ]
    assert shared[0].impacts == (
        "`PatientInput(...)` without `mobile=` raises TypeError (missing argument)",
    )


def test_non_breaking_changes_carry_no_impact() -> None:
    old, new = base_spec(), base_spec()
    new["components"]["schemas"]["Patient"]["properties"]["pronouns"] = {"type": "string"}

    assert [c.impact for c in diff_specs(old, new)] == ["", ""]


def test_lifted_enum_is_named_as_the_old_client_named_it() -> None:
    old, new = base_spec(), base_spec()
    old["components"]["schemas"]["Gender"] = {"type": "string", "enum": ["male", "female", "x"]}
    old["components"]["schemas"]["Patient"]["properties"]["gender"] = {
        "$ref": "#/components/schemas/Gender"
    }
    new["components"]["schemas"]["Patient"]["properties"]["gender"] = {"type": "string"}

    shared, _ = roll_up(diff_specs(old, new))

    assert [(e.title, e.detail) for e in shared] == [("Patient.gender", "enum restriction lifted")]
    assert shared[0].impacts == (
        "`patient.gender` is now a plain str: `.value` and comparisons with `Gender` members break",
    )


def test_one_of_request_fields_are_required_only_when_every_variant_requires_them() -> None:
    def grant(value: str, credential: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["grant_type", "client_id", credential],
            "properties": {
                "grant_type": {"type": "string", "enum": [value]},
                "client_id": {"type": "string"},
                credential: {"type": "string"},
            },
        }

    spec = {"components": {"schemas": {"A": grant("a", "code"), "B": grant("b", "token")}}}
    body = {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]}

    fields = flatten(spec, body)

    assert fields["grant_type"].enum == ("a", "b")
    assert fields["grant_type"].required and fields["client_id"].required
    assert not fields["code"].required and not fields["token"].required


def test_a_field_met_twice_in_one_operation_lists_the_operation_once() -> None:
    old, new = base_spec(), base_spec()
    for spec in (old, new):
        patient = spec["components"]["schemas"]["Patient"]["properties"]
        patient["home"] = {"$ref": "#/components/schemas/Address"}
    del new["components"]["schemas"]["Address"]["properties"]["city"]

    shared, _ = roll_up(diff_specs(old, new))

    assert [(e.title, e.operation_ids) for e in shared] == [
        ("Address.city", ("list_patients", "create_patient"))
    ]
    assert shared[0].subjects == (
        "patients[].address.city",
        "patients[].home.city",
        "patient.address.city",
        "patient.home.city",
    )


def test_new_response_enum_value_is_not_breaking_and_says_how_older_clients_read_it() -> None:
    old, new = base_spec(), base_spec()
    new["components"]["schemas"]["Patient"]["properties"]["gender"]["enum"].append("other")

    changes = diff_specs(old, new)
    shared, _ = roll_up(changes)

    # Response enums are open: the value reads as an unknown member, it does not fail the call.
    assert [(e.title, e.detail, e.breaking, e.impacts) for e in shared] == [
        (
            "Patient.gender",
            "enum values added: other (older clients read it as an unknown member: "
            "`.is_known == False`, `.value` the value sent)",
            False,
            (),
        )
    ]
    report = render_text(changes, "old.json", "new.json")
    assert "0 breaking change(s)" in report
    assert "BREAKING" not in report and "breaks:" not in report
