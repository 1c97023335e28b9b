"""Async SDK for the Fullscript partner API.

    from fullscript import Fullscript

    async with Fullscript(client_id=..., client_secret=..., redirect_uri=..., region="us") as fs:
        async for patient in fs.patients.list():
            print(patient.first_name)

Everything public is re-exported here; the modules starting with ``_`` are private. Each name is
loaded on first use (PEP 562): ``import fullscript`` costs almost nothing, and
``from fullscript import Fullscript`` loads the client class and httpx2; the first client built
loads what it runs on (transport, tokens, limiter, asyncio, attrs).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._auth import BearerAuth, TokenManager
    from ._client import DEFAULT_TIMEOUT, Fullscript
    from ._clock import Clock, SystemClock
    from ._environments import CANONICAL_ENVIRONMENTS, KNOWN_ALIASES, EnvironmentsFileError
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
    from ._hooks import Hooks
    from ._http_package import WrongHTTPPackageError
    from ._limiters import (
        LimiterStats,
        Pacer,
        Permit,
        QueueStats,
        RateLimiter,
        RateLimitWaitExceeded,
        RollingWindowLimiter,
        WorkClass,
    )
    from ._logging import HTTPX_QUERY_FILTER, QueryStringFilter
    from ._oauth import OAuthApp, OAuthClient
    from ._observation import AttemptInfo, CallEvent, CallInfo
    from ._options import RequestOptions, use_request_options
    from ._pagination import AsyncPaginator, Page, StreamProgress
    from ._refresh_stats import RefreshStatsSnapshot
    from ._regions import Region, load_environments
    from ._retry import RetryPolicy
    from ._tokens import OAuthToken
    from ._transport import FullscriptTransport
    from .token_stores import (
        CallbackTokenStore,
        FileTokenStore,
        InMemoryTokenStore,
        TokenEncryption,
        TokenEncryptionError,
        TokenStore,
        TokenStoreError,
    )

# Where each public name lives; `__getattr__` imports the module on first use. A name whose
# home is a public subpackage (the token stores: `fullscript.token_stores`) is re-exported here
# deliberately, for the quick start, and loaded from that home: one class, two spellings.
_EXPORTS: dict[str, str] = {
    "CANONICAL_ENVIRONMENTS": "._environments",
    "DEFAULT_GRANT": "._grants",
    "DEFAULT_TIMEOUT": "._client",
    "KNOWN_ALIASES": "._environments",
    "HTTPX_QUERY_FILTER": "._logging",
    "APIConnectionError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AsyncPaginator": "._pagination",
    "AttemptInfo": "._observation",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "BearerAuth": "._auth",
    "CallEvent": "._observation",
    "CallInfo": "._observation",
    "CallbackTokenStore": ".token_stores",
    "Clock": "._clock",
    "EnvironmentsFileError": "._environments",
    "FileTokenStore": ".token_stores",
    "Fullscript": "._client",
    "FullscriptError": "._errors",
    "FullscriptTransport": "._transport",
    "GoneError": "._errors",
    "GrantRevokedError": "._grants",
    "Hooks": "._hooks",
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
    "QueueStats": "._limiters",
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
    "StreamProgress": "._pagination",
    "SystemClock": "._clock",
    "TokenManager": "._auth",
    "TokenMissingError": "._errors",
    "TokenEncryption": ".token_stores",
    "TokenEncryptionError": ".token_stores",
    "TokenStore": ".token_stores",
    "TokenStoreError": ".token_stores",
    "UnknownGrantError": "._grants",
    "ValidationError": "._errors",
    "WorkClass": "._limiters",
    "WrongHTTPPackageError": "._http_package",
    "load_environments": "._regions",
    "use_request_options": "._options",
}

__all__ = [
    "CANONICAL_ENVIRONMENTS",
    "DEFAULT_GRANT",
    "DEFAULT_TIMEOUT",
    "HTTPX_QUERY_FILTER",
    "KNOWN_ALIASES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPaginator",
    "AttemptInfo",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "CallEvent",
    "CallInfo",
    "CallbackTokenStore",
    "Clock",
    "DeadlineExceededError",
    "EnvironmentsFileError",
    "FileTokenStore",
    "Fullscript",
    "FullscriptError",
    "FullscriptTransport",
    "GoneError",
    "GrantRevokedError",
    "Hooks",
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
    "QueueStats",
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
    "StreamProgress",
    "SystemClock",
    "TokenEncryption",
    "TokenEncryptionError",
    "TokenManager",
    "TokenMissingError",
    "TokenStore",
    "TokenStoreError",
    "UnknownGrantError",
    "ValidationError",
    "WorkClass",
    "WrongHTTPPackageError",
    "load_environments",
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
