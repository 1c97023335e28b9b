"""Operations tagged "webhooks", as `WebhooksResource` (friendly) and `WebhooksRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_webhook_deliveries_response_200 import ListWebhookDeliveriesResponse200
    from ...models.list_webhook_deliveries_sort_by import ListWebhookDeliveriesSortBy
    from ...models.list_webhook_deliveries_successfully_delivered import (
        ListWebhookDeliveriesSuccessfullyDelivered,
    )
    from ...models.sort_direction import SortDirection
    from ...models.webhook_delivery import WebhookDelivery
    from ...pagination import Paginator

__all__ = ["WebhooksRawResource", "WebhooksResource"]

_LIST_WEBHOOK_DELIVERIES = Operation(
    name="list_webhook_deliveries",
    group="webhooks",
    method_name="list_deliveries",
    http_method="GET",
    path="/api/webhooks/deliveries",
    module_name=f"{__name__}.list_webhook_deliveries",
    result_key=None,
    items_key="webhook_deliveries",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class WebhooksResource:
    """Operations tagged "webhooks": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list_deliveries": _LIST_WEBHOOK_DELIVERIES,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list_deliveries(
        self,
        *,
        attempted_at: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
        successfully_delivered: ListWebhookDeliveriesSuccessfullyDelivered | Unset = UNSET,
        sort_by: ListWebhookDeliveriesSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[WebhookDelivery]:
        """List all webhook deliveries

        Pages through the attempts to deliver events to your webhook address, with what your
        server answered.

        ``GET /api/webhooks/deliveries`` (operation ``list_webhook_deliveries``)

        Returns:
            Paginator[WebhookDelivery]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_WEBHOOK_DELIVERIES,
            {
                "attempted_at": attempted_at,
                "event_id": event_id,
                "successfully_delivered": successfully_delivered,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class WebhooksRawResource:
    """Operations tagged "webhooks", answering the whole HTTP response.

    Same names and arguments as `WebhooksResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list_deliveries(
        self,
        *,
        attempted_at: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
        successfully_delivered: ListWebhookDeliveriesSuccessfullyDelivered | Unset = UNSET,
        sort_by: ListWebhookDeliveriesSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListWebhookDeliveriesResponse200]:
        """List all webhook deliveries

        Pages through the attempts to deliver events to your webhook address, with what your
        server answered.

        ``GET /api/webhooks/deliveries`` (operation ``list_webhook_deliveries``)

        Returns:
            Response[ListWebhookDeliveriesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_WEBHOOK_DELIVERIES,
            {
                "attempted_at": attempted_at,
                "event_id": event_id,
                "successfully_delivered": successfully_delivered,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
