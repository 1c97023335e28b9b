"""Lean install and import: what a user's install costs, measured where a user runs it.

Everything here runs in a clean virtualenv holding only the wheel and its base dependencies
(see `clean_venv`): no dev tools, no extras, so httpx2's optional CLI (click, rich, pygments)
is absent as it is for most users. Three figures, each printed beside its goal:

1. ``import fullscript`` and ``from fullscript import Fullscript`` against ``import httpx2``
   (and, shown, what the first use of one group and building the first client add);
2. the README quick-start imports against ``import httpx2``;
3. CPU per call of the façade against the bare generated call and plain httpx2 on the same
   in-process transport (see `overhead_probe`).

Each figure is the median of fresh processes. Import commands run interleaved (httpx2, façade,
quick-start, httpx2, ...), so a change in the machine's speed hits them alike; each process
times its own import in CPU seconds (``time.process_time``: waiting for a busy CPU is not
counted) after one warm-up round that also writes the bytecode caches.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import attrs

from .clean_venv import build_wheel, make_venv

__all__ = ["ImportFigures", "LeanResults", "main", "measure", "report"]

IMPORT_GOAL = 1.5
CLIENT_IMPORT_GOAL = 1.3
QUICK_START_GOAL = 1.8
FACADE_VS_BARE_GOAL = 1.07  # issue 14
FACADE_VS_HTTPX_GOAL = 1.20  # issue 14

HTTPX_IMPORT = "import httpx2"
FULLSCRIPT_IMPORT = "import fullscript"
CLIENT_IMPORT = "from fullscript import Fullscript"
# What the first use of one group adds: its resource classes, none of its operations' modules
# or models (those load on each operation's first call).
FIRST_GROUP_IMPORT = f"{CLIENT_IMPORT}; import fullscript_api.api.patients"
# The imports of the README's quick start, as a user's first script has them.
QUICK_START_IMPORT = (
    "from fullscript import FileTokenStore, Fullscript; "
    "from fullscript_api.models import PatientCreateRequest, PatientUpdateRequest"
)
# Naming the class loads none of the machinery: the first client does (see
# `fullscript._client._load_machinery`). Where that cost went is shown, not judged: building one
# client (no request sent) beside building one plain httpx2.AsyncClient.
CLIENT_BUILD = (
    f"{CLIENT_IMPORT}; "
    "Fullscript(client_id='c', client_secret='s', redirect_uri='https://app.example/cb')"
)
HTTPX_BUILD = f"{HTTPX_IMPORT}; httpx2.AsyncClient()"
# The floor row is not a goal: the two libraries the façade is built on besides httpx2 (the
# event loop and attrs, which the generated models use too), which building a client loads.
IMPORT_STATEMENTS = {
    "import httpx2": HTTPX_IMPORT,
    "import fullscript": FULLSCRIPT_IMPORT,
    "from fullscript import Fullscript": CLIENT_IMPORT,
    "... and the patients group": FIRST_GROUP_IMPORT,
    "... and Fullscript(...) built": CLIENT_BUILD,
    "import httpx2; httpx2.AsyncClient()": HTTPX_BUILD,
    "import httpx2, asyncio, attrs": "import httpx2, asyncio, attrs",
    "README quick-start imports": QUICK_START_IMPORT,
}
PROBE = Path(__file__).resolve().parent / "overhead_probe.py"


@attrs.frozen
class ImportFigures:
    """Median CPU and wall seconds of one import statement over fresh processes."""

    cpu: float
    wall: float


@attrs.frozen
class LeanResults:
    """Every figure of this benchmark."""

    imports: dict[str, ImportFigures]
    per_call: dict[str, float]
    processes: int


def _timed_import(python: Path, statement: str) -> tuple[float, float]:
    """(CPU, wall) seconds `statement` takes in a fresh process of `python`."""
    code = (
        "import time\n"
        "cpu, wall = time.process_time(), time.perf_counter()\n"
        f"{statement}\n"
        "print(time.process_time() - cpu, time.perf_counter() - wall)\n"
    )
    # -I: neither the caller's PYTHONPATH nor the current directory can add modules.
    output = subprocess.run(
        [str(python), "-I", "-c", code], capture_output=True, text=True, check=True
    ).stdout
    cpu, wall = output.split()
    return float(cpu), float(wall)


def measure_imports(python: Path, processes: int) -> dict[str, ImportFigures]:
    """Median figures of each import statement, `processes` fresh processes each, interleaved."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in IMPORT_STATEMENTS}
    for round_number in range(processes + 1):
        for name, statement in IMPORT_STATEMENTS.items():
            timing = _timed_import(python, statement)
            if round_number:  # round 0 warms the OS caches and writes the bytecode
                samples[name].append(timing)
    return {
        name: ImportFigures(
            cpu=statistics.median(cpu for cpu, _ in values),
            wall=statistics.median(wall for _, wall in values),
        )
        for name, values in samples.items()
    }


