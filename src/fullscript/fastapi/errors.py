"""SDK errors as HTTP answers: one exception handler, safe bodies, the request id in the logs.

    install_error_handlers(app)

A call to Fullscript that fails inside a route becomes an answer that says what went wrong
in the caller's terms (422 naming the parameter for an id the SDK refuses before sending,
404 for a missing record, 422 with the field errors for refused data,
401 when the clinic must connect the app again, 503 with ``Retry-After`` when rate limited,
502/504 when Fullscript failed or did not answer) and carries Fullscript's request id. The
body is built from fixed texts and the server's field errors only: no token, secret, URL or
upstream message reaches the client. The log line has the SDK's full (already redacted)
message and the request id, to quote to Fullscript support.
"""

from __future__ import annotations

import logging
import math

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    FullscriptError,
    GoneError,
    InvalidParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TokenMissingError,
    ValidationError,
)

__all__ = ["fullscript_error_handler", "fullscript_error_response", "install_error_handlers"]

logger = logging.getLogger("fullscript.fastapi")

# Most specific first: the first isinstance match wins.
_ANSWERS: tuple[tuple[type[FullscriptError], int, str], ...] = (
    (InvalidParameterError, 422, "a parameter of the request is not valid"),
    (NotFoundError, 404, "not found in Fullscript"),
    (ValidationError, 422, "Fullscript refused the data"),
    (BadRequestError, 400, "Fullscript refused the request"),
    (GoneError, 410, "no longer available in Fullscript"),
    (TokenMissingError, 401, "the clinic has not connected this app: connect it first"),
    (AuthenticationError, 401, "the clinic's authorization is no longer valid: connect again"),
    (PermissionDeniedError, 403, "the clinic has not granted the access this needs"),
    (RateLimitError, 503, "Fullscript's rate limit is reached: try again later"),
    (APITimeoutError, 504, "Fullscript did not answer in time"),
    (APIConnectionError, 502, "Fullscript could not be reached"),
    (ServerError, 502, "Fullscript failed to answer"),
    (APIStatusError, 502, "Fullscript answered with an error"),
)


def fullscript_error_response(error: FullscriptError) -> JSONResponse:
    """The HTTP answer for an SDK error (no secrets, no upstream message)."""
    status, text = 500, "internal error"
    for cls, code, description in _ANSWERS:
        if isinstance(error, cls):
            status, text = code, description
            break
    body: dict[str, object] = {"error": text}
    headers: dict[str, str] = {}
    if isinstance(error, InvalidParameterError):
        # Names only (the SDK call's parameter and operation): the value may be anything.
        body["parameter"] = error.parameter
        body["operation"] = error.operation
    if isinstance(error, APIStatusError):
        if error.request_id:
            body["request_id"] = error.request_id
        if isinstance(error, ValidationError | BadRequestError) and error.field_errors:
            body["field_errors"] = error.field_errors
        if isinstance(error, RateLimitError) and error.retry_after is not None:
            headers["Retry-After"] = str(max(1, math.ceil(error.retry_after)))
    return JSONResponse(body, status_code=status, headers=headers)


async def fullscript_error_handler(request: Request, error: Exception) -> JSONResponse:
    """FastAPI exception handler for `FullscriptError` (register with `install_error_handlers`)."""
    if not isinstance(error, FullscriptError):  # pragma: no cover - registered for it only
        raise error
    response = fullscript_error_response(error)
    request_id = getattr(error, "request_id", None)
    logger.warning(
        "%s %s: Fullscript call failed -> %d: %s (Fullscript request id %s)",
        request.method,
        request.url.path,
        response.status_code,
        error,
        request_id,
    )
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Answer every `FullscriptError` raised by a route with `fullscript_error_response`."""
    app.add_exception_handler(FullscriptError, fullscript_error_handler)
