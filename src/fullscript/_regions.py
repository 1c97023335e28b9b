"""Fullscript regions: which server an account (and its OAuth tokens) lives on.

An account lives in exactly one region, and a token is only valid on the server that
issued it, so the region travels with every token (`OAuthToken.region` holds its key).
"""

from __future__ import annotations

from typing import ClassVar

import attrs

__all__ = ["ENVIRONMENTS", "Region"]

ENVIRONMENTS = ("production", "sandbox")
"""Fullscript's two environments; each has a US and a Canada region."""
_SANDBOX_SUFFIX = "-snd"


def _strip_slash(url: str) -> str:
    return url.rstrip("/")


@attrs.frozen
class Region:
    """A Fullscript server: production or sandbox, in the US or Canada.

    ``base_url`` is the bare host (API calls go to ``{base_url}/api/...``); ``authorize_url``
    is the browser page where a user grants your app access.

    Example::

        Region.CA  # production Canada
        Region.from_key("us-snd")  # US sandbox
        Region.CA_SANDBOX.with_base_url("http://127.0.0.1:8000/ca-snd")  # local fake server
    """

    key: str
    base_url: str = attrs.field(converter=_strip_slash)
    authorize_url: str

    US: ClassVar[Region]
    CA: ClassVar[Region]
    US_SANDBOX: ClassVar[Region]
    CA_SANDBOX: ClassVar[Region]

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
        return self.key.endswith(_SANDBOX_SUFFIX)

    @property
    def environment(self) -> str:
        """``"sandbox"`` or ``"production"`` (by key: a re-hosted region keeps its own)."""
        return "sandbox" if self.is_sandbox else "production"

    @property
    def country(self) -> str:
        """``"us"`` or ``"ca"``: the key without the environment."""
        return self.key.removesuffix(_SANDBOX_SUFFIX)

    @classmethod
    def of(cls, country: str, environment: str = "production") -> Region:
        """The documented region of ``country`` (``"us"``/``"ca"``) in ``environment``."""
        if environment not in ENVIRONMENTS:
            raise ValueError(
                f"unknown Fullscript environment {environment!r}; use 'production' or 'sandbox'"
            )
        key = country if environment == "production" else f"{country}{_SANDBOX_SUFFIX}"
        return cls.from_key(key)

    def in_country(self, country: str) -> Region:
        """This environment's region for ``country``, served the way this one is.

        Documented hosts map to documented hosts. A re-hosted region (a served sandbox at
        ``http://127.0.0.1:8765/us-snd``, the in-process sandbox) maps to the same host with
        the other key, when the key is the last path segment or part of the host name
        (``api-us.``); any other base URL raises ``ValueError``, since where the other region
        lives cannot be guessed: give a `Region` built with `with_base_url` instead.
        """
        documented = Region.from_key(self.key)
        target = Region.of(country.removesuffix(_SANDBOX_SUFFIX), self.environment)
        if target.key == self.key:
            return self
        if self == documented:
            return target
        base = _swap_key(self.base_url, self.key, target.key)
        if base is None:
            raise ValueError(
                f"cannot tell where region {target.key!r} is served: this client's base URL "
                f"{self.base_url!r} does not name its region; pass "
                f"Region.from_key({target.key!r}).with_base_url(...) instead"
            )
        if self.authorize_url == f"{self.base_url}/oauth/authorize":
            authorize = f"{base}/oauth/authorize"
        else:
            swapped = _swap_key(self.authorize_url, self.key, target.key)
            authorize = swapped if swapped is not None else f"{base}/oauth/authorize"
        return Region(target.key, base, authorize)

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
        return attrs.evolve(
            self,
            base_url=base,
            authorize_url=authorize_url if authorize_url is not None else f"{base}/oauth/authorize",
        )


def _swap_key(url: str, key: str, other: str) -> str | None:
    """``url`` serving region ``key`` turned into the URL serving ``other``, if it names it."""
    if url.endswith(f"/{key}"):
        return url[: -len(key)] + other
    if f"/{key}/" in url:
        return url.replace(f"/{key}/", f"/{other}/", 1)
    for marker in (f"//api-{key}.", f"//{key}."):
        if marker in url:
            return url.replace(marker, marker.replace(key, other), 1)
    return None


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
