"""Handlers for the many operations that just list a table or fetch one record by id."""

from __future__ import annotations

from ._call import Call, Handler, Reply
from ._listing import page
from ._store import public

__all__ = ["list_handler", "retrieve_handler"]


def list_handler(table: str, key: str) -> Handler:
    """A plain paginated list of a whole table."""

    def handle(call: Call) -> Reply:
        return Reply(200, page(call.query, call.state.values(table), key))

    return handle


def retrieve_handler(table: str, key: str, param: str = "id") -> Handler:
    """One record by path id, wrapped in ``key``."""

    def handle(call: Call) -> Reply:
        return Reply(200, {key: public(call.record(table, param))})

    return handle
