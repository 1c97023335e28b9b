"""Fullscript regions: which server an account (and its OAuth tokens) lives on.

An account lives in exactly one region, and a token is only valid on the server that
issued it, so the region travels with every token (`OAuthToken.region` holds its key).

Each region's URLs come from Fullscript's canonical environments table (`._environments`);
``FULLSCRIPT_ENVIRONMENTS_FILE`` or `load_environments` put a newer copy of it in charge.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from typing import ClassVar

import attrs

from ._environments import (
    CANONICAL_ENVIRONMENTS,
    ENVIRONMENTS_FILE_VARIABLE,
    EnvironmentURLs,
    read_environments,
)
from ._errors import InvalidParameterError
from ._reprs import never_raising_repr

__all__ = ["ENVIRONMENTS", "Region", "load_environments"]

ENVIRONMENTS = ("production", "sandbox")
"""Fullscript's two environments; each has a US and a Canada region."""
_SANDBOX_SUFFIX = "-snd"
_API_PATH = "/api"


def _strip_slash(url: str) -> str:
    return url.rstrip("/")


def _authorize_url_at(base_url: str) -> str:
    """The browser authorize page of a server at ``base_url``: ``{api}/oauth/authorize``."""
    return f"{base_url}{_API_PATH}/oauth/authorize"


def _token_url_at(base_url: str) -> str:
    return f"{base_url}{_API_PATH}/oauth/token"


# init=False: the URLs' defaults derive from base_url, and None asks for them explicitly.
@attrs.frozen(init=False, repr=False)
class Region:
    """A Fullscript server: production or sandbox, in the US or Canada.

    ``base_url`` is the server's root (API calls go to ``{base_url}/api/...``);
    ``authorize_url`` is the browser page where a user grants your app access and
    ``token_url`` the OAuth token endpoint. Both default to the canonical shape,
    ``{base_url}/api/oauth/authorize`` and ``{base_url}/api/oauth/token``.

    Example::

        Region.CA  # production Canada
        Region.from_key("us-snd")  # US sandbox (follows FULLSCRIPT_ENVIRONMENTS_FILE when set)
        Region.CA_SANDBOX.with_base_url("http://127.0.0.1:8000/ca-snd")  # local fake server
    """

    __repr__ = never_raising_repr

    key: str
    base_url: str
    authorize_url: str
    token_url: str

    # Fullscript's canonical table, built in; `from_key` follows a loaded environments file.
    US: ClassVar[Region]
    CA: ClassVar[Region]
    US_SANDBOX: ClassVar[Region]
    CA_SANDBOX: ClassVar[Region]

    def __init__(
        self,
        key: str,
        base_url: str,
        authorize_url: str | None = None,
        token_url: str | None = None,
    ) -> None:
        base = _strip_slash(base_url)
        self.__attrs_init__(
            key,
            base,
            authorize_url if authorize_url is not None else _authorize_url_at(base),
            token_url if token_url is not None else _token_url_at(base),
        )

    @property
    def api_url(self) -> str:
        """Root of the REST API, ``{base_url}/api``."""
        return f"{self.base_url}{_API_PATH}"

    @property
    def revoke_url(self) -> str:
        """OAuth revoke endpoint (``{api_url}/oauth/revoke`` in every environment)."""
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
        """The region of ``country`` (``"us"``/``"ca"``) in ``environment``."""
        if environment not in ENVIRONMENTS:
            raise InvalidParameterError(
                f"unknown Fullscript environment {environment!r}; use 'production' or 'sandbox'",
                operation="Region.of",
                parameter="environment",
            )
        key = country if environment == "production" else f"{country}{_SANDBOX_SUFFIX}"
        return cls.from_key(key)

    def in_country(self, country: str) -> Region:
        """This environment's region for ``country``, served the way this one is.

        A region of the environments table maps to the table's region. A re-hosted region (a
        served sandbox at ``http://127.0.0.1:8765/us-snd``, the in-process sandbox) maps to the
        same host with the other key, when the key is the last path segment or part of the host
        name (``api-us.``); any other base URL raises `InvalidParameterError` (a ``ValueError``), since where the other
        region lives cannot be guessed: give a `Region` built with `with_base_url` instead.
        """
        target = Region.of(country.removesuffix(_SANDBOX_SUFFIX), self.environment)
        if target.key == self.key:
            return self
        if self in (Region.from_key(self.key), _CANONICAL_REGIONS.get(self.key)):
            return target
        base = _swap_key(self.base_url, self.key, target.key)
        if base is None:
            raise InvalidParameterError(
                f"cannot tell where region {target.key!r} is served: this client's base URL "
                f"{self.base_url!r} does not name its region; pass "
                f"Region.from_key({target.key!r}).with_base_url(...) instead",
                operation="Region.in_country",
                parameter="country",
            )
        return Region(
            target.key,
            base,
            self._carried(self.authorize_url, _authorize_url_at, base, target.key),
            self._carried(self.token_url, _token_url_at, base, target.key),
        )

    def _carried(self, url: str, shape: Callable[[str], str], base: str, other: str) -> str:
        """``url`` of this region as the region ``other`` served from ``base`` has it."""
        if url == shape(self.base_url):
            return shape(base)
        swapped = _swap_key(url, self.key, other)
        return swapped if swapped is not None else shape(base)

    @classmethod
    def all(cls) -> tuple[Region, ...]:
        """The four regions Fullscript operates, from the environments table in use."""
        return tuple(_active_regions().values())

    @classmethod
    def from_key(cls, key: str) -> Region:
        """Look a region up by key (``"us"``, ``"ca"``, ``"us-snd"``, ``"ca-snd"``).

        The URLs come from the file named by ``FULLSCRIPT_ENVIRONMENTS_FILE`` when that is set
        (read once; `EnvironmentsFileError` if it cannot be used), else from Fullscript's
        canonical table. Raises `InvalidParameterError` (a ``ValueError``) naming the valid keys when ``key`` is unknown.
        """
        regions = _active_regions()
        found = regions.get(key)
        if found is None:
            valid = ", ".join(repr(known) for known in regions)
            raise InvalidParameterError(
                f"unknown Fullscript region {key!r}; valid regions are {valid}",
                operation="Region.from_key",
                parameter="key",
            )
        return found

    def with_base_url(self, base_url: str, authorize_url: str | None = None) -> Region:
        """The same region served from another host (a proxy, a local sandbox, ...).

        The key is kept, so tokens issued for this region stay valid here. The authorize
        page defaults to ``{base_url}/api/oauth/authorize``, the token endpoint is
        ``{base_url}/api/oauth/token``.
        """
        return Region(self.key, base_url, authorize_url)


