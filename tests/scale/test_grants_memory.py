"""Thousands of grants: an idle grant's connection state is freed, a grant in use keeps one
token manager, and a grant used again after being freed works as on its first call."""

from __future__ import annotations

import gc
import inspect
import tracemalloc
import typing

import httpx2
import pytest

import fullscript._client_machinery as client_module
from fullscript import Fullscript, InMemoryTokenStore, OAuthToken
from fullscript.sandbox import Sandbox

from .grant_support import GrantTracingTransport, add_minted_grants, make_app_client

# A grant's idle state is at most this many bytes on average at 10,000 grants (issue 14).
IDLE_GRANT_BYTES = 2048


def offline_client(**options: object) -> Fullscript:
    """A client whose requests never leave the process (none are sent by these tests)."""
    return Fullscript(
        client_id="app",
        client_secret="app-secret",
        redirect_uri="https://app.example/callback",
        transport=httpx2.MockTransport(lambda request: httpx2.Response(500)),
        **options,  # type: ignore[arg-type]
    )


def test_idle_grants_are_freed_beyond_the_recently_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "IDLE_GRANTS_KEPT", 16)
    fs = offline_client()
    for n in range(1000):
        fs.for_grant(f"clinic-{n}").patients  # noqa: B018 - a view used once, then dropped
    # The default grant (held by fs itself) and the 16 most recently used: no more.
    assert fs._shared.live_grants() == 17  # type: ignore[attr-defined]


def test_a_grant_in_use_keeps_its_one_token_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "IDLE_GRANTS_KEPT", 4)
    fs = offline_client()
    held = fs.for_grant("clinic-held")
    manager_only = fs.for_grant(
        "clinic-refreshing"
    ).token_manager  # as a refresh in flight holds it
    for n in range(100):
        fs.for_grant(f"clinic-{n}")
    assert fs.for_grant("clinic-held").token_manager is held.token_manager
    assert fs.for_grant("clinic-refreshing").token_manager is manager_only


def test_memory_per_idle_grant_at_10000_grants_is_bounded() -> None:
    fs = offline_client()
    fs.for_grant("warm-up").patients  # noqa: B018 - the per-region clients, made once
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(10_000):
            fs.for_grant(f"clinic-{n}").patients  # noqa: B018
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert (after - before) / 10_000 <= IDLE_GRANT_BYTES


def test_a_new_token_manager_does_not_introspect_the_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fs = offline_client(token_store=InMemoryTokenStore())
    introspections: list[str] = []

    def counting(name: str, real: typing.Any) -> typing.Any:
        def wrapper(*args: object, **kwargs: object) -> object:
            introspections.append(name)
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(inspect, "signature", counting("signature", inspect.signature))
    monkeypatch.setattr(inspect, "getattr_static", counting("static", inspect.getattr_static))
    if hasattr(typing, "_get_protocol_attrs"):
        real = typing._get_protocol_attrs  # type: ignore[attr-defined]
        monkeypatch.setattr(typing, "_get_protocol_attrs", counting("protocol", real))
    for n in range(50):
        fs.for_grant(f"clinic-{n}").token_manager  # noqa: B018
    assert introspections == []


async def test_a_grant_used_again_after_being_freed_loads_its_pair_once_and_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(client_module, "IDLE_GRANTS_KEPT", 2)
    sandbox = Sandbox(seed=5, patients=2)
    traced = GrantTracingTransport(sandbox)
    store = CountingStore()
    async with make_app_client(sandbox, traced, token_store=store) as fs:
        grants = [f"clinic-{n}" for n in range(6)]
        await add_minted_grants(fs, traced, grants)
        for grant in grants:
            await fs.for_grant(grant).clinic.retrieve()
        loads_before = store.loads.copy()
        for grant in grants:  # each was freed by the later ones: built again, as at first use
            await fs.for_grant(grant).clinic.retrieve()
            await fs.for_grant(grant).clinic.retrieve()
        assert {g: store.loads[g] - loads_before.get(g, 0) for g in grants} == dict.fromkeys(
            grants, 1
        )
        assert fs.refresh_stats().refreshes == 0
    owners = [call.token_of for call in traced.calls]
    assert owners == grants + [grant for grant in grants for _ in range(2)]


class CountingStore(InMemoryTokenStore):
    """An in-memory store counting loads per grant."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: dict[str, int] = {}

    async def load(self, region: str, grant_id: str = "default") -> OAuthToken | None:
        self.loads[grant_id] = self.loads.get(grant_id, 0) + 1
        return await super().load(region, grant_id)
