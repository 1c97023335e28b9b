"""What user code breaks, for each kind of breaking spec change, in the names users write.

Each function returns one sentence for the report's ``breaks:`` line. The subjects are the
regenerated client's: a removed field is gone from the model, a removed operation from the
façade, a new required argument is missing from calls written before it existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from fullscript.spec import event_readings
from specpipe.fields import FieldInfo
from specpipe.generated_names import (
    attribute,
    class_name,
    enum_member,
    python_type,
    variable,
)


@dataclass(frozen=True)
class OperationNames:
    """How users reach one operation: ``fs.patients.list`` and its endpoint module."""

    call: str
    module: str
    operation_id: str


def operation_removed(names: OperationNames) -> str:
    return (
        f"`{names.call}(...)` raises AttributeError; "
        f"`import {names.module}` raises ModuleNotFoundError"
    )


def operation_renamed(old: OperationNames, new: OperationNames) -> str:
    if old.call == new.call:
        return f"`import {old.module}` raises ModuleNotFoundError; it is now `{new.module}`"
    return f"`{old.call}(...)` raises AttributeError; call `{new.call}(...)`"


def status_changed(names: OperationNames, old: str, new: str) -> str:
    old_model = class_name(names.operation_id, "response", old)
    new_model = class_name(names.operation_id, "response", new)
    return (
        f"`{old_model}` becomes `{new_model}` (imports of the old name fail); a client generated "
        f"before this change raises UnexpectedStatus on {new}"
    )


def wrapper_changed(names: OperationNames, old_key: str, new_key: str) -> str:
    return (
        f"the raw body moves from `.{attribute(old_key)}` to `.{attribute(new_key)}`: "
        f"`{names.call.replace('fs.', 'fs.with_raw_response.', 1)}(...).parsed.{attribute(old_key)}` "
        "raises AttributeError"
    )


def body_removed(names: OperationNames) -> str:
    return f"`{names.call}(..., body=...)` raises TypeError (unexpected keyword argument)"


def body_required(names: OperationNames) -> str:
    return f"`{names.call}(...)` without `body=` raises TypeError (missing argument)"


# --- fields and parameters --------------------------------------------------------------------


@dataclass(frozen=True)
class FieldPlace:
    """Where users meet one field: read on a model, passed to a model, or passed to a call.

    ``holder`` is the model class (request fields), the variable a model instance is read
    through (response fields), or the façade call (parameters); ``name`` the JSON name.
    """

    direction: str  # "response" | "request" | "parameter"
    holder: str
    name: str
    enum_class: str
    schema: str = ""  # the shared schema the field is in, "" when inline

    @property
    def in_events(self) -> str:
        """``; in webhook handlers: `OrderPlaced.data.order.x` `` when events carry the schema."""
        if self.direction != "response" or not self.schema:
            return ""
        readings = [f"`{where}.{self.argument}`" for where in event_readings(self.schema)]
        return f"; in webhook handlers: {', '.join(readings)}" if readings else ""

    @property
    def argument(self) -> str:
        return attribute(self.name)

    @property
    def reading(self) -> str:
        return f"{self.holder}.{self.argument}"

    @property
    def passing(self) -> str:
        return f"{self.holder}({self.argument}=...)"


def field_place(
    direction: str, operation_id: str, call: str, path: str, info: FieldInfo
) -> FieldPlace:
    """The place of a field at ``path`` (dotted, from the body root) of an operation.

    Inside a named schema the place starts at that schema (``patient.mobile_number``, the model
    ``PatientCreateRequest``); inline fields start at the operation's body or response model.
    """
    inside = info.schema_path if info.schema else path
    *parents, name = inside.replace("[]", ".[]").split(".")
    steps = [
        (part, parents[i + 1 : i + 2] == ["[]"]) for i, part in enumerate(parents) if part != "[]"
    ]
    if direction == "parameter":
        return FieldPlace(direction, call, name, _enum_class(info, class_name(operation_id), name))
    root = info.schema or f"{operation_id}_{'body' if direction == 'request' else 'response'}"
    model = class_name(root, *[f"{part}_item" if array else part for part, array in steps])
    if direction == "request":
        return FieldPlace(direction, model, name, _enum_class(info, model, name))
    shared = info.schema if info.schema and not steps else ""
    reader = (variable(info.schema) if info.schema else variable(root)) + "".join(
        f".{attribute(part)}" + ("[i]" if array else "") for part, array in steps
    )
    return FieldPlace(direction, reader, name, _enum_class(info, model, name), shared)


def _enum_class(info: FieldInfo, model: str, name: str) -> str:
    """A shared enum keeps its schema's name; an inline one is named after its model and field."""
    return class_name(info.ref) if info.ref else class_name(model, name)


def field_removed(place: FieldPlace) -> str:
    if place.direction == "response":
        return (
            f"reading `{place.reading}` raises AttributeError on the regenerated client; a value "
            f'the API still sends lands in `{place.holder}.additional_properties["{place.name}"]`'
            f"{place.in_events}"
        )
    return f"`{place.passing}` raises TypeError (unexpected keyword argument)"


def field_renamed(place: FieldPlace, new_name: str) -> str:
    return f"`{place.passing}` raises TypeError (unexpected keyword argument); pass `{attribute(new_name)}=`"


def now_required(place: FieldPlace) -> str:
    return f"`{place.holder}(...)` without `{place.argument}=` raises TypeError (missing argument)"


def type_changed(place: FieldPlace, old: str, new: str) -> str:
    was, now = python_type(old), python_type(new)
    if place.direction == "response":
        return (
            f"`{place.reading}` is now {now}, not {was}: code using it as {was} breaks"
            f"{place.in_events}"
        )
    return f"`{place.passing}` takes {now} now, not {was}"


def enum_values_removed(place: FieldPlace, values: list[str], old_enum: tuple[str, ...]) -> str:
    members = ", ".join(f"`{place.enum_class}.{enum_member(v, old_enum.index(v))}`" for v in values)
    verb = "no longer exists" if len(values) == 1 else "no longer exist"
    if place.direction == "response":
        return (
            f"{members} {verb} (AttributeError) in code comparing `{place.reading}` with it"
            f"{place.in_events}"
        )
    return f"{members} {verb} (AttributeError) in code sending it"


# Not a breakage, so said in the change's detail rather than on a `breaks:` line. The same
# words wherever the field is read, so that a shared schema's change rolls up into one entry.
ENUM_VALUE_ADDED_TO_RESPONSE = (
    "older clients read it as an unknown member: `.is_known == False`, `.value` the value sent"
)


def restricted_to_enum(place: FieldPlace) -> str:
    return (
        f"`{place.passing}` takes `{place.enum_class}` now; a plain string raises AttributeError "
        "while the request is built"
    )


def restriction_lifted(place: FieldPlace) -> str:
    return (
        f"`{place.reading}` is now a plain str: `.value` and comparisons with "
        f"`{place.enum_class}` members break"
    )
