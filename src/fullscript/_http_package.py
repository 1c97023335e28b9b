"""The SDK runs on httpx2; objects from the old ``httpx`` package are refused at once.

httpx2 is the maintained continuation of httpx (same design and API, new package name). The
two do not mix: an ``httpx`` transport handed to an ``httpx2`` client fails deep inside the
first request. `refuse_old_httpx` names the mistake where the object is passed instead. It
reads the class's module name, so the SDK never imports the old package to detect it.
"""

from __future__ import annotations

from ._errors import FullscriptError

__all__ = ["WrongHTTPPackageError", "refuse_old_httpx"]

# The old packages, by the top-level module name their classes report.
_OLD_PACKAGES = frozenset({"httpx", "httpcore"})


class WrongHTTPPackageError(FullscriptError, TypeError):
    """An object from the old ``httpx`` (or ``httpcore``) package where httpx2's is needed.

    A ``TypeError`` (the argument has the wrong type) and a `FullscriptError`.
    """


def refuse_old_httpx(value: object, *, argument: str, expected: str) -> None:
    """Raise `WrongHTTPPackageError` when ``value`` comes from the old ``httpx`` package.

    ``argument`` names the parameter (``"transport="``); ``expected`` says what to pass instead
    (``"an httpx2 transport (httpx2.AsyncHTTPTransport(), ...)"``).
    """
    for cls in type(value).__mro__:
        package = cls.__module__.partition(".")[0]
        if package in _OLD_PACKAGES:
            raise WrongHTTPPackageError(
                f"{argument} got {cls.__module__}.{cls.__qualname__} from the old {package!r} "
                "package, but the Fullscript SDK runs on httpx2 (its maintained continuation): "
                f"pass {expected} instead"
            )
