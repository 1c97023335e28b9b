"""Objects from the old ``httpx`` package are refused with a clear error naming httpx2."""

from __future__ import annotations

from typing import Any

import httpx2
import pytest

from fullscript import (
    Fullscript,
    FullscriptError,
    FullscriptTransport,
    RollingWindowLimiter,
    WrongHTTPPackageError,
)

APP = {"client_id": "id", "client_secret": "s", "redirect_uri": "https://app.example/cb"}


def old_httpx_object(name: str, module: str = "httpx") -> Any:
    """An instance of a class whose home is the old package, as httpx's public classes report."""
    return type(name, (), {"__module__": module})()


def test_a_transport_from_old_httpx_is_refused_naming_httpx2() -> None:
    with pytest.raises(WrongHTTPPackageError) as info:
        Fullscript(**APP, transport=old_httpx_object("MockTransport"))

    message = str(info.value)
    assert message.startswith("transport= got httpx.MockTransport from the old 'httpx' package")
    assert "pass an httpx2 transport" in message


def test_the_error_is_both_a_type_error_and_a_fullscript_error() -> None:
    with pytest.raises(TypeError) as info:
        Fullscript(**APP, transport=old_httpx_object("AsyncHTTPTransport"))

    assert isinstance(info.value, FullscriptError)


def test_a_subclass_of_an_old_httpx_transport_is_refused() -> None:
    old_base = type("AsyncBaseTransport", (), {"__module__": "httpx._transports.base"})
    own_transport = type("RecordingTransport", (old_base,), {"__module__": "myapp.testing"})

    with pytest.raises(WrongHTTPPackageError, match=r"httpx\._transports\.base\.AsyncBase"):
        Fullscript(**APP, transport=own_transport())


def test_an_httpcore_pool_is_refused_too() -> None:
    with pytest.raises(WrongHTTPPackageError, match="old 'httpcore' package"):
        Fullscript(**APP, transport=old_httpx_object("AsyncConnectionPool", "httpcore"))


def test_a_timeout_from_old_httpx_is_refused_naming_httpx2_timeout() -> None:
    with pytest.raises(
        WrongHTTPPackageError, match=r"^timeout= got httpx\.Timeout.*httpx2\.Timeout"
    ):
        Fullscript(**APP, timeout=old_httpx_object("Timeout"))


def test_fullscript_transport_refuses_an_old_httpx_inner_transport() -> None:
    with pytest.raises(WrongHTTPPackageError, match=r"^FullscriptTransport\(inner\) got httpx\."):
        FullscriptTransport(old_httpx_object("AsyncHTTPTransport"), limiter=RollingWindowLimiter())


def test_an_httpx2_transport_is_taken() -> None:
    transport = httpx2.MockTransport(lambda request: httpx2.Response(200))

    Fullscript(**APP, transport=transport, timeout=httpx2.Timeout(5.0))


def test_a_real_old_httpx_transport_is_refused() -> None:
    httpx = pytest.importorskip("httpx")  # installed only as a dev tool's dependency

    with pytest.raises(WrongHTTPPackageError, match=r"transport= got httpx\.MockTransport"):
        Fullscript(**APP, transport=httpx.MockTransport(lambda request: httpx.Response(200)))
