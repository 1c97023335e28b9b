from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.error import Error
from ...models.list_patient_treatment_plans_response_200 import ListPatientTreatmentPlansResponse200
from ...models.list_patient_treatment_plans_sort_by import ListPatientTreatmentPlansSortBy
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    patient_id: str,
    *,
    sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/api/clinic/patients/{patient_id}/treatment_plans".format(
            patient_id=path_parameter("patient_id", patient_id),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> Error | ListPatientTreatmentPlansResponse200 | None:
    if response.status_code == 200:
        response_200 = ListPatientTreatmentPlansResponse200.from_dict(response.json())

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
) -> Response[Error | ListPatientTreatmentPlansResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListPatientTreatmentPlansResponse200]:
    """List all patient treatment plans

     Pages through the treatment plans written for a patient.

    Args:
        patient_id (str):
        sort_by (ListPatientTreatmentPlansSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListPatientTreatmentPlansResponse200]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
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
    patient_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListPatientTreatmentPlansResponse200 | None:
    """List all patient treatment plans

     Pages through the treatment plans written for a patient.

    Args:
        patient_id (str):
        sort_by (ListPatientTreatmentPlansSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListPatientTreatmentPlansResponse200
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        sort_by=sort_by,
        order_by=order_by,
        pagenumber=pagenumber,
        pagesize=pagesize,
    ).parsed


async def asyncio_detailed(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Response[Error | ListPatientTreatmentPlansResponse200]:
    """List all patient treatment plans

     Pages through the treatment plans written for a patient.

    Args:
        patient_id (str):
        sort_by (ListPatientTreatmentPlansSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ListPatientTreatmentPlansResponse200]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        sort_by=sort_by,
        order_by=order_by,
        pagenumber=pagenumber,
        pagesize=pagesize,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
    order_by: SortDirection | Unset = UNSET,
    pagenumber: int | Unset = UNSET,
    pagesize: int | Unset = UNSET,
) -> Error | ListPatientTreatmentPlansResponse200 | None:
    """List all patient treatment plans

     Pages through the treatment plans written for a patient.

    Args:
        patient_id (str):
        sort_by (ListPatientTreatmentPlansSortBy | Unset):
        order_by (SortDirection | Unset): Sort direction.
        pagenumber (int | Unset):
        pagesize (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ListPatientTreatmentPlansResponse200
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            sort_by=sort_by,
            order_by=order_by,
            pagenumber=pagenumber,
            pagesize=pagesize,
        )
    ).parsed
