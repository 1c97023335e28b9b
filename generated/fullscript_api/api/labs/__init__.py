"""Operations tagged "labs", as `LabsResource` (friendly) and `LabsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.lab_order import LabOrder
    from ...models.lab_test import LabTest
    from ...models.list_lab_orders_response_200 import ListLabOrdersResponse200
    from ...models.retrieve_lab_order_response_200 import RetrieveLabOrderResponse200
    from ...models.retrieve_lab_test_response_200 import RetrieveLabTestResponse200
    from ...pagination import Paginator

__all__ = ["LabsRawResource", "LabsResource"]

_LIST_LAB_ORDERS = Operation(
    name="list_lab_orders",
    group="labs",
    method_name="list_orders",
    http_method="GET",
    path="/api/clinic/labs/orders",
    module_name=f"{__name__}.list_lab_orders",
    result_key=None,
    items_key="lab_orders",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_LAB_ORDER = Operation(
    name="retrieve_lab_order",
    group="labs",
    method_name="retrieve_order",
    http_method="GET",
    path="/api/clinic/labs/orders/{id}",
    module_name=f"{__name__}.retrieve_lab_order",
    result_key="lab_order",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_LAB_TEST = Operation(
    name="retrieve_lab_test",
    group="labs",
    method_name="retrieve_test",
    http_method="GET",
    path="/api/clinic/labs/tests/{id}",
    module_name=f"{__name__}.retrieve_lab_test",
    result_key="lab_test",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class LabsResource:
    """Operations tagged "labs": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list_orders": _LIST_LAB_ORDERS,
        "retrieve_order": _RETRIEVE_LAB_ORDER,
        "retrieve_test": _RETRIEVE_LAB_TEST,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list_orders(
        self,
        *,
        patient_id: str | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[LabOrder]:
        """List all lab orders

        Pages through the clinic's lab orders, optionally for one patient.

        ``GET /api/clinic/labs/orders`` (operation ``list_lab_orders``)

        Returns:
            Paginator[LabOrder]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_LAB_ORDERS,
            {
                "patient_id": patient_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve_order(
        self,
        id: str,
    ) -> LabOrder:
        """Retrieve a lab order

        Returns one lab order with its tests and results.

        ``GET /api/clinic/labs/orders/{id}`` (operation ``retrieve_lab_order``)

        Returns:
            LabOrder
        """

        return cast(
            "LabOrder",
            await self._invoker.request(
                _RETRIEVE_LAB_ORDER,
                {
                    "id": id,
                },
            ),
        )

    async def retrieve_test(
        self,
        id: str,
    ) -> LabTest:
        """Retrieve a lab test

        Returns one lab test. Restricted: Fullscript grants access to this endpoint on request
        only; other apps receive 403.

        ``GET /api/clinic/labs/tests/{id}`` (operation ``retrieve_lab_test``)

        Returns:
            LabTest
        """

        return cast(
            "LabTest",
            await self._invoker.request(
                _RETRIEVE_LAB_TEST,
                {
                    "id": id,
                },
            ),
        )


class LabsRawResource:
    """Operations tagged "labs", answering the whole HTTP response.

    Same names and arguments as `LabsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list_orders(
        self,
        *,
        patient_id: str | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListLabOrdersResponse200]:
        """List all lab orders

        Pages through the clinic's lab orders, optionally for one patient.

        ``GET /api/clinic/labs/orders`` (operation ``list_lab_orders``)

        Returns:
            Response[ListLabOrdersResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_LAB_ORDERS,
            {
                "patient_id": patient_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve_order(
        self,
        id: str,
    ) -> Response[RetrieveLabOrderResponse200]:
        """Retrieve a lab order

        Returns one lab order with its tests and results.

        ``GET /api/clinic/labs/orders/{id}`` (operation ``retrieve_lab_order``)

        Returns:
            Response[RetrieveLabOrderResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_LAB_ORDER,
            {
                "id": id,
            },
        )

    async def retrieve_test(
        self,
        id: str,
    ) -> Response[RetrieveLabTestResponse200]:
        """Retrieve a lab test

        Returns one lab test. Restricted: Fullscript grants access to this endpoint on request
        only; other apps receive 403.

        ``GET /api/clinic/labs/tests/{id}`` (operation ``retrieve_lab_test``)

        Returns:
            Response[RetrieveLabTestResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_LAB_TEST,
            {
                "id": id,
            },
        )
