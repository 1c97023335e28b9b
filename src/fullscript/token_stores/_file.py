"""One JSON file holding every grant's token pairs, safe across processes on one machine."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

from .._grants import DEFAULT_GRANT, check_grant_id
from .._tokens import OAuthToken
from ._contract import same_pair
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
      the kernel if its holder dies.

    Several machines sharing a file (NFS) are not supported: use a database or Redis.
    """

    _VERSION = 2

    def __init__(self, path: str | os.PathLike[str]) -> None:
        require_flock("FileTokenStore")
        self._path = Path(path)
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
        return OAuthToken.from_dict(data) if data is not None else None

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

        def change(document: _Document) -> bool:
            pairs = document.setdefault(grant_id, {})
            if replaces is not None:
                stored = pairs.get(token.region)
                if not same_pair(OAuthToken.from_dict(stored) if stored else None, replaces):
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
        return async_file_lock(self._refresh_locks_dir / f"{digest}.lock")

    # --- file I/O (worker threads) ------------------------------------------------------------

    def _read(self) -> _Document:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            document = json.loads(text)
        except ValueError as exc:
            # Never echo the content: it holds secrets.
            raise ValueError(f"token file {str(self._path)!r} is not valid JSON") from exc
        if not isinstance(document, dict):
            raise ValueError(f"token file {str(self._path)!r} is not a JSON object")
        version = document.get("version")
        if version != self._VERSION:
            raise ValueError(
                f"token file {str(self._path)!r} has format version {version!r}, which this "
                f"version of fullscript cannot read (it reads {self._VERSION})"
            )
        grants = document.get("grants")
        if not isinstance(grants, dict) or not all(isinstance(v, dict) for v in grants.values()):
            raise ValueError(f"token file {str(self._path)!r} has no 'grants' object")
        return grants

    def _update(self, change: Callable[[_Document], bool]) -> bool:
        """Apply ``change`` to the file under the write lock; write only if it changed."""
        with file_lock(self._write_lock_path):
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


def _fsync_directory(directory: Path) -> None:
    # The rename itself is durable only once the directory entry is on disk.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
