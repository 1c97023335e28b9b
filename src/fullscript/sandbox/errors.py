"""Errors raised by the sandbox backend and turned into HTTP answers by the routes."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ApiError",
    "ValidationFailed",
    "bad_request",
    "forbidden",
    "not_found",
    "not_implemented",
]


class ApiError(Exception):
    """An HTTP error answer: status, JSON body and extra headers."""

    def __init__(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{status}: {body.get('error')}")
        self.status = status
        self.body = body
        self.headers = headers or {}


class ValidationFailed(ApiError):
    """422 naming every bad field: ``{"errors": {field: [messages]}, "error": summary}``."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        summary = "; ".join(f"{field} {msgs[0]}" for field, msgs in errors.items())
        super().__init__(
            422, {"errors": errors, "error": f"Validation failed: {summary}", "status": 422}
        )
        self.errors = errors


def not_found(what: str = "Not Found") -> ApiError:
    """Rails-style 404 body."""
    return ApiError(404, {"status": 404, "error": "Not Found", "message": what})


def forbidden(message: str) -> ApiError:
    """403 for a token that may not do this (missing scope, restricted endpoint)."""
    return ApiError(403, {"status": 403, "error": "Forbidden", "message": message})


def bad_request(message: str) -> ApiError:
    """400 for requests that cannot be read at all (malformed JSON, wrong content)."""
    return ApiError(400, {"status": 400, "error": message})


def not_implemented(operation_id: str, method: str, path: str) -> ApiError:
    """501 for a documented operation the sandbox has no handler for, naming it (a 404 would
    read like an unknown record)."""
    message = (
        f"the sandbox does not implement {operation_id} ({method} {path}) yet; "
        "it is in the API spec but has no sandbox handler"
    )
    return ApiError(
        501,
        {"status": 501, "error": "Not Implemented", "message": message, "operation": operation_id},
    )
