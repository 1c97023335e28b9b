"""`Fullscript` end to end against the embedded sandbox: the behaviour every call gets."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx2
import pytest
from fullscript_api.models import PatientCreateRequest, PatientUpdateRequest
from fullscript_api.models.patient import Patient

from fullscript import (
    DEFAULT_TIMEOUT,
    APIConnectionError,
    AsyncPaginator,
    CallbackTokenStore,
    Fullscript,
    FullscriptError,
    InMemoryTokenStore,
    NotFoundError,
    OAuthToken,
    RegionMismatchError,
    ServerError,
    TokenMissingError,
    ValidationError,
)
from fullscript.sandbox import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_REDIRECT_URI,
    Sandbox,
)
from fullscript.testing import RecordingLimiter

from .conftest import RecordingTransport, make_client, sandbox_region, token_from

PATIENTS = "/us/api/clinic/patients"


def new_patient(n: int = 1) -> PatientCreateRequest:
    return PatientCreateRequest(
        email=f"new.patient{n}@example.org", first_name="Ada", last_name=f"Lovelace{n}"
    )


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


# --- operations ---------------------------------------------------------------------------


async def test_create_update_and_retrieve_a_patient(fs: Fullscript) -> None:
    created = await fs.patients.create(body=new_patient())
    assert isinstance(created, Patient)
    assert created.first_name == "Ada"

    updated = await fs.patients.update(created.id, body=PatientUpdateRequest(first_name="Augusta"))
    assert updated.id == created.id
    assert updated.first_name == "Augusta"
    assert (await fs.patients.retrieve(created.id)).first_name == "Augusta"


async def test_list_streams_every_patient_across_pages(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    paginator = fs.patients.list(page_size=40)
    assert isinstance(paginator, AsyncPaginator)
    ids = [patient.id async for patient in paginator]
    expected = [record["id"] for record in sandbox.records("us", "patients")]
    assert sorted(ids) == sorted(expected)
    assert len(ids) == len(set(ids)) == 350
    pages = [s.query["page[number]"] for s in recorder.sent if s.path == PATIENTS]
    assert pages == [str(n) for n in range(1, 10)]
    assert {s.query["page[size]"] for s in recorder.sent if s.path == PATIENTS} == {"40"}


async def test_prefetch_streams_the_same_records_in_the_same_order(fs: Fullscript) -> None:
    sequential = [p.id async for p in fs.patients.list(page_size=25)]
    prefetched = [p.id async for p in fs.patients.list(page_size=25, prefetch=5)]
    assert prefetched == sequential


async def test_limit_stops_early_without_fetching_more_pages(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    patients = await fs.patients.list(page_size=20, limit=30, prefetch=4).to_list()
    assert len(patients) == 30
    assert recorder.count(PATIENTS) == 2


async def test_pages_expose_server_totals(fs: Fullscript) -> None:
    page = await fs.patients.list(page_size=100).first_page()
    assert (page.current_page, page.next_page, page.total_pages, page.total_count) == (1, 2, 4, 350)


async def test_nested_list_and_path_parameters(fs: Fullscript, sandbox: Sandbox) -> None:
    [practitioner] = [r for r in sandbox.records("us", "practitioners")][:1]
    protocols = await fs.practitioners.list_protocols(practitioner["id"]).to_list()
    assert all(p.id for p in protocols)


async def test_wrapped_and_unwrapped_answers_are_both_typed(fs: Fullscript) -> None:
    clinic = await fs.clinic.retrieve()
    assert clinic.name and "(US)" in clinic.name
    grant = await fs.session_grants.create()
    assert grant.id and grant.expires_at


# --- errors -------------------------------------------------------------------------------


async def test_not_found_is_typed_and_names_the_request_id(fs: Fullscript) -> None:
    with pytest.raises(NotFoundError) as raised:
        await fs.patients.retrieve("no-such-patient")
    error = raised.value
    assert error.status_code == 404
    assert error.request_id
    assert error.request_id in str(error)
    assert error.method == "GET"
    assert error.url.endswith("/api/clinic/patients/no-such-patient")


async def test_validation_errors_carry_field_messages(fs: Fullscript) -> None:
    await fs.patients.create(body=new_patient(5))
    with pytest.raises(ValidationError) as raised:
        await fs.patients.create(body=new_patient(5))  # same email again
    assert "email" in raised.value.field_errors
    assert raised.value.request_id


# --- raw responses ------------------------------------------------------------------------


async def test_raw_response_gives_status_headers_request_id_and_parsed_body(
    fs: Fullscript,
) -> None:
    created = await fs.with_raw_response.patients.create(body=new_patient(2))
    assert created.status_code == 201
    assert created.headers["x-request-id"]
    assert created.parsed.patient.email == "new.patient2@example.org"

    page = await fs.with_raw_response.patients.list(page=2, page_size=5)
    assert page.status_code == 200
    assert len(page.parsed.patients) == 5
    assert page.parsed.meta.current_page == 2


# --- retries, per method, against injected faults ------------------------------------------


async def test_get_is_retried_after_a_server_error(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
    assert (await fs.clinic.retrieve()).name
    assert recorder.count("/us/api/clinic") == 2


async def test_post_is_not_retried_after_a_server_error(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.error(503, operation_id="create_patient", times=1)
    with pytest.raises(ServerError):
        await fs.patients.create(body=new_patient(3))
    assert recorder.count(PATIENTS, "POST") == 1


async def test_post_is_retried_after_a_429(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.rate_limit(retry_after=1, operation_id="create_patient", times=1)
    created = await fs.patients.create(body=new_patient(4))
    assert created.id
    assert recorder.count(PATIENTS, "POST") == 2


async def test_patch_is_not_retried_after_a_dropped_connection(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    patient_id = sandbox.records("us", "patients")[0]["id"]
    sandbox.faults.drop(operation_id="update_patient", times=1)
    with pytest.raises(APIConnectionError):
        await fs.patients.update(patient_id, body=PatientUpdateRequest(first_name="Zed"))
    assert recorder.count(f"{PATIENTS}/{patient_id}", "PATCH") == 1


async def test_get_is_retried_after_a_dropped_connection(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.drop(operation_id="retrieve_clinic", times=1)
    assert (await fs.clinic.retrieve()).name
    assert recorder.count("/us/api/clinic") == 2


async def test_with_options_max_retries_applies_to_that_copy_only(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
    with pytest.raises(ServerError):
        await fs.with_options(max_retries=0).clinic.retrieve()
    sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
    assert (await fs.clinic.retrieve()).name
    assert recorder.count("/us/api/clinic") == 3


# --- timeouts -----------------------------------------------------------------------------


async def test_a_default_timeout_is_always_set(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    await fs.clinic.retrieve()
    assert recorder.sent[-1].timeout == DEFAULT_TIMEOUT.as_dict()
    assert all(value is not None for value in recorder.sent[-1].timeout.values())


async def test_with_options_timeout_applies_per_call(
    fs: Fullscript, recorder: RecordingTransport
) -> None:
    await fs.with_options(timeout=3.5).clinic.retrieve()
    assert set(recorder.sent[-1].timeout.values()) == {3.5}
    await fs.clinic.retrieve()
    assert recorder.sent[-1].timeout == DEFAULT_TIMEOUT.as_dict()


# --- tokens -------------------------------------------------------------------------------


async def test_oauth_flow_authorize_redirect_and_code_exchange(
    sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    async with make_client(sandbox, transport=recorder, with_token=False) as fs:
        with pytest.raises(TokenMissingError):
            await fs.clinic.retrieve()
        url = fs.authorization_url(state="csrf-123")
        assert url.startswith(sandbox.base_url("us") + "/api/oauth/authorize?")
        async with httpx2.AsyncClient(transport=sandbox.transport()) as browser:
            redirect = await browser.get(url)
        location = redirect.headers["location"]
        assert location.startswith(DEFAULT_REDIRECT_URI)
        query = parse_qs(urlsplit(location).query)
        assert query["state"] == ["csrf-123"]
        token = await fs.exchange_code(query["code"][0])
        assert token.region == "us"
        assert (await fs.clinic.retrieve()).name
        token_call = [s for s in recorder.sent if s.path.endswith("/oauth/token")]
        assert len(token_call) == 1 and token_call[0].authorization is None


async def test_operations_on_the_oauth_group_go_out_without_a_bearer_token(
    sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    async with make_client(sandbox, transport=recorder, with_token=False) as fs:
        with pytest.raises(FullscriptError):
            # No valid refresh token: refused, but the request was sent without Authorization.
            from fullscript_api.models import OAuthRevokeRequest

            await fs.oauth.revoke_token(
                body=OAuthRevokeRequest(
                    client_id="unknown", client_secret=DEFAULT_CLIENT_SECRET, token="nothing"
                )
            )
    assert recorder.sent[-1].authorization is None


# --- regions ------------------------------------------------------------------------------


async def test_with_region_uses_that_regions_token_and_shares_the_pool(
    sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    store = InMemoryTokenStore([token_from(sandbox.issue_token("ca"))])
    async with make_client(sandbox, transport=recorder, token_store=store) as us:
        ca = us.with_region(sandbox_region(sandbox, "ca"))
        us_clinic, ca_clinic = await asyncio.gather(us.clinic.retrieve(), ca.clinic.retrieve())
        assert "(US)" in (us_clinic.name or "")
        assert "(CA)" in (ca_clinic.name or "")
        us_auth = {s.authorization for s in recorder.sent if s.path.startswith("/us/")}
        ca_auth = {s.authorization for s in recorder.sent if s.path.startswith("/ca/")}
        assert len(us_auth) == len(ca_auth) == 1
        assert us_auth != ca_auth
        assert ca.token_manager is us.with_region(sandbox_region(sandbox, "ca")).token_manager
        await ca.aclose()  # a copy does not close the shared pool
        assert not recorder.closed
    assert recorder.closed  # closing the original closes it, once, for every copy
    assert ca.is_closed


async def test_a_token_from_another_region_is_refused_clearly(sandbox: Sandbox) -> None:
    async with make_client(sandbox) as us:
        ca = us.with_region(sandbox_region(sandbox, "ca"))
        with pytest.raises(TokenMissingError):
            await ca.clinic.retrieve()
        us_token = us.token_manager.current_token or await us.token_manager.get_token()
        with pytest.raises(RegionMismatchError) as raised:
            await ca.set_token(us_token)
        assert "us" in str(raised.value) and "ca" in str(raised.value)


async def test_a_store_handing_out_the_wrong_regions_token_is_caught(sandbox: Sandbox) -> None:
    us_token = token_from(sandbox.issue_token("us"))

    async def load(region: str, grant_id: str) -> OAuthToken | None:
        return us_token  # a buggy store: the US token whatever the region

    async def save(token: OAuthToken, grant_id: str) -> None:
        return None

    async def delete(region: str, grant_id: str) -> None:
        return None

    store = CallbackTokenStore(load=load, save=save, delete=delete)
    recorder = RecordingTransport(sandbox.transport())
    async with make_client(sandbox, transport=recorder, token_store=store, with_token=False) as us:
        assert (await us.clinic.retrieve()).name
        with pytest.raises(RegionMismatchError):
            await us.with_region(sandbox_region(sandbox, "ca")).clinic.retrieve()
    # Refused before sending: the US token never reached a Canadian server.
    assert recorder.paths() == ["/us/api/clinic"]


def test_a_token_of_another_region_passed_as_token_is_refused_at_once(sandbox: Sandbox) -> None:
    us_token = token_from(sandbox.issue_token("us"))
    with pytest.raises(RegionMismatchError) as raised:
        Fullscript(
            client_id=DEFAULT_CLIENT_ID,
            client_secret=DEFAULT_CLIENT_SECRET,
            redirect_uri=DEFAULT_REDIRECT_URI,
            region=sandbox_region(sandbox, "ca"),
            transport=sandbox.transport(),
            token=us_token,
        )
    assert "'us'" in str(raised.value) and "'ca'" in str(raised.value)
    assert us_token.access_token not in str(raised.value)


def test_region_keys_are_accepted_and_unknown_ones_rejected(sandbox: Sandbox) -> None:
    fs = make_client(sandbox)
    assert fs.with_region("ca").region.key == "ca"
    with pytest.raises(ValueError, match="valid regions"):
        fs.with_region("eu")


# --- configuration and secrets ------------------------------------------------------------


def test_missing_credentials_name_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("FULLSCRIPT_CLIENT_ID", "FULLSCRIPT_CLIENT_SECRET", "FULLSCRIPT_REDIRECT_URI"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(FullscriptError, match="FULLSCRIPT_CLIENT_ID"):
        Fullscript()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"token": "access-SECRET-as-a-string"}, "token="),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": True}, "timeout"),
        ({"refresh_leeway": "300"}, "refresh_leeway"),
    ],
)
def test_arguments_of_the_wrong_type_are_refused_by_name(kwargs: dict[str, Any], name: str) -> None:
    # Not an AttributeError about .region, nor a str timeout failing deep in httpcore2 later.
    with pytest.raises(TypeError, match=name) as info:
        Fullscript(client_id="id", client_secret="s", redirect_uri="https://app.example", **kwargs)
    assert "SECRET" not in str(info.value)


def test_with_options_refuses_a_timeout_of_the_wrong_type(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError, match="timeout"):
        make_client(sandbox).with_options(timeout="5")  # type: ignore[arg-type]


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FULLSCRIPT_CLIENT_ID", "env-client")
    monkeypatch.setenv("FULLSCRIPT_CLIENT_SECRET", "env-secret-value")
    monkeypatch.setenv("FULLSCRIPT_REDIRECT_URI", "https://app.example/cb")
    fs = Fullscript(region="ca")
    assert "env-client" in repr(fs)
    assert "env-secret-value" not in repr(fs)
    assert fs.region.key == "ca"


async def test_secrets_never_reach_logs_reprs_or_errors(
    sandbox: Sandbox, recorder: RecordingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    seen_errors: list[str] = []
    async with make_client(sandbox, transport=recorder, with_token=False) as fs:
        code = sandbox.authorization_code("us")
        token = await fs.exchange_code(code)
        await fs.patients.list(page_size=50, prefetch=2).to_list()
        sandbox.faults.rate_limit(retry_after=1, operation_id="retrieve_clinic", times=1)
        sandbox.faults.error(503, operation_id="retrieve_clinic", times=1)
        await fs.clinic.retrieve()
        sandbox.advance_time(7300)
        await asyncio.gather(*(fs.clinic.retrieve() for _ in range(5)))
        for failing in (
            fs.patients.retrieve("missing"),
            fs.patients.create(body=PatientCreateRequest(email="bad", first_name="", last_name="")),
        ):
            try:
                await failing
            except FullscriptError as error:
                seen_errors.append(f"{error}\n{error!r}")
        refreshed = fs.token_manager.current_token
        texts = [
            caplog.text,
            repr(fs),
            repr(token),
            repr(refreshed),
            repr(fs.token_manager),
            *seen_errors,
        ]
    assert refreshed is not None
    secrets = {
        token.access_token,
        token.refresh_token,
        refreshed.access_token,
        refreshed.refresh_token,
        DEFAULT_CLIENT_SECRET,
    }
    assert len(seen_errors) == 2
    for text in texts:
        for secret in secrets:
            assert secret not in text


# --- prefetch through the real client: cancellation of blocked fetches --------------------


async def test_breaking_out_cancels_page_fetches_blocked_in_the_transport(sandbox: Sandbox) -> None:
    inner = sandbox.transport()
    cancelled: list[str] = []
    gate = asyncio.Event()  # never set: later pages block forever

    async def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.params.get("page[number]", "1") == "1":
            return await inner.handle_async_request(request)
        try:
            await gate.wait()
        except asyncio.CancelledError:
            cancelled.append(request.url.params["page[number]"])
            raise
        raise AssertionError("unreachable")

    async with make_client(sandbox, transport=httpx2.MockTransport(handler)) as fs:
        async for _patient in fs.patients.list(page_size=20, prefetch=3):
            await settle()  # pages 2-4 are now waiting inside the transport
            break
        await settle()
    assert sorted(cancelled) == ["2", "3", "4"]
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_copies_share_one_limiter(sandbox: Sandbox) -> None:
    limiter = RecordingLimiter()
    store = InMemoryTokenStore([token_from(sandbox.issue_token("ca"))])
    async with make_client(sandbox, token_store=store, limiter=limiter) as us:
        await us.clinic.retrieve()
        await us.with_options(timeout=5).clinic.retrieve()
        await us.with_region(sandbox_region(sandbox, "ca")).clinic.retrieve()
    assert limiter.acquired == limiter.released == 3


async def test_calls_after_closing_fail_clearly(sandbox: Sandbox) -> None:
    async with make_client(sandbox) as fs:
        copy = fs.with_options(timeout=1)
    with pytest.raises(FullscriptError, match="closed"):
        await fs.clinic.retrieve()
    with pytest.raises(FullscriptError, match="closed"):
        await copy.patients.list().to_list()


async def test_requests_are_logged_without_queries_or_bodies(
    fs: Fullscript, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="fullscript")
    await fs.patients.search(query="secret-search-term").first_page()
    assert "GET /us/api/clinic/search/patients -> 200" in caplog.text
    assert "secret-search-term" not in caplog.text


async def test_a_token_passed_with_a_custom_store_is_saved_before_first_use(
    sandbox: Sandbox,
) -> None:
    store = InMemoryTokenStore()
    token = token_from(sandbox.issue_token("us"))
    fs = Fullscript(
        client_id=DEFAULT_CLIENT_ID,
        client_secret=DEFAULT_CLIENT_SECRET,
        redirect_uri=DEFAULT_REDIRECT_URI,
        region=sandbox_region(sandbox, "us"),
        transport=sandbox.transport(),
        token_store=store,
        token=token,
    )
    assert await fs.clinic.retrieve()  # no `async with`: the seed still reaches the store
    assert await store.load("us") == token
    await fs.aclose()


async def test_delete_is_retried_after_a_server_error_and_answers_none(
    fs: Fullscript, sandbox: Sandbox, recorder: RecordingTransport
) -> None:
    resource = sandbox.records("us", "practitioner_resources")[0]
    path = f"/us/api/clinic/practitioners/{resource['_practitioner_id']}/resources/{resource['id']}"
    sandbox.faults.error(503, operation_id="delete_practitioner_resource", times=1)
    result = await fs.practitioners.delete_resource(resource["_practitioner_id"], resource["id"])
    assert result is None
    assert recorder.count(path, "DELETE") == 2
    with pytest.raises(NotFoundError):
        await fs.practitioners.retrieve_resource(resource["_practitioner_id"], resource["id"])


async def test_multipart_upload_and_put_update(fs: Fullscript, sandbox: Sandbox) -> None:
    from io import BytesIO

    from fullscript_api.models import (
        PractitionerResourceCreateRequest,
        PractitionerResourceUpdateRequest,
    )
    from fullscript_api.types import File

    practitioner_id = sandbox.records("us", "practitioners")[0]["id"]
    created = await fs.practitioners.create_resource(
        practitioner_id,
        body=PractitionerResourceCreateRequest(
            name="Sleep handout",
            attachment=File(BytesIO(b"%PDF-1.4 demo"), "sleep.pdf", "application/pdf"),
            save_to_library=True,
        ),
    )
    assert created.name == "Sleep handout"
    updated = await fs.practitioners.update_resource(
        practitioner_id, str(created.id), body=PractitionerResourceUpdateRequest(name="Sleep guide")
    )
    assert updated.name == "Sleep guide"


def test_building_a_client_after_the_first_reads_no_package_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    def app() -> Fullscript:
        return Fullscript(client_id="i", client_secret="s", redirect_uri="https://a.example")

    first = app()

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("importlib.metadata read while building a client")

    for name in ("version", "distribution", "metadata", "packages_distributions"):
        monkeypatch.setattr(importlib.metadata, name, refuse)
    second = app()
    # The same User-Agent, worked out once.
    agent = second._shared.headers["User-Agent"]  # type: ignore[attr-defined]
    assert agent == first._shared.headers["User-Agent"]  # type: ignore[attr-defined]
    assert agent.startswith("fullscript-python/")
