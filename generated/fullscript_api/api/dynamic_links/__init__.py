"""Operations tagged "dynamic_links", as `DynamicLinksResource` (friendly) and `DynamicLinksRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.create_gateway_treatment_plan_link_response_200 import (
        CreateGatewayTreatmentPlanLinkResponse200,
    )
    from ...models.create_treatment_plan_link_response_200 import CreateTreatmentPlanLinkResponse200
    from ...models.dynamic_link import DynamicLink
    from ...models.dynamic_link_create_request import DynamicLinkCreateRequest
    from ...models.error import Error
    from ...models.gateway_dynamic_link_create_request import GatewayDynamicLinkCreateRequest
    from ...models.redirect_url import RedirectUrl
    from ...models.retrieve_treatment_plan_link_response_200 import (
        RetrieveTreatmentPlanLinkResponse200,
    )
    from ...pagination import Paginator

__all__ = ["DynamicLinksRawResource", "DynamicLinksResource"]

_CREATE_GATEWAY_TREATMENT_PLAN_LINK = Operation(
    name="create_gateway_treatment_plan_link",
    group="dynamic_links",
    method_name="create_gateway_treatment_plan_link",
    http_method="POST",
    path="/api/clinic/dynamic_links/gateway/treatment_plans",
    module_name=f"{__name__}.create_gateway_treatment_plan_link",
    result_key="dynamic_links",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_NEW_TREATMENT_PLAN_LINK = Operation(
    name="retrieve_new_treatment_plan_link",
    group="dynamic_links",
    method_name="retrieve_new_treatment_plan_link",
    http_method="GET",
    path="/api/clinic/dynamic_links/treatment_plans",
    module_name=f"{__name__}.retrieve_new_treatment_plan_link",
    result_key="redirect_url",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_CREATE_TREATMENT_PLAN_LINK = Operation(
    name="create_treatment_plan_link",
    group="dynamic_links",
    method_name="create_treatment_plan_link",
    http_method="POST",
    path="/api/clinic/dynamic_links/treatment_plans",
    module_name=f"{__name__}.create_treatment_plan_link",
    result_key="dynamic_links",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)
_RETRIEVE_TREATMENT_PLAN_LINK = Operation(
    name="retrieve_treatment_plan_link",
    group="dynamic_links",
    method_name="retrieve_treatment_plan_link",
    http_method="GET",
    path="/api/clinic/dynamic_links/treatment_plans/{id}",
    module_name=f"{__name__}.retrieve_treatment_plan_link",
    result_key="dynamic_links",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class DynamicLinksResource:
    """Operations tagged "dynamic_links": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "create_gateway_treatment_plan_link": _CREATE_GATEWAY_TREATMENT_PLAN_LINK,
        "retrieve_new_treatment_plan_link": _RETRIEVE_NEW_TREATMENT_PLAN_LINK,
        "create_treatment_plan_link": _CREATE_TREATMENT_PLAN_LINK,
        "retrieve_treatment_plan_link": _RETRIEVE_TREATMENT_PLAN_LINK,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def create_gateway_treatment_plan_link(
        self,
        *,
        body: GatewayDynamicLinkCreateRequest,
    ) -> DynamicLink:
        """Create a draft treatment plan link with patient matching

        Returns a link that opens a draft treatment plan behind Fullscript's patient matching
        screen (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient
        may be created.

        ``POST /api/clinic/dynamic_links/gateway/treatment_plans`` (operation ``create_gateway_treatment_plan_link``)

        Returns:
            DynamicLink
        """

        return cast(
            "DynamicLink",
            await self._invoker.request(
                _CREATE_GATEWAY_TREATMENT_PLAN_LINK,
                {
                    "body": body,
                },
            ),
        )

    async def retrieve_new_treatment_plan_link(
        self,
    ) -> str:
        """Retrieve a new treatment plan link

        Returns a bare `redirect_url` that opens a new treatment plan in Fullscript.

        ``GET /api/clinic/dynamic_links/treatment_plans`` (operation ``retrieve_new_treatment_plan_link``)

        Returns:
            str
        """

        return cast(
            "str",
            await self._invoker.request(
                _RETRIEVE_NEW_TREATMENT_PLAN_LINK,
                {},
            ),
        )

    async def create_treatment_plan_link(
        self,
        *,
        body: DynamicLinkCreateRequest,
    ) -> DynamicLink:
        """Create a draft treatment plan link

        Returns a link to a draft treatment plan for the practitioner, finding or creating the
        patient described (no dependents; use the gateway link for those). Needs `clinic:write`,
        plus `patients:write` when a patient may be created.

        ``POST /api/clinic/dynamic_links/treatment_plans`` (operation ``create_treatment_plan_link``)

        Returns:
            DynamicLink
        """

        return cast(
            "DynamicLink",
            await self._invoker.request(
                _CREATE_TREATMENT_PLAN_LINK,
                {
                    "body": body,
                },
            ),
        )

    async def retrieve_treatment_plan_link(
        self,
        id: str,
    ) -> DynamicLink:
        """Retrieve a treatment plan link

        Returns a link that opens an existing treatment plan.

        ``GET /api/clinic/dynamic_links/treatment_plans/{id}`` (operation ``retrieve_treatment_plan_link``)

        Returns:
            DynamicLink
        """

        return cast(
            "DynamicLink",
            await self._invoker.request(
                _RETRIEVE_TREATMENT_PLAN_LINK,
                {
                    "id": id,
                },
            ),
        )


