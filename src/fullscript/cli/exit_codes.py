"""Exit codes scripts can rely on, and the one-line error message that goes with them.

0 success; 1 the API (or the SDK) refused the call; 2 usage error (Click's own code, and bad
input the SDK caught before sending); 3 authentication needed (no login, expired or revoked
grant, missing client secret); 4 rate limited. The message names the request id when the
server gave one, and never contains a secret (the SDK's exceptions promise that).
"""

from __future__ import annotations

import enum

from fullscript import (
    APIStatusError,
    AuthenticationError,
    FullscriptError,
    GrantRevokedError,
    InvalidParameterError,
    RateLimitError,
    RateLimitWaitExceeded,
    TokenMissingError,
    UnknownGrantError,
)

__all__ = ["AuthNeededError", "ExitCode", "exit_code_for", "message_for"]


class ExitCode(enum.IntEnum):
    OK = 0
    API_ERROR = 1
    USAGE = 2
    AUTH_NEEDED = 3
    RATE_LIMITED = 4


class AuthNeededError(FullscriptError):
    """The command needs a login (or a client secret) that this machine does not have."""


_AUTH_ERRORS: tuple[type[BaseException], ...] = (
    AuthNeededError,
    AuthenticationError,
    TokenMissingError,
    GrantRevokedError,
    UnknownGrantError,
)
_RATE_ERRORS: tuple[type[BaseException], ...] = (RateLimitError, RateLimitWaitExceeded)


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code a failed command ends with."""
    if isinstance(error, _AUTH_ERRORS):
        return ExitCode.AUTH_NEEDED
    if isinstance(error, _RATE_ERRORS):
        return ExitCode.RATE_LIMITED
    if isinstance(error, InvalidParameterError):
        return ExitCode.USAGE
    return ExitCode.API_ERROR


def message_for(error: BaseException) -> str:
    """``error: <what went wrong> (request id ...)`` for stderr."""
    text = str(error) or type(error).__name__
    request_id = error.request_id if isinstance(error, APIStatusError) else None
    # The SDK's messages usually name it already: say it once.
    suffix = f" (request id {request_id})" if request_id and request_id not in text else ""
    hint = ""
    if exit_code_for(error) is ExitCode.AUTH_NEEDED and not isinstance(error, AuthNeededError):
        hint = "; run `fullscript login`"
    return f"error: {text}{suffix}{hint}"
