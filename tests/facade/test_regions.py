"""Regions: Fullscript's canonical hosts, lookup by key, base-URL overrides."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fullscript._environments import KNOWN_ALIASES
from fullscript._regions import Region

# The notes beside the repo quote Fullscript's canonical table; the defaults are checked
# against that quote, read at test time, never against a copy kept here.
API_NOTES = Path(__file__).resolve().parents[2].parent / "shared" / "fullscript-api-notes.md"
_ROW = re.compile(r"^\|\s*(US|CA) (sandbox|production)\s*\|(.*)\|\s*$")
_URL = re.compile(r"`(https://[^`]+)`")


def _hosts_section() -> str:
    text = API_NOTES.read_text(encoding="utf-8")
    start = text.index("## Hosts per region")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def canonical_table() -> dict[str, tuple[str, str, str]]:
    """Region key -> (API base, OAuth authorize, OAuth token), from the notes' table."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in _hosts_section().splitlines():
        match = _ROW.match(line)
        if match:
            country, environment, cells = match.groups()
            api, authorize, token = _URL.findall(cells)
            rows[Region.of(country.lower(), environment).key] = (api, authorize, token)
    return rows


def older_values() -> set[str]:
    """The URLs of the notes' paragraph on the older how-to pages."""
    section = _hosts_section()
    paragraph = section[section.index("Older how-to pages") :].split("\n\n")[0]
    return set(_URL.findall(paragraph))


def test_the_notes_table_names_every_region() -> None:
    keys = {region.key for region in Region.all()}
    assert set(canonical_table()) == keys and len(keys) == 4


@pytest.mark.parametrize("region", [Region.US, Region.CA, Region.US_SANDBOX, Region.CA_SANDBOX])
def test_every_default_url_follows_the_canonical_table(region: Region) -> None:
    api, authorize, token = canonical_table()[region.key]
    assert region.api_url == api
    assert region.authorize_url == authorize
    assert region.token_url == token
    assert region.revoke_url == f"{api}/oauth/revoke"
    assert Region.from_key(region.key) is region


def test_the_hosts_table_in_the_docs_shows_the_defaults() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "facade.md").read_text("utf-8")
    shown = dict(re.findall(r"^\| `([a-z-]+)` \| `(https://[^`]+)` \|", docs, re.MULTILINE))
    assert shown == {region.key: region.api_url for region in Region.all()}


def test_the_known_aliases_are_the_older_values_the_notes_list() -> None:
    aliases = {url for urls in KNOWN_ALIASES.values() for url in urls.values()}
    # The sandboxes' API bases did not change: the notes name only production's older ones.
    assert aliases == older_values()
    assert aliases.isdisjoint(url for row in canonical_table().values() for url in row)


def test_sandbox_flag() -> None:
    assert Region.US_SANDBOX.is_sandbox and Region.CA_SANDBOX.is_sandbox
    assert not Region.US.is_sandbox and not Region.CA.is_sandbox


def test_unknown_key_lists_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="'eu'") as info:
        Region.from_key("eu")
    for key in ("us", "ca", "us-snd", "ca-snd"):
        assert repr(key) in str(info.value)


def test_with_base_url_keeps_the_key_and_derives_the_authorize_page() -> None:
    local = Region.CA_SANDBOX.with_base_url("http://sandbox/ca-snd/")
    assert local.key == "ca-snd"
    assert local.base_url == "http://sandbox/ca-snd"
    assert local.api_url == "http://sandbox/ca-snd/api"
    assert local.token_url == "http://sandbox/ca-snd/api/oauth/token"
    # The canonical shape: the authorize page lives under the API base.
    assert local.authorize_url == "http://sandbox/ca-snd/api/oauth/authorize"
    # The table's region is untouched.
    assert Region.CA_SANDBOX.base_url == "https://api-ca-snd.fullscript.io"


def test_with_base_url_accepts_an_explicit_authorize_page() -> None:
    proxied = Region.US.with_base_url(
        "https://api-us.fullscript.com", authorize_url="https://us.fullscript.com/oauth/authorize"
    )
    assert proxied.key == "us"
    assert proxied.authorize_url == "https://us.fullscript.com/oauth/authorize"


def test_regions_are_immutable_values() -> None:
    assert Region.from_key("us") == Region.US
    assert Region.US.with_base_url("http://elsewhere") != Region.US
    with pytest.raises(AttributeError):
        Region.US.key = "ca"  # type: ignore[misc]


def test_an_unknown_region_key_is_an_invalid_parameter_error_naming_the_valid_keys() -> None:
    from fullscript import FullscriptError, InvalidParameterError

    with pytest.raises(InvalidParameterError, match="unknown Fullscript region 'mars'") as info:
        Region.from_key("mars")
    assert isinstance(info.value, FullscriptError) and isinstance(info.value, ValueError)
    assert info.value.parameter == "key"
    assert "'us'" in str(info.value)


def test_an_unknown_environment_is_an_invalid_parameter_error() -> None:
    from fullscript import InvalidParameterError

    with pytest.raises(InvalidParameterError, match="unknown Fullscript environment 'staging'"):
        Region.of("us", "staging")
