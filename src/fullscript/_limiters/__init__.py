"""Client-side rate limiting: the two-phase `RateLimiter` protocol, quota scopes, stats, and
`RollingWindowLimiter` (one process). The Redis limiter lives in `fullscript.redis`."""

from ._classes import (
    BACKGROUND,
    DEFAULT_RESERVE,
    INTERACTIVE,
    WORK_CLASSES,
    WorkClass,
    check_reserve,
    check_weight,
    check_work_class,
)
from ._errors import RateLimitWaitExceeded
from ._protocol import DEFAULT_SCOPE, Pacer, Permit, RateLimiter
from ._rolling_window import RollingWindowLimiter
from ._scheduling import SchedulingSettings
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
from ._stats import LimiterStats, QueueStats, StatsRecorder
from ._waiting import wait_for_signal
from ._window_quota import WindowQuota

__all__ = [
    "BACKGROUND",
    "DEFAULT_GRANT_ID",
    "DEFAULT_RESERVE",
    "DEFAULT_SCOPE",
    "GRANT_ID_EXTENSION",
    "INTERACTIVE",
    "WORK_CLASSES",
    "LimiterStats",
    "Pacer",
    "Permit",
    "QueueStats",
    "QuotaScope",
    "RateLimitWaitExceeded",
    "RateLimiter",
    "RollingWindowLimiter",
    "SchedulingSettings",
    "StatsRecorder",
    "WindowQuota",
    "WorkClass",
    "app_scope",
    "check_reserve",
    "check_weight",
    "check_work_class",
    "give_back",
    "grant_scope",
    "host_scope",
    "keep_until_done",
    "quota_scope",
    "run_to_completion",
    "wait_for_signal",
]
