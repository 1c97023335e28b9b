"""Secrets in the keyring with a timeout, else a 0600 file with a warning."""

from __future__ import annotations

import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring

from fullscript.cli.vault import KEYRING_SERVICE, CredentialVault


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.stored: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


class HangingKeyring(KeyringBackend):
    """A Secret Service waiting for an unlock prompt nobody will ever see."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait()

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait()


@pytest.fixture
def backend_restored() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_a_working_keyring_holds_the_secret_and_no_file_is_written(
    tmp_path: Path, backend_restored: None
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    warnings: list[str] = []
    vault = CredentialVault(tmp_path, warn=warnings.append)
    vault.set("default/client_secret", "the-client-secret")
    assert memory.stored[(KEYRING_SERVICE, "default/client_secret")] == "the-client-secret"
    assert vault.get("default/client_secret") == "the-client-secret"
    assert not (tmp_path / "credentials.json").exists() and warnings == []


def test_a_hanging_keyring_times_out_to_the_0600_file_with_one_warning(
    tmp_path: Path, backend_restored: None
) -> None:
    hanging = HangingKeyring()
    keyring.set_keyring(hanging)
    warnings: list[str] = []
    try:
        vault = CredentialVault(tmp_path, warn=warnings.append, timeout=0.2)
        vault.set("a", "first-secret-value")
        vault.set("b", "second-secret-value")
        assert vault.get("a") == "first-secret-value"
    finally:
        hanging.release.set()
    assert len(warnings) == 1 and "did not answer within 0.2 s" in warnings[0]
    assert "secret-value" not in warnings[0]
    assert stat.S_IMODE((tmp_path / "credentials.json").stat().st_mode) == 0o600


def test_no_keyring_at_all_uses_the_file_and_delete_forgets_it(
    tmp_path: Path, backend_restored: None
) -> None:
    keyring.set_keyring(NoKeyring())  # type: ignore[no-untyped-call]
    warnings: list[str] = []
    vault = CredentialVault(tmp_path, warn=warnings.append)
    vault.set("default/token/us/default", "{}")
    vault.delete("default/token/us/default")
    assert vault.get("default/token/us/default") is None
    assert warnings and "NoKeyringError" in warnings[0]


def test_the_entry_points_include_fullscript_and_fullscript_sandbox() -> None:
    from importlib.metadata import entry_points

    scripts = {point.name: point.value for point in entry_points(group="console_scripts")}
    assert scripts["fullscript"] == "fullscript.cli.__main__:main"
    assert scripts["fullscript-sandbox"] == "fullscript.sandbox.__main__:main"
