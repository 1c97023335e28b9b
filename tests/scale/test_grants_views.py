"""One app, many clinics: grant views share everything but the token, and every request
carries its own grant's token - counted at the sandbox, through its OAuth records."""

from __future__ import annotations

import asyncio

import pytest

from fullscript import (
    DEFAULT_GRANT,
    GrantRevokedError,
    InMemoryTokenStore,
    InvalidParameterError,
    RegionMismatchError,
    TokenMissingError,
    UnknownGrantError,
)
from fullscript.sandbox import Sandbox

from .grant_support import (
    GrantTracingTransport,
    acting_for,
    add_minted_grants,
    clinic_for_each,
    make_app_client,
    revoke,
)

GRANTS = [f"tenant-{n}" for n in range(6)]


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=3, patients=4)


@pytest.fixture
def traced(sandbox: Sandbox) -> GrantTracingTransport:
    return GrantTracingTransport(sandbox)


async def test_every_request_carries_its_own_grants_token(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    async with make_app_client(sandbox, traced) as fs:
        for grant in GRANTS:
            await fs.add_grant(grant, traced.mint(grant))

        async def calls_for(grant: str, rounds: int) -> None:
            acting_for.set(grant)
            view = fs.for_grant(grant)
            for _ in range(rounds):
                await view.clinic.retrieve()
                await asyncio.sleep(0)  # interleave the grants' requests

        await asyncio.gather(*(calls_for(g, 4) for g in GRANTS))
        # Every token expires at once: each grant refreshes its own pair and replays.
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)
        await asyncio.gather(*(calls_for(g, 3) for g in GRANTS))

    wrong = [c for c in traced.calls if c.token_of != c.acting_for]
    assert wrong == []
    sent = {g: sum(1 for c in traced.calls if c.token_of == g) for g in GRANTS}
    # 7 answered calls per grant, plus the one request per grant that met the 401 and replayed.
    assert sent == dict.fromkeys(GRANTS, 8)
    assert traced.token_endpoint.refreshes == len(GRANTS)
    assert fs.refresh_stats().refreshes_by_grant == {(g, "us"): 1 for g in GRANTS}


