from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.error import Error
from ...models.retrieve_product_response_200 import RetrieveProductResponse200
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    practitioner_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["practitioner_id"] = practitioner_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/catalog/products/{id}".format(
            id=path_parameter("id", id),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | RetrieveProductResponse200 | None:
    if response.status_code == 200:
        response_200 = RetrieveProductResponse200.from_dict(response.json())

        return response_200

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
) -> Response[Error | RetrieveProductResponse200]:
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
    practitioner_id: str | Unset = UNSET,
) -> Response[Error | RetrieveProductResponse200]:
    """Retrieve a product

     Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
    practitioner's custom dosage in `custom_dosage`.

    Args:
        id (str):
        practitioner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RetrieveProductResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        practitioner_id=practitioner_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    practitioner_id: str | Unset = UNSET,
) -> Error | RetrieveProductResponse200 | None:
    """Retrieve a product

     Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
    practitioner's custom dosage in `custom_dosage`.

    Args:
        id (str):
        practitioner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RetrieveProductResponse200
    """

    return sync_detailed(
        id=id,
        client=client,
        practitioner_id=practitioner_id,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    practitioner_id: str | Unset = UNSET,
) -> Response[Error | RetrieveProductResponse200]:
    """Retrieve a product

     Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
    practitioner's custom dosage in `custom_dosage`.

    Args:
        id (str):
        practitioner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RetrieveProductResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        practitioner_id=practitioner_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    practitioner_id: str | Unset = UNSET,
) -> Error | RetrieveProductResponse200 | None:
    """Retrieve a product

     Returns one product with its variants and dosage. Pass `practitioner_id` to also get that
    practitioner's custom dosage in `custom_dosage`.

    Args:
        id (str):
        practitioner_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RetrieveProductResponse200
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            practitioner_id=practitioner_id,
        )
    ).parsed
