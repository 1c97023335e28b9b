"""Operations tagged "orders", as `OrdersResource` (friendly) and `OrdersRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_orders_response_200 import ListOrdersResponse200
    from ...models.list_orders_sort_by import ListOrdersSortBy
    from ...models.list_orders_type import ListOrdersType
    from ...models.order import Order
    from ...models.retrieve_order_response_200 import RetrieveOrderResponse200
    from ...models.sort_direction import SortDirection
    from ...pagination import Paginator

__all__ = ["OrdersRawResource", "OrdersResource"]

_LIST_ORDERS = Operation(
    name="list_orders",
    group="orders",
    method_name="list",
    http_method="GET",
    path="/api/clinic/orders",
    module_name=f"{__name__}.list_orders",
    result_key=None,
    items_key="orders",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_ORDER = Operation(
    name="retrieve_order",
    group="orders",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/orders/{id}",
    module_name=f"{__name__}.retrieve_order",
    result_key="order",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class OrdersResource:
    """Operations tagged "orders": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_ORDERS,
        "retrieve": _RETRIEVE_ORDER,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        patient_id: str | Unset = UNSET,
        treatment_plan_id: str | Unset = UNSET,
        completed_at: str | Unset = UNSET,
        order_number: str | Unset = UNSET,
        type_: ListOrdersType | Unset = UNSET,
        sort_by: ListOrdersSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Order]:
        """List all orders

        Pages through the clinic's orders, with filters on patient, plan, completion date, order
        number and type (supplement or labs).

        ``GET /api/clinic/orders`` (operation ``list_orders``)

        Returns:
            Paginator[Order]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_ORDERS,
            {
                "patient_id": patient_id,
                "treatment_plan_id": treatment_plan_id,
                "completed_at": completed_at,
                "order_number": order_number,
                "type_": type_,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> Order:
        """Retrieve an order

        Returns one order with its line items and totals.

        ``GET /api/clinic/orders/{id}`` (operation ``retrieve_order``)

        Returns:
            Order
        """

        return cast(
            "Order",
            await self._invoker.request(
                _RETRIEVE_ORDER,
                {
                    "id": id,
                },
            ),
        )


class OrdersRawResource:
    """Operations tagged "orders", answering the whole HTTP response.

    Same names and arguments as `OrdersResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list(
        self,
        *,
        patient_id: str | Unset = UNSET,
        treatment_plan_id: str | Unset = UNSET,
        completed_at: str | Unset = UNSET,
        order_number: str | Unset = UNSET,
        type_: ListOrdersType | Unset = UNSET,
        sort_by: ListOrdersSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListOrdersResponse200]:
        """List all orders

        Pages through the clinic's orders, with filters on patient, plan, completion date, order
        number and type (supplement or labs).

        ``GET /api/clinic/orders`` (operation ``list_orders``)

        Returns:
            Response[ListOrdersResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_ORDERS,
            {
                "patient_id": patient_id,
                "treatment_plan_id": treatment_plan_id,
                "completed_at": completed_at,
                "order_number": order_number,
                "type_": type_,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveOrderResponse200]:
        """Retrieve an order

        Returns one order with its line items and totals.

        ``GET /api/clinic/orders/{id}`` (operation ``retrieve_order``)

        Returns:
            Response[RetrieveOrderResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_ORDER,
            {
                "id": id,
            },
        )
