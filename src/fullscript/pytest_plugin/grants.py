"""The ``fullscript_grants`` fixture: more clinics (grants) and regions for a test's client."""

from __future__ import annotations

from fullscript import Fullscript, OAuthToken
from fullscript.sandbox import Sandbox

__all__ = ["GrantFactory"]


class GrantFactory:
    """Authorizes more clinics and regions on the test's sandbox, for the test's client.

    ``await fullscript_grants.add("tenant-42")`` is a view of the client for a new grant, holding
    its own token pair; ``region="ca"`` puts it in another region. ``await
    fullscript_grants.region("ca")`` is the client's default grant in another region.
    """

    def __init__(self, sandbox: Sandbox, client: Fullscript) -> None:
        self._sandbox = sandbox
        self._client = client

    def __repr__(self) -> str:
        return f"GrantFactory(region={self._client.region.key!r})"

    def _token(self, region: str) -> OAuthToken:
        issued = self._sandbox.issue_token(region)
        return OAuthToken.from_response(issued.to_oauth(), region=region)

    def _in(self, region: str | None) -> Fullscript:
        if region is None or region == self._client.region.key:
            return self._client
        return self._client.with_region(region)

    async def add(self, grant_id: str, *, region: str | None = None) -> Fullscript:
        """A new grant ``grant_id`` with a fresh token pair, in ``region`` (default: the
        client's); returns the client's view for it."""
        client = self._in(region)
        return await client.add_grant(grant_id, self._token(client.region.key))

    async def region(self, region: str) -> Fullscript:
        """The client for ``region`` (its default grant, authorized there)."""
        client = self._in(region)
        await client.set_token(self._token(client.region.key))
        return client
