"""What every scheduling limiter (in-process or Redis) is configured with beyond its window:
the interactive reserve and the grants' weights. Checked and exposed the same way by each."""

from __future__ import annotations

import math
from collections.abc import Mapping

from ._classes import check_reserve, check_weight

__all__ = ["SchedulingSettings"]


class SchedulingSettings:
    """`reserve`, `reserve_always` and the grant weights of a limiter (see
    `RollingWindowLimiter` for what they do)."""

    _reserve: float
    _reserve_slots: int
    _reserve_always: bool
    _weights: dict[str, float]

    def _set_scheduling(
        self,
        *,
        max_requests: int,
        reserve: float,
        reserve_always: bool,
        grant_weights: Mapping[str, float] | None,
        where: str,
    ) -> None:
        self._reserve = check_reserve(reserve, where=where)
        # Background work may not take the last `reserve` of the window: whole slots of it.
        self._reserve_slots = math.floor(self._reserve * max_requests)
        self._reserve_always = bool(reserve_always)
        self._weights = {}
        for grant, weight in (grant_weights or {}).items():
            self.set_weight(grant, weight)

    @property
    def reserve(self) -> float:
        """Share of the window kept for interactive work while it is active."""
        return self._reserve

    @property
    def reserve_always(self) -> bool:
        """Whether the reserve is held back even without interactive work in the window."""
        return self._reserve_always

    def set_weight(self, grant: str, weight: float) -> None:
        """Give `grant` `weight` times the share of a grant of weight 1 (> 0, finite)."""
        if not isinstance(grant, str):
            raise TypeError(f"grant must be a str, got {type(grant).__name__}")
        self._weights[grant] = check_weight(weight, where="set_weight")

    def weight(self, grant: str) -> float:
        """The weight of `grant` (1 unless set)."""
        return self._weights.get(grant, 1.0)
