#!/usr/bin/env python3
"""Rebuild generated/fullscript_api from an OpenAPI document, reproducibly.

    scripts/generate.py [--spec PATH_OR_URL] [--out DIR] [--check] [--verbose]

The spec is normalised first (see specpipe.normalize), then openapi-python-client 0.29.1 runs
with openapi/config.yaml. Any generator warning is an error. ``--check`` generates into a
temporary directory and fails, listing the differing files, when ``<out>/fullscript_api``
is not byte-for-byte what the pipeline produces, or when a generated module imports httpx or
httpcore (the SDK runs on httpx2; see specpipe.import_policy).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from specpipe.generation import (
    PACKAGE_NAME,
    GenerationError,
    GeneratorSettings,
    TreeComparison,
    compare_trees,
    generate_package,
    install_package,
    unified_diff,
)
from specpipe.import_policy import RETIRED_PACKAGES, imports_of_retired_packages
from specpipe.loading import SpecLoadError, is_url, load_spec
from specpipe.normalize import NormalizedSpec, normalize
from specpipe.runtime_files import RUNTIME_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO_ROOT / "openapi" / "openapi.json"
DEFAULT_OUT = REPO_ROOT / "generated"
CONFIG_PATH = REPO_ROOT / "openapi" / "config.yaml"
TEMPLATE_DIR = REPO_ROOT / "openapi" / "templates"


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    try:
        normalized = normalize(load_spec(args.spec))
    except SpecLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _print_fixes(normalized, verbose=args.verbose)
    out_dir = Path(args.out).resolve()
    try:
        if args.check:
            return _check(normalized, out_dir)
        _generate(normalized, out_dir)
        _warn_if_not_adopted(args.spec, out_dir)
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", default=str(DEFAULT_SPEC), help="spec file or http(s) URL")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="directory holding the package")
    parser.add_argument("--check", action="store_true", help="only verify <out> is up to date")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every normaliser fix")
    args = parser.parse_args(argv)
    if not is_url(args.spec):
        args.spec = str(Path(args.spec).resolve())
    return args


def settings() -> GeneratorSettings:
    """Pinned configuration: our config file, custom templates and the hand-written runtime when
    present, the venv's tools."""
    has_templates = TEMPLATE_DIR.is_dir() and any(p.is_file() for p in TEMPLATE_DIR.rglob("*"))
    venv_bin = REPO_ROOT / ".venv" / "bin"
    return GeneratorSettings(
        config_path=CONFIG_PATH,
        template_dir=TEMPLATE_DIR if has_templates else None,
        tool_bin_dir=venv_bin if venv_bin.is_dir() else Path(sys.executable).parent,
        runtime_dir=RUNTIME_DIR if RUNTIME_DIR.is_dir() else None,
    )


def _print_fixes(normalized: NormalizedSpec, *, verbose: bool) -> None:
    fixes = normalized.fixes
    if not fixes:
        print("normalise: spec needed no fixes")
        return
    print(f"normalise: applied {len(fixes)} fix(es): {normalized.summary()}")
    for conflict in normalized.conflicts:
        print(f"  CONFLICT {conflict}")
    if verbose:
        for fix in fixes:
            print(f"  - {fix}")
    else:
        print("  (use --verbose to list every fix)")


def _warn_if_not_adopted(spec: str, out_dir: Path) -> None:
    """generated/ from another spec than openapi/openapi.json: the next check would revert it."""
    if out_dir != DEFAULT_OUT.resolve() or (not is_url(spec) and Path(spec) == DEFAULT_SPEC):
        return
    print(
        f"note: {out_dir.name}/ now follows {spec}, but {DEFAULT_SPEC.relative_to(REPO_ROOT)} is "
        "unchanged: `make check-generated` will call it stale and `make generate` will revert "
        f"it. To adopt the spec: make update-spec NEW={spec}"
    )


def _generate(normalized: NormalizedSpec, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    # Stage next to the target so the final move is a same-filesystem rename.
    with tempfile.TemporaryDirectory(prefix=".generating-", dir=out_dir) as staging:
        fresh = Path(staging) / PACKAGE_NAME
        generate_package(normalized.spec, fresh, settings())
        target = install_package(fresh, out_dir)
    print(f"generated {target}")


def _check(normalized: NormalizedSpec, out_dir: Path) -> int:
    committed = out_dir / PACKAGE_NAME
    with tempfile.TemporaryDirectory(prefix="fullscript-check-") as scratch:
        expected = Path(scratch) / PACKAGE_NAME
        generate_package(normalized.spec, expected, settings())
        retired_imports = imports_of_retired_packages(expected)
        comparison = compare_trees(committed, expected)
        if comparison.identical and not retired_imports:
            print(f"{committed} is up to date")
            return 0
        if retired_imports:
            _report_retired_imports(retired_imports)
        if not comparison.identical:
            _report_differences(comparison, committed, expected)
    return 1


def _report_retired_imports(found: list[str]) -> None:
    retired = " or ".join(RETIRED_PACKAGES)
    print(f"the pipeline generates modules importing {retired} (the SDK runs on httpx2):")
    for where in found:
        print(f"  {where}")
    print("  make the template that writes it (openapi/templates/) import httpx2 instead")


def _report_differences(comparison: TreeComparison, committed: Path, expected: Path) -> None:
    print(f"{committed} differs from what the pipeline generates (run `make generate`):")
    for name in comparison.only_in_committed:
        print(f"  removed by generation:  {name}")
    for name in comparison.only_in_generated:
        print(f"  missing from committed: {name}")
    for name in comparison.differing:
        print(f"  differs:                {name}")
    for name in comparison.differing[:3]:
        print("\n".join(unified_diff(committed, expected, name)))


if __name__ == "__main__":
    sys.exit(main())
