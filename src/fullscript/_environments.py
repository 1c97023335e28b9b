"""Where Fullscript serves each environment: the canonical table, and newer copies of it.

Fullscript's docs name one canonical source for hosts and OAuth URLs: the table on the "For AI"
page, also published as ``integration-environments.json`` ("Canonical API and OAuth base URLs
per region and environment"). `CANONICAL_ENVIRONMENTS` is that table, in the shape this module
reads, and the SDK's default. Hosts can move without an SDK release, so `read_environments`
takes a newer copy (a path, a mapping, or the file named by ``FULLSCRIPT_ENVIRONMENTS_FILE``)
and checks it before anything is sent: an unknown environment, a missing field, a URL that is
not https, each raises `EnvironmentsFileError` naming the environment and the field.

The file's shape (environments are named by region key; environments it leaves out keep
their canonical URLs, and fields this SDK does not use are ignored)::

    {"environments": {
        "us-snd": {"api_base_url": "https://api-us-snd.fullscript.io/api",
                   "oauth_authorize_url": "https://api-us-snd.fullscript.io/api/oauth/authorize",
                   "oauth_token_url": "https://api-us-snd.fullscript.io/api/oauth/token"},
        ...}}

`KNOWN_ALIASES` keeps the older values the how-to pages still show: they may still work, but
the canonical table wins.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

from ._errors import FullscriptError, _PicklesKeywords

__all__ = [
    "CANONICAL_ENVIRONMENTS",
    "ENVIRONMENTS_FILE_VARIABLE",
    "FIELDS",
    "KNOWN_ALIASES",
    "EnvironmentURLs",
    "EnvironmentsFileError",
    "read_environments",
]

ENVIRONMENTS_FILE_VARIABLE = "FULLSCRIPT_ENVIRONMENTS_FILE"
"""The environment variable naming a newer copy of the environments file."""

# The operation paths the SDK sends start with /api, so an API base must end with it.
_API_SUFFIX = "/api"

CANONICAL_ENVIRONMENTS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    "environments": {
        "us": {
            "api_base_url": "https://api-us.fullscript.com/api",
            "oauth_authorize_url": "https://api-us.fullscript.com/api/oauth/authorize",
            "oauth_token_url": "https://api-us.fullscript.com/api/oauth/token",
        },
        "ca": {
            "api_base_url": "https://api-ca.fullscript.com/api",
            "oauth_authorize_url": "https://api-ca.fullscript.com/api/oauth/authorize",
            "oauth_token_url": "https://api-ca.fullscript.com/api/oauth/token",
        },
        "us-snd": {
            "api_base_url": "https://api-us-snd.fullscript.io/api",
            "oauth_authorize_url": "https://api-us-snd.fullscript.io/api/oauth/authorize",
            "oauth_token_url": "https://api-us-snd.fullscript.io/api/oauth/token",
        },
        "ca-snd": {
            "api_base_url": "https://api-ca-snd.fullscript.io/api",
            "oauth_authorize_url": "https://api-ca-snd.fullscript.io/api/oauth/authorize",
            "oauth_token_url": "https://api-ca-snd.fullscript.io/api/oauth/token",
        },
    }
}
"""Fullscript's canonical table ("For AI" page, ``integration-environments.json``), as a file
would hold it: ``json.dump`` it to start a newer copy."""
_CANONICAL = CANONICAL_ENVIRONMENTS["environments"]

KNOWN_ALIASES: Mapping[str, Mapping[str, str]] = {
    "us-snd": {"oauth_authorize_url": "https://us-snd.fullscript.io/oauth/authorize"},
    "ca-snd": {"oauth_authorize_url": "https://ca-snd.fullscript.io/oauth/authorize"},
    "us": {
        "api_base_url": "https://api-us.fullscript.io/api",
        "oauth_authorize_url": "https://api-us.fullscript.io/oauth/authorize",
    },
    "ca": {
        "api_base_url": "https://api-ca.fullscript.io/api",
        "oauth_authorize_url": "https://api-ca.fullscript.io/oauth/authorize",
    },
}
"""Older values from the how-to pages ("request an auth code", "request an access token").

They may still be served, but the SDK never uses them unless told to (``Region.with_base_url``
or an environments file): the canonical table is the default.
"""

FIELDS = ("api_base_url", "oauth_authorize_url", "oauth_token_url")
"""The fields each environment of the file must give."""


class EnvironmentURLs(NamedTuple):
    """One environment's URLs, checked: https, no credentials, no trailing slash."""

    api_base_url: str
    oauth_authorize_url: str
    oauth_token_url: str


