"""Worker processes started together, for the benchmarks and the multi-process tests.

Each worker prints a line when it is ready (its imports and warm-up done), then waits for a
line on stdin; once every worker is ready, each is sent the same start line, so they begin at
the same moment. Each prints its result as JSON on its last line.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["run_together"]


def run_together(
    commands: Sequence[Sequence[str]],
    *,
    timeout: float,
    start_line: Callable[[], str] = lambda: "go",
    is_ready: Callable[[str], bool] = bool,
    on_ready: Callable[[], None] | None = None,
    env: Mapping[str, str] | None = None,
    keep_stderr: bool = True,
) -> list[dict[str, Any]]:
    """Run one worker per command; return each one's last stdout line, parsed as JSON.

    ``is_ready`` checks a worker's first line; ``on_ready`` runs once all are ready, before
    ``start_line()`` is sent. A worker that does not start or exits non-zero raises
    `RuntimeError` with the end of its stderr (``keep_stderr=False`` discards stderr, for
    workers that write much of it: an unread pipe would stall them). Workers still running
    when this returns or raises are killed.
    """
    processes = [
        subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if keep_stderr else subprocess.DEVNULL,
            text=True,
            env=None if env is None else dict(env),
        )
        for command in commands
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not is_ready(line.strip()):
                errors = process.communicate(timeout=30)[1] or ""
                raise RuntimeError(f"a worker did not start: {line!r}\n{errors[-3000:]}")
        if on_ready is not None:
            on_ready()
        start = f"{start_line()}\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(start)
            process.stdin.flush()
        results = []
        for process in processes:
            output, errors = process.communicate(timeout=timeout)
            if process.returncode != 0:
                tail = (errors or "")[-3000:]
                raise RuntimeError(f"a worker failed ({process.returncode}):\n{tail}")
            results.append(json.loads(output.strip().splitlines()[-1]))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
