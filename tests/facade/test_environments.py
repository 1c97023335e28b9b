"""Environments files: a newer copy of Fullscript's table, loaded and checked before use."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from fullscript import (
    CANONICAL_ENVIRONMENTS,
    EnvironmentsFileError,
    Fullscript,
    FullscriptError,
    Region,
    load_environments,
)
from fullscript._environments import ENVIRONMENTS_FILE_VARIABLE

MOVED_US = {
    "api_base_url": "https://api.us.fullscript.example/api",
    "oauth_authorize_url": "https://login.us.fullscript.example/oauth/authorize",
    "oauth_token_url": "https://api.us.fullscript.example/api/oauth/token",
}


def _file(tmp_path: Path, content: Any) -> Path:
    path = tmp_path / "integration-environments.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def _broken(entry: Any, environment: str = "us") -> dict[str, Any]:
    return {"environments": {environment: entry}}


@pytest.fixture
def no_environments_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENTS_FILE_VARIABLE, raising=False)


@pytest.mark.usefixtures("no_environments_file")
def test_without_a_file_the_canonical_table_is_used() -> None:
    assert load_environments() == {region.key: region for region in Region.all()}
    assert Region.all() == (Region.US, Region.CA, Region.US_SANDBOX, Region.CA_SANDBOX)


def test_the_canonical_table_written_out_is_a_valid_environments_file(tmp_path: Path) -> None:
    assert load_environments(_file(tmp_path, CANONICAL_ENVIRONMENTS))["ca"] == Region.CA


def test_a_file_moves_the_regions_it_names_and_keeps_the_others(tmp_path: Path) -> None:
    regions = load_environments(_file(tmp_path, _broken(MOVED_US)))
    us = regions["us"]
    assert us.key == "us"
    assert us.api_url == MOVED_US["api_base_url"]
    assert us.authorize_url == MOVED_US["oauth_authorize_url"]
    assert us.token_url == MOVED_US["oauth_token_url"]
    assert us.revoke_url == "https://api.us.fullscript.example/api/oauth/revoke"
    assert regions["ca"] == Region.CA and regions["us-snd"] == Region.US_SANDBOX


def test_a_mapping_is_read_like_a_file() -> None:
    assert (
        load_environments(_broken(MOVED_US))["us"].base_url == "https://api.us.fullscript.example"
    )


def test_fields_the_sdk_does_not_use_are_ignored() -> None:
    entry = {**MOVED_US, "label": "US production", "docs": "https://fullscript.dev"}
    assert load_environments(_broken(entry))["us"].token_url == MOVED_US["oauth_token_url"]


def test_the_environment_variable_puts_a_file_in_charge_of_region_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENVIRONMENTS_FILE_VARIABLE, str(_file(tmp_path, _broken(MOVED_US))))
    assert Region.from_key("us").api_url == MOVED_US["api_base_url"]
    assert Region.of("us", "production").authorize_url == MOVED_US["oauth_authorize_url"]
    assert load_environments()["us"] == Region.from_key("us")
    # A client given a key (or none: "us" is the default) sends to the file's hosts.
    client = Fullscript(client_id="id", client_secret="s", redirect_uri="https://app.example/cb")
    assert client.region == Region.from_key("us") != Region.US
    assert Region.from_key("ca") == Region.CA  # not named in the file


def test_a_bad_file_named_by_the_variable_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _file(tmp_path, _broken({**MOVED_US, "oauth_token_url": "http://plain.example/t"}))
    monkeypatch.setenv(ENVIRONMENTS_FILE_VARIABLE, str(path))
    with pytest.raises(EnvironmentsFileError, match=ENVIRONMENTS_FILE_VARIABLE) as info:
        Region.from_key("us")
    assert (info.value.environment, info.value.field) == ("us", "oauth_token_url")


@pytest.mark.parametrize(
    ("content", "environment", "field", "message"),
    [
        (_broken(MOVED_US, "eu"), "eu", None, r"unknown environment 'eu'.*'us', 'ca'"),
        (
            _broken({k: v for k, v in MOVED_US.items() if k != "oauth_authorize_url"}),
            "us",
            "oauth_authorize_url",
            "'oauth_authorize_url' is missing",
        ),
        (
            _broken({**MOVED_US, "api_base_url": "http://api-us.fullscript.com/api"}),
            "us",
            "api_base_url",
            "must be an https URL",
        ),
        (
            _broken({**MOVED_US, "oauth_token_url": 42}),
            "us",
            "oauth_token_url",
            "must be a URL string, got int",
        ),
        (
            _broken({**MOVED_US, "api_base_url": "https://api-us.fullscript.com/v2"}),
            "us",
            "api_base_url",
            "must end with '/api'",
        ),
        (_broken(["not", "an", "object"], "ca"), "ca", None, "'ca' must be an object"),
        ({"us": MOVED_US}, None, "environments", "'environments' object"),
    ],
)
def test_a_bad_environments_file_is_refused_naming_the_environment_and_field(
    tmp_path: Path, content: Any, environment: str | None, field: str | None, message: str
) -> None:
    path = _file(tmp_path, content)
    with pytest.raises(EnvironmentsFileError, match=message) as info:
        load_environments(path)
    error = info.value
    assert isinstance(error, FullscriptError)
    assert (error.environment, error.field, error.source) == (environment, field, str(path))
    if environment is not None:
        assert repr(environment) in str(error)
    if field is not None:
        assert repr(field) in str(error)


def test_credentials_in_a_url_are_refused_without_being_repeated() -> None:
    entry = {**MOVED_US, "api_base_url": "https://user:hunter2-secret@proxy.example/api"}
    with pytest.raises(EnvironmentsFileError, match="must not carry credentials") as info:
        load_environments(_broken(entry))
    assert "hunter2-secret" not in str(info.value) and "hunter2-secret" not in repr(info.value)


def test_a_missing_or_unparsable_file_is_an_environments_file_error(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentsFileError, match="cannot read"):
        load_environments(tmp_path / "absent.json")
    garbled = tmp_path / "garbled.json"
    garbled.write_text("{", encoding="utf-8")
    with pytest.raises(EnvironmentsFileError, match="is not JSON"):
        load_environments(garbled)


def test_the_error_pickles_with_its_fields() -> None:
    with pytest.raises(EnvironmentsFileError) as info:
        load_environments(_broken(MOVED_US, "eu"))
    copy = pickle.loads(pickle.dumps(info.value))
    assert (str(copy), copy.source, copy.environment, copy.field) == (
        str(info.value),
        "mapping",
        "eu",
        None,
    )