class EnvironmentsFileError(_PicklesKeywords, FullscriptError, ValueError):
    """An environments file (or mapping) cannot be used; nothing was sent.

    ``source`` names where it came from (a path, ``"mapping"``, or the environment variable and
    its path); ``environment`` and ``field`` name the entry at fault, when there is one.
    """

    _keyword_fields = ("source", "environment", "field")

    def __init__(
        self,
        message: str,
        *,
        source: str,
        environment: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.source = source
        self.environment = environment
        self.field = field


def read_environments(
    source: str | os.PathLike[str] | Mapping[str, object] | None = None,
) -> dict[str, EnvironmentURLs]:
    """Every environment's URLs: the canonical table, updated from ``source``.

    ``source`` is a path to an environments file, its content as a mapping, or ``None``: the
    file named by ``FULLSCRIPT_ENVIRONMENTS_FILE`` when that is set, else the canonical table
    alone. Raises `EnvironmentsFileError` for a file that cannot be read or checked.
    """
    if source is None:
        path = os.environ.get(ENVIRONMENTS_FILE_VARIABLE)
        if not path:
            return _checked({}, "the canonical table")
        source_name = f"{ENVIRONMENTS_FILE_VARIABLE}={path}"
        return _checked(_read_file(path, source_name), source_name)
    if isinstance(source, Mapping):
        return _checked(_environments_of(source, "mapping"), "mapping")
    path = os.fspath(source)
    return _checked(_read_file(path, path), path)


def _read_file(path: str, source: str) -> Mapping[str, object]:
    try:
        with open(path, encoding="utf-8") as handle:
            content = json.load(handle)
    except OSError as error:
        raise EnvironmentsFileError(
            f"cannot read the environments file {source}: {error.strerror}", source=source
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise EnvironmentsFileError(
            f"the environments file {source} is not JSON: {error}", source=source
        ) from None
    return _environments_of(content, source)


def _environments_of(content: object, source: str) -> Mapping[str, object]:
    environments = content.get("environments") if isinstance(content, Mapping) else None
    if not isinstance(environments, Mapping):
        raise EnvironmentsFileError(
            f"environments file {source}: expected an object with an 'environments' object "
            "mapping region keys to their URLs",
            source=source,
            field="environments",
        )
    return environments


def _checked(environments: Mapping[str, object], source: str) -> dict[str, EnvironmentURLs]:
    found = {key: _entry(key, entry, source) for key, entry in environments.items()}
    return {
        key: found.get(key) or _entry(key, defaults, "the canonical table")
        for key, defaults in _CANONICAL.items()
    }


def _entry(key: object, entry: object, source: str) -> EnvironmentURLs:
    if key not in _CANONICAL:
        valid = ", ".join(repr(name) for name in _CANONICAL)
        raise EnvironmentsFileError(
            f"environments file {source}: unknown environment {key!r}; valid ones are {valid}",
            source=source,
            environment=str(key),
        )
    name = str(key)
    if not isinstance(entry, Mapping):
        raise EnvironmentsFileError(
            f"environments file {source}: environment {name!r} must be an object with "
            f"{', '.join(FIELDS)}",
            source=source,
            environment=name,
        )
    urls = EnvironmentURLs(*(_url(name, field, entry.get(field), source) for field in FIELDS))
    if not urls.api_base_url.endswith(_API_SUFFIX):
        raise EnvironmentsFileError(
            f"environments file {source}: environment {name!r} field 'api_base_url' must end "
            f"with {_API_SUFFIX!r} (the SDK's operation paths start there), got "
            f"{urls.api_base_url!r}",
            source=source,
            environment=name,
            field="api_base_url",
        )
    return urls


def _url(environment: str, field: str, value: object, source: str) -> str:
    def fail(problem: str) -> EnvironmentsFileError:
        return EnvironmentsFileError(
            f"environments file {source}: environment {environment!r} field {field!r} {problem}",
            source=source,
            environment=environment,
            field=field,
        )

    if value is None:
        raise fail("is missing")
    if not isinstance(value, str):
        raise fail(f"must be a URL string, got {type(value).__name__}")
    parts = urlsplit(value)
    if "@" in parts.netloc:
        raise fail("must not carry credentials")  # the value is not echoed: it holds them
    if parts.scheme != "https" or not parts.hostname:
        raise fail(f"must be an https URL, got {value!r}")
    if parts.query or parts.fragment:
        raise fail(f"must have no query or fragment, got {value!r}")
    return value.rstrip("/")
