"""Fullscript regions: which server an account (and its OAuth tokens) lives on.

An account lives in exactly one region, and a token is only valid on the server that
issued it, so the region travels with every token (`OAuthToken.region` holds its key).
"""

from __future__ import annotations

from typing import ClassVar

from ._values import FrozenValue

__all__ = ["Region"]


def _strip_slash(url: str) -> str:
    return url.rstrip("/")


class Region(FrozenValue):
    """A Fullscript server: production or sandbox, in the US or Canada.

    ``base_url`` is the bare host (API calls go to ``{base_url}/api/...``); ``authorize_url``
    is the browser page where a user grants your app access.

    Example::

        Region.CA  # production Canada
        Region.from_key("us-snd")  # US sandbox
        Region.CA_SANDBOX.with_base_url("http://127.0.0.1:8000/ca-snd")  # local fake server
    """

    # In field order, not sorted: repr() and equality follow it.
    __slots__ = ("key", "base_url", "authorize_url")  # noqa: RUF023
    key: str
    base_url: str
    authorize_url: str

    US: ClassVar[Region]
    CA: ClassVar[Region]
    US_SANDBOX: ClassVar[Region]
    CA_SANDBOX: ClassVar[Region]

    def __init__(self, key: str, base_url: str, authorize_url: str) -> None:
        self._set(key=key, base_url=_strip_slash(base_url), authorize_url=authorize_url)

    @property
    def api_url(self) -> str:
        """Root of the REST API, ``{base_url}/api``."""
        return f"{self.base_url}/api"

    @property
    def token_url(self) -> str:
        """OAuth token endpoint (code exchange and refresh)."""
        return f"{self.api_url}/oauth/token"

    @property
    def revoke_url(self) -> str:
        """OAuth revoke endpoint."""
        return f"{self.api_url}/oauth/revoke"

    @property
    def is_sandbox(self) -> bool:
        """True for the sandbox regions (keys ending in ``-snd``)."""
        return self.key.endswith("-snd")

    @classmethod
    def all(cls) -> tuple[Region, ...]:
        """The four regions Fullscript operates, with their documented URLs."""
        return (cls.US, cls.CA, cls.US_SANDBOX, cls.CA_SANDBOX)

    @classmethod
    def from_key(cls, key: str) -> Region:
        """Look a region up by key (``"us"``, ``"ca"``, ``"us-snd"``, ``"ca-snd"``).

        Raises ``ValueError`` naming the valid keys when ``key`` is unknown.
        """
        for region in cls.all():
            if region.key == key:
                return region
        valid = ", ".join(repr(region.key) for region in cls.all())
        raise ValueError(f"unknown Fullscript region {key!r}; valid regions are {valid}")

    def with_base_url(self, base_url: str, authorize_url: str | None = None) -> Region:
        """The same region served from another host (a proxy, a local sandbox, ...).

        The key is kept, so tokens issued for this region stay valid here. The authorize
        page defaults to ``{base_url}/oauth/authorize``.
        """
        base = _strip_slash(base_url)
        return self.evolve(
            base_url=base,
            authorize_url=authorize_url if authorize_url is not None else f"{base}/oauth/authorize",
        )


Region.US = Region(
    "us", "https://api-us.fullscript.io", "https://api-us.fullscript.io/oauth/authorize"
)
Region.CA = Region(
    "ca", "https://api-ca.fullscript.io", "https://api-ca.fullscript.io/oauth/authorize"
)
Region.US_SANDBOX = Region(
    "us-snd", "https://api-us-snd.fullscript.io", "https://us-snd.fullscript.io/oauth/authorize"
)
Region.CA_SANDBOX = Region(
    "ca-snd", "https://api-ca-snd.fullscript.io", "https://ca-snd.fullscript.io/oauth/authorize"
)
