"""Run openapi-python-client on a normalised spec, reproducibly, and swap the result in.

Reproducibility: the generator runs on a temporary copy of the normalised document, with the
repository's pinned ruff first on PATH, ruff isolated from any surrounding configuration and
cache, and colour output off. The package is always ``fullscript_api``.

The templates read each operation's ``x-fullscript-*`` stamps (specpipe.operation_facts)
through ``operation_facts.jinja``, which is written next to a copy of the templates for each
run: openapi-python-client does not hand an operation's extension members to its templates.
The same facts become the package's operation table (``operations.py``, from
``operations.py.jinja``).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from specpipe.document import JSON
from specpipe.generated_names import endpoint_name
from specpipe.operation_facts import oauth_scopes, operation_facts
from specpipe.response_schemas import mark_response_schemas

PACKAGE_NAME = "fullscript_api"
IGNORED_NAMES = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})
IGNORED_SUFFIXES = (".pyc", ".pyo")
# Markers openapi-python-client prints when something was dropped or failed.
PROBLEM_MARKERS = ("Warning(s) encountered", "Error(s) encountered", "WARNING parsing")
FACTS_TEMPLATE = "operation_facts.jinja"
TABLE_TEMPLATE = "operations.py.jinja"
TABLE_MODULE = "operations.py"
SHIPPED_SPEC = "openapi.json"


class GenerationError(Exception):
    """openapi-python-client failed or warned; the message carries its output."""


@dataclass(frozen=True)
class GeneratorSettings:
    """Where the generator finds its configuration and the pinned tools."""

    config_path: Path
    template_dir: Path | None
    tool_bin_dir: Path
    runtime_dir: Path | None = None


@dataclass
class TreeComparison:
    """Differences between a committed package and a freshly generated one."""

    only_in_committed: list[str] = field(default_factory=list)
    only_in_generated: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        """True when both trees hold the same files with the same bytes."""
        return not (self.only_in_committed or self.only_in_generated or self.differing)


def generate_package(spec: dict[str, JSON], destination: Path, settings: GeneratorSettings) -> str:
    """Generate the ``fullscript_api`` package from ``spec`` into ``destination`` (must not exist).

    The generator reads a copy in which every schema a response can carry is marked (see
    specpipe.response_schemas), so the templates give those models tolerant readers.
    Returns the generator's console output. Raises GenerationError on any warning or error.
    """
    generator_spec = mark_response_schemas(spec)
    with tempfile.TemporaryDirectory(prefix="fullscript-spec-") as work:
        spec_path = Path(work) / "openapi.json"
        spec_path.write_text(
            json.dumps(generator_spec, indent=2, ensure_ascii=False) + "\n", "utf-8"
        )
        templates = None
        if settings.template_dir is not None:
            templates = _templates_with_facts(settings.template_dir, spec, Path(work) / "templates")
        completed = subprocess.run(
            _generator_command(spec_path, destination, settings, templates),
            capture_output=True,
            text=True,
            env=_generator_environment(settings, Path(work)),
            cwd=work,
            check=False,
        )
    output = (completed.stdout + completed.stderr).strip()
    if completed.returncode != 0 or any(marker in output for marker in PROBLEM_MARKERS):
        raise GenerationError(f"openapi-python-client reported problems:\n{output}")
    if not (destination / "__init__.py").is_file():
        raise GenerationError(f"openapi-python-client produced no package:\n{output}")
    if settings.template_dir is not None and (settings.template_dir / TABLE_TEMPLATE).is_file():
        write_operation_table(spec, settings.template_dir, destination)
    if settings.runtime_dir is not None:
        copy_runtime(settings.runtime_dir, destination)
    # Without --meta there is no py.typed; the package is typed, so say so for type checkers.
    (destination / "py.typed").write_text("", "utf-8")
    # The spec the package was built from ships with it: `python -m fullscript.spec` compares
    # an installed SDK with another spec, and names what users call from its stamps.
    (destination / SHIPPED_SPEC).write_text(
        json.dumps(spec, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8"
    )
    return output


def _template_environment(template_dir: Path) -> jinja2.Environment:
    # The settings openapi-python-client 0.29.1 renders its templates with.
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["python_literal"] = python_literal
    return environment


def python_literal(value: str | bool | tuple[str, ...] | None) -> str:
    """``value`` as Python source in the formatter's style: ``"text"``, ``True``, ``None``,
    ``("a", "b")`` (the formatter then wraps long lines)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, tuple):
        items = [json.dumps(item) for item in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    return json.dumps(value)


def _templates_with_facts(template_dir: Path, spec: dict[str, JSON], target: Path) -> Path:
    """A copy of ``template_dir`` plus ``operation_facts.jinja``: the stamped facts by endpoint.

    Templates read them with ``{% from "operation_facts.jinja" import operation_facts %}``
    (``operation_facts[endpoint.name].method_name``). The values are Python literals, which
    Jinja reads as they are.
    """
    shutil.copytree(template_dir, target)
    facts = {endpoint_name(row.operation_id): row._asdict() for row in operation_facts(spec)}
    (target / FACTS_TEMPLATE).write_text(f"{{% set operation_facts = {facts!r} %}}\n", "utf-8")
    return target


def write_operation_table(spec: dict[str, JSON], template_dir: Path, destination: Path) -> Path:
    """Render ``operations.py.jinja`` with every operation's facts into the package."""
    template = _template_environment(template_dir).get_template(TABLE_TEMPLATE)
    target = destination / TABLE_MODULE
    target.write_text(
        template.render(operations=operation_facts(spec), scopes=oauth_scopes(spec)), "utf-8"
    )
    return target


def copy_runtime(runtime_dir: Path, destination: Path) -> list[str]:
    """Copy the hand-written runtime modules (``runtime_dir/*.py``) into the package, verbatim.

    They are ordinary Python files that ruff and ``mypy --strict`` check; a copy replaces the
    generator's own module of the same name (``types.py``, ``client.py``, ``errors.py``).
    ``__init__.py`` only makes the folder a package for the checkers and is not copied.
    Returns the copied file names.
    """
    copied: list[str] = []
    for source in sorted(runtime_dir.glob("*.py")):
        if source.name == "__init__.py":
            continue
        (destination / source.name).write_bytes(source.read_bytes())
        copied.append(source.name)
    return copied


def _generator_command(
    spec_path: Path,
    destination: Path,
    settings: GeneratorSettings,
    templates: Path | None = None,
) -> list[str]:
    """The generator's command line; ``templates`` overrides ``settings.template_dir``."""
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec_path),
        "--meta",
        "none",
        "--config",
        str(settings.config_path),
        "--output-path",
        str(destination),
        "--fail-on-warning",
    ]
    template_dir = templates or settings.template_dir
    if template_dir is not None:
        command += ["--custom-template-path", str(template_dir)]
    return command


