#!/usr/bin/env python3
"""Adopt a new spec in one step: diff, normalise, adopt, regenerate, and say what is left to do.

    make update-spec NEW=<path or URL>
    scripts/update_spec.py NEW [--spec-out openapi/openapi.json] [--out generated]

1. prints what changes for users between the adopted spec and NEW (method names, parameters,
   fields, webhook events; breaking changes first);
2. normalises NEW and prints every conflict between an example and its declared type;
3. writes NEW into ``--spec-out`` (the spec ``make generate`` and ``make check-generated``
   read, so nothing reverts the adoption);
4. regenerates ``--out/fullscript_api`` from it;
5. prints what the sandbox does not serve yet (operations without a handler, query parameters
   no handler reads), each with the file to edit.

Exit status: 0 when adopted (gaps are work to do, not failures), 1 when generation failed
(the spec is adopted; fix the pipeline and run ``make generate``), 2 when NEW cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from specpipe.diff_report import render_text
from specpipe.diffing import diff_specs
from specpipe.loading import SpecLoadError, load_spec
from specpipe.normalize import normalize

REPO_ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    spec_out, out = Path(args.spec_out).resolve(), Path(args.out).resolve()
    try:
        current = load_spec(str(spec_out))
        new = load_spec(args.new)
    except SpecLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    normalized = normalize(new)

    _heading("What changes for users")
    changes = diff_specs(normalize(current).spec, normalized.spec)
    print(render_text(changes, _relative(spec_out), args.new))

    _heading("Conflicts between examples and declared types")
    for conflict in normalized.conflicts:
        print(f"  CONFLICT {conflict}")
    if not normalized.conflicts:
        print("  (none)")

    _heading(f"Adopting {args.new} as {_relative(spec_out)} and regenerating")
    spec_out.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    status = generate.main(["--spec", str(spec_out), "--out", str(out)])
    if status != 0:
        print(f"generation failed; {_relative(spec_out)} is adopted: fix and run make generate")
        return 1

    _heading("What the sandbox does not serve yet")
    # A fresh interpreter imports the regenerated package (first on the path).
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(out), str(REPO_ROOT / "src")])}
    subprocess.run(
        [sys.executable, "-m", "fullscript.sandbox.coverage"], env=environment, check=False
    )

    _heading("Next steps")
    print(
        "  - run the spec and sandbox tests: .venv/bin/pytest tests/spec tests/sandbox -q;\n"
        "    each failure names the file to edit and what to add\n"
        "  - list new x-inferred marks in docs/spec-inferred.md\n"
        f"  - commit {_relative(spec_out)} and {_relative(out)}/ together"
    )
    return 0


def _heading(title: str) -> None:
    print(f"\n== {title}", flush=True)  # before the output of the steps run in subprocesses


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("new", help="the new spec (path or http(s) URL)")
    parser.add_argument(
        "--spec-out", default=str(generate.DEFAULT_SPEC), help="the adopted spec to replace"
    )
    parser.add_argument("--out", default=str(generate.DEFAULT_OUT), help="where the package goes")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
