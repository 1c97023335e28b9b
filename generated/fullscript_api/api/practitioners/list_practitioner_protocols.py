from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.error import Error
from ...models.list_practitioner_protocols_current_state import (
    ListPractitionerProtocolsCurrentState,
)
from ...models.list_practitioner_protocols_ownership_type import (
    ListPractitionerProtocolsOwnershipType,
)
from ...models.list_practitioner_protocols_response_200 import ListPractitionerProtocolsResponse200
from ...models.list_practitioner_protocols_sort_by import ListPractitionerProtocolsSortBy
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    practitioner_id: str,
    *,
    current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
    sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_current_state: str | Unset = UNSET
    if not isinstance(current_state, Unset):
        json_current_state = current_state.value

    params["current_state"] = json_current_state

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["order_by"] = json_order_by

    json_ownership_type: str | Unset = UNSET
    if not isinstance(ownership_type, Unset):
        json_ownership_type = ownership_type.value

    params["ownership_type"] = json_ownership_type

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/clinic/practitioners/{practitioner_id}/protocols".format(
            practitioner_id=path_parameter("practitioner_id", practitioner_id),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | ListPractitionerProtocolsResponse200 | None:
    if response.status_code == 200:
        response_200 = ListPractitionerProtocolsResponse200.from_dict(response.json())

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
) -> Response[Error | ListPractitionerProtocolsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
    sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListPractitionerProtocolsResponse200]:
    """List all practitioner protocols

     Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default), those shared
    with them (`shared`), or both (`all`).

    Args:
        practitioner_id (str):
        current_state (ListPractitionerProtocolsCurrentState | Unset):
        sort_by (ListPractitionerProtocolsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        ownership_type (ListPractitionerProtocolsOwnershipType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListPractitionerProtocolsResponse200]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        current_state=current_state,
        sort_by=sort_by,
        order_by=order_by,
        ownership_type=ownership_type,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
    sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListPractitionerProtocolsResponse200 | None:
    """List all practitioner protocols

     Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default), those shared
    with them (`shared`), or both (`all`).

    Args:
        practitioner_id (str):
        current_state (ListPractitionerProtocolsCurrentState | Unset):
        sort_by (ListPractitionerProtocolsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        ownership_type (ListPractitionerProtocolsOwnershipType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListPractitionerProtocolsResponse200
    """

    return sync_detailed(
        practitioner_id=practitioner_id,
        client=client,
        current_state=current_state,
        sort_by=sort_by,
        order_by=order_by,
        ownership_type=ownership_type,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
    sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListPractitionerProtocolsResponse200]:
    """List all practitioner protocols

     Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default), those shared
    with them (`shared`), or both (`all`).

    Args:
        practitioner_id (str):
        current_state (ListPractitionerProtocolsCurrentState | Unset):
        sort_by (ListPractitionerProtocolsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        ownership_type (ListPractitionerProtocolsOwnershipType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListPractitionerProtocolsResponse200]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        current_state=current_state,
        sort_by=sort_by,
        order_by=order_by,
        ownership_type=ownership_type,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
    sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListPractitionerProtocolsResponse200 | None:
    """List all practitioner protocols

     Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default), those shared
    with them (`shared`), or both (`all`).

    Args:
        practitioner_id (str):
        current_state (ListPractitionerProtocolsCurrentState | Unset):
        sort_by (ListPractitionerProtocolsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        ownership_type (ListPractitionerProtocolsOwnershipType | Unset):
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListPractitionerProtocolsResponse200
    """

    return (
        await asyncio_detailed(
            practitioner_id=practitioner_id,
            client=client,
            current_state=current_state,
            sort_by=sort_by,
            order_by=order_by,
            ownership_type=ownership_type,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
