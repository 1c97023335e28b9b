from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.list_clinic_key_events_event_type import ListClinicKeyEventsEventType
from ...models.list_clinic_key_events_response_200 import ListClinicKeyEventsResponse200
from ...models.list_clinic_key_events_sort_by import ListClinicKeyEventsSortBy
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    created_at: str | Unset = UNSET,
    event_type: ListClinicKeyEventsEventType | Unset = UNSET,
    sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["created_at"] = created_at

    json_event_type: str | Unset = UNSET
    if not isinstance(event_type, Unset):
        json_event_type = event_type.value

    params["event_type"] = json_event_type

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["order_by"] = json_order_by

    params["page[number]"] = pagenumber

    params["page[size]"] = pagesize

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/events/clinic_keys",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | ListClinicKeyEventsResponse200 | None:
    if response.status_code == 200:
        response_200 = ListClinicKeyEventsResponse200.from_dict(response.json())

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
) -> Response[Error | ListClinicKeyEventsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    created_at: str | Unset = UNSET,
    event_type: ListClinicKeyEventsEventType | Unset = UNSET,
    sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListClinicKeyEventsResponse200]:
    """List all clinic key events

     Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
    `clinic_key.revoked`). Use it to reconcile missed webhooks.

    Args:
        created_at (str | Unset):
        event_type (ListClinicKeyEventsEventType | Unset):
        sort_by (ListClinicKeyEventsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListClinicKeyEventsResponse200]
    """

    kwargs = _get_kwargs(
        created_at=created_at,
        event_type=event_type,
        sort_by=sort_by,
        order_by=order_by,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    created_at: str | Unset = UNSET,
    event_type: ListClinicKeyEventsEventType | Unset = UNSET,
    sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListClinicKeyEventsResponse200 | None:
    """List all clinic key events

     Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
    `clinic_key.revoked`). Use it to reconcile missed webhooks.

    Args:
        created_at (str | Unset):
        event_type (ListClinicKeyEventsEventType | Unset):
        sort_by (ListClinicKeyEventsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListClinicKeyEventsResponse200
    """

    return sync_detailed(
        client=client,
        created_at=created_at,
        event_type=event_type,
        sort_by=sort_by,
        order_by=order_by,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    created_at: str | Unset = UNSET,
    event_type: ListClinicKeyEventsEventType | Unset = UNSET,
    sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListClinicKeyEventsResponse200]:
    """List all clinic key events

     Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
    `clinic_key.revoked`). Use it to reconcile missed webhooks.

    Args:
        created_at (str | Unset):
        event_type (ListClinicKeyEventsEventType | Unset):
        sort_by (ListClinicKeyEventsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListClinicKeyEventsResponse200]
    """

    kwargs = _get_kwargs(
        created_at=created_at,
        event_type=event_type,
        sort_by=sort_by,
        order_by=order_by,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    created_at: str | Unset = UNSET,
    event_type: ListClinicKeyEventsEventType | Unset = UNSET,
    sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListClinicKeyEventsResponse200 | None:
    """List all clinic key events

     Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
    `clinic_key.revoked`). Use it to reconcile missed webhooks.

    Args:
        created_at (str | Unset):
        event_type (ListClinicKeyEventsEventType | Unset):
        sort_by (ListClinicKeyEventsSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListClinicKeyEventsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
            created_at=created_at,
            event_type=event_type,
            sort_by=sort_by,
            order_by=order_by,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
