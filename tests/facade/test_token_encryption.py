"""Encryption at rest: every token store keeps the tokens as Fernet ciphertexts when given a
`TokenEncryption`, compares pairs correctly (compare-and-set), rotates keys, and says what is
wrong (without a secret) when a pair cannot be opened. The file store stays 0600 and warns
when an existing file is readable by others."""

from __future__ import annotations

import json
import os
import stat
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.token_pairs import pair

from fullscript import (
    CallbackTokenStore,
    FileTokenStore,
    FullscriptError,
    InMemoryTokenStore,
    OAuthToken,
    TokenEncryption,
    TokenEncryptionError,
    TokenStore,
)

KEY_1 = TokenEncryption.generate_key()
KEY_2 = TokenEncryption.generate_key()


@pytest.fixture(autouse=True)
def _token_files_are_private() -> Iterator[None]:
    """Files these tests write are 0600, as a careful deployment's are (the store warns else)."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


class Rows:
    """A callback store's database: what it holds is what is at rest."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], str] = {}

    def store(self, encryption: TokenEncryption | None) -> CallbackTokenStore:
        def load(region: str, grant_id: str) -> OAuthToken | None:
            row = self.rows.get((grant_id, region))
            return OAuthToken.from_dict(json.loads(row)) if row else None

        def save(token: OAuthToken, grant_id: str) -> None:
            self.rows[(grant_id, token.region)] = json.dumps(token.to_dict())

        def grant_ids(region: str) -> list[str]:
            return sorted(grant for grant, in_region in self.rows if in_region == region)

        return CallbackTokenStore(load=load, save=save, grant_ids=grant_ids, encryption=encryption)

    def at_rest(self) -> str:
        return repr(self.rows)


def file_bytes(path: Path) -> str:
    """Everything the file store keeps on disk: its database and SQLite's write-ahead log."""
    found = [p for p in (path, path.with_name(f"{path.name}-wal")) if p.exists()]
    return "".join(p.read_bytes().decode("latin-1") for p in found)


# Each maker: (encryption) -> (store, what is at rest now). Stores made twice share the data.
Maker = Callable[[TokenEncryption | None], tuple[TokenStore, Callable[[], str]]]


