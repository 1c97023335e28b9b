#!/usr/bin/env python3
"""Report what changed between two OpenAPI documents, flagging breaking changes.

    scripts/spec_diff.py OLD NEW [--json] [--fail-on-breaking]

OLD and NEW are file paths or http(s) URLs (for example Fullscript's published file,
https://us.fullscript.com/docs/api/open-api/v1/openapi.json). Both are normalised first, so the
published file (no operationIds, untyped arrays) compares cleanly against ours.
Exit status: 0, or 1 with --fail-on-breaking when a breaking change was found, 2 when a
document cannot be loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from specpipe.diff_report import render_json, render_text
from specpipe.diffing import diff_specs
from specpipe.loading import SpecLoadError, load_spec
from specpipe.normalize import normalize


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    try:
        old = normalize(load_spec(args.old)).spec
        new = normalize(load_spec(args.new)).spec
    except SpecLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    changes = diff_specs(old, new)
    render = render_json if args.json else render_text
    try:
        print(render(changes, args.old, args.new))
    except BrokenPipeError:  # e.g. piped into `head`: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if args.fail_on_breaking and any(change.breaking for change in changes):
        return 1
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", help="the baseline spec (path or http(s) URL)")
    parser.add_argument("new", help="the spec to compare against it (path or http(s) URL)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--fail-on-breaking", action="store_true", help="exit 1 when any change is breaking"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
