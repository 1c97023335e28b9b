"""Operations tagged "practitioners", as `PractitionersResource` (friendly) and `PractitionersRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.create_practitioner_resource_response_201 import (
        CreatePractitionerResourceResponse201,
    )
    from ...models.create_practitioner_response_201 import CreatePractitionerResponse201
    from ...models.error import Error
    from ...models.list_practitioner_protocols_current_state import (
        ListPractitionerProtocolsCurrentState,
    )
    from ...models.list_practitioner_protocols_ownership_type import (
        ListPractitionerProtocolsOwnershipType,
    )
    from ...models.list_practitioner_protocols_response_200 import (
        ListPractitionerProtocolsResponse200,
    )
    from ...models.list_practitioner_protocols_sort_by import ListPractitionerProtocolsSortBy
    from ...models.list_practitioner_resources_response_200 import (
        ListPractitionerResourcesResponse200,
    )
    from ...models.list_practitioner_templates_response_200 import (
        ListPractitionerTemplatesResponse200,
    )
    from ...models.list_practitioners_response_200 import ListPractitionersResponse200
    from ...models.practitioner import Practitioner
    from ...models.practitioner_create_request import PractitionerCreateRequest
    from ...models.practitioner_resource import PractitionerResource
    from ...models.practitioner_resource_create_request import PractitionerResourceCreateRequest
    from ...models.practitioner_resource_update_request import PractitionerResourceUpdateRequest
    from ...models.practitioner_update_request import PractitionerUpdateRequest
    from ...models.protocol import Protocol
    from ...models.retrieve_practitioner_resource_response_200 import (
        RetrievePractitionerResourceResponse200,
    )
    from ...models.retrieve_practitioner_response_200 import RetrievePractitionerResponse200
    from ...models.sort_direction import SortDirection
    from ...models.template import Template
    from ...models.update_practitioner_resource_response_200 import (
        UpdatePractitionerResourceResponse200,
    )
    from ...models.update_practitioner_response_200 import UpdatePractitionerResponse200
    from ...pagination import Paginator

__all__ = ["PractitionersRawResource", "PractitionersResource"]

_LIST_PRACTITIONERS = Operation(
    name="list_practitioners",
    group="practitioners",
    method_name="list",
    http_method="GET",
    path="/api/clinic/practitioners",
    module_name=f"{__name__}.list_practitioners",
    result_key=None,
    items_key="practitioners",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_CREATE_PRACTITIONER = Operation(
    name="create_practitioner",
    group="practitioners",
    method_name="create",
    http_method="POST",
    path="/api/clinic/practitioners",
    module_name=f"{__name__}.create_practitioner",
    result_key="practitioner",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_PRACTITIONER = Operation(
    name="retrieve_practitioner",
    group="practitioners",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/practitioners/{id}",
    module_name=f"{__name__}.retrieve_practitioner",
    result_key="practitioner",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_UPDATE_PRACTITIONER = Operation(
    name="update_practitioner",
    group="practitioners",
    method_name="update",
    http_method="PATCH",
    path="/api/clinic/practitioners/{id}",
    module_name=f"{__name__}.update_practitioner",
    result_key="practitioner",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_LIST_PRACTITIONER_PROTOCOLS = Operation(
    name="list_practitioner_protocols",
    group="practitioners",
    method_name="list_protocols",
    http_method="GET",
    path="/api/clinic/practitioners/{practitioner_id}/protocols",
    module_name=f"{__name__}.list_practitioner_protocols",
    result_key=None,
    items_key="protocols",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PRACTITIONER_RESOURCES = Operation(
    name="list_practitioner_resources",
    group="practitioners",
    method_name="list_resources",
    http_method="GET",
    path="/api/clinic/practitioners/{practitioner_id}/resources",
    module_name=f"{__name__}.list_practitioner_resources",
    result_key=None,
    items_key="resources",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_CREATE_PRACTITIONER_RESOURCE = Operation(
    name="create_practitioner_resource",
    group="practitioners",
    method_name="create_resource",
    http_method="POST",
    path="/api/clinic/practitioners/{practitioner_id}/resources",
    module_name=f"{__name__}.create_practitioner_resource",
    result_key="resource",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_PRACTITIONER_RESOURCE = Operation(
    name="retrieve_practitioner_resource",
    group="practitioners",
    method_name="retrieve_resource",
    http_method="GET",
    path="/api/clinic/practitioners/{practitioner_id}/resources/{id}",
    module_name=f"{__name__}.retrieve_practitioner_resource",
    result_key="resource",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_UPDATE_PRACTITIONER_RESOURCE = Operation(
    name="update_practitioner_resource",
    group="practitioners",
    method_name="update_resource",
    http_method="PUT",
    path="/api/clinic/practitioners/{practitioner_id}/resources/{id}",
    module_name=f"{__name__}.update_practitioner_resource",
    result_key="resource",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_DELETE_PRACTITIONER_RESOURCE = Operation(
    name="delete_practitioner_resource",
    group="practitioners",
    method_name="delete_resource",
    http_method="DELETE",
    path="/api/clinic/practitioners/{practitioner_id}/resources/{id}",
    module_name=f"{__name__}.delete_practitioner_resource",
    result_key=None,
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_LIST_PRACTITIONER_TEMPLATES = Operation(
    name="list_practitioner_templates",
    group="practitioners",
    method_name="list_templates",
    http_method="GET",
    path="/api/clinic/practitioners/{practitioner_id}/templates",
    module_name=f"{__name__}.list_practitioner_templates",
    result_key=None,
    items_key="templates",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class PractitionersResource:
    """Operations tagged "practitioners": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_PRACTITIONERS,
        "create": _CREATE_PRACTITIONER,
        "retrieve": _RETRIEVE_PRACTITIONER,
        "update": _UPDATE_PRACTITIONER,
        "list_protocols": _LIST_PRACTITIONER_PROTOCOLS,
        "list_resources": _LIST_PRACTITIONER_RESOURCES,
        "create_resource": _CREATE_PRACTITIONER_RESOURCE,
        "retrieve_resource": _RETRIEVE_PRACTITIONER_RESOURCE,
        "update_resource": _UPDATE_PRACTITIONER_RESOURCE,
        "delete_resource": _DELETE_PRACTITIONER_RESOURCE,
        "list_templates": _LIST_PRACTITIONER_TEMPLATES,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Practitioner]:
        """List all practitioners

        Pages through the clinic's practitioners.

        ``GET /api/clinic/practitioners`` (operation ``list_practitioners``)

        Returns:
            Paginator[Practitioner]: every record, fetched `page_size` at a time (up to `limit`),
            with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRACTITIONERS,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def create(
        self,
        *,
        body: PractitionerCreateRequest,
    ) -> Practitioner:
        """Create a practitioner

        Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner
        type answers 404.

        ``POST /api/clinic/practitioners`` (operation ``create_practitioner``)

        Returns:
            Practitioner
        """

        return cast(
            "Practitioner",
            await self._invoker.request(
                _CREATE_PRACTITIONER,
                {
                    "body": body,
                },
            ),
        )

    async def retrieve(
        self,
        id: str,
    ) -> Practitioner:
        """Retrieve a practitioner

        Returns one practitioner of the clinic.

        ``GET /api/clinic/practitioners/{id}`` (operation ``retrieve_practitioner``)

        Returns:
            Practitioner
        """

        return cast(
            "Practitioner",
            await self._invoker.request(
                _RETRIEVE_PRACTITIONER,
                {
                    "id": id,
                },
            ),
        )

    async def update(
        self,
        id: str,
        *,
        body: PractitionerUpdateRequest,
    ) -> Practitioner:
        """Update a practitioner

        Changes the given fields of a practitioner.

        ``PATCH /api/clinic/practitioners/{id}`` (operation ``update_practitioner``)

        Returns:
            Practitioner
        """

        return cast(
            "Practitioner",
            await self._invoker.request(
                _UPDATE_PRACTITIONER,
                {
                    "id": id,
                    "body": body,
                },
            ),
        )

    def list_protocols(
        self,
        practitioner_id: str,
        *,
        current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
        sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Protocol]:
        """List all practitioner protocols

        Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default),
        those shared with them (`shared`), or both (`all`).

        ``GET /api/clinic/practitioners/{practitioner_id}/protocols`` (operation ``list_practitioner_protocols``)

        Returns:
            Paginator[Protocol]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRACTITIONER_PROTOCOLS,
            {
                "practitioner_id": practitioner_id,
                "current_state": current_state,
                "sort_by": sort_by,
                "order_by": order_by,
                "ownership_type": ownership_type,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_resources(
        self,
        practitioner_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[PractitionerResource]:
        """List all practitioner resources

        Pages through the resources a practitioner has access to.

        ``GET /api/clinic/practitioners/{practitioner_id}/resources`` (operation ``list_practitioner_resources``)

        Returns:
            Paginator[PractitionerResource]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRACTITIONER_RESOURCES,
            {
                "practitioner_id": practitioner_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def create_resource(
        self,
        practitioner_id: str,
        *,
        body: PractitionerResourceCreateRequest,
    ) -> PractitionerResource:
        """Create a resource

        Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
        optionally attached to a treatment plan.

        ``POST /api/clinic/practitioners/{practitioner_id}/resources`` (operation ``create_practitioner_resource``)

        Returns:
            PractitionerResource
        """

        return cast(
            "PractitionerResource",
            await self._invoker.request(
                _CREATE_PRACTITIONER_RESOURCE,
                {
                    "practitioner_id": practitioner_id,
                    "body": body,
                },
            ),
        )

    async def retrieve_resource(
        self,
        practitioner_id: str,
        id: str,
    ) -> PractitionerResource:
        """Retrieve a practitioner's resource

        Returns one resource the practitioner has access to.

        ``GET /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``retrieve_practitioner_resource``)

        Returns:
            PractitionerResource
        """

        return cast(
            "PractitionerResource",
            await self._invoker.request(
                _RETRIEVE_PRACTITIONER_RESOURCE,
                {
                    "practitioner_id": practitioner_id,
                    "id": id,
                },
            ),
        )

    async def update_resource(
        self,
        practitioner_id: str,
        id: str,
        *,
        body: PractitionerResourceUpdateRequest,
    ) -> PractitionerResource:
        """Update a resource

        Changes the given fields of a practitioner's resource, optionally replacing its file.

        ``PUT /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``update_practitioner_resource``)

        Returns:
            PractitionerResource
        """

        return cast(
            "PractitionerResource",
            await self._invoker.request(
                _UPDATE_PRACTITIONER_RESOURCE,
                {
                    "practitioner_id": practitioner_id,
                    "id": id,
                    "body": body,
                },
            ),
        )

    async def delete_resource(
        self,
        practitioner_id: str,
        id: str,
    ) -> Any:
        """Delete a resource

        Deletes a practitioner's resource. Answers 204 with no body.

        ``DELETE /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``delete_practitioner_resource``)

        Returns:
            Any
        """

        return cast(
            "Any",
            await self._invoker.request(
                _DELETE_PRACTITIONER_RESOURCE,
                {
                    "practitioner_id": practitioner_id,
                    "id": id,
                },
            ),
        )

    def list_templates(
        self,
        practitioner_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Template]:
        """List all practitioner templates

        Pages through the templates a practitioner wrote (templates are being replaced by
        protocols).

        ``GET /api/clinic/practitioners/{practitioner_id}/templates`` (operation ``list_practitioner_templates``)

        Returns:
            Paginator[Template]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRACTITIONER_TEMPLATES,
            {
                "practitioner_id": practitioner_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class PractitionersRawResource:
    """Operations tagged "practitioners", answering the whole HTTP response.

    Same names and arguments as `PractitionersResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list(
        self,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPractitionersResponse200]:
        """List all practitioners

        Pages through the clinic's practitioners.

        ``GET /api/clinic/practitioners`` (operation ``list_practitioners``)

        Returns:
            Response[ListPractitionersResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRACTITIONERS,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def create(
        self,
        *,
        body: PractitionerCreateRequest,
    ) -> Response[CreatePractitionerResponse201]:
        """Create a practitioner

        Adds a practitioner of the given practitioner type to the clinic. An unknown practitioner
        type answers 404.

        ``POST /api/clinic/practitioners`` (operation ``create_practitioner``)

        Returns:
            Response[CreatePractitionerResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_PRACTITIONER,
            {
                "body": body,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrievePractitionerResponse200]:
        """Retrieve a practitioner

        Returns one practitioner of the clinic.

        ``GET /api/clinic/practitioners/{id}`` (operation ``retrieve_practitioner``)

        Returns:
            Response[RetrievePractitionerResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_PRACTITIONER,
            {
                "id": id,
            },
        )

    async def update(
        self,
        id: str,
        *,
        body: PractitionerUpdateRequest,
    ) -> Response[UpdatePractitionerResponse200]:
        """Update a practitioner

        Changes the given fields of a practitioner.

        ``PATCH /api/clinic/practitioners/{id}`` (operation ``update_practitioner``)

        Returns:
            Response[UpdatePractitionerResponse200]
        """

        return await self._invoker.request_raw(
            _UPDATE_PRACTITIONER,
            {
                "id": id,
                "body": body,
            },
        )

    async def list_protocols(
        self,
        practitioner_id: str,
        *,
        current_state: ListPractitionerProtocolsCurrentState | Unset = UNSET,
        sort_by: ListPractitionerProtocolsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        ownership_type: ListPractitionerProtocolsOwnershipType | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPractitionerProtocolsResponse200]:
        """List all practitioner protocols

        Pages through the protocols a practitioner wrote (`ownership_type=owned`, the default),
        those shared with them (`shared`), or both (`all`).

        ``GET /api/clinic/practitioners/{practitioner_id}/protocols`` (operation ``list_practitioner_protocols``)

        Returns:
            Response[ListPractitionerProtocolsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRACTITIONER_PROTOCOLS,
            {
                "practitioner_id": practitioner_id,
                "current_state": current_state,
                "sort_by": sort_by,
                "order_by": order_by,
                "ownership_type": ownership_type,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_resources(
        self,
        practitioner_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPractitionerResourcesResponse200]:
        """List all practitioner resources

        Pages through the resources a practitioner has access to.

        ``GET /api/clinic/practitioners/{practitioner_id}/resources`` (operation ``list_practitioner_resources``)

        Returns:
            Response[ListPractitionerResourcesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRACTITIONER_RESOURCES,
            {
                "practitioner_id": practitioner_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def create_resource(
        self,
        practitioner_id: str,
        *,
        body: PractitionerResourceCreateRequest,
    ) -> Response[CreatePractitionerResourceResponse201]:
        """Create a resource

        Uploads a file (jpg, jpeg, png, pdf, doc, xlsx or pptx) as a resource of the practitioner,
        optionally attached to a treatment plan.

        ``POST /api/clinic/practitioners/{practitioner_id}/resources`` (operation ``create_practitioner_resource``)

        Returns:
            Response[CreatePractitionerResourceResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_PRACTITIONER_RESOURCE,
            {
                "practitioner_id": practitioner_id,
                "body": body,
            },
        )

    async def retrieve_resource(
        self,
        practitioner_id: str,
        id: str,
    ) -> Response[RetrievePractitionerResourceResponse200]:
        """Retrieve a practitioner's resource

        Returns one resource the practitioner has access to.

        ``GET /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``retrieve_practitioner_resource``)

        Returns:
            Response[RetrievePractitionerResourceResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_PRACTITIONER_RESOURCE,
            {
                "practitioner_id": practitioner_id,
                "id": id,
            },
        )

    async def update_resource(
        self,
        practitioner_id: str,
        id: str,
        *,
        body: PractitionerResourceUpdateRequest,
    ) -> Response[UpdatePractitionerResourceResponse200]:
        """Update a resource

        Changes the given fields of a practitioner's resource, optionally replacing its file.

        ``PUT /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``update_practitioner_resource``)

        Returns:
            Response[UpdatePractitionerResourceResponse200]
        """

        return await self._invoker.request_raw(
            _UPDATE_PRACTITIONER_RESOURCE,
            {
                "practitioner_id": practitioner_id,
                "id": id,
                "body": body,
            },
        )

    async def delete_resource(
        self,
        practitioner_id: str,
        id: str,
    ) -> Response[Any]:
        """Delete a resource

        Deletes a practitioner's resource. Answers 204 with no body.

        ``DELETE /api/clinic/practitioners/{practitioner_id}/resources/{id}`` (operation ``delete_practitioner_resource``)

        Returns:
            Response[Any]
        """

        return await self._invoker.request_raw(
            _DELETE_PRACTITIONER_RESOURCE,
            {
                "practitioner_id": practitioner_id,
                "id": id,
            },
        )

    async def list_templates(
        self,
        practitioner_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPractitionerTemplatesResponse200]:
        """List all practitioner templates

        Pages through the templates a practitioner wrote (templates are being replaced by
        protocols).

        ``GET /api/clinic/practitioners/{practitioner_id}/templates`` (operation ``list_practitioner_templates``)

        Returns:
            Response[ListPractitionerTemplatesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRACTITIONER_TEMPLATES,
            {
                "practitioner_id": practitioner_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
