"""Numbers of seconds and counts are checked the same way by every part of the SDK."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from fullscript import (
    Fullscript,
    FullscriptError,
    InvalidParameterError,
    RetryPolicy,
    RollingWindowLimiter,
)
from fullscript._errors import InvalidParameterTypeError
from fullscript._pagination import AsyncPaginator
from fullscript._validation import check_count, check_seconds
from fullscript.fastapi import OAuthStateSigner
from fullscript.webhooks import InMemorySeenStore, WebhookSignatureError, verify_signature


async def _no_pages(page: int, page_size: int) -> object:
    raise AssertionError("nothing is fetched")


def test_a_bool_is_not_a_number_of_seconds() -> None:
    with pytest.raises(
        InvalidParameterTypeError, match=r"^ttl must be a number of seconds, got bool$"
    ):
        check_seconds(True, name="ttl", where="Store")


def test_a_wrong_type_is_also_a_type_error_and_names_the_argument() -> None:
    with pytest.raises(TypeError) as raised:
        check_seconds("5", name="window", where="Limiter")
    assert isinstance(raised.value, InvalidParameterError)
    assert (raised.value.parameter, raised.value.operation) == ("window", "Limiter")


@pytest.mark.parametrize("value", [0, -1.0, math.nan, math.inf])
def test_a_duration_must_be_finite_and_positive_by_default(value: float) -> None:
    with pytest.raises(ValueError, match=r"^window must be a finite number of seconds > 0, got "):
        check_seconds(value, name="window", where="Limiter")


def test_zero_is_accepted_only_where_allowed() -> None:
    assert check_seconds(0, name="pause", where="pause", allow_zero=True) == 0.0


def test_infinity_is_accepted_where_it_means_no_bound() -> None:
    value = check_seconds(
        math.inf, name="max_wait", where="acquire", allow_zero=True, allow_infinity=True
    )
    assert value == math.inf
    with pytest.raises(InvalidParameterError, match=r"\(math\.inf: no bound\), got nan$"):
        check_seconds(
            math.nan, name="max_wait", where="acquire", allow_zero=True, allow_infinity=True
        )


def test_a_count_is_an_int_within_its_bounds() -> None:
    assert check_count(3, name="max_keys", where="Store") == 3
    with pytest.raises(InvalidParameterTypeError, match=r"^max_keys must be an int, got float$"):
        check_count(1.5, name="max_keys", where="Store")
    with pytest.raises(InvalidParameterError, match=r"^max_keys must be at least 1, got 0$"):
        check_count(0, name="max_keys", where="Store")
    with pytest.raises(
        InvalidParameterError, match=r"^page_size must be between 1 and 100, got 101$"
    ):
        check_count(101, name="page_size", where="paginate", maximum=100)


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: RollingWindowLimiter(10, math.nan), "window"),
        (lambda: RollingWindowLimiter(0), "max_requests"),
        (lambda: RetryPolicy(initial_backoff=-1.0), "initial_backoff"),
        (lambda: RetryPolicy(max_retries=True), "max_retries"),
        (lambda: InMemorySeenStore(ttl=0), "ttl"),
        (lambda: InMemorySeenStore(max_keys=0), "max_keys"),
        (lambda: OAuthStateSigner("s" * 32, ttl=math.inf), "ttl"),
        (lambda: AsyncPaginator(_no_pages, prefetch=-1), "prefetch"),  # type: ignore[arg-type]
        (
            lambda: Fullscript(
                client_id="i", client_secret="s", redirect_uri="https://a.example", timeout=0
            ),
            "timeout",
        ),
    ],
)
def test_every_configured_duration_and_count_fails_as_a_fullscript_error(
    make: Callable[[], object], name: str
) -> None:
    with pytest.raises(FullscriptError) as raised:
        make()
    assert isinstance(raised.value, InvalidParameterError)
    assert str(raised.value).startswith(name)


def test_a_bad_webhook_tolerance_is_a_signature_error() -> None:
    with pytest.raises(
        WebhookSignatureError, match=r"^tolerance must be a finite number of seconds >= 0, got nan$"
    ):
        verify_signature(b"{}", "t=1,v1=00", "secret", tolerance=math.nan)
