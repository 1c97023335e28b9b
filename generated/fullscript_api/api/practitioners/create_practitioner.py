from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_practitioner_response_201 import CreatePractitionerResponse201
from ...models.error import Error
from ...models.practitioner_create_request import PractitionerCreateRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PractitionerCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/practitioners",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreatePractitionerResponse201 | Error | None:
    if response.status_code == 201:
        response_201 = CreatePractitionerResponse201.from_dict(response.json())

        return response_201

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
) -> Response[CreatePractitionerResponse201 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PractitionerCreateRequest,
) -> Response[CreatePractitionerResponse201 | Error]:
    """Create a practitioner

     Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner type
    answers 404.

    Args:
        body (PractitionerCreateRequest): Fields of a new practitioner.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePractitionerResponse201 | Error]
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
    body: PractitionerCreateRequest,
) -> CreatePractitionerResponse201 | Error | None:
    """Create a practitioner

     Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner type
    answers 404.

    Args:
        body (PractitionerCreateRequest): Fields of a new practitioner.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePractitionerResponse201 | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PractitionerCreateRequest,
) -> Response[CreatePractitionerResponse201 | Error]:
    """Create a practitioner

     Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner type
    answers 404.

    Args:
        body (PractitionerCreateRequest): Fields of a new practitioner.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePractitionerResponse201 | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PractitionerCreateRequest,
) -> CreatePractitionerResponse201 | Error | None:
    """Create a practitioner

     Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner type
    answers 404.

    Args:
        body (PractitionerCreateRequest): Fields of a new practitioner.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePractitionerResponse201 | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
