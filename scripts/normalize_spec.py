#!/usr/bin/env python3
"""Normalise an OpenAPI document the way the generation pipeline does, and list the fixes.

    scripts/normalize_spec.py SPEC [--output FILE] [--quiet]

SPEC is a path or an http(s) URL. The normalised JSON goes to FILE (or stdout); the fixes go to
stderr, one per line. Useful to inspect what generate.py feeds openapi-python-client.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from specpipe.loading import SpecLoadError, load_spec
from specpipe.normalize import normalize


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parse_args(argv)
    try:
        normalized = normalize(load_spec(args.spec))
    except SpecLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        for fix in normalized.fixes:
            print(f"fix: {fix}", file=sys.stderr)
        print(f"{len(normalized.fixes)} fix(es): {normalized.summary()}", file=sys.stderr)
    text = json.dumps(normalized.spec, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spec", help="spec file or http(s) URL")
    parser.add_argument("--output", "-o", help="write the normalised JSON here (default stdout)")
    parser.add_argument("--quiet", "-q", action="store_true", help="do not list the fixes")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
