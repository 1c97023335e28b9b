"""Suite-wide fixtures: a real redis-server (tests/support/redis_fixtures.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = Path(__file__).resolve().parent
if str(_TESTS) not in sys.path:
    sys.path.insert(0, str(_TESTS))

from support.redis_fixtures import own_redis_server, redis_server, redis_url  # noqa: E402

__all__ = ["own_redis_server", "redis_server", "redis_url"]
