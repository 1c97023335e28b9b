"""Grants: one OAuth authorization (one practitioner or clinic account) in one region.

One `Fullscript` (one app: credentials, pool, limiter, store) serves many grants. Each grant
has its own token pair, stored under ``(grant_id, region)``; the single-grant API uses
:data:`DEFAULT_GRANT`.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from ._errors import (
    AuthenticationError,
    InvalidParameterError,
    InvalidParameterTypeError,
    TokenMissingError,
)

__all__ = [
    "DEFAULT_GRANT",
    "GrantRevokedError",
    "GrantStates",
    "UnknownGrantError",
    "check_grant_id",
]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DEFAULT_GRANT = "default"
"""The grant a client uses unless told otherwise (``Fullscript(...)``, ``fs.exchange_code(code)``)."""


MAX_GRANT_ID_CHARS = 1024
"""Longer grant ids are refused: a grant id is a key in every store and log line."""


def check_grant_id(grant_id: object, *, argument: str = "grant_id") -> str:
    """``grant_id`` if it is a usable grant id; `InvalidParameterError` naming it otherwise
    (`InvalidParameterTypeError`, also a ``TypeError``, when it is not a str)."""
    if not isinstance(grant_id, str):
        raise InvalidParameterTypeError(
            f"{argument} must be a str (e.g. your tenant id), got {type(grant_id).__name__}",
            operation="grant",
            parameter=argument,
        )
    if not grant_id or grant_id != grant_id.strip():
        raise InvalidParameterError(
            f"{argument} must be a non-empty str without surrounding whitespace, got {grant_id!r}",
            operation="grant",
            parameter=argument,
        )
    if len(grant_id) > MAX_GRANT_ID_CHARS:
        raise InvalidParameterError(
            f"{argument} must be at most {MAX_GRANT_ID_CHARS} characters, got {len(grant_id)}",
            operation="grant",
            parameter=argument,
        )
    return grant_id


def describe_grant(grant_id: str, region: str) -> str:
    """How messages name a grant: ``grant 'tenant-42' in region 'us'``."""
    return f"grant {grant_id!r} in region {region!r}"


class UnknownGrantError(TokenMissingError, LookupError):
    """No token pair is stored for this grant in this region.

    The message names the grant and the region, and says how to add it.
    """

    def __init__(self, grant_id: str, region: str) -> None:
        if grant_id == DEFAULT_GRANT:
            how = (
                "send the user to fs.authorization_url(state), then call "
                "await fs.exchange_code(code) with the code from the redirect (or "
                "await fs.set_token(token) with a token you already hold)"
            )
        else:
            how = (
                f"authorize it with await fs.exchange_code(code, grant_id={grant_id!r}), or "
                f"await fs.add_grant({grant_id!r}, token) with a pair you already hold"
            )
        super().__init__(f"no OAuth token stored for {describe_grant(grant_id, region)}: {how}")
        self.grant_id = grant_id
        self.region = region

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.grant_id, self.region))


class GrantRevokedError(AuthenticationError):
    """The server refused the stored refresh token, and the store holds no newer pair.

    The grant is dead (revoked by the clinic, or expired): the practitioner must authorize
    the app again. Other grants of the same client are not affected.
    """

    grant_id: str
    region: str

    @classmethod
    def from_refusal(
        cls, refusal: AuthenticationError, grant_id: str, region: str
    ) -> GrantRevokedError:
        """The dead-grant error for a refused refresh, keeping its status, url and request id."""
        error = cls(
            f"the stored token pair of {describe_grant(grant_id, region)} is dead: the server "
            f"refused its refresh token ({refusal.message}) and no process sharing the token "
            "store has a newer pair; authorize the app again for this grant",
            status_code=refusal.status_code,
            method=refusal.method,
            url=refusal.url,
            headers=refusal.headers,
            body=refusal.body,
            request_id=refusal.request_id,
        )
        error.grant_id = grant_id
        error.region = region
        return error


class GrantStates(Generic[K, V]):
    """Per-grant state (a grant's connection and token manager) that thousands of idle grants
    do not pile up.

    A state lives while anything uses it (a grant view, a call, a refresh in flight), so a
    grant never has two at once; beyond that the ``keep`` most recently asked for are kept,
    so a grant used again soon finds its own. Any other is freed, and built again, exactly as
    on the grant's first use, the next time it is asked for.
    """

    def __init__(self, keep: int) -> None:
        self._keep = keep
        self._live: weakref.WeakValueDictionary[K, V] = weakref.WeakValueDictionary()
        self._recent: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The state of ``key``, made by ``make()`` when nothing holds it any more."""
        value = self._recent.get(key)
        if value is not None:
            self._recent.move_to_end(key)
            return value
        value = self._live.get(key)
        if value is None:
            value = make()
            self._live[key] = value
        self._recent[key] = value
        if len(self._recent) > self._keep:
            self._recent.popitem(last=False)
        return value

    def find(self, key: K) -> V | None:
        """The state of ``key`` if it is alive (no new one is made)."""
        return self._live.get(key)

    def pop(self, key: K) -> V | None:
        """Forget ``key``'s state (those still holding it keep it)."""
        self._recent.pop(key, None)
        return self._live.pop(key, None)

    def items(self) -> list[tuple[K, V]]:
        """Every state alive now."""
        return list(self._live.items())

    def __len__(self) -> int:
        return len(self._live)
