"""`Hooks`: request, response and event callbacks, for users without OpenTelemetry.

A `Hooks` is one observer of the seam in `_observation`; OpenTelemetry (`fullscript.telemetry`)
is another. Pass it as ``Fullscript(..., hooks=Hooks(...))``.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import attrs

from ._observation import AttemptInfo, CallEvent, CallInfo

__all__ = ["Hooks"]

logger = logging.getLogger("fullscript")

Info = TypeVar("Info", AttemptInfo, CallEvent)
Callback = Callable[[Info], Awaitable[None] | None]


@attrs.frozen
class Hooks:
    """Callbacks told about every attempt and event of every operation call; sync or async.

    * ``on_request(attempt)``: an attempt is about to be sent (its wait for a rate-limit slot
      is over: ``attempt.limiter_wait``);
    * ``on_response(attempt)``: it ended, with ``status_code`` or ``error_type``, ``duration``
      and ``request_id``;
    * ``on_event(event)``: a 429 pause, a retry, a token refresh, a page fetched again (see
      `CallEvent`).

    ``attempt.call`` names the operation (``patients.retrieve``), its path template, region
    and grant. Nothing handed to a hook holds a token, a secret or a query string. A hook that
    raises is logged and ignored: it never fails the call::

        def record(attempt: AttemptInfo) -> None:
            print(attempt.call.operation, attempt.status_code, attempt.duration)

        fs = Fullscript(..., hooks=Hooks(on_response=record))
    """

    on_request: Callback[AttemptInfo] | None = None
    on_response: Callback[AttemptInfo] | None = None
    on_event: Callback[CallEvent] | None = None

    def call_started(self, call: CallInfo) -> None:
        return None

    def call_ended(self, call: CallInfo, error: BaseException | None) -> None:
        return None

    def wait_started(self, call: CallInfo, quota: str) -> None:
        return None

    def wait_ended(self, call: CallInfo, quota: str) -> None:
        return None

    def attempt_started(self, attempt: AttemptInfo) -> Awaitable[None] | None:
        return _run(self.on_request, attempt)

    def attempt_ended(self, attempt: AttemptInfo) -> Awaitable[None] | None:
        return _run(self.on_response, attempt)

    def event(self, event: CallEvent) -> Awaitable[None] | None:
        return _run(self.on_event, event)


def _run(callback: Callback[Info] | None, info: Info) -> Awaitable[None] | None:
    if callback is None:
        return None
    try:
        result = callback(info)
    except Exception:
        _log_failure(callback)
        return None
    if result is not None and inspect.isawaitable(result):
        return _guarded(callback, result)
    return None


async def _guarded(callback: Callback[Info], result: Awaitable[None]) -> None:
    try:
        await result
    except Exception:
        _log_failure(callback)


def _log_failure(callback: object) -> None:
    name = getattr(callback, "__qualname__", type(callback).__name__)
    logger.warning("the hook %s raised; the call goes on", name, exc_info=True)
