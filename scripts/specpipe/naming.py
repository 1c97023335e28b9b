"""Derive snake_case operation names from what an operation means.

The 2021 published spec has no operationIds, so a generator would otherwise name functions
after paths (``get_api_clinic_patients_id``). We read the summary ("List all allergens" ->
``list_allergens``) and fall back to method + path semantics when there is no summary.
"""

from __future__ import annotations

import re

ARTICLES = frozenset({"a", "an", "the"})
# Filler words that only carry meaning-free emphasis right after the leading verb.
FILLER_AFTER_VERB = frozenset({"all", "for"})
UNCHANGED_PLURALS = frozenset({"staff", "metadata", "news", "series"})
METHOD_VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete"}
VERSION_OR_PREFIX = re.compile(r"^(api|v\d+)$")


def words_of(text: str) -> list[str]:
    """Lower-case words of free text; CamelCase words are split (``ClinicKey`` -> clinic, key)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return [word.lower() for word in re.findall(r"[A-Za-z0-9]+", spaced)]


def snake_name(words: list[str]) -> str:
    """Join words into an identifier that starts with a letter."""
    name = "_".join(word for word in words if word)
    return name if name[:1].isalpha() else f"op_{name}"


def name_from_summary(summary: str) -> str:
    """``"List All ClinicKey Events"`` -> ``list_clinic_key_events``; empty when no words."""
    words = [word for word in words_of(summary) if word not in ARTICLES]
    if len(words) > 1 and words[1] in FILLER_AFTER_VERB:
        del words[1]
    return snake_name(words) if words else ""


def singular(word: str) -> str:
    """A good-enough English singular for resource names in paths."""
    if word in UNCHANGED_PLURALS:
        return word
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _segments(path: str) -> list[tuple[str, bool]]:
    """Path segments as (text, is_parameter), without ``/api`` or version prefixes."""
    parts = [part for part in path.strip("/").split("/") if part]
    while parts and VERSION_OR_PREFIX.match(parts[0]):
        parts.pop(0)
    return [(part, part.startswith("{")) for part in parts]


def name_from_path(method: str, path: str) -> str:
    """Method + path semantics: list_/retrieve_/create_/update_/delete_ plus the resource."""
    segments = _segments(path)
    literals = [text for text, is_param in segments if not is_param]
    if not literals:
        return snake_name([method.lower(), "root"])
    ends_with_param = bool(segments) and segments[-1][1]
    resource = literals[-1]
    parent = _parent_resource(segments)
    verb = METHOD_VERBS.get(method.lower(), "list" if _is_collection(segments) else "retrieve")
    if (
        not ends_with_param
        and parent
        and method.lower() != "get"
        and resource == singular(resource)
    ):
        # An action on an item: PATCH /treatment_plans/{id}/activate -> activate_treatment_plan
        return snake_name([*words_of(resource), *words_of(singular(parent))])
    noun = words_of(resource) if verb == "list" else words_of(singular(resource))
    prefix = words_of(singular(parent)) if parent and parent != resource else []
    return snake_name([verb, *prefix, *noun])


def _is_collection(segments: list[tuple[str, bool]]) -> bool:
    """A GET on ``/patients`` lists; a GET on ``/patients/{id}`` or ``/clinic`` retrieves."""
    text, is_param = segments[-1]
    return not is_param and (text in UNCHANGED_PLURALS or singular(text) != text)


def _parent_resource(segments: list[tuple[str, bool]]) -> str:
    """The collection a nested resource hangs off (``patients`` in /patients/{id}/orders)."""
    last_literal = max((i for i, (_, is_param) in enumerate(segments) if not is_param), default=-1)
    for index in range(last_literal - 1, 0, -1):
        if segments[index][1] and not segments[index - 1][1]:
            return segments[index - 1][0]
    return ""


def unique_name(candidate: str, method: str, taken: set[str]) -> str:
    """``candidate`` itself when free, else with the HTTP method, else numbered."""
    if candidate not in taken:
        return candidate
    with_method = f"{candidate}_{method.lower()}"
    if with_method not in taken:
        return with_method
    counter = 2
    while f"{candidate}_{counter}" in taken:
        counter += 1
    return f"{candidate}_{counter}"


def tag_from_path(path: str) -> str:
    """A human tag for an untagged operation: its first resource segment (``/api/oauth/x`` -> OAuth)."""
    literals = [text for text, is_param in _segments(path) if not is_param]
    if not literals:
        return "Default"
    return " ".join(KNOWN_CASING.get(word, word.capitalize()) for word in words_of(literals[0]))


KNOWN_CASING = {"oauth": "OAuth", "api": "API", "id": "ID", "url": "URL"}
