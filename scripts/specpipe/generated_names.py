"""The names a spec's parts get in the generated client and the façade.

A change report says what user code breaks, so it has to spell what users write: the façade
method (``fs.patients.list``), the model attribute (``patient.mobile_number``), the enum member
(``Gender.X``). The rules are openapi-python-client 0.29.1's (``openapi_python_client.strings``,
restated here: importing the generator costs seconds). The façade's names (``group_name``,
``method_name``, ``facade_names``) are decided here only: the normaliser stamps them into the
spec (``x-fullscript-group``, ``x-fullscript-method``) and the templates read the stamps. Tests
check all of them against the generated package.
"""

from __future__ import annotations

import builtins
import re
from keyword import iskeyword, kwlist

from specpipe.document import JSON, iter_operations

DELIMITERS = r"\. _-"
RESERVED_WORDS = (set(dir(builtins)) | {"self", "true", "false", "datetime"}) - {"id"}

FACADE = "fs"
# A method may not be named like a keyword, soft ones included (``match``, ``case``, ``type``).
UNUSABLE_METHOD_NAMES = frozenset(kwlist) | {"match", "case", "type", "_"}
PYTHON_TYPES = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "object": "a model",
    "any": "any value",
    "string/date-time": "datetime.datetime",
    "string/date": "datetime.date",
}


def _sanitize(value: str) -> str:
    return "".join(c for c in value if c.isidentifier() or c.isdecimal() or c in DELIMITERS)


def _words(value: str) -> list[str]:
    value = _sanitize(value)
    if any(c.isupper() for c in value):
        value = " ".join(re.split("([A-Z]?[a-z]+)", value))
    return re.findall(rf"[^{re.escape(DELIMITERS)}]+", value)


def _unreserved(value: str) -> str:
    return f"{value}_" if value in RESERVED_WORDS or iskeyword(value) else value


def snake_case(value: str) -> str:
    """``mobileNumber`` / ``Mobile Number`` -> ``mobile_number``."""
    return "_".join(_words(value)).lower()


def pascal_case(value: str) -> str:
    """``create_patient_body`` -> ``CreatePatientBody`` (all-caps words kept)."""
    return "".join(word if word.isupper() else word.capitalize() for word in _words(value))


def attribute(name: str) -> str:
    """A property or parameter as a Python name: ``page[size]`` -> ``pagesize``, ``type`` -> ``type_``."""
    leading_underscore = _sanitize(name).startswith("_")
    value = _unreserved(snake_case(name))
    return value if value.isidentifier() and not leading_underscore else f"field{value}"


def class_name(*parts: str) -> str:
    """The generated class for a schema or an inline object: ``create_patient_body`` -> ``CreatePatientBody``."""
    return _unreserved(pascal_case("_".join(pascal_case(part) for part in parts if part)))


def variable(schema: str) -> str:
    """How readers would name an instance of a model: ``TreatmentPlan`` -> ``treatment_plan``."""
    return snake_case(schema)


def enum_member(value: str, index: int) -> str:
    """The generated member for an enum value: ``once per day`` -> ``ONCE_PER_DAY``."""
    key = value.upper() if value[:1].isalpha() else f"VALUE_{index}"
    return snake_case(key).upper()


def python_type(descriptor: str) -> str:
    """``array<string>`` -> ``list[str]``, ``integer|string`` -> ``int | str``."""
    if "|" in descriptor:
        return " | ".join(python_type(part) for part in descriptor.split("|"))
    if descriptor.startswith("array<") and descriptor.endswith(">"):
        return f"list[{python_type(descriptor[6:-1])}]"
    return PYTHON_TYPES.get(descriptor, PYTHON_TYPES.get(descriptor.split("/")[0], descriptor))


def group_name(tag: str) -> str:
    """The façade group of a tag: ``OAuth`` -> ``o_auth`` -> ``oauth`` (acronym letters glued)."""
    words: list[str] = []
    pending = ""
    for word in snake_case(tag).split("_"):
        if len(word) == 1:
            pending += word
        else:
            words.append(pending + word)
            pending = ""
    if pending:
        words.append(pending)
    return "_".join(words)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def method_name(operation_id: str, group: str) -> str:
    """The operation's name inside its group: ``list_patient_orders`` in patients -> ``list_orders``."""
    verb, _, rest = operation_id.partition("_")
    if not rest:
        return operation_id
    for noun in (group, _singular(group)):
        if rest == noun:
            return verb
        if rest.startswith(noun + "_"):
            return f"{verb}_{rest[len(noun) + 1 :]}"
    return operation_id


def endpoint_name(operation_id: str) -> str:
    """The generated endpoint module's name for an operationId (usually the operationId itself)."""
    return attribute(operation_id)


def first_tag(operation: dict[str, JSON]) -> str:
    """The tag the generator files an operation under (its first; ``default`` when untagged)."""
    tags = operation.get("tags") or ["default"]
    return str(tags[0])


def facade_names(spec: dict[str, JSON]) -> dict[str, tuple[str, str]]:
    """operationId -> (group, method name) of every operation, as users call it: ``fs.<group>.<method>``.

    Operations are taken in the generator's order (document order, then HTTP method). Inside a
    group, a shortened name that is a keyword or that an earlier operation already took stays
    the whole endpoint name, so every method of a group is a distinct identifier.
    """
    taken: dict[str, set[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for op in iter_operations(spec):
        name = endpoint_name(str(op.operation.get("operationId") or ""))
        group = group_name(first_tag(op.operation))
        method = method_name(name, group)
        used = taken.setdefault(group, set())
        if method in used or method in UNUSABLE_METHOD_NAMES:
            method = name
        used.add(method)
        names[str(op.operation.get("operationId") or "")] = (group, method)
    return names


def facade_call(tag: str, operation_id: str) -> str:
    """``fs.patients.list``: how users call an operation through the façade, taken alone.

    Prefer the stamped ``x-fullscript-group`` / ``x-fullscript-method`` of a normalised spec:
    they also settle names that clash inside a group (see `facade_names`).
    """
    group = group_name(tag)
    return f"{FACADE}.{group}.{method_name(endpoint_name(operation_id), group)}"


def endpoint_module(tag: str, operation_id: str) -> str:
    """``fullscript_api.api.patients.list_patients``: the generated endpoint module."""
    return f"fullscript_api.api.{snake_case(tag)}.{operation_id}"
