"""Operations tagged "third_party_certifications", as `ThirdPartyCertificationsResource` (friendly) and `ThirdPartyCertificationsRawResource` (raw)."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, cast

from ...types import UNSET, Response, Unset
from .. import Operation, OperationInvoker

# Models are named only in annotations, and each endpoint module is imported by its
# `Operation` on first use: using the group loads nothing of an operation not called.
if TYPE_CHECKING:
    from ...models.error import Error
    from ...models.list_third_party_certifications_response_200 import (
        ListThirdPartyCertificationsResponse200,
    )
    from ...models.retrieve_third_party_certification_response_200 import (
        RetrieveThirdPartyCertificationResponse200,
    )
    from ...models.third_party_certification import ThirdPartyCertification
    from ...pagination import Paginator

__all__ = ["ThirdPartyCertificationsRawResource", "ThirdPartyCertificationsResource"]

_LIST_THIRD_PARTY_CERTIFICATIONS = Operation(
    name="list_third_party_certifications",
    group="third_party_certifications",
    method_name="list",
    http_method="GET",
    path="/api/catalog/third_party_certifications",
    module_name=f"{__name__}.list_third_party_certifications",
    result_key=None,
    items_key="third_party_certifications",
    page_number_param="pagenumber",
    page_size_param="pagesize",
)
_RETRIEVE_THIRD_PARTY_CERTIFICATION = Operation(
    name="retrieve_third_party_certification",
    group="third_party_certifications",
    method_name="retrieve",
    http_method="GET",
    path="/api/catalog/third_party_certifications/{id}",
    module_name=f"{__name__}.retrieve_third_party_certification",
    result_key="third_party_certification",
    items_key=None,
    page_number_param=None,
    page_size_param=None,
)


class ThirdPartyCertificationsResource:
    """Operations tagged "third_party_certifications": typed arguments, unwrapped typed results.

    List operations return a `Paginator` (``async for item in ...``); the others are
    coroutines. Errors raise ``fullscript`` exceptions.
    """

    OPERATIONS: ClassVar[dict[str, Operation]] = {
        "list": _LIST_THIRD_PARTY_CERTIFICATIONS,
        "retrieve": _RETRIEVE_THIRD_PARTY_CERTIFICATION,
    }

    def __init__(self, invoker: OperationInvoker) -> None:
        self._invoker = invoker

    def list(
        self,
        *,
        page_size: int = 100,
        limit: int | None = None,
        prefetch: int = 0,
    ) -> Paginator[ThirdPartyCertification]:
        """List all third party certifications

        Pages through every third party certification of the Fullscript catalog.

        ``GET /api/catalog/third_party_certifications`` (operation ``list_third_party_certifications``)

        Returns:
            Paginator[ThirdPartyCertification]: every record, fetched `page_size` at a time (up to
            `limit`), with up to `prefetch` pages fetched ahead.
        """

        return self._invoker.paginate(
            _LIST_THIRD_PARTY_CERTIFICATIONS,
            {},
            page_size=page_size,
            limit=limit,
            prefetch=prefetch,
        )

    async def retrieve(
        self,
        id: str,
    ) -> ThirdPartyCertification:
        """Retrieve a third party certification

        Returns one third party certification by its identifier.

        ``GET /api/catalog/third_party_certifications/{id}`` (operation ``retrieve_third_party_certification``)

        Returns:
            ThirdPartyCertification
        """

        return cast(
            "ThirdPartyCertification",
            await self._invoker.request(
                _RETRIEVE_THIRD_PARTY_CERTIFICATION,
                {
                    "id": id,
                },
            ),
        )


class ThirdPartyCertificationsRawResource:
    """Operations tagged "third_party_certifications", answering the whole HTTP response.

    Same names and arguments as `ThirdPartyCertificationsResource` except that list operations take the page
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
    ) -> Response[ListThirdPartyCertificationsResponse200]:
        """List all third party certifications

        Pages through every third party certification of the Fullscript catalog.

        ``GET /api/catalog/third_party_certifications`` (operation ``list_third_party_certifications``)

        Returns:
            Response[ListThirdPartyCertificationsResponse200]
        """

        return await self._invoker.request_raw(
            _LIST_THIRD_PARTY_CERTIFICATIONS,
            {
                "pagenumber": page,
                "pagesize": page_size,
            },
        )

    async def retrieve(
        self,
        id: str,
    ) -> Response[RetrieveThirdPartyCertificationResponse200]:
        """Retrieve a third party certification

        Returns one third party certification by its identifier.

        ``GET /api/catalog/third_party_certifications/{id}`` (operation ``retrieve_third_party_certification``)

        Returns:
            Response[RetrieveThirdPartyCertificationResponse200]
        """

        return await self._invoker.request_raw(
            _RETRIEVE_THIRD_PARTY_CERTIFICATION,
            {
                "id": id,
            },
        )
