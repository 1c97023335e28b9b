"""Handlers for the many operations that just list a table, list the records belonging to one
parent record, or fetch one record by id."""

from __future__ import annotations

from ..state.store import public
from .call import Call, Handler, Reply
from .listing import page

__all__ = ["children_handler", "list_handler", "retrieve_handler"]


def list_handler(table: str, key: str) -> Handler:
    """A plain paginated list of a whole table."""

    def handle(call: Call) -> Reply:
        return Reply(200, page(call.query, call.state.values(table), key))

    return handle


def children_handler(parent: tuple[str, str], table: str, field: str, key: str) -> Handler:
    """A paginated list of the ``table`` records whose ``field`` is the id of the ``parent``
    record named by a path parameter, given as ``(parent table, path parameter)``; an unknown
    parent answers 404."""
    parent_table, param = parent

    def handle(call: Call) -> Reply:
        owner_id = call.record(parent_table, param)["id"]
        children = [record for record in call.state.values(table) if record[field] == owner_id]
        return Reply(200, page(call.query, children, key))

    return handle


def retrieve_handler(table: str, key: str, param: str = "id") -> Handler:
    """One record by path id, wrapped in ``key``."""

    def handle(call: Call) -> Reply:
        return Reply(200, {key: public(call.record(table, param))})

    return handle
