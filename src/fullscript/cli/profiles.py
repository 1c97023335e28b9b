"""Named profiles: which app, region, environment and grant a command acts for. No secrets.

Profiles live in ``profiles.json`` in the configuration directory: ``$FULLSCRIPT_CONFIG_DIR``,
else ``$XDG_CONFIG_HOME/fullscript``, else ``~/.config/fullscript``. Secrets (the client
secret, the token pair, the webhook secret) live in the `CredentialVault`, under the names
`Profile.secret_name` gives.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs

from fullscript import DEFAULT_GRANT, Region

__all__ = ["Profile", "ProfileBook", "config_directory"]

DEFAULT_PROFILE = "default"
PROFILES_FILE = "profiles.json"


def config_directory() -> Path:
    """Where profiles (and the fallback credentials file) live."""
    explicit = os.environ.get("FULLSCRIPT_CONFIG_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "fullscript"


@attrs.frozen(kw_only=True)
class Profile:
    """One login: an app's public settings, where it talks to, and which grant it acts for.

    Attributes:
        name: the profile's name (``--profile``; default ``"default"``).
        client_id: the app's client id.
        redirect_uri: the app's registered redirect URI (a loopback one for ``login``).
        region: the region key (``"us"``, ``"ca-snd"``, ...).
        base_url: another host serving the region (a local sandbox), or None.
        grant: the grant id the token pair is stored for.
    """

    name: str = DEFAULT_PROFILE
    client_id: str
    redirect_uri: str
    region: str = "us"
    base_url: str | None = None
    grant: str = DEFAULT_GRANT

    def resolved_region(self) -> Region:
        """The `Region` this profile talks to (its key, served from ``base_url`` if set)."""
        region = Region.from_key(self.region)
        return region.with_base_url(self.base_url) if self.base_url else region

    def secret_name(self, what: str) -> str:
        """The vault name of this profile's ``what`` (``client_secret``, ``token``, ...)."""
        if what == "token":
            return f"{self.name}/token/{self.region}/{self.grant}"
        return f"{self.name}/{what}"


class ProfileBook:
    """The profiles file: read, saved whole, never holding a secret."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def file(self) -> Path:
        return self.directory / PROFILES_FILE

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def all(self) -> list[Profile]:
        return [self._profile(name, fields) for name, fields in sorted(self._read().items())]

    def get(self, name: str) -> Profile | None:
        fields = self._read().get(name)
        return None if fields is None else self._profile(name, fields)

    def save(self, profile: Profile) -> None:
        data = self._read()
        data[profile.name] = {k: v for k, v in attrs.asdict(profile).items() if k != "name"}
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.file.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    def remove(self, name: str) -> None:
        data = self._read()
        if data.pop(name, None) is not None:
            self.file.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", "utf-8")

    @staticmethod
    def _profile(name: str, fields: dict[str, Any]) -> Profile:
        known = {field.name for field in attrs.fields(Profile)} - {"name"}
        return Profile(name=name, **{k: v for k, v in fields.items() if k in known})
