"""Real processes sharing one Redis limiter against one served sandbox and a real redis-server:
the sandbox draws no 429 and never sees more than N requests in any rolling window.

The claims are counts the sandbox itself made; nothing here depends on how fast it ran. The
per-process baseline is run too, so the test shows the sandbox would have noticed an overrun.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from benchmarks.scale_quota import measure

LIMIT, WINDOW = 6, 2.0


@pytest.mark.slow
def test_processes_sharing_a_redis_limiter_keep_the_sandbox_window(redis_url: str) -> None:
    shared = measure(
        "shared",
        processes=3,
        callers=5,
        limit=LIMIT,
        window=WINDOW,
        windows=3,
        redis=redis_url,
    )
    assert shared.client_errors == {}
    assert shared.rate_limited == 0
    assert shared.max_in_window <= LIMIT
    assert shared.accepted > LIMIT  # it got past the first window
    assert shared.client_waits > 0  # and the shared limiter, not the load, held it back


@pytest.mark.slow
def test_a_limiter_per_process_overruns_the_same_sandbox() -> None:
    alone = measure(
        "alone", processes=3, callers=5, limit=LIMIT, window=WINDOW, windows=2, redis=None
    )
    assert alone.max_in_window > LIMIT
    assert alone.rate_limited > 0
