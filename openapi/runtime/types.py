"""Contains some shared types for properties, and how response models read deviating values"""

import datetime
import logging
import os
import sys
from collections.abc import Mapping, MutableMapping
from enum import Enum, IntEnum, StrEnum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, Self, TypeVar

from .errors import FullscriptError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx2.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


# File and Response are plain classes rather than attrs ones (upstream's): building an attrs
# class costs about a millisecond of `import fullscript`, and these need only an __init__, a
# repr and equality.
class File:
    """Contains information for file uploads"""

    __slots__ = ("file_name", "mime_type", "payload")

    def __init__(
        self, payload: BinaryIO, file_name: str | None = None, mime_type: str | None = None
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type

    def __eq__(self, other: object) -> bool:
        if type(other) is not File:
            return NotImplemented
        return self.to_tuple() == other.to_tuple()

    __hash__ = None  # type: ignore[assignment]  # mutable, as upstream's attrs class

    def __repr__(self) -> str:
        return (
            f"File(payload={self.payload!r}, file_name={self.file_name!r}, "
            f"mime_type={self.mime_type!r})"
        )


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint"""

    __slots__ = ("content", "headers", "parsed", "status_code")

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return (self.status_code, self.content, self.headers, self.parsed) == (
            other.status_code,
            other.content,
            other.headers,
            other.parsed,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as upstream's attrs class

    def __repr__(self) -> str:
        # The body's size only: the body and headers of a token call carry credentials.
        return (
            f"Response(status_code={self.status_code!r}, content=<{len(self.content)} bytes>, "
            f"parsed={type(self.parsed).__name__})"
        )

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-Id`` for this answer (quote it to Fullscript support)."""
        return self.headers.get("x-request-id")


# --- Tolerant parsing --------------------------------------------------------------------------
# Models read from responses accept a value the spec does not describe (null for an object, a
# string for a number, a missing required field, an enum value added after the spec was
# written): the field keeps the value as sent (UNSET when missing), the deviation is logged
# once per field at DEBUG on DEVIATION_LOGGER, and the rest of the answer parses. Strict parsing
# (for test suites: the spec, a fake server and this client must agree) raises
# SpecDeviationError instead. Request models and enum constructors are always strict.

STRICT_PARSING_ENV_VAR = "FULLSCRIPT_STRICT_PARSING"
DEVIATION_LOGGER = "fullscript.parsing"

_logger = logging.getLogger(DEVIATION_LOGGER)
_strict = os.environ.get(STRICT_PARSING_ENV_VAR, "").strip().lower() in {"1", "true", "yes", "on"}
_logged_fields: set[str] = set()
# Enum values are vocabulary, not personal data, so messages may quote them - shortened.
_QUOTED_VALUE_LIMIT = 40


class SpecDeviationError(FullscriptError, ValueError):
    """A response deviates from the spec and strict parsing is on.

    Attributes:
        field: where, e.g. ``Patient.metadata`` or ``Order.line_items[]``.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def set_strict_parsing(enabled: bool) -> bool:
    """Make response deviations raise `SpecDeviationError` (True) or parse tolerantly (False).

    The default is tolerant, or strict when the ``FULLSCRIPT_STRICT_PARSING`` environment
    variable is ``1``/``true`` at import. Process-wide. Returns the previous setting.
    """
    global _strict
    previous, _strict = _strict, bool(enabled)
    return previous


def strict_parsing_enabled() -> bool:
    """True when response deviations raise instead of being kept and logged."""
    return _strict


def forget_logged_deviations() -> None:
    """Log the next deviation of every field again (each is logged once per process)."""
    _logged_fields.clear()


def _describe(value: object) -> str:
    # The JSON type only: a deviating value may be personal data or a credential.
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _report(field: str, message: str) -> None:
    if _strict:
        # "from None": the generated reader may call this while handling the closed enum
        # constructor's ValueError, which would only repeat the message.
        raise SpecDeviationError(field, f"{message} (strict parsing)") from None
    if field in _logged_fields or not _logger.isEnabledFor(logging.DEBUG):
        return
    _logged_fields.add(field)
    _logger.debug("%s; kept as sent (logged once per field)", message)


def deviation(field: str, expected: str, value: Any) -> Any:
    """Report that ``field`` holds ``value`` where the spec says ``expected``; return ``value``.

    Called by the generated response models only. Raises `SpecDeviationError` when strict.
    """
    if isinstance(value, Unset):
        _report(field, f"{field}: the spec requires {expected}, the response lacks the field")
    else:
        _report(field, f"{field}: the spec says {expected}, the response has {_describe(value)}")
    return value


def unknown_enum_value(enum: "type[_E]", value: Any, field: str) -> Any:
    """An open member of ``enum`` for a value the spec does not list (raw value if not a str/int).

    Called by the generated response models only. Raises `SpecDeviationError` when strict.
    """
    member_type = str if issubclass(enum, StrEnum) else int
    if not isinstance(value, member_type) or isinstance(value, bool):
        return deviation(field, f"one of {enum.__name__}", value)
    shown = repr(value)
    if len(shown) > _QUOTED_VALUE_LIMIT:
        shown = shown[: _QUOTED_VALUE_LIMIT - 3] + "..."
    known = ", ".join(repr(member.value) for member in enum)
    _report(field, f"{field}: {shown} is not one of {enum.__name__} ({known})")
    return enum._unknown_member(value)


def to_json(value: Any) -> Any:
    """The JSON form of a response model's field value, whether parsed or kept as sent."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, datetime.date):  # datetime.datetime included
        return value.isoformat()
    # Only a model imported uuid can hold a UUID; importing it here would cost every user.
    uuid = sys.modules.get("uuid")
    if uuid is not None and isinstance(value, uuid.UUID):
        return str(value)
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


class _OpenEnumBehaviour:
    """What response enums share: a value the spec does not list still reads.

    ``Enum(value)`` stays closed (ValueError), so code building a request is still held to the
    listed members. Values read from a response that the spec does not list become *unknown
    members*: instances of the enum carrying the raw value (``.value``, ``str()``), equal to that
    raw value and unequal to every listed member, with ``is_known`` False. They are never added
    to the enum, so ``Enum("new-value")`` still raises afterwards.
    """

    _name_: str
    _value_: Any
    _member_map_: dict[str, Any]

    @property
    def is_known(self) -> bool:
        """False for a value the spec does not list (read from a response as sent)."""
        return type(self)._member_map_.get(self._name_) is self

    @classmethod
    def _unknown_member(cls, value: Any) -> Self:
        # str.__new__ / int.__new__ build the instance; Enum's own __new__ would look the value up.
        member_type: Any = str if issubclass(cls, str) else int
        member: Self = member_type.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member

    def __repr__(self) -> str:
        if self.is_known:
            return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"
        return f"<{type(self).__name__} not in the spec: {self._value_!r}>"

    def __reduce_ex__(self, protocol: Any) -> Any:
        # The default pickles by value through the closed constructor; an unknown member would
        # not come back, so it is rebuilt as an unknown member.
        if self.is_known:
            return getattr, (type(self), self._name_)
        return type(self)._unknown_member, (self._value_,)


class OpenStrEnum(_OpenEnumBehaviour, StrEnum):
    """Base of the generated string enums (see `_OpenEnumBehaviour`)."""

    def __str__(self) -> str:
        return str(self._value_)


class OpenIntEnum(_OpenEnumBehaviour, IntEnum):
    """Base of the generated integer enums (see `_OpenEnumBehaviour`)."""

    def __str__(self) -> str:
        return str(self._value_)


_E = TypeVar("_E", OpenStrEnum, OpenIntEnum)


__all__ = [
    "DEVIATION_LOGGER",
    "STRICT_PARSING_ENV_VAR",
    "UNSET",
    "File",
    "FileTypes",
    "OpenIntEnum",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "SpecDeviationError",
    "Unset",
    "forget_logged_deviations",
    "set_strict_parsing",
    "strict_parsing_enabled",
]
