"""RedisRateLimiter against a real redis-server: the Lua script, shared pauses, Redis down.

Windows are short and real (Redis TIME is the limiter's clock), so the assertions are about
counts and order, never about how long something took.
"""

from __future__ import annotations

import asyncio
import math

import httpx2
import pytest
import redis.asyncio as aioredis
from support.redis_server import RedisServer

from fullscript import Fullscript, FullscriptTransport, RateLimiter, RateLimitWaitExceeded, Region
from fullscript.redis import RedisRateLimiter, RedisUnavailableError


def limiter_for(url: str, max_requests: int, window: float, **kwargs: object) -> RedisRateLimiter:
    return RedisRateLimiter(url, max_requests, window, **kwargs)  # type: ignore[arg-type]


async def test_satisfies_the_protocol(redis_url: str) -> None:
    async with limiter_for(redis_url, 5, 1.0) as limiter:
        assert isinstance(limiter, RateLimiter)


async def test_grants_up_to_the_limit_then_refuses_a_wait_over_the_maximum(redis_url: str) -> None:
    async with limiter_for(redis_url, 5, 60.0) as limiter:
        permits = [await limiter.acquire("q", max_wait=0) for _ in range(5)]
        assert await limiter.used("q") == 5
        with pytest.raises(RateLimitWaitExceeded) as refused:
            await limiter.acquire("q", max_wait=1.0)
        # All five are still in flight: once released, each counts a full window more.
        assert refused.value.would_wait == pytest.approx(60.0)
        assert refused.value.scope == "q"
        for permit in permits:
            await limiter.release(permit)
        with pytest.raises(RateLimitWaitExceeded) as still:
            await limiter.acquire("q", max_wait=1.0)
        assert 59.0 < still.value.would_wait <= 60.0
        stats = limiter.stats()
        assert (stats.granted, stats.refused, stats.in_flight) == (5, 2, 0)


async def test_scopes_are_separate_quotas(redis_url: str) -> None:
    async with limiter_for(redis_url, 1, 60.0) as limiter:
        await limiter.acquire("app:a@host", max_wait=0)
        await limiter.acquire("app:b@host", max_wait=0)
        with pytest.raises(RateLimitWaitExceeded):
            await limiter.acquire("app:a@host", max_wait=0)


async def test_many_concurrent_acquirers_on_several_connections_never_overshoot(
    redis_url: str,
) -> None:
    """Atomicity: 300 simultaneous acquires through 3 clients, limit 37: exactly 37 win."""
    limiters = [limiter_for(redis_url, 37, 60.0) for _ in range(3)]
    try:

        async def attempt(limiter: RedisRateLimiter) -> bool:
            try:
                await limiter.acquire("shared", max_wait=0)
            except RateLimitWaitExceeded:
                return False
            return True

        outcomes = await asyncio.gather(*(attempt(limiters[i % 3]) for i in range(300)))
        assert sum(outcomes) == 37
        assert await limiters[0].used("shared") == 37
    finally:
        for limiter in limiters:
            await limiter.aclose()


async def test_a_slot_frees_one_window_after_its_release_not_its_grant(redis_url: str) -> None:
    async with limiter_for(redis_url, 1, 0.4) as limiter:
        permit = await limiter.acquire("q")
        await asyncio.sleep(0.5)  # longer than the window, but the request is still in flight
        with pytest.raises(RateLimitWaitExceeded):
            await limiter.acquire("q", max_wait=0.2)
        await limiter.release(permit)
        with pytest.raises(RateLimitWaitExceeded) as refused:
            await limiter.acquire("q", max_wait=0.0)
        assert 0.2 < refused.value.would_wait <= 0.4
        granted = await limiter.acquire("q", max_wait=5.0)
        assert granted.waited > 0.2


async def test_waiters_sleep_the_returned_wait_instead_of_polling(redis_url: str) -> None:
    """10 waiters for slots one window away make a handful of script calls each, not hundreds."""
    async with limiter_for(redis_url, 10, 0.5) as limiter:
        for permit in [await limiter.acquire("q") for _ in range(10)]:
            await limiter.release(permit)
        await limiter.flush()  # releases go out without being waited for: not counted below
        client = aioredis.Redis.from_url(redis_url)
        before = int((await client.info("commandstats"))["cmdstat_evalsha"]["calls"])
        permits = await asyncio.gather(*(limiter.acquire("q", max_wait=5) for _ in range(10)))
        after = int((await client.info("commandstats"))["cmdstat_evalsha"]["calls"])
        await client.aclose()
        assert all(permit.waited > 0.3 for permit in permits)
        assert after - before <= 10 * 4


async def test_a_pause_is_shared_by_every_limiter_on_the_same_redis(redis_url: str) -> None:
    first, second = limiter_for(redis_url, 100, 60.0), limiter_for(redis_url, 100, 60.0)
    try:
        await first.pause(30.0, "q")
        await second.pause(5.0, "q")  # a shorter pause never cuts a longer one short
        with pytest.raises(RateLimitWaitExceeded) as refused:
            await second.acquire("q", max_wait=1.0)
        assert 29.0 < refused.value.would_wait <= 30.0
        assert (first.stats().pauses, second.stats().pauses) == (1, 0)
        await second.acquire("other", max_wait=0)  # other quotas are not paused
    finally:
        await first.aclose()
        await second.aclose()


