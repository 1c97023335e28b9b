"""Operations tagged "staff", as `StaffResource` (friendly) and `StaffRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.create_staff_response_201 import CreateStaffResponse201
    from ...models.error import Error
    from ...models.list_staff_response_200 import ListStaffResponse200
    from ...models.retrieve_staff_response_200 import RetrieveStaffResponse200
    from ...models.staff import Staff
    from ...models.staff_create_request import StaffCreateRequest
    from ...models.staff_update_request import StaffUpdateRequest
    from ...models.update_staff_response_200 import UpdateStaffResponse200
    from ...pagination import Paginator

__all__ = ["StaffRawResource", "StaffResource"]

_LIST_STAFF = Operation(
    name="list_staff",
    group="staff",
    method_name="list",
    http_method="GET",
    path="/api/clinic/staff",
    module_name=f"{__name__}.list_staff",
    result_key=None,
    items_key="staff",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_CREATE_STAFF = Operation(
    name="create_staff",
    group="staff",
    method_name="create",
    http_method="POST",
    path="/api/clinic/staff",
    module_name=f"{__name__}.create_staff",
    result_key="staff",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_STAFF = Operation(
    name="retrieve_staff",
    group="staff",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/staff/{id}",
    module_name=f"{__name__}.retrieve_staff",
    result_key="staff",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_UPDATE_STAFF = Operation(
    name="update_staff",
    group="staff",
    method_name="update",
    http_method="PATCH",
    path="/api/clinic/staff/{id}",
    module_name=f"{__name__}.update_staff",
    result_key="staff",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class StaffResource:
    """Operations tagged "staff": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_STAFF,
        "create": _CREATE_STAFF,
        "retrieve": _RETRIEVE_STAFF,
        "update": _UPDATE_STAFF,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Staff]:
        """List all staff

        Pages through the clinic's staff members (key `staff`, also for lists).

        ``GET /api/clinic/staff`` (operation ``list_staff``)

        Returns:
            Paginator[Staff]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_STAFF,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def create(
        self,
        *,
        body: StaffCreateRequest,
    ) -> Staff:
        """Create a staff member

        Adds a staff member to the clinic.

        ``POST /api/clinic/staff`` (operation ``create_staff``)

        Returns:
            Staff
        """

        return cast(
            "Staff",
            await self._invoker.request(
                _CREATE_STAFF,
                {
                    "body": body,
                },
            ),
        )

    async def retrieve(
        self,
        id: str,
    ) -> Staff:
        """Retrieve a staff member

        Returns one staff member of the clinic.

        ``GET /api/clinic/staff/{id}`` (operation ``retrieve_staff``)

        Returns:
            Staff
        """

        return cast(
            "Staff",
            await self._invoker.request(
                _RETRIEVE_STAFF,
                {
                    "id": id,
                },
            ),
        )

    async def update(
        self,
        id: str,
        *,
        body: StaffUpdateRequest,
    ) -> Staff:
        """Update a staff member

        Changes the given fields of a staff member.

        ``PATCH /api/clinic/staff/{id}`` (operation ``update_staff``)

        Returns:
            Staff
        """

        return cast(
            "Staff",
            await self._invoker.request(
                _UPDATE_STAFF,
                {
                    "id": id,
                    "body": body,
                },
            ),
        )


class StaffRawResource:
    """Operations tagged "staff", answering the whole HTTP response.

    Same names and arguments as `StaffResource` except that list operations take the page
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
    ) -> Response[ListStaffResponse200]:
        """List all staff

        Pages through the clinic's staff members (key `staff`, also for lists).

        ``GET /api/clinic/staff`` (operation ``list_staff``)

        Returns:
            Response[ListStaffResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_STAFF,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def create(
        self,
        *,
        body: StaffCreateRequest,
    ) -> Response[CreateStaffResponse201]:
        """Create a staff member

        Adds a staff member to the clinic.

        ``POST /api/clinic/staff`` (operation ``create_staff``)

        Returns:
            Response[CreateStaffResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_STAFF,
            {
                "body": body,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveStaffResponse200]:
        """Retrieve a staff member

        Returns one staff member of the clinic.

        ``GET /api/clinic/staff/{id}`` (operation ``retrieve_staff``)

        Returns:
            Response[RetrieveStaffResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_STAFF,
            {
                "id": id,
            },
        )

    async def update(
        self,
        id: str,
        *,
        body: StaffUpdateRequest,
    ) -> Response[UpdateStaffResponse200]:
        """Update a staff member

        Changes the given fields of a staff member.

        ``PATCH /api/clinic/staff/{id}`` (operation ``update_staff``)

        Returns:
            Response[UpdateStaffResponse200]
        """

        return await self._invoker.request_raw(
            _UPDATE_STAFF,
            {
                "id": id,
                "body": body,
            },
        )
