"""Token stores: in-memory, file (one private SQLite file, migrated from JSON), callbacks."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fullscript import Fullscript, InvalidParameterTypeError
from fullscript._tokens import OAuthToken
from fullscript.token_stores import (
    CallbackTokenStore,
    FileTokenStore,
    InMemoryTokenStore,
    TokenStore,
    TokenStoreError,
)
from fullscript.token_stores import _file as file_store_module


@pytest.fixture(autouse=True)
def _token_files_are_private() -> Iterator[None]:
    """Files these tests write are 0600, as a careful deployment's are (the store warns else)."""
    previous = os.umask(0o077)
    yield
    os.umask(previous)


def file_names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def make_token(region: str, n: int = 1) -> OAuthToken:
    return OAuthToken(
        access_token=f"access-SECRET-{region}-{n}",
        refresh_token=f"refresh-SECRET-{region}-{n}",
        region=region,
        expires_in=7200,
        created_at="2024-01-02T03:04:05Z",
        scope="catalog:read",
        resource_owner_id="owner",
        resource_owner_type="Staff",
    )


async def exercise(store: TokenStore) -> None:
    assert await store.load("us") is None
    await store.save(make_token("us"))
    await store.save(make_token("ca"))
    assert await store.load("us") == make_token("us")
    assert await store.load("ca") == make_token("ca")
    await store.save(make_token("us", 2))
    assert await store.load("us") == make_token("us", 2)
    await store.delete("us")
    assert await store.load("us") is None
    assert await store.load("ca") == make_token("ca")
    await store.delete("us")  # deleting twice is fine


async def test_in_memory_store() -> None:
    store = InMemoryTokenStore()
    assert isinstance(store, TokenStore)
    await exercise(store)


async def test_in_memory_store_can_be_seeded() -> None:
    store = InMemoryTokenStore([make_token("ca-snd")])
    assert await store.load("ca-snd") == make_token("ca-snd")
    assert "SECRET" not in repr(store)


