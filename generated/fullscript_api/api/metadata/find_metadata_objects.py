from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.find_metadata_objects_response_200 import FindMetadataObjectsResponse200
from ...models.find_metadata_objects_type import FindMetadataObjectsType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    type_: FindMetadataObjectsType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["id"] = id

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/clinic/metadata",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | FindMetadataObjectsResponse200 | None:
    if response.status_code == 200:
        response_200 = FindMetadataObjectsResponse200.from_dict(response.json())

        return response_200

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
) -> Response[Error | FindMetadataObjectsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    id: str | Unset = UNSET,
    type_: FindMetadataObjectsType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | FindMetadataObjectsResponse200]:
    """Find objects by metadata

     Finds patients, practitioners, staff and treatment plans by the identifier your system attached to
    them as `metadata.id`.

    Args:
        id (str | Unset):
        type_ (FindMetadataObjectsType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FindMetadataObjectsResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        type_=type_,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    id: str | Unset = UNSET,
    type_: FindMetadataObjectsType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | FindMetadataObjectsResponse200 | None:
    """Find objects by metadata

     Finds patients, practitioners, staff and treatment plans by the identifier your system attached to
    them as `metadata.id`.

    Args:
        id (str | Unset):
        type_ (FindMetadataObjectsType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FindMetadataObjectsResponse200
    """

    return sync_detailed(
        client=client,
        id=id,
        type_=type_,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    id: str | Unset = UNSET,
    type_: FindMetadataObjectsType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | FindMetadataObjectsResponse200]:
    """Find objects by metadata

     Finds patients, practitioners, staff and treatment plans by the identifier your system attached to
    them as `metadata.id`.

    Args:
        id (str | Unset):
        type_ (FindMetadataObjectsType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FindMetadataObjectsResponse200]
    """

    kwargs = _get_kwargs(
        id=id,
        type_=type_,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    id: str | Unset = UNSET,
    type_: FindMetadataObjectsType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | FindMetadataObjectsResponse200 | None:
    """Find objects by metadata

     Finds patients, practitioners, staff and treatment plans by the identifier your system attached to
    them as `metadata.id`.

    Args:
        id (str | Unset):
        type_ (FindMetadataObjectsType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FindMetadataObjectsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            id=id,
            type_=type_,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
