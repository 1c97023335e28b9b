"""Practitioner resources: files a practitioner shares with patients (upload, edit, delete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import not_found
from ..state.clock import format_timestamp
from ..state.people import require
from ..state.records import RESOURCE_CATEGORIES, RESOURCE_TYPES, build_resource, resource_url
from ..state.store import Record, public
from ..state.validate import Validator
from .call import Call, Handler, Reply, Upload
from .listing import page

__all__ = ["HANDLERS", "RESOURCE_CATEGORIES", "RESOURCE_TYPES"]

EXTENSIONS = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "doc": "application/msword",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def _attachment(call: Call, resource_id: str, check: Validator, *, required: bool) -> str | None:
    """Validate the upload and return the URL it is served from."""
    upload: Upload | None = call.files.get("attachment")
    raw = call.body.get("attachment")
    if upload is None and isinstance(raw, str) and raw.strip():
        # JSON clients may send a file name or URL instead of an upload.
        upload = Upload(raw.strip().rsplit("/", 1)[-1], "", b"")
    if upload is None:
        if required:
            check.fail("attachment", "can't be blank")
        return None
    extension = upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ""
    if extension not in EXTENSIONS:
        check.fail("attachment", f"must be one of: {', '.join(EXTENSIONS)}")
        return None
    return resource_url(resource_id, upload.filename)


def _validate(body: Mapping[str, Any], *, creating: bool) -> Validator:
    check = Validator(body)
    check.string("name", required=creating)
    check.enum("type", RESOURCE_TYPES)
    check.enum("category", RESOURCE_CATEGORIES)
    check.string("treatment_plan_id")
    check.boolean("save_to_library")
    if creating and "save_to_library" not in check.clean:
        check.fail("save_to_library", "can't be blank")
    return check


def _resource(call: Call) -> Record:
    practitioner = call.record("practitioners", "practitioner_id")
    resource = call.record("practitioner_resources")
    if resource["_practitioner_id"] != practitioner["id"]:
        raise not_found(f"resource {resource['id']} not found")
    return resource


def _body(call: Call) -> Mapping[str, Any]:
    inner = call.body.get("resource")
    return inner if isinstance(inner, Mapping) else call.body


def list_practitioner_resources(call: Call) -> Reply:
    practitioner = call.record("practitioners", "practitioner_id")
    resources = [
        r
        for r in call.state.values("practitioner_resources")
        if r["_practitioner_id"] == practitioner["id"]
    ]
    return Reply(200, page(call.query, resources, "resources"))


def create_practitioner_resource(call: Call) -> Reply:
    practitioner = call.record("practitioners", "practitioner_id")
    resource_id = call.state.new_id()
    check = _validate(_body(call), creating=True)
    attachment = _attachment(call, resource_id, check, required=True)
    fields = check.check()
    if fields.get("treatment_plan_id"):
        require(call.state, "treatment_plans", fields["treatment_plan_id"], "treatment_plan_id")
    resource = build_resource(
        resource_id,
        name=fields["name"],
        resource_type=fields.get("type") or "Handout",
        category=fields.get("category") or "Supplements",
        practitioner_id=practitioner["id"],
        treatment_plan_id=fields.get("treatment_plan_id"),
        save_to_library=fields["save_to_library"],
        attachment_url=attachment,
        now=call.now,
    )
    call.state.add("practitioner_resources", resource)
    return Reply(201, {"resource": public(resource)})


def retrieve_practitioner_resource(call: Call) -> Reply:
    return Reply(200, {"resource": public(_resource(call))})


def update_practitioner_resource(call: Call) -> Reply:
    resource = _resource(call)
    check = _validate(_body(call), creating=False)
    attachment = _attachment(call, resource["id"], check, required=False)
    fields = check.check()
    if fields.get("treatment_plan_id"):
        require(call.state, "treatment_plans", fields["treatment_plan_id"], "treatment_plan_id")
    for field, value in fields.items():
        if value is not None or field == "treatment_plan_id":
            resource[field] = value
    if attachment is not None:
        resource["attachment_url"] = attachment
    resource["updated_at"] = format_timestamp(call.now)
    return Reply(200, {"resource": public(resource)})


def delete_practitioner_resource(call: Call) -> Reply:
    resource = _resource(call)
    del call.state.tables["practitioner_resources"][resource["id"]]
    return Reply(204)


HANDLERS: dict[str, Handler] = {
    "list_practitioner_resources": list_practitioner_resources,
    "create_practitioner_resource": create_practitioner_resource,
    "retrieve_practitioner_resource": retrieve_practitioner_resource,
    "update_practitioner_resource": update_practitioner_resource,
    "delete_practitioner_resource": delete_practitioner_resource,
}