def load_environments(
    source: str | os.PathLike[str] | Mapping[str, object] | None = None,
) -> dict[str, Region]:
    """Every region, by key, from a newer copy of Fullscript's environments file.

    ``source`` is a path to ``integration-environments.json``, its content as a mapping, or
    ``None`` for the file named by ``FULLSCRIPT_ENVIRONMENTS_FILE`` (the canonical table when
    unset). Environments the file leaves out keep their canonical URLs. A file that cannot be
    used raises `EnvironmentsFileError` naming the environment and the field at fault.

    Example::

        regions = load_environments("integration-environments.json")
        fs = Fullscript(..., region=regions["ca"])
    """
    return {key: _region(key, urls) for key, urls in read_environments(source).items()}


def _region(key: str, urls: EnvironmentURLs) -> Region:
    base = urls.api_base_url.removesuffix(_API_PATH)
    return Region(key, base, urls.oauth_authorize_url, urls.oauth_token_url)


def _active_regions() -> Mapping[str, Region]:
    path = os.environ.get(ENVIRONMENTS_FILE_VARIABLE)
    return _regions_from_file(path) if path else _CANONICAL_REGIONS


@functools.cache
def _regions_from_file(path: str) -> Mapping[str, Region]:
    """The regions of the file ``FULLSCRIPT_ENVIRONMENTS_FILE`` names (``path``): read once."""
    return load_environments()


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


_CANONICAL_REGIONS: Mapping[str, Region] = {
    key: _region(key, urls) for key, urls in read_environments(CANONICAL_ENVIRONMENTS).items()
}
Region.US = _CANONICAL_REGIONS["us"]
Region.CA = _CANONICAL_REGIONS["ca"]
Region.US_SANDBOX = _CANONICAL_REGIONS["us-snd"]
Region.CA_SANDBOX = _CANONICAL_REGIONS["ca-snd"]
