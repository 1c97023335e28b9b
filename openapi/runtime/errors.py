"""Errors raised by the API functions, and the path-parameter check every endpoint module uses."""

from typing import Any
from urllib.parse import quote, unquote

# Longer than any id the API issues, short enough to stay far below httpx's URL limit.
MAX_PATH_PARAMETER_CHARS = 1024
_DOT_SEGMENTS = frozenset({".", ".."})


class FullscriptError(Exception):
    """Base class of every error the SDK raises.

    It lives here, in the generated layer's runtime, so that the errors this layer raises derive
    from it without importing the façade (the dependency runs façade -> generated only). Its
    public name is ``fullscript.FullscriptError``.
    """


class UnexpectedStatus(FullscriptError):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class InvalidPathParameterError(FullscriptError, ValueError):
    """A path parameter that cannot be sent: empty, None, a dot segment, or too long.

    ``quote()`` leaves dots alone and the URL is then normalised, so an id of ``".."`` would
    address another endpoint (``PATCH /api/clinic/patients/..`` is ``PATCH /api/clinic``).
    Such values are refused before anything is sent. ``parameter`` names the parameter.
    """

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        self.problem = problem
        super().__init__(f"path parameter {parameter!r} {problem}")


def path_parameter(name: str, value: Any) -> str:
    """``value`` escaped as one path segment, or `InvalidPathParameterError` naming ``name``.

    Refused: None, booleans, empty or blank text, ``"."``/``".."`` or any value holding such a
    segment (split at ``/`` or ``\\``, also once percent-decoded), and text longer than
    `MAX_PATH_PARAMETER_CHARS`.
    """
    if value is None:
        raise InvalidPathParameterError(name, "is None; pass the id of the record")
    if isinstance(value, bool):
        raise InvalidPathParameterError(name, f"must be an id, got the bool {value!r}")
    text = str(value)
    if not text.strip():
        raise InvalidPathParameterError(name, f"is empty ({text!r}); pass the id of the record")
    if len(text) > MAX_PATH_PARAMETER_CHARS:
        raise InvalidPathParameterError(
            name, f"is {len(text)} characters long, more than {MAX_PATH_PARAMETER_CHARS}"
        )
    for candidate in (text, unquote(text)):
        segments = candidate.replace("\\", "/").split("/")
        if any(segment.strip() in _DOT_SEGMENTS for segment in segments):
            raise InvalidPathParameterError(
                name,
                "is or contains a dot segment ('.' or '..' between slashes, after decoding), "
                "which would address another endpoint",
            )
    return quote(text, safe="")


__all__ = [
    "MAX_PATH_PARAMETER_CHARS",
    "InvalidPathParameterError",
    "UnexpectedStatus",
    "path_parameter",
]
