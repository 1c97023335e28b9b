"""Regions: documented hosts, lookup by key, base-URL overrides."""

from __future__ import annotations

import pytest

from fullscript._regions import Region


@pytest.mark.parametrize(
    ("region", "key", "api_url", "authorize_url"),
    [
        (
            Region.US,
            "us",
            "https://api-us.fullscript.io/api",
            "https://api-us.fullscript.io/oauth/authorize",
        ),
        (
            Region.CA,
            "ca",
            "https://api-ca.fullscript.io/api",
            "https://api-ca.fullscript.io/oauth/authorize",
        ),
        (
            Region.US_SANDBOX,
            "us-snd",
            "https://api-us-snd.fullscript.io/api",
            "https://us-snd.fullscript.io/oauth/authorize",
        ),
        (
            Region.CA_SANDBOX,
            "ca-snd",
            "https://api-ca-snd.fullscript.io/api",
            "https://ca-snd.fullscript.io/oauth/authorize",
        ),
    ],
)
def test_documented_regions_have_their_hosts(
    region: Region, key: str, api_url: str, authorize_url: str
) -> None:
    assert region.key == key
    assert region.api_url == api_url
    assert region.token_url == f"{api_url}/oauth/token"
    assert region.revoke_url == f"{api_url}/oauth/revoke"
    assert region.authorize_url == authorize_url
    assert Region.from_key(key) is region


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
    assert local.authorize_url == "http://sandbox/ca-snd/oauth/authorize"
    # The documented region is untouched.
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
