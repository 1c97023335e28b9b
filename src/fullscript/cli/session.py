"""What every command shares: the chosen profile, the vault, and a client built from them.

The client is an ordinary `Fullscript` (tokens, pacing, retries and typed errors as in any
program); its token store is the vault, so a refreshed pair is saved where ``login`` put it.
The client secret comes from ``FULLSCRIPT_CLIENT_SECRET`` or the vault, never from argv.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import attrs

from fullscript import CallbackTokenStore, Fullscript, OAuthToken

from .exit_codes import AuthNeededError
from .profiles import DEFAULT_PROFILE, Profile, ProfileBook, config_directory
from .vault import DEFAULT_KEYRING_TIMEOUT, CredentialVault

if TYPE_CHECKING:
    from fullscript import RateLimiter

__all__ = ["CliContext", "client_for", "token_store_for"]

CLIENT_SECRET_ENV = "FULLSCRIPT_CLIENT_SECRET"
WEBHOOK_SECRET_ENV = "FULLSCRIPT_WEBHOOK_SECRET"


@attrs.define(kw_only=True)
class CliContext:
    """Options of the root command, shared by every subcommand (Click's ``ctx.obj``)."""

    profile_name: str = DEFAULT_PROFILE
    warn: Callable[[str], None]
    book: ProfileBook = attrs.field(factory=lambda: ProfileBook(config_directory()))
    vault: CredentialVault = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        timeout = float(os.environ.get("FULLSCRIPT_KEYRING_TIMEOUT", DEFAULT_KEYRING_TIMEOUT))
        self.vault = CredentialVault(self.book.directory, warn=self.warn, timeout=timeout)

    def profile(self) -> Profile:
        """The chosen profile, or `AuthNeededError` when nobody logged in with it."""
        found = self.book.get(self.profile_name)
        if found is None:
            raise AuthNeededError(
                f"profile {self.profile_name!r} is not logged in: run `fullscript login"
                + (
                    ""
                    if self.profile_name == DEFAULT_PROFILE
                    else f" --profile {self.profile_name}"
                )
                + "`"
            )
        return found

    def client_secret(self, profile: Profile) -> str | None:
        return os.environ.get(CLIENT_SECRET_ENV) or self.vault.get(
            profile.secret_name("client_secret")
        )

    def webhook_secret(self, profile: Profile) -> str | None:
        return os.environ.get(WEBHOOK_SECRET_ENV) or self.vault.get(
            profile.secret_name("webhook_secret")
        )


def token_store_for(profile: Profile, vault: CredentialVault) -> CallbackTokenStore:
    """A token store holding this profile's pair in the vault."""
    name = profile.secret_name("token")

    def load(region: str, grant_id: str) -> OAuthToken | None:
        stored = vault.get(name)
        return None if stored is None else OAuthToken.from_dict(json.loads(stored))

    def save(token: OAuthToken, grant_id: str) -> None:
        vault.set(name, json.dumps(token.to_dict()))

    def delete(region: str, grant_id: str) -> None:
        vault.delete(name)

    return CallbackTokenStore(load=load, save=save, delete=delete)


@asynccontextmanager
async def client_for(
    context: CliContext,
    profile: Profile | None = None,
    *,
    limiter: RateLimiter | None = None,
) -> AsyncIterator[Fullscript]:
    """A client acting for the profile's grant; closed on exit."""
    profile = profile if profile is not None else context.profile()
    secret = context.client_secret(profile)
    if not secret:
        raise AuthNeededError(
            f"no client secret for profile {profile.name!r}: set {CLIENT_SECRET_ENV} or run "
            "`fullscript login`"
        )
    owner = Fullscript(
        client_id=profile.client_id,
        client_secret=secret,
        redirect_uri=profile.redirect_uri,
        region=profile.resolved_region(),
        token_store=token_store_for(profile, context.vault),
        limiter=limiter,
    )
    try:
        yield owner.for_grant(profile.grant)
    finally:
        await owner.aclose()
