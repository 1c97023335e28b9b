"""The row type of the generated operation table (``operations.py``)."""

from typing import NamedTuple


class OperationFacts(NamedTuple):
    """What the spec says about one operation, as the pipeline stamped it (``x-fullscript-*``).

    Attributes:
        operation_id: the spec's operationId (the endpoint module's name).
        http_method: HTTP method, upper case.
        path: path template as in the spec, e.g. ``/api/clinic/patients/{id}``.
        group: the façade group, ``fs.<group>``.
        method_name: the method inside the group, ``fs.<group>.<method_name>``.
        scope: the OAuth scope a token needs, or None when any token will do.
        restricted: Fullscript opens the operation to approved apps only.
        authenticated: False when the operation takes no bearer token at all.
        query_parameters: the query parameters it declares, by wire name (``page[size]``).
        body_fields: the top-level members of its request body (empty without a body), or
            None when the body's schema is open to any member.
    """

    operation_id: str
    http_method: str
    path: str
    group: str
    method_name: str
    scope: str | None
    restricted: bool
    authenticated: bool
    query_parameters: tuple[str, ...] = ()
    body_fields: tuple[str, ...] | None = ()


__all__ = ["OperationFacts"]
