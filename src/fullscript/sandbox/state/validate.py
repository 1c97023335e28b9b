"""Input validation for create/update bodies; every problem is collected, then one 422 names them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..errors import ValidationFailed

__all__ = ["Validator"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MOBILE = re.compile(r"^\+?[1-9]\d{9,14}$")


class Validator:
    """Collects field errors for one body; ``check()`` raises the 422 if any were found."""

    def __init__(self, body: Mapping[str, Any]) -> None:
        self.body = body
        self.errors: dict[str, list[str]] = {}
        self.clean: dict[str, Any] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def check(self) -> dict[str, Any]:
        if self.errors:
            raise ValidationFailed(self.errors)
        return self.clean

    def _present(self, field: str, required: bool) -> bool:
        value = self.body.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(field, "can't be blank")
            elif field in self.body:
                self.clean[field] = None
            return False
        return True

    def string(self, field: str, *, required: bool = False, max_length: int = 255) -> None:
        if not self._present(field, required):
            return
        value = self.body[field]
        if not isinstance(value, str):
            self.fail(field, "must be a string")
        elif len(value) > max_length:
            self.fail(field, f"is too long (maximum is {max_length} characters)")
        else:
            self.clean[field] = value.strip()

    def email(self, field: str, *, required: bool = False) -> None:
        self.string(field, required=required)
        value = self.clean.get(field)
        if isinstance(value, str):
            if _EMAIL.match(value):
                self.clean[field] = value.lower()
            else:
                self.fail(field, "is invalid")
                del self.clean[field]

    def unique(self, field: str, taken: Iterable[str]) -> None:
        value = self.clean.get(field)
        if isinstance(value, str) and value.lower() in {t.lower() for t in taken}:
            self.fail(field, "has already been taken")

    def enum(self, field: str, choices: Iterable[str], *, required: bool = False) -> None:
        options = tuple(choices)
        self.string(field, required=required)
        value = self.clean.get(field)
        if value is not None and value not in options:
            self.fail(field, f"is not included in the list ({', '.join(options)})")
            del self.clean[field]

    def iso_date(self, field: str, *, latest: date, required: bool = False) -> None:
        """A ``yyyy-mm-dd`` date no later than ``latest`` (the sandbox's today, not the host's)."""
        self.string(field, required=required)
        value = self.clean.get(field)
        if value is None:
            return
        try:
            parsed = date.fromisoformat(value)
            if len(value) != 10 or parsed > latest:
                raise ValueError
        except ValueError:
            self.fail(field, "must be a past date formatted yyyy-mm-dd")
            del self.clean[field]

    def mobile(self, field: str) -> None:
        self.string(field)
        value = self.clean.get(field)
        if value is not None and not _MOBILE.match(value):
            self.fail(field, "must be a phone number like +12223334444")
            del self.clean[field]

    def number(self, field: str, *, minimum: float, maximum: float) -> None:
        if not self._present(field, False):
            return
        raw = self.body[field]
        try:
            if isinstance(raw, bool):
                raise ValueError
            value = float(raw)
        except (TypeError, ValueError):
            self.fail(field, "is not a number")
            return
        if not minimum <= value <= maximum:
            self.fail(field, f"must be between {minimum:g} and {maximum:g}")
            return
        self.clean[field] = value

    def integer(self, field: str, *, required: bool = False, minimum: int = 1) -> None:
        if not self._present(field, required):
            return
        raw = self.body[field]
        try:
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            value = int(raw)
        except (TypeError, ValueError):
            self.fail(field, "must be an integer")
            return
        if value < minimum:
            self.fail(field, f"must be at least {minimum}")
            return
        self.clean[field] = value

    def boolean(self, field: str) -> None:
        if not self._present(field, False):
            return
        raw = self.body[field]
        if isinstance(raw, bool):
            self.clean[field] = raw
        elif isinstance(raw, str) and raw.lower() in ("true", "false", "1", "0"):
            self.clean[field] = raw.lower() in ("true", "1")
        else:
            self.fail(field, "must be true or false")

    def metadata(self, field: str = "metadata") -> None:
        if field not in self.body:
            return
        raw = self.body[field]
        if raw is None:
            self.clean[field] = {"id": None}
            return
        if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), (str, int, type(None))):
            self.fail(field, "must be an object with a string id")
            return
        ident = raw.get("id")
        self.clean[field] = {"id": None if ident is None else str(ident)}
