"""``python -m fullscript.spec``: which spec this SDK follows, and what another one breaks.

    python -m fullscript.spec show
    python -m fullscript.spec diff <path or URL> [--json]

``diff`` prints the breaking changes from the SDK's spec to the other one, in the names users
write, and exits 1 when there is one (0 when none, 2 when the other spec cannot be read).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence

import attrs

from ._breaking import breaking_changes
from ._loading import SpecLoadError, load_spec, shipped_spec


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m fullscript.spec", description=__doc__.split("\n\n")[0] if __doc__ else ""
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("show", help="title, version, operations and digest of the SDK's spec")
    diff = commands.add_parser("diff", help="breaking changes from the SDK's spec to another")
    diff.add_argument("other", help="path or http(s) URL of the other spec (JSON)")
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        ours = shipped_spec()
        if args.command == "show":
            return _show(ours)
        other = load_spec(args.other)
    except SpecLoadError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    changes = breaking_changes(ours, other)
    if args.json:
        print(json.dumps([attrs.asdict(change) for change in changes], indent=2))
    elif changes:
        print(f"{len(changes)} breaking change(s) from the SDK's spec to {args.other}:")
        for change in changes:
            print(f"  - {change}")
    else:
        print(f"no breaking change from the SDK's spec to {args.other}")
    return 1 if changes else 0


def _show(spec: dict[str, object]) -> int:
    info = spec.get("info")
    title = info.get("title", "?") if isinstance(info, dict) else "?"
    version = info.get("version", "?") if isinstance(info, dict) else "?"
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]
    paths = spec.get("paths")
    count = sum(
        1
        for item in (paths.values() if isinstance(paths, dict) else ())
        for method in ("get", "put", "post", "delete", "patch")
        if isinstance(item, dict) and method in item
    )
    print(f"{title} {version}: {count} operations (sha256 {digest}...)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
