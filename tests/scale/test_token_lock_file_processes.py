"""FileTokenStore's refresh lock against a real process that takes it and freezes (SIGSTOP):
the wait is bounded and the lock expires, as the Redis lock does."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from fullscript import FileTokenStore, OAuthToken, TokenStoreError

_HOLD_AND_FREEZE = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from fullscript import FileTokenStore

    async def main() -> None:
        async with FileTokenStore(sys.argv[1]).refresh_lock("us", "clinic-a"):
            print("held", flush=True)
            os.kill(os.getpid(), signal.SIGSTOP)  # frozen while holding the lock
            await asyncio.sleep(3600)

    asyncio.run(main())
    """
)


@contextlib.contextmanager
def _frozen(script: str, argument: Path) -> Iterator[None]:
    """Run ``script`` in a process until it has taken its lock and frozen itself."""
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(argument)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def frozen_holder(tmp_path: Path) -> Iterator[Path]:
    """A process that took the refresh lock of grant clinic-a and then froze."""
    path = tmp_path / "tokens.json"
    with _frozen(_HOLD_AND_FREEZE, path):
        yield path


@pytest.fixture
def frozen_writer(tmp_path: Path) -> Iterator[Path]:
    """A process frozen in the middle of a write transaction on the store's database."""
    path = tmp_path / "tokens.json"
    asyncio.run(FileTokenStore(path).save(_token()))
    with _frozen(_WRITE_AND_FREEZE, path):
        yield path


async def test_a_frozen_holder_loses_the_lock_once_it_expires(frozen_holder: Path) -> None:
    store = FileTokenStore(frozen_holder, lock_timeout=0.5, lock_wait=30)

    async def take() -> None:
        async with store.refresh_lock("us", "clinic-a"):
            pass

    await asyncio.wait_for(take(), timeout=60)  # without an expiry this never returns


async def test_waiting_for_a_frozen_holder_gives_up_with_an_error_naming_the_lock(
    frozen_holder: Path,
) -> None:
    store = FileTokenStore(frozen_holder, lock_timeout=600, lock_wait=0.3)

    async def take() -> None:
        async with store.refresh_lock("us", "clinic-a"):
            pass

    with pytest.raises(TokenStoreError, match="refresh lock of grant 'clinic-a'") as gave_up:
        await asyncio.wait_for(take(), timeout=60)
    assert "gave up after 0.3 s" in str(gave_up.value)


async def test_other_grants_are_not_held_up_by_a_frozen_holder(frozen_holder: Path) -> None:
    store = FileTokenStore(frozen_holder, lock_timeout=600, lock_wait=5)
    async with store.refresh_lock("us", "clinic-b"):
        pass


async def test_waiters_of_an_expired_lock_still_hold_it_one_at_a_time(frozen_holder: Path) -> None:
    stores = [FileTokenStore(frozen_holder, lock_timeout=0.3, lock_wait=30) for _ in range(4)]
    holding = most = 0

    async def take(store: FileTokenStore) -> None:
        nonlocal holding, most
        async with store.refresh_lock("us", "clinic-a"):
            holding += 1
            most = max(most, holding)
            await asyncio.sleep(0.05)  # well inside lock_timeout: nobody may take it now
            holding -= 1

    await asyncio.wait_for(asyncio.gather(*(take(s) for s in stores)), timeout=60)
    assert most == 1


async def test_a_save_behind_a_frozen_writer_gives_up_with_an_error_naming_the_file(
    frozen_writer: Path,
) -> None:
    store = FileTokenStore(frozen_writer, lock_wait=0.3)
    with pytest.raises(TokenStoreError, match="write lock of FileTokenStore") as gave_up:
        await asyncio.wait_for(store.save(_token()), timeout=60)
    assert str(frozen_writer) in str(gave_up.value)


# A writer frozen (SIGSTOP) inside a write transaction, as the store's saves take it.
_WRITE_AND_FREEZE = textwrap.dedent(
    """
    import os, signal, sqlite3, sys

    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    os.kill(os.getpid(), signal.SIGSTOP)
    """
)


def _token() -> OAuthToken:
    return OAuthToken(
        access_token="access-SECRET-1",
        refresh_token="refresh-SECRET-1",
        region="us",
        created_at="2024-01-01T00:00:00Z",
    )


async def test_a_load_behind_a_frozen_writer_still_answers(frozen_writer: Path) -> None:
    # Readers never wait for a writer (the database's write-ahead log).
    store = FileTokenStore(frozen_writer, lock_wait=0.3)
    assert await asyncio.wait_for(store.load("us"), timeout=60) == _token()
