"""RetryPolicy decisions and Retry-After parsing (pure functions, no I/O)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import httpx2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fullscript._retry import RetryPolicy, is_idempotent, parse_retry_after

NOW = datetime(2026, 11, 21, 8, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("method", ["GET", "get", "HEAD", "OPTIONS", "PUT", "DELETE"])
def test_idempotent_methods(method: str) -> None:
    assert is_idempotent(method)


@pytest.mark.parametrize("method", ["POST", "PATCH", "post"])
def test_non_idempotent_methods(method: str) -> None:
    assert not is_idempotent(method)


@pytest.mark.parametrize("code", [429, 500, 502, 503, 504, 599])
def test_get_retries_429_and_5xx(code: int) -> None:
    assert RetryPolicy().retries_status("GET", code)


@pytest.mark.parametrize("code", [200, 201, 301, 400, 401, 403, 404, 410, 422])
def test_no_method_retries_other_statuses(code: int) -> None:
    assert not RetryPolicy().retries_status("GET", code)
    assert not RetryPolicy().retries_status("POST", code)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_post_and_patch_retry_only_429_among_statuses(method: str) -> None:
    policy = RetryPolicy()
    assert policy.retries_status(method, 429)
    assert not any(policy.retries_status(method, code) for code in (500, 502, 503, 504))


@pytest.mark.parametrize(
    "error",
    [httpx2.ConnectError("x"), httpx2.ConnectTimeout("x")],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_every_method_retries_errors_that_prove_nothing_was_sent(
    method: str, error: Exception
) -> None:
    assert RetryPolicy().retries_exception(method, error)


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_no_method_retries_a_pool_timeout(method: str) -> None:
    # Every connection of our own pool stayed busy for the whole pool timeout: waiting that
    # long again rarely frees one (the transport retries only after dropping stuck ones).
    assert not RetryPolicy().retries_exception(method, httpx2.PoolTimeout("x"))


@pytest.mark.parametrize(
    "error",
    [
        httpx2.ReadTimeout("x"),
        httpx2.WriteTimeout("x"),
        httpx2.ReadError("x"),
        httpx2.WriteError("x"),
        httpx2.RemoteProtocolError("x"),
    ],
)
def test_only_idempotent_methods_retry_errors_after_which_the_request_may_have_arrived(
    error: Exception,
) -> None:
    policy = RetryPolicy()
    assert policy.retries_exception("GET", error)
    assert not policy.retries_exception("POST", error)
    assert not policy.retries_exception("PATCH", error)


@pytest.mark.parametrize(
    "error",
    [httpx2.UnsupportedProtocol("x"), httpx2.LocalProtocolError("x"), ValueError("x")],
)
def test_programming_errors_are_not_retried(error: Exception) -> None:
    assert not RetryPolicy().retries_exception("GET", error)


def test_backoff_without_jitter_doubles_up_to_the_cap() -> None:
    policy = RetryPolicy(initial_backoff=0.5, max_backoff=8.0, jitter=False)
    assert [policy.backoff(n) for n in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_backoff_does_not_overflow_for_huge_retry_numbers() -> None:
    assert RetryPolicy(jitter=False).backoff(10_000) == 8.0


@given(retry_number=st.integers(min_value=0, max_value=200), seed=st.integers())
def test_full_jitter_stays_between_zero_and_the_exponential_ceiling(
    retry_number: int, seed: int
) -> None:
    policy = RetryPolicy(initial_backoff=0.25, max_backoff=5.0)
    ceiling = min(5.0, 0.25 * 2.0**retry_number)

    delay = policy.backoff(retry_number, random.Random(seed).random)

    assert 0.0 <= delay <= ceiling


def test_full_jitter_uses_the_whole_range() -> None:
    policy = RetryPolicy(initial_backoff=1.0, max_backoff=1.0)
    draws = random.Random(7)
    delays = [policy.backoff(0, draws.random) for _ in range(2000)]
    assert min(delays) < 0.05
    assert max(delays) > 0.95


def test_retry_after_replaces_the_backoff_up_to_the_cap() -> None:
    policy = RetryPolicy(max_retry_after=60.0, jitter=False)
    assert policy.delay(0, retry_after=12.0) == 12.0
    assert policy.delay(0, retry_after=600.0) == 60.0
    assert policy.delay(2, retry_after=None) == 2.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        (" 120 ", 120.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("Sat, 21 Nov 2026 08:00:30 GMT", 30.0),
        ("Sat, 21 Nov 2026 07:59:00 GMT", 0.0),
        ("Saturday, 21-Nov-26 08:01:00 GMT", 60.0),
    ],
)
def test_parse_retry_after(header: str, seconds: float) -> None:
    assert parse_retry_after(header, now=NOW) == seconds


@pytest.mark.parametrize("header", [None, "", "soon", "nan", "inf", "Sat, 99 Foo"])
def test_unreadable_retry_after_is_ignored(header: str | None) -> None:
    assert parse_retry_after(header, now=NOW) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("initial_backoff", -0.1),
        ("max_backoff", float("nan")),
        ("max_retry_after", float("inf")),
    ],
)
def test_invalid_policy_values_are_rejected(field: str, value: float) -> None:
    with pytest.raises(ValueError, match=field):
        RetryPolicy(**{field: value})  # type: ignore[arg-type]


def test_policy_is_an_immutable_value() -> None:
    policy = RetryPolicy(max_retries=3)
    assert policy == RetryPolicy(max_retries=3)
    with pytest.raises(AttributeError):
        policy.max_retries = 4  # type: ignore[misc]