def measure_per_call(
    python: Path, processes: int, rounds: int = 7, calls: int = 1000
) -> dict[str, float]:
    """Median over `processes` fresh processes of each client's CPU seconds per call."""
    samples: dict[str, list[float]] = {}
    for _ in range(processes):
        output = subprocess.run(
            [str(python), "-I", str(PROBE), str(rounds), str(calls)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for name, seconds in json.loads(output).items():
            samples.setdefault(name, []).append(seconds)
    return {name: statistics.median(values) for name, values in samples.items()}


def measure(processes: int = 15, call_processes: int = 5) -> LeanResults:
    """Build the wheel, install it alone into a temporary virtualenv, and take every figure."""
    with tempfile.TemporaryDirectory(prefix="fullscript-lean-") as scratch:
        root = Path(scratch)
        python = make_venv(root / "venv", build_wheel(root / "dist"))
        return LeanResults(
            imports=measure_imports(python, processes),
            per_call=measure_per_call(python, call_processes),
            processes=processes,
        )


def report(results: LeanResults) -> list[tuple[str, bool]]:
    """Print the figures beside their goals; return (label, goal met) per goal."""
    imports = results.imports
    httpx_cpu = imports["import httpx2"].cpu
    print(
        f"   imports, median of {results.processes} fresh processes each, interleaved "
        "(CPU is judged; wall shown)"
    )
    print(f"   {'statement':<36}{'CPU ms':>9}{'vs httpx2':>10}{'wall ms':>10}{'vs httpx2':>10}")
    baseline = imports["import httpx2"]
    for name, figures in imports.items():
        print(
            f"   {name:<36}{figures.cpu * 1e3:>9.1f}{figures.cpu / baseline.cpu:>9.2f}x"
            f"{figures.wall * 1e3:>10.1f}{figures.wall / baseline.wall:>9.2f}x"
        )
    built = imports["... and Fullscript(...) built"].cpu
    plain = imports["import httpx2; httpx2.AsyncClient()"].cpu
    extra = built - plain
    print(
        f"   building the first Fullscript costs {extra * 1e3:.1f} ms "
        f"({extra / httpx_cpu:.2f}x import httpx2) more than building one httpx2.AsyncClient: "
        "asyncio, attrs and the SDK's machinery load then, not at import"
    )
    per_call = results.per_call
    bare, plain, facade = per_call["bare generated"], per_call["plain httpx2"], per_call["façade"]
    print("   CPU per call, median of fresh processes (same in-process transport)")
    print(f"   {'client':<36}{'us/call':>9}{'vs bare':>10}{'vs httpx2':>10}")
    for name, seconds in per_call.items():
        print(f"   {name:<36}{seconds * 1e6:>9.1f}{seconds / bare:>9.2f}x{seconds / plain:>9.2f}x")
    import_ratio = imports["import fullscript"].cpu / httpx_cpu
    client_ratio = imports["from fullscript import Fullscript"].cpu / httpx_cpu
    quick_ratio = imports["README quick-start imports"].cpu / httpx_cpu
    return [
        (
            f"import fullscript {import_ratio:.2f}x import httpx2 (<= {IMPORT_GOAL}x)",
            import_ratio <= IMPORT_GOAL,
        ),
        (
            f"from fullscript import Fullscript {client_ratio:.2f}x import httpx2"
            f" (<= {CLIENT_IMPORT_GOAL}x)",
            client_ratio <= CLIENT_IMPORT_GOAL,
        ),
        (
            f"README quick-start imports {quick_ratio:.2f}x import httpx2 (<= {QUICK_START_GOAL}x)",
            quick_ratio <= QUICK_START_GOAL,
        ),
        (
            f"façade CPU per call {facade / bare:.2f}x the bare generated call"
            f" (<= {FACADE_VS_BARE_GOAL}x)",
            facade / bare <= FACADE_VS_BARE_GOAL,
        ),
        (
            f"façade CPU per call {facade / plain:.2f}x plain httpx2 (<= {FACADE_VS_HTTPX_GOAL}x)",
            facade / plain <= FACADE_VS_HTTPX_GOAL,
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run this benchmark alone: ``cd scripts && python -m benchmarks.lean [PROCESSES]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    processes = int(args[0]) if args else 15
    results = report(measure(processes))
    print()
    for label, ok in results:
        print(f"   {'PASS' if ok else 'FAIL'}  {label}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