async def test_file_store_round_trip(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    assert isinstance(store, TokenStore)
    await exercise(store)


async def test_file_store_holds_all_grants_and_regions_in_one_private_database(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nested" / "tokens.json"
    store = FileTokenStore(path)
    await store.save(make_token("us"))
    await store.save(make_token("ca-snd"))
    await store.save(make_token("us", 2), "clinic-b")
    # The database and SQLite's write-ahead log beside it, all private; nothing else.
    assert set(file_names(path.parent)) <= {"tokens.json", "tokens.json-wal", "tokens.json-shm"}
    for name in file_names(path.parent):
        assert stat.S_IMODE(os.stat(path.parent / name).st_mode) == 0o600, name
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = sorted(db.execute("SELECT grant_id, region FROM tokens"))
    assert rows == [("clinic-b", "us"), ("default", "ca-snd"), ("default", "us")]
    # A fresh store (another run) reads the same tokens.
    assert await FileTokenStore(path).load("ca-snd") == make_token("ca-snd")
    assert "SECRET" not in repr(store)


async def test_a_failed_save_keeps_the_stored_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    await store.save(make_token("us"))

    def broken(stored: object, expected: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(file_store_module, "same_pair", broken)
    with pytest.raises(OSError, match="disk full"):
        await store.save(make_token("us", 2), replaces=make_token("us"))
    monkeypatch.undo()
    assert await store.load("us") == make_token("us")
    # The transaction was rolled back: the next save is not stuck behind it.
    assert await store.save(make_token("us", 3), replaces=make_token("us"))
    assert await FileTokenStore(path).load("us") == make_token("us", 3)


async def test_a_load_reads_its_own_pair_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    for n in range(200):
        await store.save(make_token("us", n), f"clinic-{n}")
    parsed: list[str] = []
    real_from_dict = OAuthToken.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[OAuthToken], data: dict[str, object]) -> OAuthToken:
        parsed.append(str(data["refresh_token"]))
        return real_from_dict(cls, data)  # type: ignore[no-any-return]

    monkeypatch.setattr(OAuthToken, "from_dict", classmethod(counting))
    assert await store.load("us", "clinic-7") == make_token("us", 7)
    assert await store.save(make_token("us", 8), "clinic-7", replaces=make_token("us", 7))
    # One pair parsed for the load, one for the compare-and-set: never the other 199 grants.
    assert parsed == ["refresh-SECRET-us-7", "refresh-SECRET-us-7"]


async def test_a_damaged_pair_of_one_grant_leaves_the_others_usable(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    await store.save(make_token("us", 1), "clinic-a")
    await store.save(make_token("us", 2), "clinic-b")
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "UPDATE tokens SET pair = '{\"access_token\": \"SECRET' WHERE grant_id = 'clinic-a'"
        )
    with pytest.raises(TokenStoreError, match="no valid OAuth token for grant 'clinic-a'") as info:
        await FileTokenStore(path).load("us", "clinic-a")
    assert "SECRET" not in str(info.value)
    assert await FileTokenStore(path).load("us", "clinic-b") == make_token("us", 2)


async def test_corrupt_file_is_reported_without_its_content(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text('{"tokens": {"us": "access-SECRET"')
    with pytest.raises(TokenStoreError, match="neither a token database nor valid JSON") as info:
        await FileTokenStore(path).load("us")
    assert "SECRET" not in str(info.value)


@pytest.mark.parametrize(
    "content",
    [
        b'{"version": 2, "grants": {"default": {"us": {"access_token": "SECRET"',
        b"[1, 2]",
        b'{"version": 2, "grants": {"default": {"us": "access-SECRET"}}}',
        b'{"version": 2, "grants": {"default": {"us": {"access_token": "SECRET"}}}}',
        b'{"version": 2, "grants": {"default": {"us": null}}}',
        b'{"version": 2, "grants": {"default": {"us": {"region": "us", "created_at": 1}}}}',
        b"\xff\xfe SECRET",
    ],
    ids=[
        "truncated",
        "not-an-object",
        "token-a-string",
        "token-incomplete",
        "null",
        "bad-fields",
        "not-utf8",
    ],
)
async def test_a_corrupt_token_file_is_a_token_store_error_naming_it(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(content)
    store = FileTokenStore(path)
    for attempt in (store.load("us"), store.save(make_token("us"), replaces=make_token("us", 2))):
        try:
            await attempt
        except TokenStoreError as error:
            assert str(path) in str(error) and "SECRET" not in str(error)
        # A file that reads as holding no pair for "us" is fine: no raw error escaped.


async def test_a_token_path_that_is_a_directory_is_a_token_store_error_naming_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tokens.json"
    path.mkdir()
    with pytest.raises(TokenStoreError, match="cannot be read: IsADirectoryError") as info:
        await FileTokenStore(path).load("us")
    assert str(path) in str(info.value)


async def test_an_unreadable_token_file_is_a_token_store_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("{}")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the read fail the way it does for others

        def refuse(file: object, *args: object, **kwargs: object) -> object:
            if Path(str(file)) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return open(file, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(file_store_module, "open", refuse, raising=False)
    with pytest.raises(TokenStoreError, match="cannot be read: PermissionError") as info:
        await FileTokenStore(path).load("us")
    assert str(path) in str(info.value)


async def test_callback_store_with_async_callbacks() -> None:
    rows: dict[str, dict[str, object]] = {}

    async def load(region: str, grant_id: str) -> OAuthToken | None:
        row = rows.get(f"{grant_id}/{region}")
        return OAuthToken.from_dict(row) if row else None

    async def save(token: OAuthToken, grant_id: str) -> None:
        rows[f"{grant_id}/{token.region}"] = token.to_dict()

    async def delete(region: str, grant_id: str) -> None:
        rows.pop(f"{grant_id}/{region}", None)

    store = CallbackTokenStore(load=load, save=save, delete=delete)
    assert isinstance(store, TokenStore)
    await exercise(store)


async def test_callback_store_with_sync_callbacks_and_no_delete() -> None:
    rows: dict[str, OAuthToken] = {}
    store = CallbackTokenStore(
        load=lambda region, grant_id: rows.get(region),
        save=lambda t, grant_id: rows.__setitem__(t.region, t),
    )
    await store.save(make_token("ca"))
    assert await store.load("ca") == make_token("ca")
    await store.delete("ca")  # no delete callback: a no-op
    assert rows["ca"] == make_token("ca")


async def test_callback_store_propagates_save_failures() -> None:
    async def save(token: OAuthToken, grant_id: str) -> None:
        raise RuntimeError("database down")

    store = CallbackTokenStore(load=lambda region, grant_id: None, save=save)
    with pytest.raises(RuntimeError, match="database down"):
        await store.save(make_token("us"))


# --- grants: keys (grant, region), compare-and-set, listing, migration ----------------------


async def exercise_grants(store: TokenStore) -> None:
    """The grant-aware contract every store keeps."""
    await store.save(make_token("us", 1))
    await store.save(make_token("us", 2), "tenant-b")
    await store.save(make_token("ca", 3), "tenant-b")
    assert await store.load("us") == make_token("us", 1)
    assert await store.load("us", "tenant-b") == make_token("us", 2)
    assert await store.grant_ids("us") == ["default", "tenant-b"]
    assert await store.grant_ids("ca") == ["tenant-b"]
    # Compare-and-set on the stored refresh token.
    assert not await store.save(make_token("us", 4), "tenant-b", replaces=make_token("us", 1))
    assert await store.load("us", "tenant-b") == make_token("us", 2)
    assert await store.save(make_token("us", 4), "tenant-b", replaces=make_token("us", 2))
    assert await store.load("us", "tenant-b") == make_token("us", 4)
    assert not await store.save(make_token("us", 5), "nobody", replaces=make_token("us", 4))
    assert await store.load("us", "nobody") is None
    await store.delete("us", "tenant-b")
    assert await store.grant_ids("us") == ["default"]
    assert await store.load("ca", "tenant-b") == make_token("ca", 3)
    async with store.refresh_lock("us", "tenant-b"):
        pass
    with pytest.raises(TypeError, match="grant_id must be a str"):
        await store.load("us", 42)  # type: ignore[arg-type]


async def test_in_memory_store_keys_pairs_by_grant() -> None:
    await exercise_grants(InMemoryTokenStore())


async def test_file_store_keys_pairs_by_grant(tmp_path: Path) -> None:
    await exercise_grants(FileTokenStore(tmp_path / "tokens.json"))


async def test_callback_store_with_grant_callbacks() -> None:
    rows: dict[tuple[str, str], OAuthToken] = {}

    async def load(region: str, grant_id: str) -> OAuthToken | None:
        return rows.get((grant_id, region))

    def save(token: OAuthToken, grant_id: str) -> None:
        rows[(grant_id, token.region)] = token

    def delete(region: str, grant_id: str) -> None:
        rows.pop((grant_id, region), None)

    def grant_ids(region: str) -> list[str]:
        return [grant for grant, key_region in rows if key_region == region]

    store = CallbackTokenStore(load=load, save=save, delete=delete, grant_ids=grant_ids)
    await exercise_grants(store)


async def test_a_file_from_a_newer_version_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(json.dumps({"version": 3, "grants": {}}))
    with pytest.raises(TokenStoreError, match="format version 3, which this version of fullscript"):
        await FileTokenStore(path).load("us")


async def test_a_file_without_the_current_format_version_is_refused_by_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(json.dumps({"version": 1, "tokens": {"us": make_token("us").to_dict()}}))
    with pytest.raises(
        TokenStoreError, match="format version 1, which this version of fullscript"
    ) as info:
        await FileTokenStore(path).load("us")
    assert "SECRET" not in str(info.value)


class _RegionOnlyStore:
    """Keyed by region alone: no grants, no refresh lock."""

    async def load(self, region: str) -> OAuthToken | None:
        return None

    async def save(self, token: OAuthToken) -> None:
        return None

    async def delete(self, region: str) -> None:
        return None


@pytest.mark.parametrize(
    ("store", "missing"),
    [
        (42, "int has no load, save, delete, grant_ids, refresh_lock"),
        (_RegionOnlyStore(), "has no grant_ids, refresh_lock"),
    ],
)
def test_something_that_is_not_a_token_store_is_refused_by_name(
    store: object, missing: str
) -> None:
    with pytest.raises(InvalidParameterTypeError, match=missing):
        Fullscript(
            client_id="i", client_secret="s", redirect_uri="https://a.example", token_store=store
        )  # type: ignore[arg-type]


# --- migration from the JSON format (version 2) -----------------------------------------------


def write_json_token_file(path: Path, grants: dict[str, dict[str, dict[str, object]]]) -> None:
    """A token file as the JSON store wrote it (version 2, indented, mode 0600)."""
    path.write_text(json.dumps({"version": 2, "grants": grants}, indent=2))
    path.chmod(0o600)


async def test_a_json_token_file_is_migrated_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    write_json_token_file(
        path,
        {
            "default": {"us": make_token("us", 1).to_dict(), "ca": make_token("ca", 2).to_dict()},
            "clinic-b": {"us": make_token("us", 3).to_dict()},
        },
    )
    store = FileTokenStore(path)
    assert await store.load("us", "clinic-b") == make_token("us", 3)
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert await store.grant_ids("us") == ["clinic-b", "default"]
    assert await store.load("ca") == make_token("ca", 2)
    # The migrated store goes on as any other: compare-and-set, and a fresh store reads it.
    assert await store.save(make_token("us", 4), replaces=make_token("us", 1))
    assert await FileTokenStore(path).load("us") == make_token("us", 4)
    assert not [name for name in file_names(tmp_path) if name.startswith(".")]  # no temp left


async def test_an_encrypted_json_token_file_is_migrated_still_encrypted(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    from fullscript import TokenEncryption

    key = TokenEncryption.generate_key()
    path = tmp_path / "tokens.json"
    sealed = TokenEncryption(key).seal(make_token("us")).to_dict()
    write_json_token_file(path, {"default": {"us": sealed}})
    store = FileTokenStore(path, encryption=TokenEncryption(key))
    assert await store.load("us") == make_token("us")
    assert b"refresh-SECRET" not in path.read_bytes()


async def test_stores_opening_a_json_token_file_together_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    write_json_token_file(
        path, {f"clinic-{n}": {"us": make_token("us", n).to_dict()} for n in range(50)}
    )
    stores = [FileTokenStore(path) for _ in range(8)]
    loaded = await asyncio.gather(
        *(store.load("us", f"clinic-{n}") for n, store in enumerate(stores))
    )
    assert loaded == [make_token("us", n) for n in range(8)]
    assert await stores[0].grant_ids("us") == sorted(f"clinic-{n}" for n in range(50))


async def test_a_database_of_a_newer_format_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA user_version = 9")
    with pytest.raises(TokenStoreError, match="format version 9, which this version of fullscript"):
        await FileTokenStore(path).load("us")


async def test_a_sqlite_database_of_something_else_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(TokenStoreError, match="a SQLite database of something else") as info:
        await FileTokenStore(path).save(make_token("us"))
    assert str(path) in str(info.value)
