from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_gateway_treatment_plan_link_response_200 import (
    CreateGatewayTreatmentPlanLinkResponse200,
)
from ...models.error import Error
from ...models.gateway_dynamic_link_create_request import GatewayDynamicLinkCreateRequest
from ...types import Response


def _get_kwargs(
    *,
    body: GatewayDynamicLinkCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/dynamic_links/gateway/treatment_plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreateGatewayTreatmentPlanLinkResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = CreateGatewayTreatmentPlanLinkResponse200.from_dict(response.json())

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
) -> Response[CreateGatewayTreatmentPlanLinkResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GatewayDynamicLinkCreateRequest,
) -> Response[CreateGatewayTreatmentPlanLinkResponse200 | Error]:
    """Create a draft treatment plan link with patient matching

     Returns a link that opens a draft treatment plan behind Fullscript's patient matching screen
    (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient may be created.

    Args:
        body (GatewayDynamicLinkCreateRequest): What the gateway treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateGatewayTreatmentPlanLinkResponse200 | Error]
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
    body: GatewayDynamicLinkCreateRequest,
) -> CreateGatewayTreatmentPlanLinkResponse200 | Error | None:
    """Create a draft treatment plan link with patient matching

     Returns a link that opens a draft treatment plan behind Fullscript's patient matching screen
    (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient may be created.

    Args:
        body (GatewayDynamicLinkCreateRequest): What the gateway treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateGatewayTreatmentPlanLinkResponse200 | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GatewayDynamicLinkCreateRequest,
) -> Response[CreateGatewayTreatmentPlanLinkResponse200 | Error]:
    """Create a draft treatment plan link with patient matching

     Returns a link that opens a draft treatment plan behind Fullscript's patient matching screen
    (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient may be created.

    Args:
        body (GatewayDynamicLinkCreateRequest): What the gateway treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateGatewayTreatmentPlanLinkResponse200 | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GatewayDynamicLinkCreateRequest,
) -> CreateGatewayTreatmentPlanLinkResponse200 | Error | None:
    """Create a draft treatment plan link with patient matching

     Returns a link that opens a draft treatment plan behind Fullscript's patient matching screen
    (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient may be created.

    Args:
        body (GatewayDynamicLinkCreateRequest): What the gateway treatment plan link is for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateGatewayTreatmentPlanLinkResponse200 | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
