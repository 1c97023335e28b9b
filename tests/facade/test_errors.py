"""Typed errors: class per status, request id, parsed body and field errors, no secrets."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re

import httpx2
import pytest

import fullscript
from fullscript import _errors
from fullscript._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    FullscriptError,
    GoneError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RegionMismatchError,
    ServerError,
    TokenMissingError,
    ValidationError,
    connection_error_from,
    error_from_response,
)

URL = "https://us-snd.fullscript.io/api/clinic/patients/42?access_token=query-secret"
SECRETS = ("query-secret", "header-secret", "body-secret", "refresh-secret", "client-secret-value")


def failed(
    status_code: int,
    *,
    json: object = None,
    text: str | None = None,
    headers: dict[str, str] | None = None,
    method: str = "PATCH",
) -> httpx2.Response:
    request = httpx2.Request(
        method,
        URL,
        headers={"Authorization": "Bearer header-secret"},
        json={"patient": {"first_name": "Ada"}, "client_secret": "body-secret"},
    )
    all_headers = {"X-Request-Id": "req-123", **(headers or {})}
    if json is not None:
        return httpx2.Response(status_code, json=json, headers=all_headers, request=request)
    return httpx2.Response(status_code, text=text or "", headers=all_headers, request=request)


@pytest.mark.parametrize(
    ("status_code", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (410, GoneError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (409, APIStatusError),
        (418, APIStatusError),
    ],
)
def test_each_status_maps_to_its_class(status_code: int, cls: type[APIStatusError]) -> None:
    error = error_from_response(failed(status_code, json={"error": "x"}))

    assert type(error) is cls
    assert isinstance(error, APIStatusError)
    assert isinstance(error, FullscriptError)
    assert error.status_code == status_code


def test_error_carries_request_id_method_url_body_and_headers() -> None:
    error = error_from_response(failed(404, json={"error": "Not Found", "status": 404}))

    assert error.request_id == "req-123"
    assert error.method == "PATCH"
    assert error.url == "https://us-snd.fullscript.io/api/clinic/patients/42"
    assert error.body == {"error": "Not Found", "status": 404}
    assert error.headers["x-request-id"] == "req-123"


def test_request_id_is_none_when_the_server_sent_none() -> None:
    response = httpx2.Response(500, request=httpx2.Request("GET", URL))
    assert error_from_response(response).request_id is None


def test_message_names_status_method_path_request_id_and_server_message() -> None:
    error = error_from_response(failed(404, json={"error": "Not Found", "status": 404}))

    assert str(error) == (
        "404 Not Found for PATCH /api/clinic/patients/42 (request id req-123): Not Found"
    )


def test_field_errors_from_an_errors_object() -> None:
    body = {"errors": {"email": ["is invalid", "is taken"], "first_name": "can't be blank"}}
    error = error_from_response(failed(422, json=body))

    assert isinstance(error, ValidationError)
    assert error.field_errors == {
        "email": ["is invalid", "is taken"],
        "first_name": ["can't be blank"],
    }
    assert "email: is invalid; is taken" in str(error)
    assert "first_name: can't be blank" in str(error)


def test_field_errors_from_an_errors_list() -> None:
    error = error_from_response(failed(422, json={"errors": ["Email is invalid"]}))

    assert error.field_errors == {"base": ["Email is invalid"]}
    assert str(error).endswith(": Email is invalid")


def test_field_errors_from_a_single_error_string() -> None:
    error = error_from_response(failed(404, json={"error": "Not Found", "status": 404}))

    assert error.field_errors == {"base": ["Not Found"]}


def test_non_json_body_is_kept_as_text() -> None:
    error = error_from_response(failed(502, text="Bad gateway from upstream", method="GET"))

    assert isinstance(error, ServerError)
    assert error.body == "Bad gateway from upstream"
    assert error.field_errors == {}
    assert str(error).endswith(": Bad gateway from upstream")


def test_html_error_page_is_kept_in_body_but_not_in_the_message() -> None:
    error = error_from_response(failed(503, text="<html><body>Down</body></html>", method="GET"))

    assert error.body == "<html><body>Down</body></html>"
    assert (
        str(error) == "503 Service Unavailable for GET /api/clinic/patients/42 (request id req-123)"
    )


def test_empty_body_gives_none() -> None:
    error = error_from_response(failed(500, text=""))
    assert error.body is None


def test_oauth_error_description_is_part_of_the_message() -> None:
    body = {"error": "invalid_grant", "error_description": "The refresh token is invalid."}
    error = error_from_response(failed(400, json=body))

    assert str(error).endswith(": invalid_grant; The refresh token is invalid.")


def test_rate_limit_error_exposes_retry_after() -> None:
    error = error_from_response(failed(429, json={"error": "x"}, headers={"Retry-After": "30"}))

    assert isinstance(error, RateLimitError)
    assert error.retry_after == 30.0


def test_rate_limit_error_without_retry_after() -> None:
    error = error_from_response(failed(429, json={"error": "x"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_credentials_never_appear_in_message_repr_body_or_headers() -> None:
    body = {
        "error": "invalid_client",
        "access_token": "body-secret",
        "nested": {"refresh_token": "refresh-secret", "client_secret": "client-secret-value"},
    }
    error = error_from_response(
        failed(401, json=body, headers={"Set-Cookie": "session=header-secret"})
    )

    exposed = " ".join([str(error), repr(error), repr(error.body), repr(error.headers), error.url])
    for secret in SECRETS:
        assert secret not in exposed
    assert error.body["access_token"] == "[redacted]"
    assert error.body["nested"]["refresh_token"] == "[redacted]"
    assert error.headers["set-cookie"] == "[redacted]"


def test_bearer_token_echoed_in_a_server_message_is_redacted() -> None:
    error = error_from_response(failed(401, json={"error": "Bad token Bearer header-secret"}))

    assert "header-secret" not in str(error)
    assert "Bearer [redacted]" in str(error)


@pytest.mark.parametrize(
    "text",
    [
        # A proxy echoing the JSON token request in a plain-text (not parseable) error.
        'rejected: {"client_secret": "client-secret-value", "refresh_token": "refresh-secret"',
        "client_secret=client-secret-value&refresh_token=refresh-secret&grant_type=x",
        "echo: {'password': 'query-secret body-secret', 'secret': \"header-secret x\"}",
        "upstream said: access_token: body-secret, Authorization: Bearer header-secret",
        # base64("body-secret:client-secret-value"), and base64("user:pass"), letters only
        "proxy got Authorization: Basic Ym9keS1zZWNyZXQ6Y2xpZW50LXNlY3JldC12YWx1ZQ==",
        "proxy got Authorization: Basic dXNlcjpwYXNz",
    ],
)
def test_credentials_in_a_text_body_are_redacted_in_message_and_body(text: str) -> None:
    error = error_from_response(failed(400, text=text))

    exposed = " ".join([str(error), repr(error.body), repr(error.field_errors)])
    for secret in (*SECRETS, "Ym9keS1zZWNyZXQ6Y2xpZW50LXNlY3JldC12YWx1ZQ", "dXNlcjpwYXNz"):
        assert secret not in exposed
    assert "[redacted]" in str(error)


def test_prose_about_basic_information_is_not_mistaken_for_a_credential() -> None:
    error = error_from_response(failed(422, json={"errors": {"plan": ["basic information"]}}))
    assert error.field_errors == {"plan": ["basic information"]}


def test_bearer_token_in_a_json_error_is_redacted_in_body_and_field_errors_too() -> None:
    error = error_from_response(failed(401, json={"error": "Bad token Bearer header-secret"}))

    assert "header-secret" not in repr(error.body) + repr(error.field_errors)
    assert error.field_errors == {"base": ["Bad token Bearer [redacted]"]}


def test_very_long_server_message_is_truncated() -> None:
    error = error_from_response(failed(400, json={"error": "x" * 5000}))
    assert len(str(error)) < 500


def test_repr_is_short_and_safe() -> None:
    error = error_from_response(failed(404, json={"error": "Not Found"}))

    assert repr(error) == (
        "NotFoundError(status_code=404, method='PATCH', "
        "url='https://us-snd.fullscript.io/api/clinic/patients/42', request_id='req-123')"
    )


def test_connection_error_from_connect_failure() -> None:
    request = httpx2.Request("GET", URL, headers={"Authorization": "Bearer header-secret"})
    error = connection_error_from(httpx2.ConnectError("refused", request=request))

    assert type(error) is APIConnectionError
    assert error.method == "GET"
    assert error.url == "https://us-snd.fullscript.io/api/clinic/patients/42"
    assert str(error) == "GET /api/clinic/patients/42 failed: ConnectError"


def test_connection_error_from_timeout() -> None:
    request = httpx2.Request("POST", URL)
    error = connection_error_from(httpx2.ReadTimeout("timed out", request=request))

    assert isinstance(error, APITimeoutError)
    assert isinstance(error, APIConnectionError)
    assert "timed out" in str(error)
    assert "query-secret" not in str(error)


def test_connection_error_without_a_request() -> None:
    error = connection_error_from(httpx2.ConnectError("refused"))
    assert str(error) == "Request failed: ConnectError"
    assert error.method is None


def test_region_mismatch_is_also_a_value_error() -> None:
    error = RegionMismatchError("token is for ca, client is for us")
    assert isinstance(error, FullscriptError)
    assert isinstance(error, ValueError)


def test_token_missing_is_a_fullscript_error() -> None:
    assert issubclass(TokenMissingError, FullscriptError)


def _exception_classes_defined_by_the_sdk() -> dict[str, type[BaseException]]:
    """Every exception class defined in ``fullscript`` or ``fullscript_api.types`` / ``.errors``.

    The sandbox's own exceptions are left out: they are the fake server's control flow,
    turned into HTTP answers (or a dropped connection) before they reach any caller.
    """
    names = ["fullscript_api.types", "fullscript_api.errors"]
    for module in pkgutil.walk_packages(fullscript.__path__, "fullscript."):
        if not module.name.startswith("fullscript.sandbox"):
            names.append(module.name)
    found: dict[str, type[BaseException]] = {}
    for name in names:
        for value in vars(importlib.import_module(name)).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseException)
                and value.__module__ == name
            ):
                found[value.__name__] = value
    return found


def test_every_exception_the_sdk_defines_is_a_fullscript_error() -> None:
    classes = _exception_classes_defined_by_the_sdk()
    assert {"WebhookSignatureError", "OAuthStateError", "SpecDeviationError"} <= set(classes)
    strays = sorted(name for name, cls in classes.items() if not issubclass(cls, FullscriptError))
    assert strays == []


def test_the_hierarchy_in_the_errors_docstring_names_every_exception() -> None:
    drawn = set(re.findall(r"[├└]── (\w+)", _errors.__doc__ or ""))
    # Private classes are control flow caught where they are raised; they never reach a caller.
    public = {name for name in _exception_classes_defined_by_the_sdk() if not name.startswith("_")}
    assert drawn == public - {"FullscriptError"}


def test_each_class_is_drawn_under_its_nearest_sdk_ancestor() -> None:
    classes = _exception_classes_defined_by_the_sdk()
    last_at_column: dict[int, str] = {}
    for line in (_errors.__doc__ or "").splitlines():
        match = re.match(r"^\s*(FullscriptError)$|^[\s│]*[├└]── (\w+)", line)
        if match is None:
            continue
        name = match.group(1) or match.group(2)
        column = match.start(1) if match.group(1) else match.start(2)
        if name != "FullscriptError":
            ancestors = [c for c in classes[name].__mro__[1:] if c in classes.values()]
            assert ancestors[0] is classes[last_at_column[column - 4]], name
        last_at_column[column] = name
    assert "FullscriptError" in last_at_column.values()


def test_errors_can_be_caught_as_fullscript_error() -> None:
    with pytest.raises(FullscriptError):
        raise error_from_response(failed(500, json={"error": "boom"}))


def test_status_error_survives_pickling() -> None:
    # Exceptions cross process boundaries (task queues, multiprocessing).
    error = error_from_response(
        failed(429, json={"error": "Slow down"}, headers={"Retry-After": "9"})
    )

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is RateLimitError
    assert repr(copy) == repr(error)
    assert str(copy) == str(error)
    assert copy.body == error.body
    assert copy.field_errors == error.field_errors
    assert copy.retry_after == 9.0


def test_connection_error_survives_pickling() -> None:
    error = connection_error_from(httpx2.ReadTimeout("t", request=httpx2.Request("GET", URL)))

    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is APITimeoutError
    assert (str(copy), copy.method, copy.url) == (str(error), error.method, error.url)


@pytest.mark.parametrize("status_code", [500, 502, 503, 504])
@pytest.mark.parametrize("method", ["POST", "PATCH", "PUT", "DELETE"])
def test_a_5xx_answer_to_a_write_says_it_may_have_been_applied(
    status_code: int, method: str
) -> None:
    error = error_from_response(failed(status_code, method=method))
    assert isinstance(error, ServerError)
    assert error.may_have_been_applied is True
    assert "may have been applied" in str(error)
    assert "Ambiguous writes" in str(error)


@pytest.mark.parametrize(("method", "status_code"), [("GET", 502), ("POST", 501), ("HEAD", 504)])
def test_a_5xx_to_a_read_or_a_501_was_not_applied(method: str, status_code: int) -> None:
    error = error_from_response(failed(status_code, method=method))
    assert isinstance(error, ServerError)
    assert error.may_have_been_applied is False
    assert "may have been applied" not in str(error)


def test_a_server_error_keeps_may_have_been_applied_through_pickling() -> None:
    error = error_from_response(failed(504, method="POST"))
    copy = pickle.loads(pickle.dumps(error))
    assert copy.may_have_been_applied is True
    assert str(copy) == str(error)
