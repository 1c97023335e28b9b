"""Every grant's token pairs in one SQLite database file, safe across processes on one machine.

Why SQLite (the standard library's ``sqlite3``) rather than one JSON file per grant or an index
beside one big file: a load is one indexed lookup and a save one small transaction, whatever
the number of grants (a B-tree of a few levels; the JSON file was parsed, and rewritten with
fsync, whole, for every load and save). It keeps what the JSON file gave: one file to back up
and to protect (mode 0600), atomic compare-and-set (a write transaction), durable saves
(``synchronous=FULL``: a save returns once its commit is on disk), readers never blocked by a
writer (write-ahead log). Thousands of per-grant files would need their own locking, leave
half-written files to clean up, and make listing a region's grants a directory scan.

A token file of the earlier JSON format is migrated on first use, under the lock the JSON
writers took (``<file>.lock``), into a database written beside it and renamed over it: an
older version of the SDK still running then fails loudly on the file instead of writing to a
copy nobody reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import stat
import tempfile
import threading
import warnings
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from .._grants import DEFAULT_GRANT, check_grant_id
from .._tokens import OAuthToken
from ._contract import TokenStoreError, same_pair
from ._encryption import NO_ENCRYPTION, TokenCodec
from ._file_legacy import read_legacy_document
from ._file_lock import async_file_lock, file_lock, require_flock

if (
    TYPE_CHECKING
):  # pragma: no cover - imported on the store's first use, not by `import fullscript`
    import sqlite3

__all__ = ["FileTokenStore"]

logger = logging.getLogger("fullscript")

_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's write-ahead log and its index, beside the database (created with its mode).
_SIDECARS = ("-wal", "-shm")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS tokens ("
    " grant_id TEXT NOT NULL, region TEXT NOT NULL, pair TEXT NOT NULL,"
    " PRIMARY KEY (grant_id, region)) WITHOUT ROWID",
    # `grant_ids(region)`: a range of this index, not a scan of every grant.
    "CREATE INDEX IF NOT EXISTS tokens_by_region ON tokens (region, grant_id)",
)
_SELECT = "SELECT pair FROM tokens WHERE grant_id = ? AND region = ?"
_UPSERT = (
    "INSERT INTO tokens (grant_id, region, pair) VALUES (?, ?, ?)"
    " ON CONFLICT (grant_id, region) DO UPDATE SET pair = excluded.pair"
)


class FileTokenStore:
    """One file (a SQLite database) holding the token pairs of every grant and region.

    A load or a save costs the same at 10 grants as at 10,000 (see docs/scale-out.md for the
    figures). Safe for many processes on one machine:

    - every change is one SQLite write transaction, committed with fsync before ``save``
      returns; compare-and-set reads and writes inside it, so no write is ever lost and no
      reader ever sees a partial state. The file is created with mode 0600: other users of
      the machine cannot read the secrets. Beside it SQLite keeps ``<file>-wal`` and
      ``<file>-shm`` (its write-ahead log, same mode). A save waiting for another process's
      write gives up after ``lock_wait`` seconds with a `TokenStoreError`;
    - ``refresh_lock()`` is a ``flock`` on a per-grant file in ``<file>.locks/``, released by
      the kernel if its holder dies. Like the Redis lock it expires: a holder that has held it
      for ``lock_timeout`` seconds (frozen, or stuck) loses it to the next process, and waiting
      for it gives up after ``lock_wait`` seconds (default ``lock_timeout`` plus 5) with a
      `TokenStoreError`. Compare-and-set keeps the chain single if a lock is lost.

    A token file of the earlier JSON format is migrated automatically on first use. A file
    that is corrupt, of another format, unreadable or not a file raises `TokenStoreError`
    naming the file (never its content, which holds secrets).

    Several machines sharing a file (NFS) are not supported: use a database or Redis.
    ``encryption``: a `TokenEncryption` to keep the tokens encrypted at rest (default: as they are).
    """

    _FORMAT_VERSION = 3  # PRAGMA user_version; the JSON files were versions 1 and 2

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
        self._migration_lock_path = self._path.with_name(f"{self._path.name}.lock")
        self._refresh_locks_dir = self._path.with_name(f"{self._path.name}.locks")
        # One connection per process, used by one worker thread at a time.
        self._guard = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0

    @property
    def path(self) -> Path:
        """The token file (a SQLite database)."""
        return self._path

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self._path)!r})"

    async def load(self, region: str, grant_id: str = DEFAULT_GRANT) -> OAuthToken | None:
        """The saved pair of ``grant_id`` in ``region``, or ``None`` (one indexed read)."""
        check_grant_id(grant_id)
        stored = await asyncio.to_thread(self._select, grant_id, region)
        return self._encryption.open(stored) if stored is not None else None

    async def save(
        self,
        token: OAuthToken,
        grant_id: str = DEFAULT_GRANT,
        *,
        replaces: OAuthToken | None = None,
    ) -> bool:
        """Save ``token`` in one durable transaction.

        With ``replaces`` this is a compare-and-set (see `TokenStore.save`).
        """
        check_grant_id(grant_id)
        token = self._encryption.seal(token)
        replaces = self._encryption.seal(replaces) if replaces is not None else None
        return await asyncio.to_thread(self._put, grant_id, token, replaces)

    async def delete(self, region: str, grant_id: str = DEFAULT_GRANT) -> None:
        """Forget the pair of ``grant_id`` in ``region`` (no error when there is none)."""
        check_grant_id(grant_id)
        await asyncio.to_thread(self._remove, grant_id, region)

    async def grant_ids(self, region: str) -> list[str]:
        """The grants holding a pair in ``region``, sorted."""
        return await asyncio.to_thread(self._grants_of, region)

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

    # --- the database (worker threads) --------------------------------------------------------

    def _select(self, grant_id: str, region: str) -> OAuthToken | None:
        with self._connected() as db:
            row = db.execute(_SELECT, (grant_id, region)).fetchone()
        return None if row is None else self._stored_pair(row[0], grant_id, region)

    def _put(self, grant_id: str, token: OAuthToken, replaces: OAuthToken | None) -> bool:
        pair = json.dumps(token.to_dict(), separators=(",", ":"))
        with self._transaction() as db:
            if replaces is not None:
                row = db.execute(_SELECT, (grant_id, token.region)).fetchone()
                current = self._stored_pair(row[0], grant_id, token.region) if row else None
                if not same_pair(current, replaces):
                    return False
            db.execute(_UPSERT, (grant_id, token.region, pair))
            return True

    def _remove(self, grant_id: str, region: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM tokens WHERE grant_id = ? AND region = ?", (grant_id, region))

    def _grants_of(self, region: str) -> list[str]:
        with self._connected() as db:
            rows = db.execute(
                "SELECT grant_id FROM tokens WHERE region = ? ORDER BY grant_id", (region,)
            ).fetchall()
        return [grant for (grant,) in rows]

    def _stored_pair(self, text: object, grant_id: str, region: str) -> OAuthToken:
        """The pair as stored (still sealed when encryption is on); TokenStoreError if invalid."""
        try:
            if not isinstance(text, str):
                raise TypeError(f"a {type(text).__name__}, not text")
            data = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError(f"a {type(data).__name__}, not an object")
            return OAuthToken.from_dict(data)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            # Never echo the value: it holds secrets.
            raise TokenStoreError(
                f"token file {str(self._path)!r} holds no valid OAuth token for grant "
                f"{grant_id!r} in region {region!r}"
            ) from exc

    @contextlib.contextmanager
    def _connected(self) -> Iterator[sqlite3.Connection]:
        """This process's connection, for one worker thread at a time; SQLite's errors typed."""
        import sqlite3

        with self._guard:
            try:
                yield self._connection()
            except sqlite3.Error as exc:
                raise self._database_error(exc) from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed (durably) when the block ends, rolled back if it raises."""
        with self._connected() as db:
            db.execute("BEGIN IMMEDIATE")  # the write lock now: a compare-and-set reads under it
            try:
                yield db
            except BaseException:
                if db.in_transaction:  # SQLite rolls some failures back itself
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _connection(self) -> sqlite3.Connection:
        db = self._db
        if db is not None and self._db_pid == os.getpid():
            return db
        # A connection must not cross a fork: the child opens its own.
        import sqlite3

        self._prepare_file()
        db = sqlite3.connect(
            self._path,
            timeout=self._lock_wait,  # how long a write waits for another process's write
            isolation_level=None,  # transactions are explicit (BEGIN IMMEDIATE ... COMMIT)
            check_same_thread=False,  # worker threads take turns under `_guard`
        )
        try:
            self._configure(db)
        except BaseException:
            db.close()
            raise
        self._db, self._db_pid = db, os.getpid()
        return db

    def _configure(self, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
        db.execute("PRAGMA synchronous = FULL")  # a commit is on disk when save returns
        db.execute("PRAGMA secure_delete = ON")  # replaced pairs are overwritten, not left behind
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == self._FORMAT_VERSION:
            return
        if version != 0:
            raise TokenStoreError(
                f"token file {str(self._path)!r} has format version {version!r}, which this "
                f"version of fullscript cannot read (it reads {self._FORMAT_VERSION})"
            )
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        if tables - {"tokens", "tokens_by_region"}:
            raise TokenStoreError(
                f"token file {str(self._path)!r} is a SQLite database of something else"
            )
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {self._FORMAT_VERSION}")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _database_error(self, error: sqlite3.Error) -> TokenStoreError:
        # SQLite's messages name the failure, never a stored value.
        message = str(error)
        if "locked" in message or "busy" in message:
            return TokenStoreError(
                f"gave up after {self._lock_wait:g} s waiting for the write lock of {self!r}: "
                "another process holds it"
            )
        return TokenStoreError(f"token file {str(self._path)!r} failed: {message}")

    # --- the file itself: creation, and migration from the JSON format -------------------------

    def _read_head(self) -> bytes | None:
        """The file's first bytes, or None when there is no file."""
        try:
            with open(self._path, "rb") as handle:
                return handle.read(len(_SQLITE_HEADER))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise self._unreadable(exc) from exc

    def _unreadable(self, exc: OSError | UnicodeDecodeError) -> TokenStoreError:
        return TokenStoreError(
            f"token file {str(self._path)!r} cannot be read: {type(exc).__name__}"
            + (f" ({exc.strerror})" if isinstance(exc, OSError) and exc.strerror else "")
        )

    def _prepare_file(self) -> None:
        """Create the file (mode 0600, before any secret is written to it), or migrate a JSON
        token file into the database format."""
        head = self._read_head()
        if head is None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600))
            return
        if head and head != _SQLITE_HEADER:
            self._migrate_from_json()
        # A file others can read (see the warning at construction) is made private again.
        for path in (self._path, *(self._path.with_name(self._path.name + s) for s in _SIDECARS)):
            with contextlib.suppress(OSError):
                if stat.S_IMODE(path.stat().st_mode) & 0o077:
                    path.chmod(0o600)

    def _migrate_from_json(self) -> None:
        # The lock every JSON writer took: no write of an older SDK is lost while we copy.
        with file_lock(
            self._migration_lock_path,
            wait=self._lock_wait,
            what=f"the migration lock of {self!r}",
        ):
            head = self._read_head()
            if not head or head == _SQLITE_HEADER:
                return  # another process migrated it meanwhile
            try:
                text = self._path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise self._unreadable(exc) from exc
            grants = read_legacy_document(self._path, text)
            rows = [
                (grant_id, region, json.dumps(data, separators=(",", ":")))
                for grant_id, pairs in grants.items()
                for region, data in pairs.items()
            ]
            self._replace_with_database(rows)
        logger.info(
            "migrated the token file %s (%d pairs) from JSON to its database format",
            self._path,
            len(rows),
        )

    def _replace_with_database(self, rows: list[tuple[str, str, str]]) -> None:
        import sqlite3

        directory = self._path.parent
        # mkstemp creates the file with mode 0600 before any secret is written to it.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self._path.name}.", dir=directory)
        os.close(fd)
        try:
            db = sqlite3.connect(tmp_name, isolation_level=None)
            try:
                db.execute("PRAGMA synchronous = FULL")
                db.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA:
                    db.execute(statement)
                db.executemany(_UPSERT, rows)
                db.execute(f"PRAGMA user_version = {self._FORMAT_VERSION}")
                db.execute("COMMIT")
            finally:
                db.close()
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
            f"can read its credentials. Run chmod 600 on it (the store makes it 0600 when it "
            "opens it)",
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
