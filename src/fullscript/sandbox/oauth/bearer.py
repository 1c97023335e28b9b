"""Bearer tokens on API requests: reading the ``Authorization`` header, and the 401 for a
bad one."""

from __future__ import annotations

from ..errors import ApiError

__all__ = ["bearer_token", "invalid_token"]


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header; None for any other header."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def invalid_token(description: str) -> ApiError:
    """401 for a missing, unknown, expired or revoked bearer token."""
    return ApiError(
        401,
        {"error": "invalid_token", "error_description": description, "status": 401},
        {"WWW-Authenticate": f'Bearer realm="Fullscript", error="invalid_token", '
         f'error_description="{description}"'},
    )  # fmt: skip
