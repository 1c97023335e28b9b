"""Async SDK for the Fullscript partner API.

    from fullscript import Fullscript

    async with Fullscript(client_id=..., client_secret=..., redirect_uri=..., region="us") as fs:
        async for patient in fs.patients.list():
            print(patient.first_name)

Everything public is re-exported here; the modules starting with ``_`` are private.
"""

from ._auth import BearerAuth, TokenManager
from ._client import DEFAULT_TIMEOUT, Fullscript
from ._clock import Clock, SystemClock
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    FullscriptError,
    GoneError,
    InvalidParameterError,
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
    "FileTokenStore",
    "Fullscript",
    "FullscriptError",
    "FullscriptTransport",
    "GoneError",
    "GrantRevokedError",
    "InMemoryTokenStore",
    "InvalidParameterError",
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
