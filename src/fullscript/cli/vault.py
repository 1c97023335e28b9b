"""Where the command keeps secrets: the OS keyring, or a file only its owner can read.

Every keyring call runs with a timeout: on a headless Linux box the Secret Service may never
answer (a locked collection waiting for a prompt nobody sees), and a command must not hang on
it. When the keyring fails, times out or there is none (``keyring.backends.fail.Keyring``),
the secrets go to ``credentials.json`` in the configuration directory, created with mode 0600,
and a warning says so once per process. Reads look in the keyring first, then in the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .._errors import FullscriptError

__all__ = ["DEFAULT_KEYRING_TIMEOUT", "KEYRING_SERVICE", "CredentialVault"]

KEYRING_SERVICE = "fullscript-cli"
DEFAULT_KEYRING_TIMEOUT = 5.0
"""Seconds a keyring call may take before the file is used instead
(``FULLSCRIPT_KEYRING_TIMEOUT`` overrides it)."""

CREDENTIALS_FILE = "credentials.json"

_T = TypeVar("_T")


class _KeyringUnusable(FullscriptError):
    """The keyring failed, timed out, or there is none (caught here: the file takes over)."""


def _with_timeout(call: Callable[[], _T], timeout: float) -> _T:
    """Run ``call`` in a daemon thread; give up after ``timeout`` seconds (the thread may stay
    blocked, which a daemon thread is allowed to)."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=run, name="fullscript-keyring", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise _KeyringUnusable(f"the keyring did not answer within {timeout:g} s")
    if "error" in outcome:
        raise _KeyringUnusable(type(outcome["error"]).__name__)
    return outcome["value"]  # type: ignore[no-any-return]


class CredentialVault:
    """Secrets by name (``<profile>/client_secret``, ...), in the keyring or a 0600 file.

    Args:
        directory: the configuration directory (holds the fallback file).
        warn: how to tell the user the file is used (the CLI prints to stderr).
        timeout: seconds a keyring call may take.
    """

    def __init__(
        self,
        directory: Path,
        *,
        warn: Callable[[str], None],
        timeout: float = DEFAULT_KEYRING_TIMEOUT,
    ) -> None:
        self.directory = directory
        self._warn = warn
        self._timeout = timeout
        self._keyring_usable = True
        self._warned = False

    def __repr__(self) -> str:
        return f"CredentialVault(directory={str(self.directory)!r})"

    @property
    def file(self) -> Path:
        return self.directory / CREDENTIALS_FILE

    # --- public ---------------------------------------------------------------------------

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None."""
        try:
            found = self._keyring(lambda keyring: keyring.get_password(KEYRING_SERVICE, name))
        except _KeyringUnusable:
            found = None
        if found is not None:
            return str(found)
        return self._read_file().get(name)

    def set(self, name: str, value: str) -> None:
        """Store ``value`` as ``name`` (the keyring, else the 0600 file with a warning)."""
        try:
            self._keyring(lambda keyring: keyring.set_password(KEYRING_SERVICE, name, value))
        except _KeyringUnusable as why:
            self._warn_file(str(why))
            stored = self._read_file()
            stored[name] = value
            self._write_file(stored)
            return
        # A stale copy in the file would outlive the keyring's newer one on a later fallback.
        self._forget_in_file(name)

    def delete(self, name: str) -> None:
        """Forget ``name`` wherever it is (nothing happens when it is nowhere)."""
        with contextlib.suppress(_KeyringUnusable):
            self._keyring(lambda keyring: _delete_quietly(keyring, name))
        self._forget_in_file(name)

    # --- keyring --------------------------------------------------------------------------

    def _keyring(self, call: Callable[[Any], _T]) -> _T:
        if not self._keyring_usable:
            raise _KeyringUnusable("the keyring failed earlier in this command")
        try:
            import keyring
        except ImportError as error:  # pragma: no cover - keyring is part of the extra
            raise _KeyringUnusable("keyring is not installed") from error
        try:
            return _with_timeout(lambda: call(keyring), self._timeout)
        except _KeyringUnusable:
            self._keyring_usable = False  # one slow keyring costs one timeout, not one per call
            raise

    # --- file -----------------------------------------------------------------------------

    def _warn_file(self, why: str) -> None:
        if not self._warned:
            self._warned = True
            self._warn(
                f"warning: no usable keyring ({why}); secrets are stored in {self.file} "
                "(readable by you only)"
            )

    def _read_file(self) -> dict[str, str]:
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        data = json.loads(text) if text.strip() else {}
        return (
            {str(key): str(value) for key, value in data.items()} if isinstance(data, dict) else {}
        )

    def _write_file(self, data: dict[str, str]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.file.with_suffix(".tmp")
        # Created 0600 from the start: no moment when another user could read it.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)  # an older file of the same name kept its own mode
        os.replace(temporary, self.file)

    def _forget_in_file(self, name: str) -> None:
        stored = self._read_file()
        if name in stored:
            del stored[name]
            self._write_file(stored)


def _delete_quietly(keyring: Any, name: str) -> None:
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):  # nothing stored under that name
        keyring.delete_password(KEYRING_SERVICE, name)
