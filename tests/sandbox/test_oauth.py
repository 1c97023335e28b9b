"""The sandbox's OAuth server behaves as the Fullscript docs describe."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest

from fullscript.sandbox import CODE_TTL, Sandbox
from fullscript.sandbox.operations import REGIONS
from fullscript.sandbox.web.app import AUTHORIZE_PATHS

from .conftest import CONTROL, FakeTime, SpecChecker


def _form(sandbox: Sandbox, **extra: str) -> dict[str, str]:
    return {
        "client_id": sandbox.settings.client_id,
        "client_secret": sandbox.settings.client_secret,
        **extra,
    }


async def _authorize(
    http: httpx2.AsyncClient,
    sandbox: Sandbox,
    path: str = "/api/oauth/authorize",
    **overrides: str,
) -> httpx2.Response:
    params = {
        "client_id": sandbox.settings.client_id,
        "redirect_uri": sandbox.settings.redirect_uri,
        "response_type": "code",
        "state": "xyz",
        **overrides,
    }
    return await http.get(path, params=params)


async def _code(http: httpx2.AsyncClient, sandbox: Sandbox) -> str:
    response = await _authorize(http, sandbox)
    return parse_qs(urlsplit(response.headers["location"]).query)["code"][0]


async def _exchange(http: httpx2.AsyncClient, sandbox: Sandbox, code: str) -> httpx2.Response:
    body = _form(
        sandbox,
        grant_type="authorization_code",
        code=code,
        redirect_uri=sandbox.settings.redirect_uri,
    )
    return await http.post("/api/oauth/token", json=body)


async def _refresh(http: httpx2.AsyncClient, sandbox: Sandbox, refresh: str) -> httpx2.Response:
    body = _form(sandbox, grant_type="refresh_token", refresh_token=refresh)
    return await http.post("/api/oauth/token", json=body)


def _bearer(oauth: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {oauth['access_token']}"}


async def test_authorize_redirects_to_the_registered_uri_with_code_and_state(
    sandbox: Sandbox,
) -> None:
    async with sandbox.client("us") as http:
        response = await _authorize(http, sandbox)
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == sandbox.settings.redirect_uri
    query = parse_qs(location.query)
    assert query["state"] == ["xyz"] and query["code"][0]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("path", AUTHORIZE_PATHS)
async def test_authorize_is_served_at_the_canonical_path_and_the_older_alias(
    sandbox: Sandbox, region: str, path: str
) -> None:
    # Canonical: {api}/oauth/authorize, as Fullscript's environments table has it; the older
    # how-to pages' /oauth/authorize (beside /api) stays an alias.
    async with sandbox.client(region) as http:
        response = await _authorize(http, sandbox, path)
    assert response.status_code == 302
    assert response.headers["location"].startswith(sandbox.settings.redirect_uri + "?")


@pytest.mark.parametrize(
    "override",
    [{"redirect_uri": "http://127.0.0.1:8000/other"}, {"client_id": "someone-else"}],
)
async def test_authorize_answers_404_for_a_wrong_redirect_uri_or_unknown_client(
    sandbox: Sandbox, override: dict[str, str]
) -> None:
    async with sandbox.client("us") as http:
        response = await _authorize(http, sandbox, **override)
    assert response.status_code == 404
    assert response.headers["x-request-id"]


async def test_code_exchange_answers_the_oauth_wrapper(
    sandbox: Sandbox, checker: SpecChecker
) -> None:
    async with sandbox.client("ca") as http:
        response = await _exchange(http, sandbox, await _code(http, sandbox))
    checker.check("create_oauth_token", response)
    oauth = response.json()["oauth"]
    assert oauth["token_type"] == "Bearer" and oauth["expires_in"] == 7200
    assert set(oauth["scope"].split()) == set(sandbox.settings.scopes)
    assert oauth["resource_owner"]["type"] == "Practitioner"
    assert oauth["created_at"].endswith("Z")


async def test_a_code_is_single_use(sandbox: Sandbox) -> None:
    async with sandbox.client("us") as http:
        code = await _code(http, sandbox)
        first = await _exchange(http, sandbox, code)
        second = await _exchange(http, sandbox, code)
    assert first.status_code == 200
    assert second.status_code == 400 and second.json()["error"] == "invalid_grant"


async def test_a_code_expires_after_ten_minutes(sandbox: Sandbox, fake_time: FakeTime) -> None:
    assert CODE_TTL == 600
    async with sandbox.client("us") as http:
        fresh, stale = await _code(http, sandbox), await _code(http, sandbox)
        fake_time.value += CODE_TTL - 1
        in_time = await _exchange(http, sandbox, fresh)
        fake_time.value += 1
        too_late = await _exchange(http, sandbox, stale)
    assert in_time.status_code == 200
    assert too_late.status_code == 400 and too_late.json()["error"] == "invalid_grant"


async def test_a_refresh_token_outlives_its_access_token(
    sandbox: Sandbox, fake_time: FakeTime
) -> None:
    token = sandbox.issue_token("us")
    fake_time.value += 30 * 86400  # refresh tokens do not expire
    async with sandbox.client("us") as http:
        expired = await http.get("/api/clinic", headers={"Authorization": token.authorization})
        refreshed = await _refresh(http, sandbox, token.refresh_token)
        fresh = await http.get("/api/clinic", headers=_bearer(refreshed.json()["oauth"]))
    assert (expired.status_code, refreshed.status_code, fresh.status_code) == (401, 200, 200)


async def test_a_code_from_another_region_is_refused(sandbox: Sandbox) -> None:
    async with sandbox.client("us") as us, sandbox.client("ca") as ca:
        response = await _exchange(ca, sandbox, await _code(us, sandbox))
    assert response.status_code == 400


async def test_a_wrong_client_secret_answers_401(sandbox: Sandbox, checker: SpecChecker) -> None:
    async with sandbox.client("us") as http:
        code = await _code(http, sandbox)
        body = {**_form(sandbox), "client_secret": "wrong", "grant_type": "authorization_code",
                "code": code, "redirect_uri": sandbox.settings.redirect_uri}  # fmt: skip
        response = await http.post("/api/oauth/token", json=body)
    assert response.status_code == 401 and response.json()["error"] == "invalid_client"
    assert "wrong" not in response.text
    checker.check("create_oauth_token", response)


async def test_an_unknown_grant_type_answers_400(sandbox: Sandbox) -> None:
    async with sandbox.client("us") as http:
        response = await http.post("/api/oauth/token", json=_form(sandbox, grant_type="password"))
    assert response.status_code == 400 and response.json()["error"] == "unsupported_grant_type"


async def test_the_token_endpoint_accepts_a_form_encoded_body(sandbox: Sandbox) -> None:
    async with sandbox.client("us") as http:
        body = _form(sandbox, grant_type="authorization_code", code=await _code(http, sandbox),
                     redirect_uri=sandbox.settings.redirect_uri)  # fmt: skip
        response = await http.post("/api/oauth/token", data=body)
    assert response.status_code == 200


async def test_refresh_rotates_and_the_old_pair_dies_when_the_new_token_is_used(
    sandbox: Sandbox,
) -> None:
    async with sandbox.client("us") as http:
        first = (await _exchange(http, sandbox, await _code(http, sandbox))).json()["oauth"]
        second = (await _refresh(http, sandbox, first["refresh_token"])).json()["oauth"]
        assert second["refresh_token"] != first["refresh_token"]
        # A lost refresh answer can be retried: the old refresh token still works...
        retried = await _refresh(http, sandbox, first["refresh_token"])
        assert retried.status_code == 200
        # ...and so does the old access token, until the new one is used.
        old_before = await http.get("/api/clinic", headers=_bearer(first))
        assert old_before.status_code == 200
        assert (await http.get("/api/clinic", headers=_bearer(second))).status_code == 200
        old_after = await http.get("/api/clinic", headers=_bearer(first))
        stale_refresh = await _refresh(http, sandbox, first["refresh_token"])
        newest = await _refresh(http, sandbox, second["refresh_token"])
    assert old_after.status_code == 401
    assert stale_refresh.status_code == 400
    assert newest.status_code == 200


async def test_an_access_token_expires_after_its_ttl(
    sandbox: Sandbox, fake_time: FakeTime, checker: SpecChecker
) -> None:
    token = sandbox.issue_token("us")
    async with sandbox.client("us", token=token) as http:
        assert (await http.get("/api/clinic")).status_code == 200
        fake_time.value += 7200
        response = await http.get("/api/clinic")
    assert response.status_code == 401
    assert response.json()["error_description"] == "The access token expired."
    checker.check("retrieve_clinic", response)


async def test_token_ttl_is_configurable(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, token_ttl=60)
    token = sandbox.issue_token("us")
    assert token.expires_in == 60
    fake_time.value += 61
    async with sandbox.client("us", token=token) as http:
        assert (await http.get("/api/clinic")).status_code == 401


async def test_revoke_kills_the_access_token_and_its_refresh_token(
    sandbox: Sandbox, checker: SpecChecker
) -> None:
    token = sandbox.issue_token("us")
    async with sandbox.client("us") as http:
        revoked = await http.post(
            "/api/oauth/revoke", json=_form(sandbox, token=token.access_token)
        )
        api = await http.get("/api/clinic", headers={"Authorization": token.authorization})
        refresh = await _refresh(http, sandbox, token.refresh_token)
    checker.check("revoke_oauth_token", revoked)
    assert revoked.status_code == 200 and revoked.json() == {}
    assert api.status_code == 401
    assert refresh.status_code == 400


async def test_revoking_by_refresh_token_also_kills_the_access_token(sandbox: Sandbox) -> None:
    token = sandbox.issue_token("us")
    async with sandbox.client("us", token=token) as http:
        await http.post("/api/oauth/revoke", json=_form(sandbox, token=token.refresh_token))
        assert (await http.get("/api/clinic")).status_code == 401


async def test_a_token_from_one_region_is_refused_in_another(sandbox: Sandbox) -> None:
    token = sandbox.issue_token("us")
    for region, expected in (("us", 200), ("ca", 401), ("us-snd", 401), ("ca-snd", 401)):
        async with sandbox.client(region, token=token) as http:
            assert (await http.get("/api/clinic")).status_code == expected, region


async def test_missing_scope_answers_403(sandbox: Sandbox, checker: SpecChecker) -> None:
    token = sandbox.issue_token("us", scopes=["catalog:read"])
    async with sandbox.client("us", token=token) as http:
        catalog = await http.get("/api/catalog/brands")
        patients = await http.get("/api/clinic/patients")
    assert catalog.status_code == 200
    assert patients.status_code == 403 and "patients:read" in patients.json()["message"]
    checker.check("list_patients", patients)


async def test_tokens_keep_the_scopes_they_were_issued_with(sandbox: Sandbox) -> None:
    sandbox.set_scopes(["catalog:read"])
    narrow = sandbox.issue_token("us")
    assert narrow.scope == "catalog:read"
    sandbox.set_scopes(["catalog:read", "patients:read"])
    async with sandbox.client("us", token=narrow) as http:
        assert (await http.get("/api/clinic/patients")).status_code == 403
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        assert (await http.get("/api/clinic/patients")).status_code == 200


async def test_restricted_endpoints_can_be_closed(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, allow_restricted=False)
    async with sandbox.client("us", token=sandbox.issue_token("us")) as http:
        response = await http.get("/api/catalog/search/products")
    assert response.status_code == 403


async def test_tokens_never_appear_in_reprs(sandbox: Sandbox) -> None:
    token = sandbox.issue_token("us")
    assert token.access_token not in repr(token)
    assert token.refresh_token not in repr(token)
    assert sandbox.settings.client_secret not in repr(sandbox.settings)


async def test_first_use_of_a_refreshed_token_retires_every_earlier_pair(
    sandbox: Sandbox,
) -> None:
    async with sandbox.client("us") as http:
        first = (await _exchange(http, sandbox, await _code(http, sandbox))).json()["oauth"]
        # Two refreshes in a row, neither new access token used yet: both old pairs still live.
        second = (await _refresh(http, sandbox, first["refresh_token"])).json()["oauth"]
        third = (await _refresh(http, sandbox, second["refresh_token"])).json()["oauth"]
        assert (await http.get("/api/clinic", headers=_bearer(third))).status_code == 200
        statuses = [
            (await http.get("/api/clinic", headers=_bearer(first))).status_code,
            (await http.get("/api/clinic", headers=_bearer(second))).status_code,
            (await _refresh(http, sandbox, first["refresh_token"])).status_code,
            (await _refresh(http, sandbox, second["refresh_token"])).status_code,
        ]
    assert statuses == [401, 401, 400, 400]


async def test_revoking_a_refreshed_token_also_kills_the_pair_it_replaced(
    sandbox: Sandbox,
) -> None:
    async with sandbox.client("us") as http:
        first = (await _exchange(http, sandbox, await _code(http, sandbox))).json()["oauth"]
        second = (await _refresh(http, sandbox, first["refresh_token"])).json()["oauth"]
        await http.post("/api/oauth/revoke", json=_form(sandbox, token=second["access_token"]))
        old_access = await http.get("/api/clinic", headers=_bearer(first))
        old_refresh = await _refresh(http, sandbox, first["refresh_token"])
    assert (old_access.status_code, old_refresh.status_code) == (401, 400)


@pytest.mark.parametrize(
    "authorization",
    ["Bearer not-a-token-we-issued", "Bearer ", "Basic c2FuZGJveDpzZWNyZXQ=", None],
)
async def test_unknown_or_missing_bearer_tokens_answer_401(
    sandbox: Sandbox, checker: SpecChecker, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    async with sandbox.client("us") as http:
        response = await http.get("/api/clinic/patients", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"
    assert response.headers["www-authenticate"].startswith("Bearer")
    checker.check("list_patients", response)


async def test_the_apps_configured_scopes_are_what_the_dance_grants(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, scopes=("catalog:read", "patients:read"))
    async with sandbox.client("us") as http:
        oauth = (await _exchange(http, sandbox, await _code(http, sandbox))).json()["oauth"]
        patients = await http.get("/api/clinic/patients", headers=_bearer(oauth))
        clinic = await http.get("/api/clinic", headers=_bearer(oauth))
        write = await http.post(
            "/api/clinic/patients",
            json={"email": "s@example.com", "first_name": "S", "last_name": "C"},
            headers=_bearer(oauth),
        )
    assert set(oauth["scope"].split()) == {"catalog:read", "patients:read"}
    assert patients.status_code == 200
    assert clinic.status_code == 403 and "clinic:read" in clinic.json()["message"]
    assert write.status_code == 403 and "patients:write" in write.json()["message"]


async def test_a_token_can_be_refreshed_or_revoked_only_in_its_own_region(
    sandbox: Sandbox,
) -> None:
    token = sandbox.issue_token("us")
    async with sandbox.client("ca") as ca, sandbox.client("us") as us:
        refreshed_abroad = await _refresh(ca, sandbox, token.refresh_token)
        revoked_abroad = await ca.post(
            "/api/oauth/revoke", json=_form(sandbox, token=token.access_token)
        )
        still_live = await us.get("/api/clinic", headers={"Authorization": token.authorization})
        refreshed_at_home = await _refresh(us, sandbox, token.refresh_token)
    assert refreshed_abroad.status_code == 400
    assert revoked_abroad.status_code == 200 and revoked_abroad.json() == {}
    assert still_live.status_code == 200 and refreshed_at_home.status_code == 200


async def test_catalog_read_is_always_among_an_apps_scopes(fake_time: FakeTime) -> None:
    sandbox = Sandbox(clock=fake_time, scopes=("patients:read",))
    async with sandbox.client("us") as http:
        oauth = (await _exchange(http, sandbox, await _code(http, sandbox))).json()["oauth"]
        brands = await http.get("/api/catalog/brands", headers=_bearer(oauth))
    assert oauth["scope"].split() == ["catalog:read", "patients:read"]
    assert brands.status_code == 200
    sandbox.set_scopes(["clinic:read"])
    assert sandbox.issue_token("us").scope == "catalog:read clinic:read"


async def test_an_unknown_app_gets_a_clear_error_from_the_helpers_and_the_control_routes(
    sandbox: Sandbox,
) -> None:
    with pytest.raises(ValueError, match="unknown OAuth app 'nope'"):
        sandbox.issue_token(client_id="nope")
    with pytest.raises(ValueError, match="unknown OAuth app 'nope'"):
        sandbox.set_scopes(["catalog:read"], client_id="nope")
    with pytest.raises(ValueError, match="unknown OAuth app 'nope'"):
        sandbox.authorization_code(client_id="nope")
    async with httpx2.AsyncClient(transport=sandbox.transport()) as http:
        minted = await http.post(f"{CONTROL}/us/tokens", json={"client_id": "nope"})
        rescoped = await http.put(f"{CONTROL}/apps/nope/scopes", json={"scopes": []})
    assert (minted.status_code, rescoped.status_code) == (404, 404)
    assert "unknown app nope" in minted.json()["message"]


def test_every_app_needs_a_known_resource_owner_type(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="resource_owner_type must be Practitioner, Staff or"):
        Sandbox(resource_owner_type="Robot")
    with pytest.raises(ValueError, match="resource_owner_type must be Practitioner, Staff or"):
        sandbox.register_app(
            client_id="robots",
            client_secret="robot-secret",
            redirect_uri="http://127.0.0.1/cb",
            resource_owner_type="Robot",
        )
    assert "robots" not in sandbox.oauth.apps


async def test_setting_scopes_over_http_answers_the_scopes_the_app_now_holds(
    sandbox: Sandbox,
) -> None:
    client_id = sandbox.settings.client_id
    async with httpx2.AsyncClient(transport=sandbox.transport()) as http:
        answer = await http.put(
            f"{CONTROL}/apps/{client_id}/scopes", json={"scopes": ["patients:read"]}
        )
    assert answer.status_code == 200
    assert answer.json()["scopes"] == ["catalog:read", "patients:read"]
    assert sandbox.oauth.apps[client_id].scopes == ("catalog:read", "patients:read")
