"""A repr for the SDK's value classes that never raises.

attrs' generated ``__repr__`` reads every field, so on an object whose ``__init__`` failed half
way (a converter refused a value) it raises ``AttributeError``, and that crashes error reporters
that capture the locals of a traceback. This one shows such fields as ``<unset>``, keeps attrs'
``repr=False`` (secrets stay out), and falls back to the class name if a field's own repr fails.
"""

from __future__ import annotations

__all__ = ["never_raising_repr"]

_MISSING = object()


def never_raising_repr(self: object) -> str:
    name = type(self).__name__
    try:
        parts = []
        for field in getattr(type(self), "__attrs_attrs__", ()):
            if not field.repr:
                continue
            value = getattr(self, field.name, _MISSING)
            parts.append(f"{field.name}={'<unset>' if value is _MISSING else repr(value)}")
        return f"{name}({', '.join(parts)})"
    except Exception:
        return f"<{name} (repr failed)>"
