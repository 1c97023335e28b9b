"""Suite-wide settings and fixtures.

- Our own tests parse responses strictly. Users get tolerant parsing (a response field that
  deviates from the spec is kept as sent and logged). Our suite must instead notice every
  deviation, so the spec, the sandbox and the generated client stay honest with each other:
  strict parsing makes one raise `SpecDeviationError`. Tests of the tolerant behaviour turn it
  off for themselves.
- A real redis-server (tests/support/redis_fixtures.py).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fullscript_api.types import STRICT_PARSING_ENV_VAR, set_strict_parsing

_TESTS = Path(__file__).resolve().parent
if str(_TESTS) not in sys.path:
    sys.path.insert(0, str(_TESTS))

from support.redis_fixtures import own_redis_server, redis_server, redis_url  # noqa: E402

__all__ = ["own_redis_server", "redis_server", "redis_url", "strict_parsing"]


@pytest.fixture(scope="session", autouse=True)
def strict_parsing() -> Iterator[None]:
    """Strict in this process, and (through the environment) in any Python it starts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(STRICT_PARSING_ENV_VAR, "1")
        previous = set_strict_parsing(True)
        yield
        set_strict_parsing(previous)
