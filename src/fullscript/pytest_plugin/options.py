"""The settings of one test's sandbox: command-line defaults, overridden by the marker."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pytest

from fullscript._errors import FullscriptError

__all__ = ["FullscriptMarkerError", "SandboxOptions", "options_for"]

#: What ``@pytest.mark.fullscript(...)`` accepts, and the command-line option of each default.
_COMMAND_LINE = {
    "seed": "fullscript_seed",
    "patients": "fullscript_patients",
    "region": "fullscript_region",
    "rate_limit": "fullscript_rate_limit",
    "faults": "fullscript_faults",
}
_MARKER_ONLY = ("token_ttl",)


class FullscriptMarkerError(FullscriptError, ValueError):
    """A ``@pytest.mark.fullscript`` or ``--fullscript-*`` setting the sandbox cannot take."""


@attrs.frozen
class SandboxOptions:
    """Settings of a test's sandbox; ``None`` leaves the sandbox's own default."""

    seed: int = 0
    patients: int | None = None
    region: str = "us"
    rate_limit: str | tuple[int, float] | None = None
    token_ttl: int | None = None
    faults: tuple[str, ...] = ()

    def sandbox_arguments(self) -> dict[str, Any]:
        """Keyword arguments for ``Sandbox(...)``."""
        chosen = {
            "seed": self.seed,
            "patients": self.patients,
            "rate_limit": self.rate_limit,
            "token_ttl": self.token_ttl,
        }
        return {name: value for name, value in chosen.items() if value is not None}


def _faults(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(name.strip() for name in value.split(",") if name.strip())
    if isinstance(value, Iterable):
        return tuple(str(name) for name in value)
    raise FullscriptMarkerError(f"faults must be a list of preset names, not {value!r}")


def _settings_from(source: str, values: Mapping[str, Any]) -> dict[str, Any]:
    known = (*_COMMAND_LINE, *_MARKER_ONLY)
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise FullscriptMarkerError(
            f"{source} does not know {', '.join(unknown)}; it takes {', '.join(known)}"
        )
    settings = dict(values)
    if "faults" in settings:
        settings["faults"] = _faults(settings["faults"])
    return settings


def options_for(request: pytest.FixtureRequest) -> SandboxOptions:
    """The command line's defaults, then every ``fullscript`` marker from the farthest (module,
    class) to the closest (the test): the closest setting wins."""
    config = request.config
    settings = _settings_from(
        "--fullscript-* options",
        {
            name: config.getoption(option)
            for name, option in _COMMAND_LINE.items()
            if config.getoption(option) is not None
        },
    )
    for marker in reversed(list(request.node.iter_markers("fullscript"))):
        if marker.args:
            raise FullscriptMarkerError(
                "@pytest.mark.fullscript takes keyword arguments only, e.g. "
                "@pytest.mark.fullscript(seed=1, faults=['server_errors'])"
            )
        settings.update(_settings_from("@pytest.mark.fullscript", marker.kwargs))
    return SandboxOptions(**settings)
