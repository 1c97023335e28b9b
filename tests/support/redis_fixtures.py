"""pytest fixtures around `RedisServer`, registered for the whole suite by tests/conftest.py.

- `redis_server` (session): one server shared by every test; do not stop it.
- `redis_url` (function): that server's URL, emptied (FLUSHALL) before the test.
- `own_redis_server` (function): a private server the test may break: `stop()`/`start()`,
  `kill()`, `restart_empty()`, `freeze()`/`thaw()` (SIGSTOP), `limit_memory()` (maxmemory with
  noeviction) and raw `command()`s such as `REPLICAOF` (a read-only replica after failover).

A missing `redis-server` binary fails these fixtures (never skips) with a message naming the
Debian package.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .redis_server import RedisServer, RedisServerMissing


def _started(directory: Path) -> RedisServer:
    server = RedisServer(directory)
    try:
        server.start()
    except RedisServerMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    return server


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real redis-server shared by the session (stopped at the end)."""
    server = _started(tmp_path_factory.mktemp("redis-shared"))
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """URL of the shared server, with every key dropped first."""
    if not redis_server.running:
        redis_server.start()
    redis_server.flush()
    return redis_server.url


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server for this test alone: it may `stop()` and `start()` it (same port)."""
    server = _started(tmp_path / "redis")
    try:
        yield server
    finally:
        server.close()
