"""Operations tagged "treatment_plans", as `TreatmentPlansResource` (friendly) and `TreatmentPlansRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.activate_treatment_plan_response_200 import ActivateTreatmentPlanResponse200
    from ...models.cancel_treatment_plan_response_200 import CancelTreatmentPlanResponse200
    from ...models.create_in_office_checkout_response_201 import CreateInOfficeCheckoutResponse201
    from ...models.error import Error
    from ...models.in_office_checkout import InOfficeCheckout
    from ...models.retrieve_treatment_plan_response_200 import RetrieveTreatmentPlanResponse200
    from ...models.treatment_plan import TreatmentPlan
    from ...models.treatment_plan_update_request import TreatmentPlanUpdateRequest
    from ...models.update_treatment_plan_response_200 import UpdateTreatmentPlanResponse200
    from ...pagination import Paginator

__all__ = ["TreatmentPlansRawResource", "TreatmentPlansResource"]

_RETRIEVE_TREATMENT_PLAN = Operation(
    name="retrieve_treatment_plan",
    group="treatment_plans",
    method_name="retrieve",
    http_method="GET",
    path="/api/clinic/treatment_plans/{id}",
    module_name=f"{__name__}.retrieve_treatment_plan",
    result_key="treatment_plan",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_UPDATE_TREATMENT_PLAN = Operation(
    name="update_treatment_plan",
    group="treatment_plans",
    method_name="update",
    http_method="PATCH",
    path="/api/clinic/treatment_plans/{id}",
    module_name=f"{__name__}.update_treatment_plan",
    result_key="treatment_plan",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_ACTIVATE_TREATMENT_PLAN = Operation(
    name="activate_treatment_plan",
    group="treatment_plans",
    method_name="activate",
    http_method="PATCH",
    path="/api/clinic/treatment_plans/{treatment_plan_id}/activate",
    module_name=f"{__name__}.activate_treatment_plan",
    result_key="treatment_plan",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_CANCEL_TREATMENT_PLAN = Operation(
    name="cancel_treatment_plan",
    group="treatment_plans",
    method_name="cancel",
    http_method="PATCH",
    path="/api/clinic/treatment_plans/{treatment_plan_id}/cancel",
    module_name=f"{__name__}.cancel_treatment_plan",
    result_key="treatment_plan",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_CREATE_IN_OFFICE_CHECKOUT = Operation(
    name="create_in_office_checkout",
    group="treatment_plans",
    method_name="create_in_office_checkout",
    http_method="POST",
    path="/api/clinic/treatment_plans/{treatment_plan_id}/in_office_checkout",
    module_name=f"{__name__}.create_in_office_checkout",
    result_key="in_office_checkout",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class TreatmentPlansResource:
    """Operations tagged "treatment_plans": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "retrieve": _RETRIEVE_TREATMENT_PLAN,
        "update": _UPDATE_TREATMENT_PLAN,
        "activate": _ACTIVATE_TREATMENT_PLAN,
        "cancel": _CANCEL_TREATMENT_PLAN,
        "create_in_office_checkout": _CREATE_IN_OFFICE_CHECKOUT,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> TreatmentPlan:
        """Retrieve a treatment plan

        Returns one treatment plan with its recommendations.

        ``GET /api/clinic/treatment_plans/{id}`` (operation ``retrieve_treatment_plan``)

        Returns:
            TreatmentPlan
        """

        return cast(
            "TreatmentPlan",
            await self._invoker.request(
                _RETRIEVE_TREATMENT_PLAN,
                {
                    "id": id,
                },
            ),
        )

    async def update(
        self,
        id: str,
        *,
        body: TreatmentPlanUpdateRequest,
    ) -> TreatmentPlan:
        """Update a treatment plan

        Replaces the recommendations of a treatment plan and optionally its message and metadata.

        ``PATCH /api/clinic/treatment_plans/{id}`` (operation ``update_treatment_plan``)

        Returns:
            TreatmentPlan
        """

        return cast(
            "TreatmentPlan",
            await self._invoker.request(
                _UPDATE_TREATMENT_PLAN,
                {
                    "id": id,
                    "body": body,
                },
            ),
        )

    async def activate(
        self,
        treatment_plan_id: str,
    ) -> TreatmentPlan:
        """Activate a treatment plan

        Turns a draft treatment plan into an active one and sends it to the patient. Restricted:
        Fullscript grants access to this endpoint on request only; other apps receive 403.

        ``PATCH /api/clinic/treatment_plans/{treatment_plan_id}/activate`` (operation ``activate_treatment_plan``)

        Returns:
            TreatmentPlan
        """

        return cast(
            "TreatmentPlan",
            await self._invoker.request(
                _ACTIVATE_TREATMENT_PLAN,
                {
                    "treatment_plan_id": treatment_plan_id,
                },
            ),
        )

    async def cancel(
        self,
        treatment_plan_id: str,
    ) -> TreatmentPlan:
        """Cancel a treatment plan

        Cancels an active treatment plan.

        ``PATCH /api/clinic/treatment_plans/{treatment_plan_id}/cancel`` (operation ``cancel_treatment_plan``)

        Returns:
            TreatmentPlan
        """

        return cast(
            "TreatmentPlan",
            await self._invoker.request(
                _CANCEL_TREATMENT_PLAN,
                {
                    "treatment_plan_id": treatment_plan_id,
                },
            ),
        )

    async def create_in_office_checkout(
        self,
        treatment_plan_id: str,
    ) -> InOfficeCheckout:
        """Create an in-office checkout

        Empties the patient's cart, fills it with the treatment plan and returns the address where
        the practitioner completes the purchase with the patient.

        ``POST /api/clinic/treatment_plans/{treatment_plan_id}/in_office_checkout`` (operation ``create_in_office_checkout``)

        Returns:
            InOfficeCheckout
        """

        return cast(
            "InOfficeCheckout",
            await self._invoker.request(
                _CREATE_IN_OFFICE_CHECKOUT,
                {
                    "treatment_plan_id": treatment_plan_id,
                },
            ),
        )