class DynamicLinksRawResource:
    """Operations tagged "dynamic_links", answering the whole HTTP response.

    Same names and arguments as `DynamicLinksResource` except that list operations take the page
    parameters and return one page. The result is a `Response` (status code, headers including
    ``X-Request-Id``, body, and ``parsed``: the body as the API sent it). Errors still raise.
    """

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    async def create_gateway_treatment_plan_link(
        self,
        *,
        body: GatewayDynamicLinkCreateRequest,
    ) -> Response[CreateGatewayTreatmentPlanLinkResponse200]:
        """Create a draft treatment plan link with patient matching

        Returns a link that opens a draft treatment plan behind Fullscript's patient matching
        screen (supports dependents). Needs `clinic:write`, plus `patients:write` when a patient
        may be created.

        ``POST /api/clinic/dynamic_links/gateway/treatment_plans`` (operation ``create_gateway_treatment_plan_link``)

        Returns:
            Response[CreateGatewayTreatmentPlanLinkResponse200]
        """

        return await self._invoker.request_raw(
            _CREATE_GATEWAY_TREATMENT_PLAN_LINK,
            {
                "body": body,
            },
        )

    async def retrieve_new_treatment_plan_link(
        self,
    ) -> Response[RedirectUrl]:
        """Retrieve a new treatment plan link

        Returns a bare `redirect_url` that opens a new treatment plan in Fullscript.

        ``GET /api/clinic/dynamic_links/treatment_plans`` (operation ``retrieve_new_treatment_plan_link``)

        Returns:
            Response[RedirectUrl]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_NEW_TREATMENT_PLAN_LINK,
            {},
        )

    async def create_treatment_plan_link(
        self,
        *,
        body: DynamicLinkCreateRequest,
    ) -> Response[CreateTreatmentPlanLinkResponse200]:
        """Create a draft treatment plan link

        Returns a link to a draft treatment plan for the practitioner, finding or creating the
        patient described (no dependents; use the gateway link for those). Needs `clinic:write`,
        plus `patients:write` when a patient may be created.

        ``POST /api/clinic/dynamic_links/treatment_plans`` (operation ``create_treatment_plan_link``)

        Returns:
            Response[CreateTreatmentPlanLinkResponse200]
        """

        return await self._invoker.request_raw(
            _CREATE_TREATMENT_PLAN_LINK,
            {
                "body": body,
            },
        )

    async def retrieve_treatment_plan_link(
        self,
        id: str,
    ) -> Response[RetrieveTreatmentPlanLinkResponse200]:
        """Retrieve a treatment plan link

        Returns a link that opens an existing treatment plan.

        ``GET /api/clinic/dynamic_links/treatment_plans/{id}`` (operation ``retrieve_treatment_plan_link``)

        Returns:
            Response[RetrieveTreatmentPlanLinkResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_TREATMENT_PLAN_LINK,
            {
                "id": id,
            },
        )
