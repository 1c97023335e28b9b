"""Lab orders moving through their statuses, moto-style: at once, on a schedule, or by hand.

A lab order's statuses (`LAB_STATUSES`) are one path, from ``not_purchased`` to
``interpretation_shared``. Each step is a clinic-side change: it emits ``lab_order.updated``
and queues its webhook, exactly as `ClinicControl.update_lab_order` does.

- by hand: ``sandbox.transitions.step(lab_order_id)`` moves one status on;
- at once: ``sandbox.transitions.run(lab_order_id, to="results_ready")`` walks every status up
  to ``to`` (default: the last), one event each;
- on a schedule: ``sandbox.transitions.schedule(lab_order_id, every=3600)`` moves one status on
  per ``every`` seconds of sandbox time; due steps are applied before the sandbox serves a
  request or delivers webhooks, so a test advances the clock and then reads the new status.

Orders have no status in Fullscript's API (only ``completed_at``) and no event after
``order.placed``, so they have no transitions here.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..errors import ValidationFailed
from .clinic import ClinicControl
from .clock import SandboxClock
from .records import LAB_STATUSES
from .store import Record

__all__ = ["LabOrderTransitions"]


@attrs.define
class _Schedule:
    region: str
    lab_order_id: str
    every: float
    target: str
    next_at: float


def _target(to: str | None) -> str:
    if to is None:
        return LAB_STATUSES[-1]
    if to not in LAB_STATUSES:
        raise ValidationFailed({"to": [f"must be one of: {', '.join(LAB_STATUSES)}"]})
    return to


class LabOrderTransitions:
    """Moves lab orders along their statuses; each step emits ``lab_order.updated``."""

    def __init__(self, clinic: Callable[[str], ClinicControl], clock: SandboxClock) -> None:
        self._clinic = clinic
        self._clock = clock
        self.schedules: list[_Schedule] = []
        self._catching_up = False

    def __repr__(self) -> str:
        return f"LabOrderTransitions(scheduled={len(self.schedules)})"

    def status(self, lab_order_id: str, *, region: str = "us") -> str:
        """The lab order's current status."""
        clinic = self._clinic(region)
        record = clinic.state.get("lab_orders", lab_order_id)
        if record is None:
            raise ValidationFailed({"lab_order_id": [f"lab order {lab_order_id} not found"]})
        return str(record["status"])

    def step(self, lab_order_id: str, *, region: str = "us") -> Record | None:
        """Move one status on; returns the event, or None when it is at its last status."""
        position = LAB_STATUSES.index(self.status(lab_order_id, region=region))
        if position + 1 >= len(LAB_STATUSES):
            return None
        return self._clinic(region).update_lab_order(lab_order_id, LAB_STATUSES[position + 1])

    def run(self, lab_order_id: str, *, to: str | None = None, region: str = "us") -> list[Record]:
        """Walk every status up to ``to`` (default: the last) at once; returns the events."""
        target = LAB_STATUSES.index(_target(to))
        events = []
        while LAB_STATUSES.index(self.status(lab_order_id, region=region)) < target:
            event = self.step(lab_order_id, region=region)
            assert event is not None
            events.append(event)
        return events

    def schedule(
        self, lab_order_id: str, *, every: float, to: str | None = None, region: str = "us"
    ) -> None:
        """One status on per ``every`` seconds of sandbox time, up to ``to`` (default: last)."""
        if isinstance(every, bool) or not isinstance(every, int | float) or not every > 0:
            raise ValidationFailed({"every": ["must be a positive number of seconds"]})
        self.status(lab_order_id, region=region)  # refuse an unknown lab order now
        self.schedules.append(
            _Schedule(region, lab_order_id, float(every), _target(to), self._clock.now() + every)
        )

    def catch_up(self) -> list[Record]:
        """Apply every scheduled step that is due by sandbox time; returns the events."""
        if self._catching_up or not self.schedules:
            return []
        self._catching_up = True  # the steps read regions, which would call back here
        try:
            return self._apply_due()
        finally:
            self._catching_up = False

    def _apply_due(self) -> list[Record]:
        events: list[Record] = []
        now = self._clock.now()
        for plan in list(self.schedules):
            while plan.next_at <= now:
                current = LAB_STATUSES.index(self.status(plan.lab_order_id, region=plan.region))
                if current >= LAB_STATUSES.index(plan.target):
                    break
                event = self.step(plan.lab_order_id, region=plan.region)
                assert event is not None
                events.append(event)
                plan.next_at += plan.every
            current = LAB_STATUSES.index(self.status(plan.lab_order_id, region=plan.region))
            if current >= LAB_STATUSES.index(plan.target):
                self.schedules.remove(plan)
        return events

    def clear(self) -> None:
        """Forget every schedule."""
        self.schedules.clear()