class TreatmentPlansRawResource:
    """Operations tagged "treatment_plans", answering the whole HTTP response.

    Same names and arguments as `TreatmentPlansResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveTreatmentPlanResponse200]:
        """Retrieve a treatment plan

        Returns one treatment plan with its recommendations.

        ``GET /api/clinic/treatment_plans/{id}`` (operation ``retrieve_treatment_plan``)

        Returns:
            Response[RetrieveTreatmentPlanResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_TREATMENT_PLAN,
            {
                "id": id,
            },
        )

    async def update(
        self,
        id: str,
        *,
        body: TreatmentPlanUpdateRequest,
    ) -> Response[UpdateTreatmentPlanResponse200]:
        """Update a treatment plan

        Replaces the recommendations of a treatment plan and optionally its message and metadata.

        ``PATCH /api/clinic/treatment_plans/{id}`` (operation ``update_treatment_plan``)

        Returns:
            Response[UpdateTreatmentPlanResponse200]
        """

        return await self._invoker.request_raw(
            _UPDATE_TREATMENT_PLAN,
            {
                "id": id,
                "body": body,
            },
        )

    async def activate(
        self,
        treatment_plan_id: str,
    ) -> Response[ActivateTreatmentPlanResponse200]:
        """Activate a treatment plan

        Turns a draft treatment plan into an active one and sends it to the patient. Restricted:
        Fullscript grants access to this endpoint on request only; other apps receive 403.

        ``PATCH /api/clinic/treatment_plans/{treatment_plan_id}/activate`` (operation ``activate_treatment_plan``)

        Returns:
            Response[ActivateTreatmentPlanResponse200]
        """

        return await self._invoker.request_raw(
            _ACTIVATE_TREATMENT_PLAN,
            {
                "treatment_plan_id": treatment_plan_id,
            },
        )

    async def cancel(
        self,
        treatment_plan_id: str,
    ) -> Response[CancelTreatmentPlanResponse200]:
        """Cancel a treatment plan

        Cancels an active treatment plan.

        ``PATCH /api/clinic/treatment_plans/{treatment_plan_id}/cancel`` (operation ``cancel_treatment_plan``)

        Returns:
            Response[CancelTreatmentPlanResponse200]
        """

        return await self._invoker.request_raw(
            _CANCEL_TREATMENT_PLAN,
            {
                "treatment_plan_id": treatment_plan_id,
            },
        )

    async def create_in_office_checkout(
        self,
        treatment_plan_id: str,
    ) -> Response[CreateInOfficeCheckoutResponse201]:
        """Create an in-office checkout

        Empties the patient's cart, fills it with the treatment plan and returns the address where
        the practitioner completes the purchase with the patient.

        ``POST /api/clinic/treatment_plans/{treatment_plan_id}/in_office_checkout`` (operation ``create_in_office_checkout``)

        Returns:
            Response[CreateInOfficeCheckoutResponse201]
        """

        return await self._invoker.request_raw(
            _CREATE_IN_OFFICE_CHECKOUT,
            {
                "treatment_plan_id": treatment_plan_id,
            },
        )
