"""A base for the façade's small immutable value classes, cheaper to import than attrs.

Building an attrs class runs code generation for its methods, about half a millisecond to a
millisecond each on import; `import fullscript` would pay that for every value class. A
`FrozenValue` subclass lists its fields in ``__slots__`` and sets them in its own ``__init__``
through `FrozenValue._set`; equality, hashing, ``repr`` (minus the fields in ``_hidden``),
immutability and `FrozenValue.evolve` come from here.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = ["FrozenValue"]


class FrozenValue:
    """Immutable, compared and hashed by its ``__slots__`` fields, in their order."""

    # Weak references let the secrets registry forget a token once no value carries it.
    __slots__ = ("__weakref__",)
    # Fields left out of repr(): secrets.
    _hidden: ClassVar[frozenset[str]] = frozenset()

    def _set(self, **fields: Any) -> None:
        """Set the fields once, from ``__init__``."""
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def _names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = type(self).__slots__
        return names

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._names())

    def evolve(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied, through ``__init__`` (so its checks run again)."""
        fields = {name: getattr(self, name) for name in self._names()}
        return type(self)(**{**fields, **changes})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        # Never raises: error reporters capture locals, a half-built value among them.
        shown = ", ".join(
            f"{name}={_field_repr(self, name)}"
            for name in self._names()
            if name not in self._hidden
        )
        return f"{type(self).__name__}({shown})"


def _field_repr(value: FrozenValue, name: str) -> str:
    try:
        return repr(getattr(value, name))
    except Exception:
        return "<unset>"