@pytest.fixture(params=["memory", "file", "callback"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Maker:
    rows = Rows()
    path = tmp_path / "tokens.json"
    memory: list[InMemoryTokenStore] = []

    def make(encryption: TokenEncryption | None) -> tuple[TokenStore, Callable[[], str]]:
        if request.param == "file":
            return FileTokenStore(path, encryption=encryption), lambda: file_bytes(path)
        if request.param == "callback":
            return rows.store(encryption), rows.at_rest
        # A process-local store: its "rest" is its own memory (shared here, as a file is).
        store = InMemoryTokenStore(encryption=encryption)
        if memory:
            store._tokens = memory[0]._tokens
        memory.append(store)
        return store, lambda: repr([token.to_dict() for token in store._tokens.values()])

    return make


async def test_tokens_at_rest_are_ciphertexts_and_load_back_plain(make_store: Maker) -> None:
    store, at_rest = make_store(TokenEncryption(KEY_1))
    await store.save(pair(1), "clinic-a")
    text = at_rest()
    assert pair(1).access_token not in text and pair(1).refresh_token not in text
    assert "fullscript-fernet:" in text
    assert await store.load("us", "clinic-a") == pair(1)
    assert await store.grant_ids("us") == ["clinic-a"]


async def test_compare_and_set_still_holds_with_encryption(make_store: Maker) -> None:
    store, _ = make_store(TokenEncryption(KEY_1))
    await store.save(pair(1), "clinic-a")
    loaded = await store.load("us", "clinic-a")
    assert loaded is not None
    assert await store.save(pair(2), "clinic-a", replaces=loaded)
    assert not await store.save(pair(3), "clinic-a", replaces=loaded)  # lost the race
    current = await store.load("us", "clinic-a")
    assert current == pair(2)
    assert await store.save(pair(4), "clinic-a", replaces=current)
    assert await store.load("us", "clinic-a") == pair(4)


async def test_a_key_is_rotated_by_putting_the_new_one_first(make_store: Maker) -> None:
    old, _ = make_store(TokenEncryption(KEY_1))
    await old.save(pair(1), "clinic-a")
    rotating, _ = make_store(TokenEncryption([KEY_2, KEY_1]))
    loaded = await rotating.load("us", "clinic-a")
    assert loaded == pair(1)
    assert await rotating.save(pair(2), "clinic-a", replaces=loaded)  # re-encrypted, new key
    new_only, _ = make_store(TokenEncryption(KEY_2))
    assert await new_only.load("us", "clinic-a") == pair(2)


async def test_a_pair_no_key_fits_is_a_clear_error_without_secrets(make_store: Maker) -> None:
    first, _ = make_store(TokenEncryption(KEY_1))
    await first.save(pair(1), "clinic-a")
    other, _ = make_store(TokenEncryption(KEY_2))
    with pytest.raises(FullscriptError) as refused:
        await other.load("us", "clinic-a")
    shown = f"{refused.value} {refused.value!r} {refused.value.__cause__!r}"
    assert "decrypt" in shown
    for secret in (KEY_1, KEY_2, pair(1).access_token, pair(1).refresh_token):
        assert secret not in shown


async def test_a_store_without_the_key_refuses_an_encrypted_pair(make_store: Maker) -> None:
    first, _ = make_store(TokenEncryption(KEY_1))
    await first.save(pair(1), "clinic-a")
    plain, _ = make_store(None)
    with pytest.raises(TokenEncryptionError, match="encryption=TokenEncryption"):
        await plain.load("us", "clinic-a")


async def test_pairs_stored_before_encryption_are_read_and_encrypted_on_their_next_save(
    make_store: Maker,
) -> None:
    plain, _ = make_store(None)
    await plain.save(pair(1), "clinic-a")
    store, at_rest = make_store(TokenEncryption(KEY_1))
    loaded = await store.load("us", "clinic-a")
    assert loaded == pair(1)
    assert await store.save(pair(2), "clinic-a", replaces=loaded)
    assert pair(2).refresh_token not in at_rest()
    assert await store.load("us", "clinic-a") == pair(2)


def test_keys_are_checked_and_never_shown() -> None:
    encryption = TokenEncryption([KEY_2, KEY_1])
    assert repr(encryption) == "TokenEncryption(keys=2)"
    for bad in ([], ["not-a-fernet-key"], [b"\x00" * 44], [42]):
        with pytest.raises(TokenEncryptionError) as refused:
            TokenEncryption(bad)  # type: ignore[arg-type]
        assert "not-a-fernet-key" not in str(refused.value)


async def test_the_token_file_is_0600_and_an_existing_readable_one_is_warned_about(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tokens.json"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        store = FileTokenStore(path)
        await store.save(pair(1))
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        FileTokenStore(path)  # 0600: no warning
    os.chmod(path, 0o644)
    with pytest.warns(UserWarning, match="0644.*chmod 600"):
        store = FileTokenStore(path)
    await store.save(pair(2))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "cryptography", None)
    monkeypatch.setitem(sys.modules, "cryptography.fernet", None)
    with pytest.raises(ImportError, match=r"pip install 'fullscript\[crypto\]'"):
        TokenEncryption(KEY_1)


async def test_a_client_refreshes_through_an_encrypted_file_store_expiry_after_expiry(
    tmp_path: Path,
) -> None:
    from support.sandbox_clients import make_client

    from fullscript.sandbox import Sandbox

    sandbox = Sandbox(seed=7)
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path, encryption=TokenEncryption(KEY_1))
    async with make_client(sandbox, token_store=store) as fs:
        for _ in range(3):
            await fs.clinic.retrieve()
            sandbox.advance_time(7300)
        await fs.clinic.retrieve()
        current = fs.token_manager.current_token
        refreshes = fs.refresh_stats()
    assert current is not None
    # Each expiry cost one refresh, each saved by compare-and-set over the sealed pair.
    assert refreshes.refreshes == 3
    assert current.refresh_token not in file_bytes(path)
    assert await FileTokenStore(path, encryption=TokenEncryption(KEY_1)).load("us") == current