def _generator_environment(settings: GeneratorSettings, work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(settings.tool_bin_dir), env.get("PATH", "")])
    env.update(
        NO_COLOR="1",
        TERM="dumb",
        RUFF_NO_CACHE="true",
        RUFF_CACHE_DIR=str(work / "ruff-cache"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONHASHSEED="0",
    )
    return env


def install_package(fresh: Path, out_dir: Path) -> Path:
    """Move a generated package into ``out_dir/fullscript_api``, replacing any previous one.

    The old package is moved aside first and deleted only after the new one is in place, so an
    interrupted swap never leaves a half-written package.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / PACKAGE_NAME
    with tempfile.TemporaryDirectory(prefix=".previous-", dir=out_dir) as graveyard:
        if target.exists():
            target.rename(Path(graveyard) / PACKAGE_NAME)
        shutil.move(str(fresh), str(target))
    return target


def package_files(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes for every file under ``root`` except caches and bytecode."""
    files: dict[str, bytes] = {}
    if not root.is_dir():
        return files
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in IGNORED_NAMES for part in relative.parts):
            continue
        if path.is_file() and not path.name.endswith(IGNORED_SUFFIXES):
            files[relative.as_posix()] = path.read_bytes()
    return files


def compare_trees(committed: Path, generated: Path) -> TreeComparison:
    """Compare two package directories file by file."""
    old, new = package_files(committed), package_files(generated)
    return TreeComparison(
        only_in_committed=sorted(set(old) - set(new)),
        only_in_generated=sorted(set(new) - set(old)),
        differing=sorted(name for name in set(old) & set(new) if old[name] != new[name]),
    )


def unified_diff(committed: Path, generated: Path, relative: str, limit: int = 40) -> list[str]:
    """The first ``limit`` lines of a unified diff of one file, for human eyes."""
    old = (committed / relative).read_text("utf-8", errors="replace").splitlines()
    new = (generated / relative).read_text("utf-8", errors="replace").splitlines()
    lines = list(
        difflib.unified_diff(old, new, f"committed/{relative}", f"expected/{relative}", lineterm="")
    )
    return lines[:limit] + (
        [f"... ({len(lines) - limit} more lines)"] if len(lines) > limit else []
    )
