from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.cancel_treatment_plan_response_200 import CancelTreatmentPlanResponse200
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    treatment_plan_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/clinic/treatment_plans/{treatment_plan_id}/cancel".format(
            treatment_plan_id=path_parameter("treatment_plan_id", treatment_plan_id),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CancelTreatmentPlanResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = CancelTreatmentPlanResponse200.from_dict(response.json())

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
) -> Response[CancelTreatmentPlanResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    treatment_plan_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CancelTreatmentPlanResponse200 | Error]:
    """Cancel a treatment plan

     Cancels an active treatment plan.

    Args:
        treatment_plan_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelTreatmentPlanResponse200 | Error]
    """

    kwargs = _get_kwargs(
        treatment_plan_id=treatment_plan_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    treatment_plan_id: str,
    *,
    client: AuthenticatedClient,
) -> CancelTreatmentPlanResponse200 | Error | None:
    """Cancel a treatment plan

     Cancels an active treatment plan.

    Args:
        treatment_plan_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelTreatmentPlanResponse200 | Error
    """

    return sync_detailed(
        treatment_plan_id=treatment_plan_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    treatment_plan_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CancelTreatmentPlanResponse200 | Error]:
    """Cancel a treatment plan

     Cancels an active treatment plan.

    Args:
        treatment_plan_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelTreatmentPlanResponse200 | Error]
    """

    kwargs = _get_kwargs(
        treatment_plan_id=treatment_plan_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    treatment_plan_id: str,
    *,
    client: AuthenticatedClient,
) -> CancelTreatmentPlanResponse200 | Error | None:
    """Cancel a treatment plan

     Cancels an active treatment plan.

    Args:
        treatment_plan_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelTreatmentPlanResponse200 | Error
    """

    return (
        await asyncio_detailed(
            treatment_plan_id=treatment_plan_id,
            client=client,
        )
    ).parsed
