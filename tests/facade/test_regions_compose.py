"""Regions and environments compose: switching country never switches environment."""

from __future__ import annotations

import httpx2
import pytest

from fullscript import Fullscript, Region
from fullscript.sandbox import Sandbox

from .conftest import make_client


def _client(region: Region | str, **options: object) -> Fullscript:
    return Fullscript(
        client_id="id",
        client_secret="secret",
        redirect_uri="https://app.example/cb",
        region=region,
        transport=httpx2.MockTransport(lambda r: httpx2.Response(500)),
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("start", "switch", "expected"),
    [
        (Region.US_SANDBOX, "ca", Region.CA_SANDBOX),
        (Region.CA_SANDBOX, "us", Region.US_SANDBOX),
        (Region.US_SANDBOX, "ca-snd", Region.CA_SANDBOX),
        (Region.US, "ca", Region.CA),
        (Region.CA, "us", Region.US),
    ],
)
def test_with_region_keeps_the_environment(start: Region, switch: str, expected: Region) -> None:
    assert _client(start).with_region(switch).region == expected


def test_a_sandbox_client_can_never_be_switched_to_production() -> None:
    with pytest.raises(ValueError, match="sandbox"):
        _client(Region.US_SANDBOX).with_region(Region.CA)
    with pytest.raises(ValueError, match="production"):
        _client(Region.US).with_region("ca-snd")


def test_a_served_sandbox_base_url_carries_over_to_the_other_region() -> None:
    served = Region.US_SANDBOX.with_base_url("http://127.0.0.1:8765/us-snd")
    ca = _client(served).with_region("ca").region
    assert ca.key == "ca-snd"
    assert ca.base_url == "http://127.0.0.1:8765/ca-snd"
    assert ca.authorize_url == "http://127.0.0.1:8765/ca-snd/api/oauth/authorize"


async def test_the_in_process_sandbox_stays_the_sandbox(sandbox: Sandbox) -> None:
    fs = make_client(sandbox)  # region "us" served by the in-process sandbox
    ca = fs.with_region("ca")
    assert ca.region.base_url == sandbox.base_url("ca")
    assert "fullscript.io" not in ca.region.base_url


def test_a_base_url_of_unknown_shape_cannot_be_guessed_for_another_region() -> None:
    proxy = Region.US.with_base_url("https://proxy.example.internal")
    with pytest.raises(ValueError, match="with_base_url"):
        _client(proxy).with_region("ca")


def test_environment_is_one_setting() -> None:
    assert _client("ca", environment="sandbox").region == Region.CA_SANDBOX
    assert _client("us", environment="production").region == Region.US
    assert _client("us").region.environment == "production"
    assert Region.CA_SANDBOX.environment == "sandbox" and Region.CA_SANDBOX.country == "ca"
    with pytest.raises(ValueError, match="environment"):
        _client("us-snd", environment="production")
    with pytest.raises(ValueError, match="environment"):
        _client("us", environment="staging")
