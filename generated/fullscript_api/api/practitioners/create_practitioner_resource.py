from http import HTTPStatus
from typing import Any

import httpx2

from ... import errors
from ...client import AuthenticatedClient, Client
from ...errors import path_parameter
from ...models.create_practitioner_resource_response_201 import (
    CreatePractitionerResourceResponse201,
)
from ...models.error import Error
from ...models.practitioner_resource_create_request import PractitionerResourceCreateRequest
from ...types import Response


def _get_kwargs(
    practitioner_id: str,
    *,
    body: PractitionerResourceCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/clinic/practitioners/{practitioner_id}/resources".format(
            practitioner_id=path_parameter("practitioner_id", practitioner_id),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx2.Response
) -> CreatePractitionerResourceResponse201 | Error | None:
    if response.status_code == 201:
        response_201 = CreatePractitionerResourceResponse201.from_dict(response.json())

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
) -> Response[CreatePractitionerResourceResponse201 | Error]:
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
    body: PractitionerResourceCreateRequest,
) -> Response[CreatePractitionerResourceResponse201 | Error]:
    """Create a resource

     Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
    optionally attached to a treatment plan.

    Args:
        practitioner_id (str):
        body (PractitionerResourceCreateRequest): A file to add to the practitioner's resources.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePractitionerResourceResponse201 | Error]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerResourceCreateRequest,
) -> CreatePractitionerResourceResponse201 | Error | None:
    """Create a resource

     Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
    optionally attached to a treatment plan.

    Args:
        practitioner_id (str):
        body (PractitionerResourceCreateRequest): A file to add to the practitioner's resources.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePractitionerResourceResponse201 | Error
    """

    return sync_detailed(
        practitioner_id=practitioner_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerResourceCreateRequest,
) -> Response[CreatePractitionerResourceResponse201 | Error]:
    """Create a resource

     Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
    optionally attached to a treatment plan.

    Args:
        practitioner_id (str):
        body (PractitionerResourceCreateRequest): A file to add to the practitioner's resources.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatePractitionerResourceResponse201 | Error]
    """

    kwargs = _get_kwargs(
        practitioner_id=practitioner_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practitioner_id: str,
    *,
    client: AuthenticatedClient,
    body: PractitionerResourceCreateRequest,
) -> CreatePractitionerResourceResponse201 | Error | None:
    """Create a resource

     Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
    optionally attached to a treatment plan.

    Args:
        practitioner_id (str):
        body (PractitionerResourceCreateRequest): A file to add to the practitioner's resources.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatePractitionerResourceResponse201 | Error
    """

    return (
        await asyncio_detailed(
            practitioner_id=practitioner_id,
            client=client,
            body=body,
        )
    ).parsed
