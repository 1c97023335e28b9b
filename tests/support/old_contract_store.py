"""A token store written against the old, region-only `TokenStore` contract (no grants), for
the tests of its deprecated support."""

from __future__ import annotations

from fullscript import OAuthToken


class RegionOnlyStore:
    """One pair per region, kept in `tokens`; `load`/`save`/`delete` take no grant id."""

    def __init__(self, *tokens: OAuthToken) -> None:
        self.tokens: dict[str, OAuthToken] = {token.region: token for token in tokens}

    async def load(self, region: str) -> OAuthToken | None:
        return self.tokens.get(region)

    async def save(self, token: OAuthToken) -> None:
        self.tokens[token.region] = token

    async def delete(self, region: str) -> None:
        self.tokens.pop(region, None)
