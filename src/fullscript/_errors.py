"""Exceptions raised by the SDK, one class per kind of failure.

Every exception the SDK raises derives from `FullscriptError`, so ``except FullscriptError``
catches them all. The hierarchy (classes marked * are defined beside the code that raises
them and re-exported from the module named; the others live here). The root itself is defined
in the generated runtime (``fullscript_api.errors``) so that the generated layer's errors derive
from it without importing the façade; ``fullscript.FullscriptError`` is its public name::

    FullscriptError
    ├── InvalidParameterError (also ValueError)    an argument refused before sending
    │   └── InvalidParameterTypeError (also TypeError)  ... because of its type
    ├── RegionMismatchError (also ValueError)      a token used in another region
    ├── TokenMissingError                          no token pair stored for the region
    │   └── UnknownGrantError* (also LookupError)  fullscript: no pair for this grant
    ├── APIConnectionError                         no response: connect, send or read failed
    │   └── APITimeoutError                        ... because it timed out
    │       └── DeadlineExceededError              ... the call's overall deadline passed
    ├── MalformedResponseError                     a success answer whose body is unusable
    ├── APIStatusError                             an error status (4xx, 5xx)
    │   ├── BadRequestError                        400
    │   ├── AuthenticationError                    401
    │   │   └── GrantRevokedError*                 fullscript: the grant's refresh was refused
    │   ├── PermissionDeniedError                  403
    │   ├── NotFoundError                          404
    │   ├── GoneError                              410
    │   ├── ValidationError                        422, with field_errors
    │   ├── RateLimitError                         429, with retry_after
    │   │   └── RateLimitWaitExceeded*             fullscript: the client-side limiter's wait
    │   └── ServerError                            5xx
    ├── WrongHTTPPackageError* (also TypeError)    fullscript: an httpx object, not httpx2's
    ├── EnvironmentsFileError* (also ValueError)   fullscript: an unusable environments file
    ├── TokenStoreError*                           fullscript.token_stores: a store failed
    ├── TokenEncryptionError* (also ValueError)    fullscript.token_stores: a pair no key opens
    ├── RedisUnavailableError*                     fullscript.redis: Redis failed
    ├── WebhookSignatureError* (also ValueError)   fullscript.webhooks: verification failed
    ├── WebhookPayloadError* (also ValueError)     fullscript.webhooks: not a readable event
    ├── OAuthStateError* (also ValueError)         fullscript.fastapi: a bad OAuth state
    ├── SpecDeviationError* (also ValueError)      fullscript_api.types: strict parsing
    ├── InvalidPathParameterError* (also ValueError)  fullscript_api.errors: an unsendable id
    ├── UnexpectedStatus*                          fullscript_api.errors: raise_on_unexpected
    ├── SpecLoadError* (also ValueError)           fullscript.spec: a spec that cannot be read
    ├── VirtualTimeDeadlock* (also RuntimeError)   fullscript.testing: no task can progress
    ├── FullscriptMarkerError* (also ValueError)   fullscript.pytest_plugin: a bad marker setting
    ├── AuthNeededError*                           fullscript.cli: log in first
    │   └── LoginError*                            fullscript.cli: the authorization failed
    └── LiveSetupError* (also ValueError)          fullscript.pytest_plugin: --fullscript-live unset

`APIStatusError` and its subclasses carry what is needed to act on or report a failed call:
`status_code`, `request_id` (the server's `X-Request-Id`, quote it to Fullscript support), the
parsed `body`, and `method` and `url` (without the query string). Messages name the status,
method, path, request id and the server's own error message. They never contain tokens,
secrets, Authorization headers or request bodies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import httpx2

# The root is defined in the generated runtime, so that the generated layer's own errors
# (SpecDeviationError, InvalidPathParameterError) derive from it without importing the façade.
from fullscript_api.errors import FullscriptError

from ._retry import is_idempotent, is_safe_read, parse_retry_after
from ._secrets import redact_known_secrets

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "DeadlineExceededError",
    "FullscriptError",
    "GoneError",
    "InvalidParameterError",
    "InvalidParameterTypeError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RegionMismatchError",
    "ServerError",
    "TokenMissingError",
    "ValidationError",
    "connection_error_from",
    "error_from_response",
    "status_error",
]

_MAX_MESSAGE_CHARS = 300
_REDACTED = "[redacted]"
# Body fields that may hold credentials (OAuth token responses and requests).
_SECRET_FIELDS = frozenset(
    {"access_token", "refresh_token", "client_secret", "id_token", "password", "secret"}
)
# Response headers that can carry credentials or session state.
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
# "Bearer <token>", and "Basic <base64>" when the value holds a digit, + / = or an inner capital,
# as base64 nearly always does, so that prose such as "basic information" is left alone.
_AUTH_VALUE = re.compile(
    r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+"
    r"|\b(basic)\s+(?=[A-Za-z0-9+/]*[0-9+/=]|[A-Za-z0-9+/](?-i:[A-Za-z0-9+/]*[A-Z]))"
    r"[A-Za-z0-9+/]+=*"
)
# A credential field written out in text: `"refresh_token": "..."`, `client_secret=...`.
_SECRET_NAMES = "|".join(sorted(_SECRET_FIELDS, key=len, reverse=True))
_SECRET_ASSIGNMENT = re.compile(
    rf"""(?i)(["']?\b(?:{_SECRET_NAMES})\b["']?\s*[:=]\s*)("[^"]*"?|'[^']*'?|[^"'&\s,;}}]+)"""
)
# Said of every write whose outcome is unknown (a dropped connection, a 502 or 504).
_MAY_HAVE_BEEN_APPLIED = (
    "; the write may have been applied: look the record up before repeating it "
    "(see 'Ambiguous writes' in docs/facade.md)"
)
# The key Rails uses for errors about the record as a whole rather than one field.
BASE_FIELD = "base"


class _PicklesKeywords:
    """Pickles an exception whose constructor takes the message and then keyword-only
    arguments: `_keyword_fields` names them, each kept in the attribute of the same name
    (pickle would otherwise call the class with the message alone)."""

    _keyword_fields: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        state = {name: getattr(self, name) for name in self._keyword_fields}
        return (_rebuild_with_keywords, (type(self), str(self), state))


class RegionMismatchError(FullscriptError, ValueError):
    """A token issued in one region was used against another region's servers."""


class InvalidParameterError(_PicklesKeywords, FullscriptError, ValueError):
    """An argument was refused before anything was sent (e.g. a path id of ``".."``).

    ``parameter`` names the argument and ``operation`` the call it was passed to.
    """

    _keyword_fields = ("operation", "parameter")

    def __init__(self, message: str, *, operation: str, parameter: str) -> None:
        super().__init__(message)
        self.operation = operation
        self.parameter = parameter


class InvalidParameterTypeError(InvalidParameterError, TypeError):
    """An argument of the wrong type, e.g. ``"300"`` where a number of seconds is expected."""


class TokenMissingError(FullscriptError):
    """No OAuth token is stored for the region; the practitioner must authorize the app first."""


class APIConnectionError(_PicklesKeywords, FullscriptError):
    """The request got no response: connection failed, dropped or timed out.

    ``may_have_been_applied`` is True for a write (POST, PATCH, PUT, DELETE) whose request may
    have reached the server before the connection failed: the server may have carried it out.
    Fullscript documents no idempotency key, so repeating a POST could apply it twice; look
    the record up first (see "Ambiguous writes" in docs/facade.md, and
    `fullscript.reconcile.find_patient_by_email`). ``operation`` names the call.
    """

    _keyword_fields: tuple[str, ...] = ("method", "url", "operation", "may_have_been_applied")

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        operation: str | None = None,
        may_have_been_applied: bool = False,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.operation = operation
        self.may_have_been_applied = may_have_been_applied


class MalformedResponseError(_PicklesKeywords, FullscriptError):
    """A success status whose body is not JSON (truncated, or a proxy's HTML page).

    Safe reads (GET) were already retried like any transient failure. ``status_code``,
    ``request_id``, ``method`` and ``url`` say which answer it was; ``may_have_been_applied``
    is True for a write (the server answered success, so the write took effect, but its
    answer, such as the new record's id, was lost: see "Ambiguous writes" in docs/facade.md).
    """

    _keyword_fields = ("status_code", "method", "url", "request_id")

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        url: str,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url
        self.request_id = request_id

    @property
    def may_have_been_applied(self) -> bool:
        """True when the request was a write (anything but GET, HEAD, OPTIONS)."""
        return not is_safe_read(self.method)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or waiting for a pooled connection)."""


class DeadlineExceededError(APITimeoutError):
    """The call's overall deadline passed (limiter waits, attempts, backoff and token refresh
    together; see ``deadline=`` of `Fullscript` and `Fullscript.with_options`).

    ``deadline`` is the deadline in seconds, ``attempts_sent`` how many attempts went out.
    ``may_have_been_applied`` is True for a write of which an attempt was sent.
    """

    _keyword_fields = (*APITimeoutError._keyword_fields, "deadline", "attempts_sent")

    def __init__(
        self, message: str, *, deadline: float, attempts_sent: int = 0, **details: Any
    ) -> None:
        super().__init__(message, **details)
        self.deadline = deadline
        self.attempts_sent = attempts_sent


def deadline_exceeded_error(
    *, method: str, url: httpx2.URL, operation: str, deadline: float, attempts_sent: int
) -> DeadlineExceededError:
    """The error for a call whose deadline passed after ``attempts_sent`` attempts."""
    applied = attempts_sent > 0 and not is_safe_read(method)
    message = (
        f"{method} {url.path} ({operation}) did not finish within its deadline of "
        f"{deadline:g} s ({attempts_sent} attempt(s) sent; the deadline covers waits for the "
        "rate limit, retries, backoff and token refresh)"
    )
    if applied:
        message += _MAY_HAVE_BEEN_APPLIED
    return DeadlineExceededError(
        message,
        method=method,
        url=_public_url(url),
        operation=operation,
        may_have_been_applied=applied,
        deadline=deadline,
        attempts_sent=attempts_sent,
    )


class APIStatusError(FullscriptError):
    """The server answered with an error status (4xx or 5xx)."""

    status_code: int
    request_id: str | None
    body: Any
    headers: httpx2.Headers
    method: str
    url: str
    field_errors: dict[str, list[str]]

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        url: str,
        headers: httpx2.Headers | None = None,
        body: Any = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.method = method
        self.url = url
        self.headers = headers if headers is not None else httpx2.Headers()
        self.body = body
        self.request_id = request_id
        self.field_errors = field_errors_from_body(body)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructor arguments would otherwise be lost when pickling.
        state = {
            "status_code": self.status_code,
            "method": self.method,
            "url": self.url,
            "headers": list(self.headers.multi_items()),
            "body": self.body,
            "request_id": self.request_id,
        }
        return (_rebuild_status_error, (type(self), self.message, state))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, method={self.method!r}, "
            f"url={self.url!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401: the access token is missing, expired or revoked (or a token request was refused)."""


class PermissionDeniedError(APIStatusError):
    """403: the token lacks the scope, or the resource belongs to another clinic."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class GoneError(APIStatusError):
    """410: the resource existed but is no longer available (e.g. a discontinued variant)."""


class ValidationError(APIStatusError):
    """422: the server rejected the data; see `field_errors`, e.g. {"email": ["is invalid"]}."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the server's requested wait in seconds, if any."""

    def __init__(self, message: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after: float | None = parse_retry_after(self.headers.get("retry-after"))


class ServerError(APIStatusError):
    """5xx: the server failed.

    ``may_have_been_applied`` is True for a write (POST, PATCH, PUT, DELETE) answered with any
    5xx but 501: a 502 or 504 from a gateway is as ambiguous as a dropped connection, the
    server behind it may have carried the write out. The message says so; see "Ambiguous
    writes" in docs/facade.md.
    """

    @property
    def may_have_been_applied(self) -> bool:
        """True for a write answered with a 5xx other than 501 (Not Implemented)."""
        return write_may_have_been_applied(self.method, self.status_code)


def write_may_have_been_applied(method: str, status_code: int) -> bool:
    """Whether a write answered ``status_code`` (a 5xx) may still have been carried out.

    501 says the server does not implement the operation, so it did nothing; any other 5xx
    (often from a gateway that lost the upstream answer) proves nothing either way.
    """
    return status_code >= 500 and status_code != 501 and not is_safe_read(method)


def _rebuild_status_error(
    cls: type[APIStatusError], message: str, state: dict[str, Any]
) -> APIStatusError:
    return cls(message, **{**state, "headers": httpx2.Headers(state["headers"])})


def _rebuild_with_keywords(
    cls: type[FullscriptError], message: str, state: dict[str, Any]
) -> FullscriptError:
    return cls(message, **state)


_ERROR_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    410: GoneError,
    422: ValidationError,
    429: RateLimitError,
}


def error_class_for(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status."""
    if status_code >= 500:
        return ServerError
    return _ERROR_BY_STATUS.get(status_code, APIStatusError)


def error_from_response(response: httpx2.Response) -> APIStatusError:
    """The typed error for an error response whose body has already been read."""
    body = redact_secrets(_parse_body(response))
    message = _message(
        response.status_code,
        response.reason_phrase,
        response.request.method,
        response.request.url.path,
        response.headers.get("x-request-id"),
        _server_message(body),
    )
    if write_may_have_been_applied(response.request.method, response.status_code):
        message += _MAY_HAVE_BEEN_APPLIED
    return status_error(error_class_for(response.status_code), response, message, body=body)


def status_error(
    cls: type[APIStatusError], response: httpx2.Response, message: str, *, body: Any
) -> APIStatusError:
    """A ``cls`` error about ``response`` with ``message`` and ``body`` (both already safe).

    The URL loses its query string and credentials and credential headers are redacted, the
    same for every status error, whoever phrases the message.
    """
    return cls(
        message,
        status_code=response.status_code,
        method=response.request.method,
        url=_public_url(response.request.url),
        headers=_public_headers(response.headers),
        body=body,
        request_id=response.headers.get("x-request-id"),
    )


def is_transient_failure(error: BaseException) -> bool:
    """True for failures that say nothing about the request itself and may pass on their own:
    no response, 5xx, 429, a success body that was not JSON."""
    return isinstance(
        error, APIConnectionError | ServerError | RateLimitError | MalformedResponseError
    )


def is_malformed_json(response: httpx2.Response) -> bool:
    """True when ``response`` (already read) has a body that does not parse as JSON."""
    if not response.content:
        return False
    try:
        json.loads(response.content)
    except ValueError:
        return True
    return False


def malformed_response_error(
    response: httpx2.Response, *, operation: str, problem: str | None = None
) -> MalformedResponseError:
    """The error for a success answer to ``operation`` whose body is unusable.

    ``problem`` says what is wrong with it (default: it is not JSON); it must not quote the
    body, which may hold credentials.
    """
    request = response.request
    request_id = response.headers.get("x-request-id")
    if problem is None:
        problem = (
            f"a body that is not JSON ({len(response.content)} bytes: truncated, or not "
            "from the API)"
        )
    message = (
        f"{request.method} {request.url.path} ({operation}) answered {response.status_code} "
        f"with {problem}"
    )
    if request_id:
        message += f"; request id {request_id}"
    if not is_safe_read(request.method):
        message += (
            "; the server reported success, so the write was applied: read the record back "
            "before repeating it"
        )
    elif not is_idempotent(request.method):
        message += "; not retried"
    return MalformedResponseError(
        message,
        status_code=response.status_code,
        method=request.method,
        url=_public_url(request.url),
        request_id=request_id,
    )


# Failures that prove the request never reached the server.
_NOT_SENT = (httpx2.ConnectError, httpx2.ConnectTimeout, httpx2.PoolTimeout)


def connection_error_from(
    error: httpx2.TransportError, *, operation: str | None = None
) -> APIConnectionError:
    """The SDK error for an httpx2 failure that produced no response (``operation``: its name)."""
    try:
        request: httpx2.Request | None = error.request
    except RuntimeError:  # httpx2 raises when the exception was created without a request
        request = None
    cls = APITimeoutError if isinstance(error, httpx2.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else "failed"
    detail = type(error).__name__
    if isinstance(error, httpx2.PoolTimeout):
        detail = (
            "PoolTimeout: no connection of the pool became free within the pool timeout (all "
            "max_connections busy: too many concurrent calls, or connections left stuck); "
            "not retried"
        )
    if request is None:
        return cls(f"Request {what}: {detail}", operation=operation)
    applied = not is_safe_read(request.method) and not isinstance(error, _NOT_SENT)
    named = f" ({operation})" if operation else ""
    message = f"{request.method} {request.url.path}{named} {what}: {detail}"
    if applied:
        message += "; the request was sent" + _MAY_HAVE_BEEN_APPLIED
    return cls(
        message,
        method=request.method,
        url=_public_url(request.url),
        operation=operation,
        may_have_been_applied=applied,
    )


def field_errors_from_body(body: Any) -> dict[str, list[str]]:
    """Validation messages by field from the error shapes the API uses.

    `{"errors": {"email": ["is invalid"]}}` gives `{"email": ["is invalid"]}`; messages not
    tied to a field (`{"errors": ["..."]}`, `{"error": "..."}`) are listed under "base".
    """
    if not isinstance(body, Mapping):
        return {}
    errors = body.get("errors")
    result: dict[str, list[str]] = {}
    if isinstance(errors, Mapping):
        for field, messages in errors.items():
            result[str(field)] = _as_messages(messages)
    elif isinstance(errors, list | str):
        result[BASE_FIELD] = _as_messages(errors)
    error = body.get("error")
    if isinstance(error, str) and error:
        result.setdefault(BASE_FIELD, []).append(error)
    return result


def redact_secrets(value: Any) -> Any:
    """A copy of a parsed body with credentials replaced by "[redacted]".

    Credential fields of JSON objects go whole; in text (a non-JSON body, any string in the
    JSON, and keys) the SDK's own client secrets and tokens are redacted wherever they
    appear, and so are ``Bearer``/``Basic`` values and credential fields written out.
    """
    if isinstance(value, Mapping):
        return {
            redact_secrets(key): _REDACTED
            if str(key).lower() in _SECRET_FIELDS
            else redact_secrets(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact_secrets(item) for item in value]
    if isinstance(value, str):
        return _redact_text(value)
    return value


def _redact_text(text: str) -> str:
    # The SDK's own credentials first, wherever they appear ("refresh token <value> was
    # revoked"); then anything that looks like a credential.
    text = redact_known_secrets(text, _REDACTED)
    text = _AUTH_VALUE.sub(lambda m: f"{m.group(1) or m.group(2)} {_REDACTED}", text)
    return _SECRET_ASSIGNMENT.sub(_redact_assigned_value, text)


def _redact_assigned_value(match: re.Match[str]) -> str:
    name, value = match.group(1), match.group(2)
    quote = value[0] if value[0] in "\"'" else ""  # a quoted value goes whole, spaces and all
    return f"{name}{quote}{_REDACTED}{quote}"


def _as_messages(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


def _parse_body(response: httpx2.Response) -> Any:
    content = response.content
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def _server_message(body: Any) -> str | None:
    """The human-readable error the server sent, from its error fields only."""
    if isinstance(body, Mapping):
        parts: list[str] = []
        for field, messages in field_errors_from_body(body).items():
            joined = "; ".join(messages)
            parts.append(joined if field == BASE_FIELD else f"{field}: {joined}")
        for key in ("message", "error_description"):
            if isinstance(body.get(key), str):
                parts.append(body[key])
        return "; ".join(parts) or None
    if isinstance(body, str) and body.strip() and not body.lstrip().startswith("<"):
        # A short plain-text error is useful; an HTML error page is noise.
        return body.strip()
    return None


def _message(
    status_code: int,
    reason: str,
    method: str,
    path: str,
    request_id: str | None,
    server_message: str | None,
) -> str:
    message = f"{status_code} {reason} for {method} {path}".replace("  ", " ")
    if request_id:
        message += f" (request id {request_id})"
    if server_message:  # from the body, already redacted
        if len(server_message) > _MAX_MESSAGE_CHARS:
            server_message = server_message[: _MAX_MESSAGE_CHARS - 1] + "…"
        message += f": {server_message}"
    return message


def _public_url(url: httpx2.URL) -> str:
    """The URL without query string, fragment or credentials."""
    return str(url.copy_with(query=None, fragment=None, username=None, password=None))


def _public_headers(headers: httpx2.Headers) -> httpx2.Headers:
    return httpx2.Headers(
        [
            (name, _REDACTED if name.lower() in _SECRET_HEADERS else _redact_text(value))
            for name, value in headers.multi_items()
        ]
    )
