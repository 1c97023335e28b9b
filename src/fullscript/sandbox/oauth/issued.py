"""The access/refresh pair the sandbox mints for tests, without a browser or a token call."""

from __future__ import annotations

from typing import Any

import attrs

from .grants import TokenRecord

__all__ = ["IssuedToken"]


@attrs.frozen
class IssuedToken:
    """An access/refresh pair minted by :meth:`Sandbox.issue_token`."""

    access_token: str = attrs.field(repr=False)
    refresh_token: str = attrs.field(repr=False)
    region: str
    scope: str
    expires_in: int
    created_at: str
    resource_owner: dict[str, str]

    @property
    def authorization(self) -> str:
        """Value for the ``Authorization`` header."""
        return f"Bearer {self.access_token}"

    @classmethod
    def from_record(cls, record: TokenRecord) -> IssuedToken:
        """The pair of a stored grant, with the fields of its token response."""
        oauth = record.to_oauth()
        return cls(region=record.region, **{name: oauth[name] for name in _OAUTH_FIELDS})

    def to_oauth(self) -> dict[str, Any]:
        """The ``oauth`` object a token call would have answered for this pair."""
        fields = attrs.asdict(self, recurse=False)
        return {"token_type": "Bearer"} | {name: fields[name] for name in _OAUTH_FIELDS}


#: The members of a token response that an :class:`IssuedToken` keeps.
_OAUTH_FIELDS = (
    "access_token",
    "refresh_token",
    "scope",
    "expires_in",
    "created_at",
    "resource_owner",
)
