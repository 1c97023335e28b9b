"""Where OAuth tokens live between runs: one token per region.

Rotation makes persistence part of correctness: every refresh returns a new refresh
token and the old one dies once the new access token is used, so the SDK saves the new
pair to the store *before* using it. Implement :class:`TokenStore` (or wrap your own
functions with :class:`CallbackTokenStore`) to keep tokens in your database.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from ._errors import FullscriptError
from ._tokens import OAuthToken

__all__ = [
    "CallbackTokenStore",
    "FileTokenStore",
    "InMemoryTokenStore",
    "TokenStore",
    "TokenStoreError",
]


class TokenStoreError(FullscriptError):
    """A refreshed token could not be saved, so it was not used.

    The previous token pair stays valid (the server only retires the old refresh token
    once the new access token is used), so the refresh can simply be retried.
    The store's own exception is chained as ``__cause__``.
    """


_T = TypeVar("_T")


@runtime_checkable
class TokenStore(Protocol):
    """Persistence for OAuth tokens, keyed by region key (``"us"``, ``"ca-snd"``, ...)."""

    async def load(self, region: str) -> OAuthToken | None:
        """The saved token for ``region``, or ``None`` when there is none."""
        ...

    async def save(self, token: OAuthToken) -> None:
        """Save ``token`` under ``token.region``, replacing any previous one.

        Must only return once the token is durably stored: the SDK uses a refreshed
        token only after ``save`` returned.
        """
        ...

    async def delete(self, region: str) -> None:
        """Forget the token for ``region`` (no error when there is none)."""
        ...


class InMemoryTokenStore:
    """Keeps tokens in this process only (tests, scripts, short-lived jobs)."""

    def __init__(self, tokens: list[OAuthToken] | None = None) -> None:
        self._tokens: dict[str, OAuthToken] = {token.region: token for token in tokens or []}

    async def load(self, region: str) -> OAuthToken | None:
        """The saved token for ``region``, or ``None``."""
        return self._tokens.get(region)

    async def save(self, token: OAuthToken) -> None:
        """Save ``token`` under ``token.region``, replacing any previous one."""
        self._tokens[token.region] = token

    async def delete(self, region: str) -> None:
        """Forget the token for ``region`` (no error when there is none)."""
        self._tokens.pop(region, None)

    def __repr__(self) -> str:
        return f"InMemoryTokenStore(regions={sorted(self._tokens)!r})"


class FileTokenStore:
    """One JSON file holding the tokens of every region.

    Writes go to a temporary file (mode 0600) in the same directory that then atomically
    replaces the original, so a crash never leaves a half-written file and other users
    of the machine cannot read the secrets. Concurrent writers within one process are
    serialised; several processes sharing one file should use a database-backed store.
    """

    _VERSION = 1

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = Path(path)
        self._lock = asyncio.Lock()

    @property
    def path(self) -> Path:
        """The JSON file."""
        return self._path

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self._path)!r})"

    async def load(self, region: str) -> OAuthToken | None:
        """The saved token for ``region``, or ``None``."""
        async with self._lock:
            tokens = await asyncio.to_thread(self._read)
        data = tokens.get(region)
        return OAuthToken.from_dict(data) if data is not None else None

    async def save(self, token: OAuthToken) -> None:
        """Save ``token`` under ``token.region`` by atomically rewriting the file."""
        async with self._lock:
            tokens = await asyncio.to_thread(self._read)
            tokens[token.region] = token.to_dict()
            await asyncio.to_thread(self._write, tokens)

    async def delete(self, region: str) -> None:
        """Forget the token for ``region`` (no error when there is none)."""
        async with self._lock:
            tokens = await asyncio.to_thread(self._read)
            if tokens.pop(region, None) is not None:
                await asyncio.to_thread(self._write, tokens)

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        try:
            document = json.loads(text)
        except ValueError as exc:
            # Never echo the content: it holds secrets.
            raise ValueError(f"token file {str(self._path)!r} is not valid JSON") from exc
        tokens = document.get("tokens") if isinstance(document, dict) else None
        if not isinstance(tokens, dict):
            raise ValueError(f"token file {str(self._path)!r} has no 'tokens' object")
        return tokens

    def _write(self, tokens: dict[str, dict[str, Any]]) -> None:
        directory = self._path.parent
        directory.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600 before any secret is written to it.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self._path.name}.", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"version": self._VERSION, "tokens": tokens}, handle, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self._path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise


LoadCallback = Callable[[str], Awaitable[OAuthToken | None] | OAuthToken | None]
SaveCallback = Callable[[OAuthToken], Awaitable[None] | None]
DeleteCallback = Callable[[str], Awaitable[None] | None]


async def _resolve(value: _T | Awaitable[_T]) -> _T:
    if inspect.isawaitable(value):
        return await value
    return value


class CallbackTokenStore:
    """Adapts your own functions (sync or async) into a :class:`TokenStore`.

    Example, keeping tokens in a database table::

        async def load(region: str) -> OAuthToken | None:
            row = await db.fetchrow("select data from tokens where region = $1", region)
            return OAuthToken.from_dict(json.loads(row["data"])) if row else None

        async def save(token: OAuthToken) -> None:
            await db.execute(
                "insert into tokens values ($1, $2) on conflict (region) do update set data = $2",
                token.region, json.dumps(token.to_dict()),
            )

        store = CallbackTokenStore(load=load, save=save)

    ``delete`` is optional: without it, deleting is a no-op (a revoked token is useless).
    """

    def __init__(
        self,
        *,
        load: LoadCallback,
        save: SaveCallback,
        delete: DeleteCallback | None = None,
    ) -> None:
        self._load = load
        self._save = save
        self._delete = delete

    async def load(self, region: str) -> OAuthToken | None:
        """Your ``load`` callback's answer (awaited if it is awaitable)."""
        return await _resolve(self._load(region))

    async def save(self, token: OAuthToken) -> None:
        """Call your ``save`` callback (awaited if it returns an awaitable)."""
        await _resolve(self._save(token))

    async def delete(self, region: str) -> None:
        """Call your ``delete`` callback, if you gave one."""
        if self._delete is not None:
            await _resolve(self._delete(region))

    def __repr__(self) -> str:
        return "CallbackTokenStore()"
