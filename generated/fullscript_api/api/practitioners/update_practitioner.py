from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.error import Error
from ...models.practitioner_update_request import PractitionerUpdateRequest
from ...models.update_practitioner_response_200 import UpdatePractitionerResponse200
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: PractitionerUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/clinic/practitioners/{id}".format(
            id=path_parameter("id", id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | UpdatePractitionerResponse200 | None:
    if response.status_code == 200:
        response_200 = UpdatePractitionerResponse200.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | UpdatePractitionerResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdateRequest,
) -> Response[Error | UpdatePractitionerResponse200]:
    """Update a practitioner

     Changes the given fields of a practitioner.

    Args:
        id (str):
        body (PractitionerUpdateRequest): Practitioner fields to change; omitted fields are left
            as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdatePractitionerResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdateRequest,
) -> Error | UpdatePractitionerResponse200 | None:
    """Update a practitioner

     Changes the given fields of a practitioner.

    Args:
        id (str):
        body (PractitionerUpdateRequest): Practitioner fields to change; omitted fields are left
            as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdatePractitionerResponse200
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdateRequest,
) -> Response[Error | UpdatePractitionerResponse200]:
    """Update a practitioner

     Changes the given fields of a practitioner.

    Args:
        id (str):
        body (PractitionerUpdateRequest): Practitioner fields to change; omitted fields are left
            as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UpdatePractitionerResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerUpdateRequest,
) -> Error | UpdatePractitionerResponse200 | None:
    """Update a practitioner

     Changes the given fields of a practitioner.

    Args:
        id (str):
        body (PractitionerUpdateRequest): Practitioner fields to change; omitted fields are left
            as they are.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UpdatePractitionerResponse200
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
