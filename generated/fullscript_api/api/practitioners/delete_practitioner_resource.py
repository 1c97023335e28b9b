from http import HTTPStatus
from typing import Any, cast

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    practitioner_id: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/clinic/practitioners/{practitioner_id}/resources/{id}".format(
            practitioner_id=path_parameter("practitioner_id", practitioner_id),
            id=path_parameter("id", id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    practitioner_id: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Delete a resource

     Deletes a practitioner's resource. Answers 204 with no body.

    Args:
        practitioner_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practitioner_id: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Delete a resource

     Deletes a practitioner's resource. Answers 204 with no body.

    Args:
        practitioner_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        practitioner_id=practitioner_id,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    practitioner_id: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Delete a resource

     Deletes a practitioner's resource. Answers 204 with no body.

    Args:
        practitioner_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practitioner_id: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Delete a resource

     Deletes a practitioner's resource. Answers 204 with no body.

    Args:
        practitioner_id (str):
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            practitioner_id=practitioner_id,
            id=id,
            client=client,
        )
    ).parsed
