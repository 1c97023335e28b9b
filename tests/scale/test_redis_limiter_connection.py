"""The real redis-server fixture and the Redis plumbing: URLs, clients, the typed error."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import redis.asyncio as aioredis
from support.redis_server import RedisServer, RedisServerMissing, redis_server_binary

from fullscript import FullscriptError
from fullscript.redis import RedisUnavailableError, redact_url, redis_client
from fullscript.redis._connection import translate_errors


async def test_the_fixture_runs_a_real_redis_server(redis_url: str) -> None:
    client, _ = redis_client(redis_url)
    async with client:
        info = await client.info("server")
        await client.set("k", "v")
        assert await client.get("k") == b"v"
    assert str(info["redis_version"]).split(".")[0] >= "7"


async def test_each_test_starts_with_an_empty_shared_server(redis_url: str) -> None:
    client, _ = redis_client(redis_url)
    async with client:
        assert await client.dbsize() == 0


def test_a_stopped_server_restarts_on_the_same_port(own_redis_server: RedisServer) -> None:
    port = own_redis_server.port
    own_redis_server.stop()
    assert not own_redis_server.running
    own_redis_server.start()
    assert own_redis_server.running and own_redis_server.port == port


def test_missing_binary_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(RedisServerMissing, match="redis-server") as missing:
        redis_server_binary()
    assert "apt-get install -y redis-server" in str(missing.value)


def test_password_never_appears_in_the_shown_url() -> None:
    assert redact_url("redis://app:s3cret@cache:6380/2") == "redis://app:***@cache:6380/2"
    assert redact_url("redis://:s3cret@cache/0") == "redis://***@cache/0"
    assert redact_url("redis://cache:6379/0") == "redis://cache:6379/0"


def test_a_url_that_is_not_redis_is_a_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match="not a usable Redis URL") as bad:
        redis_client("http://user:s3cret@cache:6379/0")
    assert "s3cret" not in str(bad.value)
    assert "http://user:***@cache:6379/0" in str(bad.value)


def test_something_else_than_a_url_or_client_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="Redis URL"):
        redis_client(6379)  # type: ignore[arg-type]


async def test_an_existing_client_is_used_as_given(redis_url: str) -> None:
    given = aioredis.Redis.from_url(redis_url)
    client, address = redis_client(given)
    assert client is given
    assert address.startswith("redis://127.0.0.1:")
    await given.aclose()


async def test_unreachable_redis_is_a_typed_error_naming_redis_and_url(
    own_redis_server: RedisServer,
) -> None:
    url = own_redis_server.url.replace("redis://", "redis://:s3cret@")
    own_redis_server.stop()
    client, address = redis_client(url, socket_timeout=1.0)
    with (
        pytest.raises(RedisUnavailableError) as down,
        translate_errors(address, "testing", "nothing happened"),
    ):
        await client.ping()
    await client.aclose()
    assert isinstance(down.value, FullscriptError)
    message = str(down.value)
    assert message.startswith(f"Redis at redis://***@127.0.0.1:{own_redis_server.port}/0")
    assert "testing" in message and "nothing happened" in message
    assert "s3cret" not in message and down.value.url == address


def test_without_redis_py_the_import_error_names_the_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["redis"] = None  # what an environment without redis-py looks like
        import fullscript
        assert "redis" not in [m.split(".")[0] for m in sys.modules if sys.modules[m]]
        try:
            import fullscript.redis
        except ImportError as error:
            print(error)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "pip install 'fullscript[redis]'" in done.stdout
