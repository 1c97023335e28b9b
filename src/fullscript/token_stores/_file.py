"""One JSON file holding every grant's token pairs, safe across processes on one machine."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import stat
import tempfile
import warnings
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from .._grants import DEFAULT_GRANT, check_grant_id
from .._tokens import OAuthToken
from ._contract import TokenStoreError, same_pair
from ._encryption import NO_ENCRYPTION, TokenCodec
from ._file_lock import async_file_lock, file_lock, require_flock

__all__ = ["FileTokenStore"]

# {grant_id: {region: token dict}}
_Document = dict[str, dict[str, dict[str, Any]]]


class FileTokenStore:
    """One JSON file holding the token pairs of every grant and region.

    Safe for many processes on one machine:

    - every change takes an exclusive ``flock`` on the sidecar ``<file>.lock``, re-reads the
      file, and writes a temporary file (mode 0600, fsynced) that atomically replaces the
      original: no lost writes, no half-written file, no reader ever sees a partial state,
      and other users of the machine cannot read the secrets;
    - ``refresh_lock()`` is a ``flock`` on a per-grant file in ``<file>.locks/``, released by
      the kernel if its holder dies. Like the Redis lock it expires: a holder that has held it
      for ``lock_timeout`` seconds (frozen, or stuck) loses it to the next process, and waiting
      for it gives up after ``lock_wait`` seconds (default ``lock_timeout`` plus 5) with a
      `TokenStoreError`. Compare-and-set keeps the chain single if a lock is lost. A save
      waiting for the write lock gives up after ``lock_wait`` too (that lock never expires).

    A token file that is corrupt, truncated, of another format, unreadable or not a file
    raises `TokenStoreError` naming the file (never its content, which holds secrets).

    Several machines sharing a file (NFS) are not supported: use a database or Redis.
    ``encryption``: a `TokenEncryption` to keep the tokens encrypted at rest (default: as they are).
    """

    _VERSION = 2

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        encryption: TokenCodec | None = None,
        lock_timeout: float = 15.0,
        lock_wait: float | None = None,
    ) -> None:
        require_flock("FileTokenStore")
        for name, value in (("lock_timeout", lock_timeout), ("lock_wait", lock_wait)):
            if value is not None and (isinstance(value, bool) or not value > 0):
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        self._lock_timeout = float(lock_timeout)
        self._lock_wait = float(lock_wait) if lock_wait is not None else self._lock_timeout + 5
        self._path = Path(path)
        self._encryption = encryption or NO_ENCRYPTION
        _warn_if_readable_by_others(self._path)
        self._write_lock_path = self._path.with_name(f"{self._path.name}.lock")
        self._refresh_locks_dir = self._path.with_name(f"{self._path.name}.locks")

    @property
    def path(self) -> Path:
        """The JSON file."""
        return self._path

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self._path)!r})"

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """The saved pair of ``grant_id`` in ``region``, or ``None``.

        Reads take no lock: the file is only ever replaced whole, atomically.
        """
        check_grant_id(grant_id)
        document = await asyncio.to_thread(self._read)
        data = document.get(grant_id, {}).get(region)
        return (
            self._encryption.open(self._stored_pair(data, grant_id, region))
            if data is not None
            else None
        )

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Save ``token`` by atomically rewriting the file under the lock.

        With ``replaces`` this is a compare-and-set (see `TokenStore.save`).
        """
        check_grant_id(grant_id)
        token = self._encryption.seal(token)
        replaces = self._encryption.seal(replaces) if replaces is not None else None

        def change(document: _Document) -> bool:
            pairs = document.setdefault(grant_id, {})
            if replaces is not None:
                stored = pairs.get(token.region)
                current = self._stored_pair(stored, grant_id, token.region) if stored else None
                if not same_pair(current, replaces):
                    return False
            pairs[token.region] = token.to_dict()
            return True

        return await asyncio.to_thread(self._update, change)

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Forget the pair of ``grant_id`` in ``region`` (no error when there is none)."""
        check_grant_id(grant_id)

        def change(document: _Document) -> bool:
            pairs = document.get(grant_id, {})
            if pairs.pop(region, None) is None:
                return False
            if not pairs:
                document.pop(grant_id, None)
            return True

        await asyncio.to_thread(self._update, change)

    async def grant_ids(self, region: str) -> list[str]:
        """The grants holding a pair in ``region``, sorted."""
        document = await asyncio.to_thread(self._read)
        return sorted(grant for grant, pairs in document.items() if region in pairs)

    def refresh_lock(
        self, region: str, grant_id: str = DEFAULT_GRANT
    ) -> AbstractAsyncContextManager[None]:
        """A cross-process lock on refreshing this grant (a ``flock``, see the class docs)."""
        check_grant_id(grant_id)
        # Hashed: a grant id is the caller's string and need not be a safe file name.
        digest = hashlib.sha256(f"{grant_id}\0{region}".encode()).hexdigest()[:32]
        return async_file_lock(
            self._refresh_locks_dir / f"{digest}.lock",
            expires_after=self._lock_timeout,
            wait=self._lock_wait,
            what=f"the refresh lock of grant {grant_id!r} in region {region!r}",
        )

    # --- file I/O (worker threads) ------------------------------------------------------------

    def _stored_pair(self, data: object, grant_id: str, region: str) -> OAuthToken:
        """The pair as stored (still sealed when encryption is on); TokenStoreError if invalid."""
        try:
            if not isinstance(data, dict):
                raise TypeError(f"a {type(data).__name__}, not an object")
            return OAuthToken.from_dict(data)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            # Never echo the value: it holds secrets.
            raise TokenStoreError(
                f"token file {str(self._path)!r} holds no valid OAuth token for grant "
                f"{grant_id!r} in region {region!r}"
            ) from exc

    def _read(self) -> _Document:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            raise TokenStoreError(
                f"token file {str(self._path)!r} cannot be read: {type(exc).__name__}"
                + (f" ({exc.strerror})" if isinstance(exc, OSError) and exc.strerror else "")
            ) from exc
        try:
            document = json.loads(text)
        except ValueError as exc:
            # Never echo the content: it holds secrets.
            raise TokenStoreError(
                f"token file {str(self._path)!r} is not valid JSON (truncated or corrupt)"
            ) from exc
        if not isinstance(document, dict):
            raise TokenStoreError(f"token file {str(self._path)!r} is not a JSON object")
        version = document.get("version")
        if version != self._VERSION:
            raise TokenStoreError(
                f"token file {str(self._path)!r} has format version {version!r}, which this "
                f"version of fullscript cannot read (it reads {self._VERSION})"
            )
        grants = document.get("grants")
        if not isinstance(grants, dict) or not all(isinstance(v, dict) for v in grants.values()):
            raise TokenStoreError(f"token file {str(self._path)!r} has no 'grants' object")
        return grants

    def _update(self, change: Callable[[_Document], bool]) -> bool:
        """Apply ``change`` to the file under the write lock; write only if it changed."""
        with file_lock(
            self._write_lock_path, wait=self._lock_wait, what=f"the write lock of {self!r}"
        ):
            document = self._read()
            changed = change(document)
            if changed:
                self._write(document)
            return changed

    def _write(self, grants: _Document) -> None:
        directory = self._path.parent
        directory.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600 before any secret is written to it.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self._path.name}.", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"version": self._VERSION, "grants": grants}, handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self._path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        _fsync_directory(directory)


def _warn_if_readable_by_others(path: Path) -> None:
    """Warn when an existing token file can be read by other users (it holds credentials)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return  # not there yet: it is created 0600
    if mode & 0o077:
        warnings.warn(
            f"the token file {str(path)!r} has mode {mode:04o}: other users of this machine "
            f"can read its credentials. Run chmod 600 on it (the store writes it back as 0600 "
            "on its next save)",
            UserWarning,
            stacklevel=3,
        )


def _fsync_directory(directory: Path) -> None:
    # The rename itself is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
