"""Split an OAuth 2 token request that requires every grant's parameters at once.

The published 2021 file requires ``code``, ``refresh_token`` and ``redirect_uri`` together in
``POST /oauth/token``, a body no client can send: an authorization-code exchange has no refresh
token yet, and a refresh has no code. RFC 6749 says which parameters each grant type takes
(section 4.1.3 for ``authorization_code``, 6 for ``refresh_token``, 4.3.2 for ``password``,
4.4.2 for ``client_credentials``), so such a body becomes ``oneOf`` one schema per grant type,
each with ``grant_type`` fixed to its value and its own required fields. Client authentication
fields the document requires (``client_id``, ``client_secret``) stay required in every variant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from specpipe.document import JSON, iter_operations, resolve
from specpipe.naming import words_of

GRANT_TYPE = "grant_type"
BACKTICKED = re.compile(r"`([^`\s]+)`")


@dataclass(frozen=True)
class Grant:
    """What one RFC 6749 grant type sends besides ``grant_type``."""

    credentials: tuple[str, ...]
    """What the client exchanges (the code, the refresh token): meaningless in other grants."""
    also_required: tuple[str, ...] = ()
    """Further required parameters that other grants may still send (``redirect_uri``)."""

    @property
    def parameters(self) -> tuple[str, ...]:
        return (*self.credentials, *self.also_required)


GRANTS: dict[str, Grant] = {
    "authorization_code": Grant(credentials=("code",), also_required=("redirect_uri",)),
    "refresh_token": Grant(credentials=("refresh_token",)),
    "password": Grant(credentials=("username", "password")),
    "client_credentials": Grant(credentials=()),
}


def split_token_grants(spec: dict[str, JSON]) -> list[str]:
    """Turn every contradictory token request body into ``oneOf`` one body per grant type."""
    fixes: list[str] = []
    for op in iter_operations(spec):
        for media in _request_media(spec, op.operation):
            body = resolve(spec, media.get("schema"))
            grants = _contradicted_grants(body)
            if not grants:
                continue
            names = _add_variants(spec, str(op.operation.get("operationId") or ""), body, grants)
            # Every variant has required fields, so there is no token request without a body
            # (an optional union body would also make the generated code call UNSET.to_dict()).
            request_body = resolve(spec, op.operation["requestBody"])
            request_body["required"] = True
            fixes.append(
                f"{op.label}: request body required the parameters of every grant at once; "
                f"split into one body per grant type ({', '.join(names)})"
            )
    return fixes


def _request_media(spec: dict[str, JSON], operation: dict[str, JSON]) -> list[dict[str, JSON]]:
    body = resolve(spec, operation.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    if not isinstance(content, dict):
        return []
    return [media for media in content.values() if isinstance(media, dict)]


def _contradicted_grants(body: JSON) -> list[str]:
    """The grant types a body offers, when it requires parameters of two of them at once."""
    if not isinstance(body, dict) or not isinstance(body.get("properties"), dict):
        return []
    properties: dict[str, JSON] = body["properties"]
    grant_type = properties.get(GRANT_TYPE)
    if not isinstance(grant_type, dict):
        return []
    required = set(body.get("required") or [])
    demanded = [name for name, grant in GRANTS.items() if required & set(grant.credentials)]
    if len(demanded) < 2:
        return []
    offered = _offered_grants(grant_type)
    return offered or [name for name in GRANTS if set(GRANTS[name].credentials) & set(properties)]


def _offered_grants(grant_type: dict[str, JSON]) -> list[str]:
    """Grant types named by the ``grant_type`` enum, else by its description, in that order."""
    named = grant_type.get("enum") or BACKTICKED.findall(str(grant_type.get("description") or ""))
    return [value for value in dict.fromkeys(map(str, named)) if value in GRANTS]


def _add_variants(
    spec: dict[str, JSON], operation_id: str, body: dict[str, JSON], grants: list[str]
) -> list[str]:
    """Add one component schema per grant and make ``body`` their ``oneOf``; their names."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    properties: dict[str, JSON] = body["properties"]
    required = list(body.get("required") or [])
    every_grant_parameter = {p for grant in GRANTS.values() for p in grant.parameters}
    names: list[str] = []
    for grant_name in grants:
        grant = GRANTS[grant_name]
        foreign = {p for g in grants if g != grant_name for p in GRANTS[g].credentials}
        foreign -= set(grant.parameters)
        variant_properties = {key: value for key, value in properties.items() if key not in foreign}
        variant_properties[GRANT_TYPE] = _fixed_grant_type(properties[GRANT_TYPE], grant_name)
        variant_required = [
            key
            for key in dict.fromkeys([GRANT_TYPE, *required, *grant.parameters])
            if key in variant_properties
            and (key not in every_grant_parameter or key in grant.parameters)
        ]
        name = _free_name(schemas, operation_id, grant_name)
        schemas[name] = {
            "type": "object",
            "description": f"The token request for the `{grant_name}` grant type.",
            "required": variant_required,
            "properties": variant_properties,
        }
        names.append(name)
    description = body.get("description")
    body.clear()
    body["oneOf"] = [{"$ref": f"#/components/schemas/{name}"} for name in names]
    if description:
        body["description"] = description
    return names


def _fixed_grant_type(original: JSON, grant_name: str) -> dict[str, JSON]:
    # The default lets the generated model fill grant_type in: callers never spell it out.
    fixed: dict[str, JSON] = {"type": "string", "enum": [grant_name], "default": grant_name}
    description = original.get("description") if isinstance(original, dict) else None
    if description:
        fixed["description"] = description
    return fixed


def _free_name(schemas: dict[str, JSON], operation_id: str, grant_name: str) -> str:
    """``AuthorizationCodeGrant``; prefixed with the operation when that name is taken."""
    base = "".join(word.capitalize() for word in words_of(grant_name)) + "Grant"
    if base not in schemas:
        return base
    prefixed = "".join(word.capitalize() for word in words_of(operation_id)) + base
    candidate, counter = prefixed, 2
    while candidate in schemas:
        candidate, counter = f"{prefixed}{counter}", counter + 1
    return candidate
