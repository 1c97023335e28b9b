"""Client-side rate limiting: the two-phase `RateLimiter` protocol, quota scopes, stats, and
`RollingWindowLimiter` (one process). The Redis limiter lives in `fullscript.redis`."""

from ._errors import RateLimitWaitExceeded
from ._protocol import DEFAULT_SCOPE, Pacer, Permit, RateLimiter
from ._rolling_window import RollingWindowLimiter
from ._scopes import (
    DEFAULT_GRANT_ID,
    GRANT_ID_EXTENSION,
    QuotaScope,
    app_scope,
    grant_scope,
    host_scope,
    quota_scope,
)
from ._shielding import give_back, keep_until_done, run_to_completion
from ._stats import LimiterStats, StatsRecorder
from ._waiting import wait_for_signal
from ._window_quota import WindowQuota

__all__ = [
    "DEFAULT_GRANT_ID",
    "DEFAULT_SCOPE",
    "GRANT_ID_EXTENSION",
    "LimiterStats",
    "Pacer",
    "Permit",
    "QuotaScope",
    "RateLimitWaitExceeded",
    "RateLimiter",
    "RollingWindowLimiter",
    "StatsRecorder",
    "WindowQuota",
    "app_scope",
    "give_back",
    "grant_scope",
    "host_scope",
    "keep_until_done",
    "quota_scope",
    "run_to_completion",
    "wait_for_signal",
]