async def test_a_slot_whose_holder_died_counts_only_until_its_lease_ends(redis_url: str) -> None:
    async with limiter_for(redis_url, 1, 0.2, lease=0.3) as crashed:
        await crashed.acquire("q")  # never released: the process "died"
    async with limiter_for(redis_url, 1, 0.2, lease=0.3) as survivor:
        with pytest.raises(RateLimitWaitExceeded):
            await survivor.acquire("q", max_wait=0.0)
        permit = await survivor.acquire("q", max_wait=5.0)
        assert permit.waited > 0.2  # lease (0.3) + window (0.2) after the grant, at least


async def test_redis_down_is_a_typed_error_naming_redis_and_nothing_is_sent(
    own_redis_server: RedisServer,
) -> None:
    sent: list[str] = []

    def server(request: httpx2.Request) -> httpx2.Response:
        sent.append(request.url.path)
        return httpx2.Response(200, json={"ok": True})

    url = own_redis_server.url.replace("redis://", "redis://:s3cret@")
    own_redis_server.stop()
    own_redis_server.start()  # now password-less; the URL's password is just never shown
    limiter = RedisRateLimiter(own_redis_server.url, 10, 60.0)
    shown = RedisRateLimiter(url, 10, 60.0)
    transport = FullscriptTransport(httpx2.MockTransport(server), limiter=limiter)
    async with httpx2.AsyncClient(transport=transport) as http:
        assert (await http.get("https://api.example/one")).status_code == 200
        own_redis_server.stop()  # Redis goes down mid-test
        with pytest.raises(RedisUnavailableError) as down:
            await http.get("https://api.example/two")
        with pytest.raises(RedisUnavailableError) as down_shown:
            await shown.acquire("q")
        own_redis_server.start()  # and comes back, empty: the same limiter works again,
        # holding the quota for the window the lost log still counts at the server
        with pytest.raises(RateLimitWaitExceeded) as held:
            await http.get("https://api.example/three")
    await limiter.aclose()
    await shown.aclose()
    assert sent == ["/one"]
    assert held.value.would_wait == pytest.approx(60.0, abs=1.0)
    message = str(down.value)
    assert message.startswith(f"Redis at redis://127.0.0.1:{own_redis_server.port}/0")
    assert "Nothing was sent" in message
    assert "s3cret" not in str(down_shown.value)
    assert f"redis://***@127.0.0.1:{own_redis_server.port}/0" in str(down_shown.value)


async def test_through_the_client_redis_down_fails_the_call_clearly(
    own_redis_server: RedisServer,
) -> None:
    from fullscript.sandbox import Sandbox

    sandbox = Sandbox()
    paths: list[str] = []

    async def counted(request: httpx2.Request) -> httpx2.Response:
        paths.append(request.url.path)
        return await inner.handle_async_request(request)

    inner = sandbox.transport()
    limiter = RedisRateLimiter(own_redis_server.url, 10, 60.0)
    async with Fullscript(
        client_id=sandbox.settings.client_id,
        client_secret=sandbox.settings.client_secret,
        redirect_uri=sandbox.settings.redirect_uri,
        region=Region.from_key("us").with_base_url(sandbox.base_url("us")),
        transport=httpx2.MockTransport(counted),
        limiter=limiter,
    ) as fs:
        await fs.exchange_code(sandbox.authorization_code("us"))
        await fs.clinic.retrieve()
        sent_before = len(paths)
        own_redis_server.stop()
        with pytest.raises(RedisUnavailableError, match=r"Redis at redis://127\.0\.0\.1"):
            await fs.clinic.retrieve()
    await limiter.aclose()
    assert sent_before == 2 and len(paths) == 2


def test_a_url_that_is_not_redis_fails_when_the_limiter_is_made() -> None:
    with pytest.raises(ValueError, match="not a usable Redis URL: 'http://cache:6379'"):
        RedisRateLimiter("http://cache:6379")


async def test_an_unreachable_redis_fails_the_first_acquire(tmp_path: object) -> None:
    server = RedisServer()
    server.start()
    url = server.url
    server.close()  # nothing listens on that port any more
    async with RedisRateLimiter(url, 10, 60.0) as limiter:
        with pytest.raises(RedisUnavailableError, match="acquiring a rate-limit slot"):
            await limiter.acquire("q")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_requests": 0}, "max_requests must be at least 1"),
        ({"window": 0}, "window must be a finite number of seconds > 0"),
        ({"window": math.inf}, "window must be a finite number of seconds > 0"),
        ({"lease": -1}, "lease must be a finite number of seconds > 0"),
        ({"key_prefix": ""}, "key_prefix must be a non-empty str"),
    ],
)
def test_rejects_bad_settings(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RedisRateLimiter("redis://127.0.0.1:1/0", **kwargs)  # type: ignore[arg-type]


def test_a_half_built_limiter_has_a_repr_that_does_not_raise() -> None:
    # A jitter that is not a number fails __init__ after the connection is set up; an error
    # reporter that captures locals then repr()s the half-built `self`.
    with pytest.raises(ValueError) as caught:
        RedisRateLimiter("redis://127.0.0.1:1/0", 5, 1.0, jitter="a lot")  # type: ignore[arg-type]
    shown: list[str] = []
    traceback = caught.value.__traceback__
    while traceback is not None:
        shown.extend(repr(value) for value in traceback.tb_frame.f_locals.values())
        traceback = traceback.tb_next
    assert any(text.startswith("RedisRateLimiter(") and "<unset>" in text for text in shown)
