from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_treatment_plan_link_response_200 import CreateTreatmentPlanLinkResponse200
from ...models.dynamic_link_create_request import DynamicLinkCreateRequest
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: DynamicLinkCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/dynamic_links/treatment_plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreateTreatmentPlanLinkResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = CreateTreatmentPlanLinkResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[CreateTreatmentPlanLinkResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DynamicLinkCreateRequest,
) -> Response[CreateTreatmentPlanLinkResponse200 | Error]:
    """Create a draft treatment plan link

     Returns a link to a draft treatment plan for the practitioner, finding or creating the patient
    described (no dependents; use the gateway link for those). Needs `clinic:write`, plus
    `patients:write` when a patient may be created.

    Args:
        body (DynamicLinkCreateRequest): What the draft treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTreatmentPlanLinkResponse200 | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DynamicLinkCreateRequest,
) -> CreateTreatmentPlanLinkResponse200 | Error | None:
    """Create a draft treatment plan link

     Returns a link to a draft treatment plan for the practitioner, finding or creating the patient
    described (no dependents; use the gateway link for those). Needs `clinic:write`, plus
    `patients:write` when a patient may be created.

    Args:
        body (DynamicLinkCreateRequest): What the draft treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTreatmentPlanLinkResponse200 | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DynamicLinkCreateRequest,
) -> Response[CreateTreatmentPlanLinkResponse200 | Error]:
    """Create a draft treatment plan link

     Returns a link to a draft treatment plan for the practitioner, finding or creating the patient
    described (no dependents; use the gateway link for those). Needs `clinic:write`, plus
    `patients:write` when a patient may be created.

    Args:
        body (DynamicLinkCreateRequest): What the draft treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTreatmentPlanLinkResponse200 | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DynamicLinkCreateRequest,
) -> CreateTreatmentPlanLinkResponse200 | Error | None:
    """Create a draft treatment plan link

     Returns a link to a draft treatment plan for the practitioner, finding or creating the patient
    described (no dependents; use the gateway link for those). Needs `clinic:write`, plus
    `patients:write` when a patient may be created.

    Args:
        body (DynamicLinkCreateRequest): What the draft treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTreatmentPlanLinkResponse200 | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
