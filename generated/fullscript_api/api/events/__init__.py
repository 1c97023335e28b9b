"""Operations tagged "events", as `EventsResource` (friendly) and `EventsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.event import Event
    from ...models.list_clinic_key_events_event_type import ListClinicKeyEventsEventType
    from ...models.list_clinic_key_events_response_200 import ListClinicKeyEventsResponse200
    from ...models.list_clinic_key_events_sort_by import ListClinicKeyEventsSortBy
    from ...models.list_lab_order_events_event_type import ListLabOrderEventsEventType
    from ...models.list_lab_order_events_response_200 import ListLabOrderEventsResponse200
    from ...models.list_lab_order_events_sort_by import ListLabOrderEventsSortBy
    from ...models.list_order_events_event_type import ListOrderEventsEventType
    from ...models.list_order_events_response_200 import ListOrderEventsResponse200
    from ...models.list_order_events_sort_by import ListOrderEventsSortBy
    from ...models.list_patient_events_event_type import ListPatientEventsEventType
    from ...models.list_patient_events_response_200 import ListPatientEventsResponse200
    from ...models.list_patient_events_sort_by import ListPatientEventsSortBy
    from ...models.list_product_events_event_type import ListProductEventsEventType
    from ...models.list_product_events_response_200 import ListProductEventsResponse200
    from ...models.list_product_events_sort_by import ListProductEventsSortBy
    from ...models.list_treatment_plan_events_event_type import ListTreatmentPlanEventsEventType
    from ...models.list_treatment_plan_events_response_200 import ListTreatmentPlanEventsResponse200
    from ...models.list_treatment_plan_events_sort_by import ListTreatmentPlanEventsSortBy
    from ...models.retrieve_event_response_200 import RetrieveEventResponse200
    from ...models.sort_direction import SortDirection
    from ...pagination import Paginator

__all__ = ["EventsRawResource", "EventsResource"]

_LIST_CLINIC_KEY_EVENTS = Operation(
    name="list_clinic_key_events",
    group="events",
    method_name="list_clinic_key_events",
    http_method="GET",
    path="/api/events/clinic_keys",
    module_name=f"{__name__}.list_clinic_key_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_LAB_ORDER_EVENTS = Operation(
    name="list_lab_order_events",
    group="events",
    method_name="list_lab_order_events",
    http_method="GET",
    path="/api/events/lab_orders",
    module_name=f"{__name__}.list_lab_order_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_ORDER_EVENTS = Operation(
    name="list_order_events",
    group="events",
    method_name="list_order_events",
    http_method="GET",
    path="/api/events/orders",
    module_name=f"{__name__}.list_order_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PATIENT_EVENTS = Operation(
    name="list_patient_events",
    group="events",
    method_name="list_patient_events",
    http_method="GET",
    path="/api/events/patients",
    module_name=f"{__name__}.list_patient_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PRODUCT_EVENTS = Operation(
    name="list_product_events",
    group="events",
    method_name="list_product_events",
    http_method="GET",
    path="/api/events/products",
    module_name=f"{__name__}.list_product_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_TREATMENT_PLAN_EVENTS = Operation(
    name="list_treatment_plan_events",
    group="events",
    method_name="list_treatment_plan_events",
    http_method="GET",
    path="/api/events/treatment_plans",
    module_name=f"{__name__}.list_treatment_plan_events",
    result_key=None,
    items_key="events",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_EVENT = Operation(
    name="retrieve_event",
    group="events",
    method_name="retrieve",
    http_method="GET",
    path="/api/events/{id}",
    module_name=f"{__name__}.retrieve_event",
    result_key="event",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class EventsResource:
    """Operations tagged "events": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list_clinic_key_events": _LIST_CLINIC_KEY_EVENTS,
        "list_lab_order_events": _LIST_LAB_ORDER_EVENTS,
        "list_order_events": _LIST_ORDER_EVENTS,
        "list_patient_events": _LIST_PATIENT_EVENTS,
        "list_product_events": _LIST_PRODUCT_EVENTS,
        "list_treatment_plan_events": _LIST_TREATMENT_PLAN_EVENTS,
        "retrieve": _RETRIEVE_EVENT,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list_clinic_key_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListClinicKeyEventsEventType | Unset = UNSET,
        sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all clinic key events

        Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
        `clinic_key.revoked`). Use it to reconcile missed webhooks.

        ``GET /api/events/clinic_keys`` (operation ``list_clinic_key_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_CLINIC_KEY_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_lab_order_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListLabOrderEventsEventType | Unset = UNSET,
        sort_by: ListLabOrderEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all lab order events

        Pages through the lab order events of the last 30 days (`lab_order.updated`). Use it to
        reconcile missed webhooks.

        ``GET /api/events/lab_orders`` (operation ``list_lab_order_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_LAB_ORDER_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_order_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListOrderEventsEventType | Unset = UNSET,
        sort_by: ListOrderEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all order events

        Pages through the order events of the last 30 days (`order.placed`). Use it to reconcile
        missed webhooks.

        ``GET /api/events/orders`` (operation ``list_order_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_ORDER_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_patient_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListPatientEventsEventType | Unset = UNSET,
        sort_by: ListPatientEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all patient events

        Pages through the patient events of the last 30 days (`patient.created`,
        `patient.updated`, `patient.emancipated`). Use it to reconcile missed webhooks.

        ``GET /api/events/patients`` (operation ``list_patient_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENT_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_product_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListProductEventsEventType | Unset = UNSET,
        sort_by: ListProductEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all product events

        Pages through the product events of the last 30 days (`product.created`,
        `product.updated`, `product.description.updated`). Use it to reconcile missed webhooks.

        ``GET /api/events/products`` (operation ``list_product_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PRODUCT_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_treatment_plan_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListTreatmentPlanEventsEventType | Unset = UNSET,
        sort_by: ListTreatmentPlanEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Event]:
        """List all treatment plan events

        Pages through the treatment plan events of the last 30 days (`treatment_plan.created`,
        `treatment_plan.updated`, `treatment_plan.recommendation.updated`). Use it to reconcile
        missed webhooks.

        ``GET /api/events/treatment_plans`` (operation ``list_treatment_plan_events``)

        Returns:
            Paginator[Event]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_TREATMENT_PLAN_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
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
    ) -> Event:
        """Retrieve an event

        Returns one event with the object it is about in `data`.

        ``GET /api/events/{id}`` (operation ``retrieve_event``)

        Returns:
            Event
        """

        return cast(
            "Event",
            await self._invoker.request(
                _RETRIEVE_EVENT,
                {
                    "id": id,
                },
            ),
        )


class EventsRawResource:
    """Operations tagged "events", answering the whole HTTP response.

    Same names and arguments as `EventsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list_clinic_key_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListClinicKeyEventsEventType | Unset = UNSET,
        sort_by: ListClinicKeyEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListClinicKeyEventsResponse200]:
        """List all clinic key events

        Pages through the clinic key events of the last 30 days (`clinic_key.activated`,
        `clinic_key.revoked`). Use it to reconcile missed webhooks.

        ``GET /api/events/clinic_keys`` (operation ``list_clinic_key_events``)

        Returns:
            Response[ListClinicKeyEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_CLINIC_KEY_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_lab_order_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListLabOrderEventsEventType | Unset = UNSET,
        sort_by: ListLabOrderEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListLabOrderEventsResponse200]:
        """List all lab order events

        Pages through the lab order events of the last 30 days (`lab_order.updated`). Use it to
        reconcile missed webhooks.

        ``GET /api/events/lab_orders`` (operation ``list_lab_order_events``)

        Returns:
            Response[ListLabOrderEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_LAB_ORDER_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_order_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListOrderEventsEventType | Unset = UNSET,
        sort_by: ListOrderEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListOrderEventsResponse200]:
        """List all order events

        Pages through the order events of the last 30 days (`order.placed`). Use it to reconcile
        missed webhooks.

        ``GET /api/events/orders`` (operation ``list_order_events``)

        Returns:
            Response[ListOrderEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_ORDER_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_patient_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListPatientEventsEventType | Unset = UNSET,
        sort_by: ListPatientEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientEventsResponse200]:
        """List all patient events

        Pages through the patient events of the last 30 days (`patient.created`,
        `patient.updated`, `patient.emancipated`). Use it to reconcile missed webhooks.

        ``GET /api/events/patients`` (operation ``list_patient_events``)

        Returns:
            Response[ListPatientEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENT_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_product_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListProductEventsEventType | Unset = UNSET,
        sort_by: ListProductEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListProductEventsResponse200]:
        """List all product events

        Pages through the product events of the last 30 days (`product.created`,
        `product.updated`, `product.description.updated`). Use it to reconcile missed webhooks.

        ``GET /api/events/products`` (operation ``list_product_events``)

        Returns:
            Response[ListProductEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PRODUCT_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_treatment_plan_events(
        self,
        *,
        created_at: str | Unset = UNSET,
        event_type: ListTreatmentPlanEventsEventType | Unset = UNSET,
        sort_by: ListTreatmentPlanEventsSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListTreatmentPlanEventsResponse200]:
        """List all treatment plan events

        Pages through the treatment plan events of the last 30 days (`treatment_plan.created`,
        `treatment_plan.updated`, `treatment_plan.recommendation.updated`). Use it to reconcile
        missed webhooks.

        ``GET /api/events/treatment_plans`` (operation ``list_treatment_plan_events``)

        Returns:
            Response[ListTreatmentPlanEventsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_TREATMENT_PLAN_EVENTS,
            {
                "created_at": created_at,
                "event_type": event_type,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveEventResponse200]:
        """Retrieve an event

        Returns one event with the object it is about in `data`.

        ``GET /api/events/{id}`` (operation ``retrieve_event``)

        Returns:
            Response[RetrieveEventResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_EVENT,
            {
                "id": id,
            },
        )
