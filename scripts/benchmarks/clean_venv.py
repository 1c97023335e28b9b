"""A virtualenv holding the SDK as a user installs it: the wheel, its base dependencies, nothing else.

The development environment carries click, rich and pygments (old httpx imported its CLI when
they were present; httpx2 loads it only on use), the extras and the test tools, so figures
taken there say little about a user's install. These helpers build the project's wheel and install it, with the extras asked for,
into a fresh virtualenv using the project's pinned uv (``.tools/bin/uv``, made by
``make install``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
UV = REPO_ROOT / ".tools" / "bin" / "uv"


class CleanVenvError(Exception):
    """uv failed to build the wheel or to make the virtualenv; the message carries its output."""


def _uv(*args: str | Path, cwd: Path = REPO_ROOT) -> None:
    if not UV.exists():
        raise CleanVenvError(f"{UV} is missing: run `make install` first")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1"}
    # Our own project environment must not leak into the new one.
    for name in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH"):
        env.pop(name, None)
    result = subprocess.run(
        [str(UV), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CleanVenvError(
            f"uv {' '.join(map(str, args))} failed ({result.returncode}):\n"
            f"{result.stdout}{result.stderr}"
        )


def base_interpreter() -> str:
    """The interpreter this one was made from (a venv's python resolves to its base)."""
    return getattr(sys, "_base_executable", sys.executable)


def build_wheel(out_dir: Path) -> Path:
    """Build the project's wheel into `out_dir`; return its path."""
    _uv("build", "--wheel", "--quiet", "--out-dir", out_dir)
    wheels = sorted(out_dir.glob("fullscript-*.whl"))
    if len(wheels) != 1:
        raise CleanVenvError(f"expected one wheel in {out_dir}, found {wheels}")
    return wheels[0]


def venv_python(venv: Path) -> Path:
    """The interpreter of the virtualenv at `venv`."""
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_venv(
    venv: Path, requirement: str | Path, *, extras: Sequence[str] = (), also: Sequence[str] = ()
) -> Path:
    """A new virtualenv at `venv` with `requirement` (a wheel or a source directory) installed,
    with `extras`, and the requirements `also` names (e.g. a user's test tools); return its
    interpreter. Nothing else goes in: no dev group, no pip."""
    _uv("venv", "--quiet", "--python", base_interpreter(), venv)
    python = venv_python(venv)
    target = f"{requirement}[{','.join(extras)}]" if extras else str(requirement)
    # --refresh-package: uv caches a source directory's build by its pyproject.toml, so an
    # edited module would otherwise be installed from an older build.
    _uv(
        "pip",
        "install",
        "--quiet",
        "--compile-bytecode",
        "--refresh-package",
        "fullscript",
        "--python",
        python,
        target,
        *also,
    )
    return python


def installed_distributions(python: Path) -> set[str]:
    """Normalised names of every distribution installed for `python`."""
    listing = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m;"
            "print('\\n'.join(d.metadata['Name'] for d in m.distributions()))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name.strip().lower().replace("_", "-") for name in listing.split() if name.strip()}
