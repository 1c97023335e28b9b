"""OAuthToken: parsing the token endpoint's quirks, persistence round-trip, no secrets in repr."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullscript._tokens import OAuthToken

ACCESS = "access-SECRET-1234567890"
REFRESH = "refresh-SECRET-0987654321"


def payload(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "access_token": ACCESS,
        "token_type": "Bearer",
        "expires_in": 7200,
        "refresh_token": REFRESH,
        "scope": "catalog:read clinic:read",
        "created_at": "2021-06-16T14:57:21.000Z",
        "resource_owner": {"id": "owner-1", "type": "Practitioner"},
    }
    body.update(overrides)
    return {"oauth": body}


def test_parses_the_documented_wrapped_response() -> None:
    token = OAuthToken.from_response(payload(), "us")
    assert token.access_token == ACCESS
    assert token.refresh_token == REFRESH
    assert token.region == "us"
    assert token.expires_in == 7200
    assert token.created_at == datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)
    assert token.expires_at == token.created_at + timedelta(hours=2)
    assert token.scope == ("catalog:read", "clinic:read")
    assert token.token_type == "Bearer"
    assert token.resource_owner_id == "owner-1"
    assert token.resource_owner_type == "Practitioner"


def test_accepts_an_unwrapped_response() -> None:
    token = OAuthToken.from_response(payload()["oauth"], "ca")
    assert token.access_token == ACCESS and token.region == "ca"


@pytest.mark.parametrize("expires_in", [7200, "7200", " 7200 ", 7200.0])
def test_expires_in_as_int_or_string(expires_in: object) -> None:
    assert OAuthToken.from_response(payload(expires_in=expires_in), "us").expires_in == 7200


@pytest.mark.parametrize(
    "created_at",
    [
        "2021-06-16T14:57:21.000Z",
        "2021-06-16T14:57:21+00:00",
        "2021-06-16T10:57:21-04:00",
        "2021-06-16T14:57:21",
        1623855441,
        1623855441.0,
        "1623855441",
    ],
)
def test_created_at_as_iso_or_epoch(created_at: object) -> None:
    token = OAuthToken.from_response(payload(created_at=created_at), "us")
    assert token.created_at == datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)
    assert token.created_at.tzinfo is not None


def test_missing_optional_fields_get_documented_defaults() -> None:
    token = OAuthToken.from_response(
        {"oauth": {"access_token": ACCESS, "refresh_token": REFRESH}}, "us"
    )
    assert token.expires_in == 7200
    assert token.scope == ()
    assert token.resource_owner_id is None
    assert abs(token.seconds_left() - 7200) < 60


@pytest.mark.parametrize(
    "bad",
    [
        {"oauth": {"refresh_token": REFRESH}},
        {"oauth": {"access_token": ACCESS}},
        {"oauth": "nope"},
        payload(expires_in="two hours"),
        payload(created_at="yesterday-ish"),
        payload(expires_in=True),
        # Out of range: these used to escape as OverflowError / OSError, not ValueError.
        payload(expires_in=float("inf")),
        payload(expires_in="inf"),
        payload(expires_in="nan"),
        payload(created_at=1e999),
        payload(created_at="1e20"),
        payload(created_at=-1e18),
    ],
)
def test_malformed_payloads_are_rejected_without_echoing_secrets(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as info:
        OAuthToken.from_response(bad, "us")
    assert ACCESS not in str(info.value) and REFRESH not in str(info.value)


def test_repr_hides_secrets() -> None:
    token = OAuthToken.from_response(payload(), "us")
    text = repr(token)
    assert ACCESS not in text and REFRESH not in text
    assert "us" in text


def test_dict_round_trip() -> None:
    token = OAuthToken.from_response(payload(), "ca-snd")
    assert OAuthToken.from_dict(token.to_dict()) == token


def test_from_dict_requires_region_and_created_at() -> None:
    data = OAuthToken.from_response(payload(), "us").to_dict()
    with pytest.raises(ValueError, match="region"):
        OAuthToken.from_dict({**data, "region": None})
    with pytest.raises(ValueError, match="created_at"):
        OAuthToken.from_dict({**data, "created_at": None})


def test_seconds_left_follows_the_wall_clock() -> None:
    token = OAuthToken.from_response(payload(), "us")
    assert token.seconds_left(token.created_at) == 7200
    assert token.seconds_left(token.created_at + timedelta(hours=3)) == -3600


@given(
    created=st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.just(UTC),
    ).map(lambda d: d.replace(microsecond=0)),
    expires_in=st.integers(min_value=1, max_value=10**7),
    as_string=st.booleans(),
)
def test_quirky_forms_parse_to_the_same_token(
    created: datetime, expires_in: int, as_string: bool
) -> None:
    iso = OAuthToken.from_response(
        payload(created_at=created.isoformat(), expires_in=str(expires_in)), "us"
    )
    epoch_value: object = created.timestamp()
    epoch = OAuthToken.from_response(
        payload(
            created_at=str(int(created.timestamp())) if as_string else epoch_value,
            expires_in=expires_in,
        ),
        "us",
    )
    assert iso == epoch
    assert iso.expires_at == created + timedelta(seconds=expires_in)
    assert OAuthToken.from_dict(iso.to_dict()) == iso


@pytest.mark.parametrize("expires_in", [0, -5, 0.4, "0", "-1"])
def test_a_lifetime_below_one_second_is_unknown_not_refused(expires_in: object) -> None:
    token = OAuthToken.from_response(payload(expires_in=expires_in), "us")
    assert token.expires_in is None
    assert token.expires_at is None
    assert token.seconds_left() == math.inf
    assert OAuthToken.from_dict(token.to_dict()) == token  # stays unknown once stored


def test_expiry_is_judged_from_received_at_when_the_sdk_knows_it() -> None:
    server_behind = OAuthToken.from_response(payload(created_at="2021-06-16T12:57:21Z"), "us")
    received = datetime(2021, 6, 16, 14, 57, 21, tzinfo=UTC)
    token = attrs.evolve(server_behind, received_at=received)
    assert token.expires_at == received + timedelta(seconds=7200)
    assert token.seconds_left(received + timedelta(seconds=60)) == 7140
    assert OAuthToken.from_dict(token.to_dict()) == token


def test_a_server_answer_cannot_set_received_at() -> None:
    token = OAuthToken.from_response(payload(received_at="2099-01-01T00:00:00Z"), "us")
    assert token.received_at is None