async def test_views_share_the_pool_and_closing_one_closes_nothing(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    fs = make_app_client(sandbox, traced)
    await fs.add_grant("a", traced.mint("a"))
    async with fs.for_grant("a") as view:
        await view.clinic.retrieve()
    await fs.for_grant("a").aclose()
    assert not fs.is_closed
    acting_for.set("a")
    await fs.for_grant("a").clinic.retrieve()  # the pool still serves
    assert fs.for_grant("a").token_manager is fs.for_grant("a").token_manager
    await fs.aclose()
    assert fs.for_grant("a").is_closed


async def test_the_single_grant_api_is_the_default_grant(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    store = InMemoryTokenStore()
    async with make_app_client(sandbox, traced, token_store=store) as fs:
        assert fs.grant_id == DEFAULT_GRANT
        await fs.set_token(traced.mint(DEFAULT_GRANT))
        await fs.add_grant("other", traced.mint("other"))
        acting_for.set(DEFAULT_GRANT)
        await fs.clinic.retrieve()
        assert await store.load("us") is not None  # region-only calls: the default grant
        assert await fs.grants() == ["default", "other"]
    assert all(c.token_of == c.acting_for for c in traced.calls)


async def test_list_add_and_remove_grants(sandbox: Sandbox, traced: GrantTracingTransport) -> None:
    async with make_app_client(sandbox, traced) as fs:
        assert await fs.grants() == []
        first = traced.mint("b")
        view = await fs.add_grant("b", first)
        await fs.add_grant("a", traced.mint("a"))
        assert view.grant_id == "b"
        assert await fs.grants() == ["a", "b"]
        assert await fs.with_region("ca").grants() == []  # grants are per region

        with pytest.raises(ValueError, match="grant 'b' in region 'us' already holds"):
            await fs.add_grant("b", traced.mint("b"))
        replacement = traced.mint("b")
        await fs.add_grant("b", replacement, replace=True)

        await fs.remove_grant("b")
        assert await fs.grants() == ["a"]
        # Revoked on the server too, not just forgotten.
        record = sandbox.oauth.lookup(replacement.access_token)
        assert record is not None and record.revoked

        await fs.remove_grant("a", revoke=False)
        assert await fs.grants() == []
        with pytest.raises(UnknownGrantError, match="grant 'a' in region 'us'"):
            await fs.for_grant("a").clinic.retrieve()


async def test_exchange_code_binds_the_pair_to_the_callers_grant_id(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    store = InMemoryTokenStore()
    async with make_app_client(sandbox, traced, token_store=store) as fs:
        token = await fs.exchange_code(sandbox.authorization_code("us"), grant_id="tenant-42")
        assert await store.load("us", "tenant-42") == token
        assert await store.load("us") is None  # the default grant is untouched
        assert (await fs.for_grant("tenant-42").clinic.retrieve()) is not None
        with pytest.raises(TypeError, match="grant_id must be a str"):
            await fs.exchange_code("code", grant_id=42)  # type: ignore[arg-type]


async def test_bad_grant_input_gets_a_clear_error(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    async with make_app_client(sandbox, traced) as fs:
        with pytest.raises(TypeError, match=r"grant_id must be a str.*got int"):
            fs.for_grant(42)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="non-empty"):
            fs.for_grant("")
        with pytest.raises(
            InvalidParameterError, match="at most 1024 characters, got 1025"
        ) as too_long:
            fs.for_grant("t" * 1025)
        assert too_long.value.parameter == "grant_id" and "ttt" not in str(too_long.value)
        with pytest.raises(
            UnknownGrantError, match="no OAuth token stored for grant 'nobody'"
        ) as info:
            await fs.for_grant("nobody").clinic.retrieve()
        assert "exchange_code(code, grant_id='nobody')" in str(info.value)
        assert isinstance(info.value, TokenMissingError)  # old except clauses still catch it
        with pytest.raises(UnknownGrantError, match="'nobody'"):
            await fs.remove_grant("nobody")
        with pytest.raises(RegionMismatchError):
            await fs.add_grant("ca-clinic", traced.mint("ca-clinic", region="ca"))
        with pytest.raises(TypeError, match="OAuthToken"):
            await fs.add_grant("x", "a-bare-access-token")  # type: ignore[arg-type]


async def test_a_revoked_grant_fails_alone_with_a_message_saying_so(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    async with make_app_client(sandbox, traced) as fs:
        tokens = await add_minted_grants(fs, traced, GRANTS)
        revoked = GRANTS[2]
        revoke(sandbox, tokens[revoked])  # the clinic revoked the integration
        sandbox.advance_time(sandbox.oauth.token_ttl + 1)
        results = await clinic_for_each(fs, GRANTS)
    failures = {g: r for g, r in results.items() if isinstance(r, Exception)}
    assert list(failures) == [revoked]
    error = failures[revoked]
    assert isinstance(error, GrantRevokedError)
    assert error.grant_id == revoked
    assert f"token pair of grant {revoked!r} in region 'us' is dead" in str(error)
    assert "authorize the app again for this grant" in str(error)
    assert fs.refresh_stats().dead_grants == 1
    assert fs.refresh_stats().refreshes == len(GRANTS) - 1


async def test_a_dead_grant_fails_fast_until_it_is_authorized_again(
    sandbox: Sandbox, traced: GrantTracingTransport
) -> None:
    async with make_app_client(sandbox, traced) as fs:
        token = traced.mint("gone")
        view = await fs.add_grant("gone", token)
        revoke(sandbox, token)
        acting_for.set("gone")
        with pytest.raises(GrantRevokedError):
            await view.clinic.retrieve()
        refused = traced.token_endpoint.refused_refreshes
        for _ in range(3):
            with pytest.raises(GrantRevokedError, match="is dead"):
                await view.clinic.retrieve()
        # The store still holds the refused pair: no further refresh is attempted.
        assert traced.token_endpoint.refused_refreshes == refused == 1
        assert fs.refresh_stats().dead_grants == 1
        # Authorized again: the grant works.
        code = sandbox.authorization_code("us")
        await fs.exchange_code(code, grant_id="gone")
        traced.grant_of_first_pair[
            (await fs.for_grant("gone").token_manager.get_token()).access_token
        ] = "gone"
        await view.clinic.retrieve()
