"""VirtualTimeEventLoop: the loop the limiter tests and benchmarks run on."""

from __future__ import annotations

import asyncio
import socket
import threading

import aiolimiter
import pytest

from fullscript._clock import SystemClock
from fullscript.testing import VirtualTimeDeadlock, VirtualTimeEventLoop, run_in_virtual_time


def test_sleeping_jumps_the_clock_to_the_timer() -> None:
    async def scenario() -> float:
        await asyncio.sleep(3600)
        return asyncio.get_running_loop().time()

    assert run_in_virtual_time(scenario()) == 3600.0


def test_clock_starts_where_asked() -> None:
    async def scenario() -> float:
        await asyncio.sleep(5)
        return asyncio.get_running_loop().time()

    assert run_in_virtual_time(scenario(), start=1000.0) == 1005.0


def test_timers_fire_in_order_at_their_exact_times() -> None:
    async def scenario() -> list[tuple[str, float]]:
        loop = asyncio.get_running_loop()
        fired: list[tuple[str, float]] = []

        async def at(name: str, delay: float) -> None:
            await asyncio.sleep(delay)
            fired.append((name, loop.time()))

        await asyncio.gather(at("c", 30.0), at("a", 0.25), at("b", 7.0))
        return fired

    assert run_in_virtual_time(scenario()) == [("a", 0.25), ("b", 7.0), ("c", 30.0)]


def test_asyncio_timeouts_run_on_virtual_time() -> None:
    async def scenario() -> float:
        loop = asyncio.get_running_loop()
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(90):
                await asyncio.sleep(10_000)
        return loop.time()

    assert run_in_virtual_time(scenario()) == 90.0


def test_system_clock_reads_the_virtual_time() -> None:
    async def scenario() -> tuple[float, float]:
        clock = SystemClock()
        before = clock.now()
        await clock.sleep(42.0)
        return before, clock.now()

    assert run_in_virtual_time(scenario(), start=10.0) == (10.0, 52.0)


def test_aiolimiter_runs_on_the_same_timeline() -> None:
    async def scenario() -> list[float]:
        loop = asyncio.get_running_loop()
        limiter = aiolimiter.AsyncLimiter(1, 10.0)
        times = []
        for _ in range(3):
            await limiter.acquire()
            times.append(loop.time())
        return times

    assert run_in_virtual_time(scenario()) == pytest.approx([0.0, 10.0, 20.0])


def test_real_socket_io_still_works() -> None:
    async def scenario() -> bytes:
        left, right = socket.socketpair()
        reader, left_writer = await asyncio.open_connection(sock=left)
        _right_reader, writer = await asyncio.open_connection(sock=right)
        background = asyncio.create_task(asyncio.sleep(1000))
        writer.write(b"ping")
        await writer.drain()
        data = await reader.readexactly(4)
        background.cancel()
        writer.close()
        left_writer.close()
        return data

    assert run_in_virtual_time(scenario()) == b"ping"


def test_work_in_threads_wakes_the_loop() -> None:
    async def scenario() -> str:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, lambda: threading.current_thread().name)

    assert run_in_virtual_time(scenario()) != threading.current_thread().name


def test_deadlock_is_reported_instead_of_hanging() -> None:
    async def scenario() -> None:
        await asyncio.get_running_loop().create_future()

    with pytest.raises(VirtualTimeDeadlock, match="every task is blocked"):
        run_in_virtual_time(scenario(), deadlock_timeout=0.05)


def test_advance_moves_time_forward_only() -> None:
    loop = VirtualTimeEventLoop()
    try:
        loop.advance(2.5)
        assert loop.time() == 2.5
        with pytest.raises(ValueError, match="backwards"):
            loop.advance(-1.0)
    finally:
        loop.close()


def test_a_timer_armed_for_now_fires_a_moment_later_so_time_moves_on() -> None:
    async def scenario() -> list[float]:
        loop = asyncio.get_running_loop()
        fired: list[float] = []
        done = loop.create_future()

        def rearm() -> None:
            fired.append(loop.time())
            if len(fired) == 3:
                done.set_result(None)
            else:
                loop.call_at(loop.time(), rearm)

        loop.call_at(loop.time(), rearm)
        await done
        return fired

    fired = run_in_virtual_time(scenario(), start=100.0)
    assert fired == sorted(set(fired))
    assert fired[-1] - fired[0] < 1e-6


def test_aiolimiter_at_fullscript_scale_does_not_spin() -> None:
    """Rounding leaves aiolimiter re-arming its timer for "now"; the loop must still progress."""

    async def scenario() -> int:
        loop = asyncio.get_running_loop()
        limiter = aiolimiter.AsyncLimiter(5000, 300.0)
        granted = 0

        async def client() -> None:
            nonlocal granted
            while loop.time() < 400.0:
                await limiter.acquire()
                granted += 1

        await asyncio.gather(*(client() for _ in range(20)))
        return granted

    # 5000 at once, then 5000 / 300 per second for about 400 seconds.
    assert 11_500 <= run_in_virtual_time(scenario(), deadlock_timeout=5.0) <= 11_800
