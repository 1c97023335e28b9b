from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.create_patient_treatment_plan_response_201 import (
    CreatePatientTreatmentPlanResponse201,
)
from ...models.error import Error
from ...models.treatment_plan_create_request import TreatmentPlanCreateRequest
from ...types import Response


def _get_kwargs(
    patient_id: str,
    *,
    body: TreatmentPlanCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/patients/{patient_id}/treatment_plans".format(
            patient_id=path_parameter("patient_id", patient_id),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreatePatientTreatmentPlanResponse201 | Error | None:
    if response.status_code == 201:
        response_201 = CreatePatientTreatmentPlanResponse201.from_dict(response.json())

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
) -> Response[CreatePatientTreatmentPlanResponse201 | Error]:
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
    body: TreatmentPlanCreateRequest,
) -> Response[CreatePatientTreatmentPlanResponse201 | Error]:
    """Create a patient treatment plan

     Writes a treatment plan for the patient, active (sent) by default or as a draft. Restricted:
    Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        patient_id (str):
        body (TreatmentPlanCreateRequest): A new treatment plan for the patient in the path.
            Example: {'practitioner_id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'state': 'draft',
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876',
            'units_to_purchase': 1, 'refill': True, 'dosage': {'amount': '1', 'frequency': 'every
            night', 'format': 'capsule'}}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePatientTreatmentPlanResponse201 | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: TreatmentPlanCreateRequest,
) -> CreatePatientTreatmentPlanResponse201 | Error | None:
    """Create a patient treatment plan

     Writes a treatment plan for the patient, active (sent) by default or as a draft. Restricted:
    Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        patient_id (str):
        body (TreatmentPlanCreateRequest): A new treatment plan for the patient in the path.
            Example: {'practitioner_id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'state': 'draft',
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876',
            'units_to_purchase': 1, 'refill': True, 'dosage': {'amount': '1', 'frequency': 'every
            night', 'format': 'capsule'}}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePatientTreatmentPlanResponse201 | Error
    """

    return sync_detailed(
        patient_id=patient_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: TreatmentPlanCreateRequest,
) -> Response[CreatePatientTreatmentPlanResponse201 | Error]:
    """Create a patient treatment plan

     Writes a treatment plan for the patient, active (sent) by default or as a draft. Restricted:
    Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        patient_id (str):
        body (TreatmentPlanCreateRequest): A new treatment plan for the patient in the path.
            Example: {'practitioner_id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'state': 'draft',
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876',
            'units_to_purchase': 1, 'refill': True, 'dosage': {'amount': '1', 'frequency': 'every
            night', 'format': 'capsule'}}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePatientTreatmentPlanResponse201 | Error]
    """

    kwargs = _get_kwargs(
        patient_id=patient_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    patient_id: str,
    *,
    client: AuthenticatedClient,
    body: TreatmentPlanCreateRequest,
) -> CreatePatientTreatmentPlanResponse201 | Error | None:
    """Create a patient treatment plan

     Writes a treatment plan for the patient, active (sent) by default or as a draft. Restricted:
    Fullscript grants access to this endpoint on request only; other apps receive 403.

    Args:
        patient_id (str):
        body (TreatmentPlanCreateRequest): A new treatment plan for the patient in the path.
            Example: {'practitioner_id': 'c2a7d3f4-1e5b-4a6c-8d9e-0f1a2b3c4d5f', 'state': 'draft',
            'recommendations': [{'variant_id': '3f2e1d0c-9b8a-4765-b432-10fedcba9876',
            'units_to_purchase': 1, 'refill': True, 'dosage': {'amount': '1', 'frequency': 'every
            night', 'format': 'capsule'}}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePatientTreatmentPlanResponse201 | Error
    """

    return (
        await asyncio_detailed(
            patient_id=patient_id,
            client=client,
            body=body,
        )
    ).parsed
