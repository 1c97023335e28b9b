"""Operations tagged "patients", as `PatientsResource` (friendly) and `PatientsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.address import Address
    from ...models.create_patient_response_201 import CreatePatientResponse201
    from ...models.create_patient_treatment_plan_response_201 import (
        CreatePatientTreatmentPlanResponse201,
    )
    from ...models.error import Error
    from ...models.list_patient_addresses_response_200 import ListPatientAddressesResponse200
    from ...models.list_patient_dependents_response_200 import ListPatientDependentsResponse200
    from ...models.list_patient_orders_response_200 import ListPatientOrdersResponse200
    from ...models.list_patient_treatment_plans_response_200 import (
        ListPatientTreatmentPlansResponse200,
    )
    from ...models.list_patient_treatment_plans_sort_by import ListPatientTreatmentPlansSortBy
    from ...models.list_patients_patient_type import ListPatientsPatientType
    from ...models.list_patients_response_200 import ListPatientsResponse200
    from ...models.order import Order
    from ...models.patient import Patient
    from ...models.patient_create_request import PatientCreateRequest
    from ...models.patient_update_request import PatientUpdateRequest
    from ...models.retrieve_patient_response_200 import RetrievePatientResponse200
    from ...models.search_patients_response_200 import SearchPatientsResponse200
    from ...models.sort_direction import SortDirection
    from ...models.treatment_plan import TreatmentPlan
    from ...models.treatment_plan_create_request import TreatmentPlanCreateRequest
    from ...models.update_patient_response_200 import UpdatePatientResponse200
    from ...pagination import Paginator

__all__ = ["PatientsRawResource", "PatientsResource"]

_LIST_PATIENTS = Operation(
    name="list_patients",
    group="patients",
    method_name="list",
    http_method="GET",
    path="/api/clinic/patients",
    module_name=f"{__name__}.list_patients",
    result_key=None,
    items_key="patients",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_CREATE_PATIENT = Operation(
    name="create_patient",
    group="patients",
    method_name="create",
    http_method="POST",
    path="/api/clinic/patients",
    module_name=f"{__name__}.create_patient",
    result_key="patient",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_PATIENT = Operation(
    name="retrieve_patient",
    group="patients",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/patients/{id}",
    module_name=f"{__name__}.retrieve_patient",
    result_key="patient",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_UPDATE_PATIENT = Operation(
    name="update_patient",
    group="patients",
    method_name="update",
    http_method="PATCH",
    path="/api/clinic/patients/{id}",
    module_name=f"{__name__}.update_patient",
    result_key="patient",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_LIST_PATIENT_ADDRESSES = Operation(
    name="list_patient_addresses",
    group="patients",
    method_name="list_addresses",
    http_method="GET",
    path="/api/clinic/patients/{patient_id}/addresses",
    module_name=f"{__name__}.list_patient_addresses",
    result_key=None,
    items_key="addresses",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PATIENT_DEPENDENTS = Operation(
    name="list_patient_dependents",
    group="patients",
    method_name="list_dependents",
    http_method="GET",
    path="/api/clinic/patients/{patient_id}/dependents",
    module_name=f"{__name__}.list_patient_dependents",
    result_key=None,
    items_key="patients",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PATIENT_ORDERS = Operation(
    name="list_patient_orders",
    group="patients",
    method_name="list_orders",
    http_method="GET",
    path="/api/clinic/patients/{patient_id}/orders",
    module_name=f"{__name__}.list_patient_orders",
    result_key=None,
    items_key="orders",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_LIST_PATIENT_TREATMENT_PLANS = Operation(
    name="list_patient_treatment_plans",
    group="patients",
    method_name="list_treatment_plans",
    http_method="GET",
    path="/api/clinic/patients/{patient_id}/treatment_plans",
    module_name=f"{__name__}.list_patient_treatment_plans",
    result_key=None,
    items_key="treatment_plans",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_CREATE_PATIENT_TREATMENT_PLAN = Operation(
    name="create_patient_treatment_plan",
    group="patients",
    method_name="create_treatment_plan",
    http_method="POST",
    path="/api/clinic/patients/{patient_id}/treatment_plans",
    module_name=f"{__name__}.create_patient_treatment_plan",
    result_key="treatment_plan",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_SEARCH_PATIENTS = Operation(
    name="search_patients",
    group="patients",
    method_name="search",
    http_method="GET",
    path="/api/clinic/search/patients",
    module_name=f"{__name__}.search_patients",
    result_key=None,
    items_key="patients",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)


class PatientsResource:
    """Operations tagged "patients": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_PATIENTS,
        "create": _CREATE_PATIENT,
        "retrieve": _RETRIEVE_PATIENT,
        "update": _UPDATE_PATIENT,
        "list_addresses": _LIST_PATIENT_ADDRESSES,
        "list_dependents": _LIST_PATIENT_DEPENDENTS,
        "list_orders": _LIST_PATIENT_ORDERS,
        "list_treatment_plans": _LIST_PATIENT_TREATMENT_PLANS,
        "create_treatment_plan": _CREATE_PATIENT_TREATMENT_PLAN,
        "search": _SEARCH_PATIENTS,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        patient_type: ListPatientsPatientType | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Patient]:
        """List all patients

        Pages through the clinic's patients; `patient_type` narrows to dependents or guardians.

        ``GET /api/clinic/patients`` (operation ``list_patients``)

        Returns:
            Paginator[Patient]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENTS,
            {
                "patient_type": patient_type,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def create(
        self,
        *,
        body: PatientCreateRequest,
    ) -> Patient:
        """Create a patient

        Adds a patient to the clinic; by default Fullscript emails them a welcome message.

        ``POST /api/clinic/patients`` (operation ``create_patient``)

        Returns:
            Patient
        """

        return cast(
            "Patient",
            await self._invoker.request(
                _CREATE_PATIENT,
                {
                    "body": body,
                },
            ),
        )

    async def retrieve(
        self,
        id: str,
    ) -> Patient:
        """Retrieve a patient

        Returns one patient of the clinic.

        ``GET /api/clinic/patients/{id}`` (operation ``retrieve_patient``)

        Returns:
            Patient
        """

        return cast(
            "Patient",
            await self._invoker.request(
                _RETRIEVE_PATIENT,
                {
                    "id": id,
                },
            ),
        )

    async def update(
        self,
        id: str,
        *,
        body: PatientUpdateRequest,
    ) -> Patient:
        """Update a patient

        Changes the given fields of a patient.

        ``PATCH /api/clinic/patients/{id}`` (operation ``update_patient``)

        Returns:
            Patient
        """

        return cast(
            "Patient",
            await self._invoker.request(
                _UPDATE_PATIENT,
                {
                    "id": id,
                    "body": body,
                },
            ),
        )

    def list_addresses(
        self,
        patient_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Address]:
        """List all patient addresses

        Pages through the addresses of a patient.

        ``GET /api/clinic/patients/{patient_id}/addresses`` (operation ``list_patient_addresses``)

        Returns:
            Paginator[Address]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENT_ADDRESSES,
            {
                "patient_id": patient_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_dependents(
        self,
        patient_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Patient]:
        """List all dependents

        Pages through the dependents a guardian patient manages.

        ``GET /api/clinic/patients/{patient_id}/dependents`` (operation ``list_patient_dependents``)

        Returns:
            Paginator[Patient]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENT_DEPENDENTS,
            {
                "patient_id": patient_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_orders(
        self,
        patient_id: str,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Order]:
        """List all patient orders

        Pages through the completed or refunded orders of a patient.

        ``GET /api/clinic/patients/{patient_id}/orders`` (operation ``list_patient_orders``)

        Returns:
            Paginator[Order]: every record, fetched `page_size` at a time (up to `limit`), with up
            to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENT_ORDERS,
            {
                "patient_id": patient_id,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    def list_treatment_plans(
        self,
        patient_id: str,
        *,
        sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[TreatmentPlan]:
        """List all patient treatment plans

        Pages through the treatment plans written for a patient.

        ``GET /api/clinic/patients/{patient_id}/treatment_plans`` (operation ``list_patient_treatment_plans``)

        Returns:
            Paginator[TreatmentPlan]: every record, fetched `page_size` at a time (up to `limit`),
            with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_PATIENT_TREATMENT_PLANS,
            {
                "patient_id": patient_id,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def create_treatment_plan(
        self,
        patient_id: str,
        *,
        body: TreatmentPlanCreateRequest,
    ) -> TreatmentPlan:
        """Create a patient treatment plan

        Writes a treatment plan for the patient, active (sent) by default or as a draft.
        Restricted: Fullscript grants access to this endpoint on request only; other apps receive
        403.

        ``POST /api/clinic/patients/{patient_id}/treatment_plans`` (operation ``create_patient_treatment_plan``)

        Returns:
            TreatmentPlan
        """

        return cast(
            "TreatmentPlan",
            await self._invoker.request(
                _CREATE_PATIENT_TREATMENT_PLAN,
                {
                    "patient_id": patient_id,
                    "body": body,
                },
            ),
        )

    def search(
        self,
        *,
        query: str | Unset = UNSET,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[Patient]:
        """Search for patients

        Pages through patients whose name or email matches the query.

        ``GET /api/clinic/search/patients`` (operation ``search_patients``)

        Returns:
            Paginator[Patient]: every record, fetched `page_size` at a time (up to `limit`), with
            up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _SEARCH_PATIENTS,
            {
                "query": query,
            },
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )


class PatientsRawResource:
    """Operations tagged "patients", answering the whole HTTP response.

    Same names and arguments as `PatientsResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def list(
        self,
        *,
        patient_type: ListPatientsPatientType | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientsResponse200]:
        """List all patients

        Pages through the clinic's patients; `patient_type` narrows to dependents or guardians.

        ``GET /api/clinic/patients`` (operation ``list_patients``)

        Returns:
            Response[ListPatientsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENTS,
            {
                "patient_type": patient_type,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def create(
        self,
        *,
        body: PatientCreateRequest,
    ) -> Response[CreatePatientResponse201]:
        """Create a patient

        Adds a patient to the clinic; by default Fullscript emails them a welcome message.

        ``POST /api/clinic/patients`` (operation ``create_patient``)

        Returns:
            Response[CreatePatientResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_PATIENT,
            {
                "body": body,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrievePatientResponse200]:
        """Retrieve a patient

        Returns one patient of the clinic.

        ``GET /api/clinic/patients/{id}`` (operation ``retrieve_patient``)

        Returns:
            Response[RetrievePatientResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_PATIENT,
            {
                "id": id,
            },
        )

    async def update(
        self,
        id: str,
        *,
        body: PatientUpdateRequest,
    ) -> Response[UpdatePatientResponse200]:
        """Update a patient

        Changes the given fields of a patient.

        ``PATCH /api/clinic/patients/{id}`` (operation ``update_patient``)

        Returns:
            Response[UpdatePatientResponse200]
        """

        return await self._invoker.request_raw(
            _UPDATE_PATIENT,
            {
                "id": id,
                "body": body,
            },
        )

    async def list_addresses(
        self,
        patient_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientAddressesResponse200]:
        """List all patient addresses

        Pages through the addresses of a patient.

        ``GET /api/clinic/patients/{patient_id}/addresses`` (operation ``list_patient_addresses``)

        Returns:
            Response[ListPatientAddressesResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENT_ADDRESSES,
            {
                "patient_id": patient_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_dependents(
        self,
        patient_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientDependentsResponse200]:
        """List all dependents

        Pages through the dependents a guardian patient manages.

        ``GET /api/clinic/patients/{patient_id}/dependents`` (operation ``list_patient_dependents``)

        Returns:
            Response[ListPatientDependentsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENT_DEPENDENTS,
            {
                "patient_id": patient_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_orders(
        self,
        patient_id: str,
        *,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientOrdersResponse200]:
        """List all patient orders

        Pages through the completed or refunded orders of a patient.

        ``GET /api/clinic/patients/{patient_id}/orders`` (operation ``list_patient_orders``)

        Returns:
            Response[ListPatientOrdersResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENT_ORDERS,
            {
                "patient_id": patient_id,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def list_treatment_plans(
        self,
        patient_id: str,
        *,
        sort_by: ListPatientTreatmentPlansSortBy | Unset = UNSET,
        order_by: SortDirection | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[ListPatientTreatmentPlansResponse200]:
        """List all patient treatment plans

        Pages through the treatment plans written for a patient.

        ``GET /api/clinic/patients/{patient_id}/treatment_plans`` (operation ``list_patient_treatment_plans``)

        Returns:
            Response[ListPatientTreatmentPlansResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_PATIENT_TREATMENT_PLANS,
            {
                "patient_id": patient_id,
                "sort_by": sort_by,
                "order_by": order_by,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def create_treatment_plan(
        self,
        patient_id: str,
        *,
        body: TreatmentPlanCreateRequest,
    ) -> Response[CreatePatientTreatmentPlanResponse201]:
        """Create a patient treatment plan

        Writes a treatment plan for the patient, active (sent) by default or as a draft.
        Restricted: Fullscript grants access to this endpoint on request only; other apps receive
        403.

        ``POST /api/clinic/patients/{patient_id}/treatment_plans`` (operation ``create_patient_treatment_plan``)

        Returns:
            Response[CreatePatientTreatmentPlanResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_PATIENT_TREATMENT_PLAN,
            {
                "patient_id": patient_id,
                "body": body,
            },
        )

    async def search(
        self,
        *,
        query: str | Unset = UNSET,
        page: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> Response[SearchPatientsResponse200]:
        """Search for patients

        Pages through patients whose name or email matches the query.

        ``GET /api/clinic/search/patients`` (operation ``search_patients``)

        Returns:
            Response[SearchPatientsResponse200]
        """

        return await self._invoker.request_raw(
            _SEARCH_PATIENTS,
            {
                "query": query,
                "pagenumber": page,
                "pagesize": page_size,
            },
        )
