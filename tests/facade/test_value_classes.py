"""The façade's value classes (attrs, frozen and slotted) keep what users rely on.

Immutable, equal and hashed by value, a repr without secrets, copies that run the checks again;
and the generated client's `with_headers()` still returns a configured copy.
"""

from __future__ import annotations

from datetime import UTC, datetime

import attrs
import httpx2
import pytest
from fullscript_api.api.patients import _RETRIEVE_PATIENT
from fullscript_api.client import AuthenticatedClient, Client

from fullscript import OAuthApp, OAuthToken, Page, Region, RequestOptions, RetryPolicy

CREATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def token(**changes: object) -> OAuthToken:
    fields: dict[str, object] = {
        "access_token": "access-secret-1",
        "refresh_token": "refresh-secret-1",
        "region": "us",
        "expires_in": "7200",
        "created_at": CREATED.isoformat(),
        "scope": "patients:read orders:read",
    }
    return OAuthToken(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        Region.US,
        OAuthApp("client-id", "client-secret-1", "https://app.example/cb"),
        token(),
        RequestOptions(retry=RetryPolicy(max_retries=0)),
        Page(items=[1, 2], current_page=1, next_page=2),
        _RETRIEVE_PATIENT,
    ],
    ids=lambda value: type(value).__name__,
)
def test_value_classes_are_immutable(value: object) -> None:
    with pytest.raises(AttributeError):
        value.region = "ca"  # type: ignore[attr-defined]


def test_equal_values_are_equal_and_hash_alike() -> None:
    assert token() == token() and hash(token()) == hash(token())
    assert token() != token(refresh_token="refresh-secret-2")
    assert Region.from_key("ca") == Region.CA
    assert {RequestOptions(), RequestOptions()} == {RequestOptions()}
    assert Page(items=[1], current_page=1, next_page=None) == Page([1], 1, None)


def test_token_arguments_are_converted_and_secrets_stay_out_of_repr() -> None:
    made = token()

    assert (made.expires_in, made.created_at, made.scope) == (
        7200,
        CREATED,
        ("patients:read", "orders:read"),
    )
    shown = repr(made) + repr(OAuthApp("client-id", "client-secret-1", "https://app.example/cb"))
    for secret in ("access-secret-1", "refresh-secret-1", "client-secret-1"):
        assert secret not in shown
    assert "region='us'" in shown and "client_id='client-id'" in shown


def test_a_token_made_without_created_at_is_issued_now() -> None:
    before = datetime.now(UTC)
    made = OAuthToken("a", "r", "us")
    assert before <= made.created_at <= datetime.now(UTC)
    assert made.expires_in == 7200


def test_copies_run_the_checks_again() -> None:
    local = Region.US_SANDBOX.with_base_url("http://127.0.0.1:8765/us-snd/")

    assert local.base_url == "http://127.0.0.1:8765/us-snd"  # trailing slash stripped
    assert local.key == "us-snd" and Region.US_SANDBOX.base_url.startswith("https://")
    with pytest.raises(ValueError, match="expires_in"):
        attrs.evolve(token(), expires_in="soon")


def test_generated_client_copies_keep_their_settings_and_hide_the_token() -> None:
    client = AuthenticatedClient(
        base_url="https://api-us.fullscript.io", token="bearer-secret-1", timeout=httpx2.Timeout(3)
    )
    copy = client.with_headers({"X-Trace": "1"})

    assert isinstance(copy, AuthenticatedClient) and copy is not client
    assert copy.token == "bearer-secret-1"
    http = copy.get_async_httpx_client()
    assert http.headers["x-trace"] == "1"
    assert http.headers["authorization"] == "Bearer bearer-secret-1"
    assert http.timeout == httpx2.Timeout(3)
    assert "bearer-secret-1" not in repr(copy)
    plain = Client("https://api-us.fullscript.io", raise_on_unexpected_status=True)
    assert plain.with_timeout(httpx2.Timeout(5)).raise_on_unexpected_status


def _reprs_of_every_local(error: BaseException) -> list[str]:
    """What an error reporter that captures locals does: repr each frame's locals."""
    shown: list[str] = []
    traceback = error.__traceback__
    while traceback is not None:
        shown.extend(repr(value) for value in traceback.tb_frame.f_locals.values())
        traceback = traceback.tb_next
    return shown


def test_a_half_built_value_has_a_repr_that_does_not_raise() -> None:
    with pytest.raises(ValueError) as caught:
        OAuthToken("access-secret-1", "refresh-secret-1", "us", expires_in="soon")
    shown = _reprs_of_every_local(caught.value)
    assert any(text.startswith("OAuthToken(") and "<unset>" in text for text in shown)
    assert not any("access-secret-1" in text and "OAuthToken(" in text for text in shown)
