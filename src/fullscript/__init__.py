"""Async SDK for the Fullscript partner API.

    from fullscript import Fullscript

    async with Fullscript(client_id=..., client_secret=..., redirect_uri=..., region="us") as fs:
        async for patient in fs.patients.list():
            print(patient.first_name)

Everything public is re-exported here; the modules starting with ``_`` are private. Each name is
loaded on first use (PEP 562): ``import fullscript`` costs almost nothing, and
``from fullscript import Fullscript`` loads the client and what it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._auth import BearerAuth, TokenManager
    from ._client import DEFAULT_TIMEOUT, Fullscript
    from ._clock import Clock, SystemClock
    from ._errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        DeadlineExceededError,
        FullscriptError,
        GoneError,
        InvalidParameterError,
        InvalidParameterTypeError,
        MalformedResponseError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RegionMismatchError,
        ServerError,
        TokenMissingError,
        ValidationError,
    )
    from ._grants import DEFAULT_GRANT, GrantRevokedError, UnknownGrantError
    from ._limiters import (
        LimiterStats,
        Pacer,
        Permit,
        RateLimiter,
        RateLimitWaitExceeded,
        RollingWindowLimiter,
    )
    from ._logging import HTTPX_QUERY_FILTER, QueryStringFilter
    from ._oauth import OAuthApp, OAuthClient
    from ._options import RequestOptions, use_request_options
    from ._pagination import AsyncPaginator, Page
    from ._refresh_stats import RefreshStatsSnapshot
    from ._regions import Region
    from ._retry import RetryPolicy
    from ._tokens import OAuthToken
    from ._transport import FullscriptTransport
    from .token_stores import (
        CallbackTokenStore,
        FileTokenStore,
        InMemoryTokenStore,
        TokenStore,
        TokenStoreError,
    )

# Where each public name lives; `__getattr__` imports the module on first use.
_EXPORTS: dict[str, str] = {
    "DEFAULT_GRANT": "._grants",
    "DEFAULT_TIMEOUT": "._client",
    "HTTPX_QUERY_FILTER": "._logging",
    "APIConnectionError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AsyncPaginator": "._pagination",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "BearerAuth": "._auth",
    "CallbackTokenStore": ".token_stores",
    "Clock": "._clock",
    "FileTokenStore": ".token_stores",
    "Fullscript": "._client",
    "FullscriptError": "._errors",
    "FullscriptTransport": "._transport",
    "GoneError": "._errors",
    "GrantRevokedError": "._grants",
    "InMemoryTokenStore": ".token_stores",
    "DeadlineExceededError": "._errors",
    "InvalidParameterError": "._errors",
    "InvalidParameterTypeError": "._errors",
    "LimiterStats": "._limiters",
    "MalformedResponseError": "._errors",
    "NotFoundError": "._errors",
    "OAuthApp": "._oauth",
    "OAuthClient": "._oauth",
    "OAuthToken": "._tokens",
    "Pacer": "._limiters",
    "Page": "._pagination",
    "PermissionDeniedError": "._errors",
    "Permit": "._limiters",
    "QueryStringFilter": "._logging",
    "RateLimitError": "._errors",
    "RateLimitWaitExceeded": "._limiters",
    "RateLimiter": "._limiters",
    "RefreshStatsSnapshot": "._refresh_stats",
    "Region": "._regions",
    "RegionMismatchError": "._errors",
    "RequestOptions": "._options",
    "RetryPolicy": "._retry",
    "RollingWindowLimiter": "._limiters",
    "ServerError": "._errors",
    "SystemClock": "._clock",
    "TokenManager": "._auth",
    "TokenMissingError": "._errors",
    "TokenStore": ".token_stores",
    "TokenStoreError": ".token_stores",
    "UnknownGrantError": "._grants",
    "ValidationError": "._errors",
    "use_request_options": "._options",
}

__all__ = [
    "DEFAULT_GRANT",
    "DEFAULT_TIMEOUT",
    "HTTPX_QUERY_FILTER",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "CallbackTokenStore",
    "Clock",
    "DeadlineExceededError",
    "FileTokenStore",
    "Fullscript",
    "FullscriptError",
    "FullscriptTransport",
    "GoneError",
    "GrantRevokedError",
    "InMemoryTokenStore",
    "InvalidParameterError",
    "InvalidParameterTypeError",
    "LimiterStats",
    "MalformedResponseError",
    "NotFoundError",
    "OAuthApp",
    "OAuthClient",
    "OAuthToken",
    "Pacer",
    "Page",
    "PermissionDeniedError",
    "Permit",
    "QueryStringFilter",
    "RateLimitError",
    "RateLimitWaitExceeded",
    "RateLimiter",
    "RefreshStatsSnapshot",
    "Region",
    "RegionMismatchError",
    "RequestOptions",
    "RetryPolicy",
    "RollingWindowLimiter",
    "ServerError",
    "SystemClock",
    "TokenManager",
    "TokenMissingError",
    "TokenStore",
    "TokenStoreError",
    "UnknownGrantError",
    "ValidationError",
    "use_request_options",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fullscript' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
