"""Mark the schemas a response can carry, so the templates give them tolerant readers.

openapi-python-client does not tell a template whether a model is read from responses or only
sent in requests. Before generation the pipeline walks every operation's responses (following
``$ref`` into ``components/schemas`` and ``components/responses``) and sets
``x-fullscript-response: true`` on each schema object it reaches: the response bodies, the
component schemas they reference, and every nested object, array item and union member inside
them. The model template reads the mark from the schema it was built from
(``model.data.model_extra``): marked models parse tolerantly, unmarked ones (request bodies)
strictly. Only schema keywords are walked, never ``example``/``default`` values, so no example
shown in a docstring changes.

The mark is added to a copy handed to the generator; the normalised spec itself never holds it.
"""

from __future__ import annotations

import copy

from specpipe.document import JSON, iter_operations, resolve_pointer

RESPONSE_MARK = "x-fullscript-response"
# Keywords whose values are schemas (a dict) or lists of schemas. Everything else in a schema
# object is data (example, default, enum, description, ...) and is left alone.
_SCHEMA_KEYWORDS = ("items", "additionalProperties", "not")
_SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf")


def mark_response_schemas(spec: dict[str, JSON]) -> dict[str, JSON]:
    """A deep copy of ``spec`` with every schema a response can carry marked; see module doc."""
    marked = copy.deepcopy(spec)
    walker = _Walker(marked)
    for op in iter_operations(marked):
        responses = op.operation.get("responses")
        if isinstance(responses, dict):
            for response in responses.values():
                walker.response(response)
    return marked


def marked_schema_names(spec: dict[str, JSON]) -> set[str]:
    """Names of the component schemas carrying the response mark (for reports and tests)."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    return {
        name
        for name, schema in schemas.items()
        if isinstance(schema, dict) and schema.get(RESPONSE_MARK) is True
    }


class _Walker:
    def __init__(self, spec: dict[str, JSON]) -> None:
        self._spec = spec
        self._followed: set[str] = set()

    def response(self, node: JSON) -> None:
        node = self._follow(node)
        if not isinstance(node, dict):
            return
        for media in (node.get("content") or {}).values():
            if isinstance(media, dict):
                self.schema(media.get("schema"))

    def schema(self, node: JSON) -> None:
        if not isinstance(node, dict):
            return
        if isinstance(node.get("$ref"), str):
            self.schema(self._follow(node))
            return
        if node.get(RESPONSE_MARK) is True:
            return  # reached before (a shared or recursive schema)
        node[RESPONSE_MARK] = True
        for child in (node.get("properties") or {}).values():
            self.schema(child)
        for keyword in _SCHEMA_KEYWORDS:
            self.schema(node.get(keyword))
        for keyword in _SCHEMA_LIST_KEYWORDS:
            for member in node.get(keyword) or []:
                self.schema(member)

    def _follow(self, node: JSON) -> JSON:
        """Resolve one ``$ref`` chain; a dangling or already-followed reference gives None."""
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in self._followed:
                return None
            self._followed.add(ref)
            try:
                node = resolve_pointer(self._spec, ref)
            except (KeyError, IndexError, TypeError):
                return None
        return node
