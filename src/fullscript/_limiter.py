"""Client-side rate limiting (kept as the historical import path; see `fullscript._limiters`)."""

from ._limiters import (
    DEFAULT_SCOPE,
    GRANT_ID_EXTENSION,
    LimiterStats,
    Pacer,
    Permit,
    RateLimiter,
    RateLimitWaitExceeded,
    RollingWindowLimiter,
)

__all__ = [
    "DEFAULT_SCOPE",
    "GRANT_ID_EXTENSION",
    "LimiterStats",
    "Pacer",
    "Permit",
    "RateLimitWaitExceeded",
    "RateLimiter",
    "RollingWindowLimiter",
]
